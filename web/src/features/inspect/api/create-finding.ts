import type { CreateFinding, Finding } from '@lz/shared/api/findings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createFinding(input: CreateFinding): Promise<Finding> {
  return apiFetch<Finding>('/findings', { method: 'POST', body: input });
}

export function useCreateFinding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createFinding,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.findings.all }),
  });
}
