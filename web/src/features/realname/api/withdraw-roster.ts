import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { RosterDetail } from './answers';
import { invalidateRealname } from './upload-roster-file';

export function useWithdrawRoster(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiFetch<RosterDetail>(`/rosters/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: { reason } }),
    onSuccess: () => invalidateRealname(client),
  });
}
