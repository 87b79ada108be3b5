import type { Finding } from '@lz/shared/api/findings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function closeFinding({ id, closingNote }: { id: number; closingNote: string }): Promise<Finding> {
  return apiFetch<Finding>(`/findings/${id}/close`, { method: 'POST', body: { closingNote } });
}

export function useCloseFinding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: closeFinding,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.findings.all }),
  });
}
