import type { Session } from '@lz/shared/api/session';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiRequestError, apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

/**
 * The signed-in session, or null when there is none. `/session/current` answers 204 rather than 401 when
 * nobody is signed in, so the login page does not show a failed request in the console.
 */
export async function getSession(): Promise<Session | null> {
  try {
    return (await apiFetch<Session | null>('/session/current')) ?? null;
  } catch (e) {
    if (e instanceof ApiRequestError && e.status === 401) return null;
    throw e;
  }
}

export const sessionQuery = queryOptions({ queryKey: queryKeys.session, queryFn: getSession, staleTime: 5 * 60_000 });

export function useSession() {
  return useQuery(sessionQuery);
}

/** The signed-in user; only for components rendered inside the session guard. */
export function useUser() {
  const { data } = useSession();
  if (!data) throw new Error('useUser outside a session');
  return data.user;
}
