import type { UpdateUser, User } from '@lz/shared/api/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Disable, reset the password, change role or binding: one PATCH with only what changes. */
export function updateUser({ id, patch }: { id: number; patch: UpdateUser }): Promise<User> {
  return apiFetch<User>(`/users/${id}`, { method: 'PATCH', body: patch });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}
