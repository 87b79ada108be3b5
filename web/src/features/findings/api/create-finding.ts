import type { CreateFinding, Finding } from '@lz/shared/api/findings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { findingsQuery } from './get-findings';

export function createFinding(input: CreateFinding): Promise<Finding> {
  return apiFetch<Finding>('/findings', { method: 'POST', body: input });
}

export function useCreateFinding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createFinding,
    onSuccess: () => client.invalidateQueries({ queryKey: findingsQuery.queryKey }),
  });
}
