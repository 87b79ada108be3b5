import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StoredFlag } from './answers';
import { invalidateRealname } from './upload-roster-file';

export interface FlagDecision {
  id: number;
  decision: 'confirm' | 'dismiss';
  note: string;
}

/** A confirmed flag opens a 督查 finding on the server, so the findings refresh too. */
export function useResolveFlag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: FlagDecision) =>
      apiFetch<StoredFlag>(`/flags/${id}/resolve`, { method: 'POST', body: { decision, note } }),
    onSuccess: () =>
      Promise.all([invalidateRealname(client), client.invalidateQueries({ queryKey: queryKeys.findings.all })]),
  });
}
