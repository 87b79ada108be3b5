import type { User } from '@lz/shared/api/users';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const usersQuery = queryOptions({
  queryKey: queryKeys.users.all,
  queryFn: ({ signal }) => apiFetch<User[]>('/users', { signal }),
});

export function useUsers() {
  return useQuery(usersQuery);
}
