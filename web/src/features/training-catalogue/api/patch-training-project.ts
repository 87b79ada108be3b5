/** PATCH /api/training-projects/:id: standard (yuan per person), minimum hours, name and code. */
import type { PatchTrainingProject, TrainingProjectItem } from '@lz/shared/api/rosters';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

function patchTrainingProject({ id, patch }: { id: number; patch: PatchTrainingProject }) {
  return apiFetch<TrainingProjectItem>(`/training-projects/${id}`, { method: 'PATCH', body: patch });
}

export function usePatchTrainingProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: patchTrainingProject,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.trainingCatalogue.all }),
  });
}
