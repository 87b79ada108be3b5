import type { User } from '@lz/shared/api/users';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const usersQuery = queryOptions({
  queryKey: ['users'],
  queryFn: ({ signal }) => apiFetch<User[]>('/users', { signal }),
});

export function useUsers() {
  return useQuery(usersQuery);
}
