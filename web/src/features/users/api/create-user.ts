import type { CreateUser, User } from '@lz/shared/api/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createUser(input: CreateUser): Promise<User> {
  return apiFetch<User>('/users', { method: 'POST', body: input });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}
