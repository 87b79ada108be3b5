import type { Session } from '@lz/shared/api/session';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function login(input: { username: string; password: string }): Promise<Session> {
  return apiFetch<Session>('/session', { method: 'POST', body: input });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Whatever another user had cached must not show through.
      client.clear();
      client.setQueryData(queryKeys.session, session);
    },
  });
}
