import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api-client';
import { shouldRetry } from './error-view';
import { queryKeys } from './query-keys';

/**
 * The app's one query client: no retries on 4xx, a lost connection retried with back-off, no refetch on focus,
 * and a 401 anywhere ends the session.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiRequestError && error.status === 401 && query.queryKey[0] !== queryKeys.session[0]) {
          client.setQueryData(queryKeys.session, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        // Offline, queries wait (paused) and the panel says so; they run again when the connection returns.
        networkMode: 'online',
      },
      mutations: { retry: false },
    },
  });
  return client;
}
