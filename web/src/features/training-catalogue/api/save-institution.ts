/** POST /api/institutions and PATCH /api/institutions/:id (a status change with its date included). */
import type { Institution } from '@lz/shared/api/rosters';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface InstitutionDraft {
  name?: string;
  creditCode?: string;
  county?: string;
  type?: string;
  approved?: { occupation: string; level: string }[];
  status?: Institution['status'];
  statusSince?: string;
  statusReason?: string;
}

function saveInstitution({ id, draft }: { id: number | null; draft: InstitutionDraft }): Promise<Institution> {
  return id === null
    ? apiFetch<Institution>('/institutions', { method: 'POST', body: draft })
    : apiFetch<Institution>(`/institutions/${id}`, { method: 'PATCH', body: draft });
}

export function useSaveInstitution() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveInstitution,
    // A roster is judged by the catalogue: its lists and the 实名制 pages read it anew.
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.trainingCatalogue.all }),
  });
}
