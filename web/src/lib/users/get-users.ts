import type { User } from '@lz/shared/api/users';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

export const usersQuery = queryOptions({
  queryKey: queryKeys.users.all,
  queryFn: ({ signal }) => apiFetch<User[]>('/users', { signal }),
});

export function useUsers() {
  return useQuery(usersQuery);
}
