import type { Finding } from '@lz/shared/api/findings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A county's 整改说明 on a finding about it. */
export function respondToFinding({ id, response }: { id: number; response: string }): Promise<Finding> {
  return apiFetch<Finding>(`/findings/${id}/response`, { method: 'POST', body: { response } });
}

export function useRespondToFinding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: respondToFinding,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.findings.all }),
  });
}
