import type { ClockInfo } from '@lz/shared/api/clock';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

/** The server's clock: a demo installation plays a day inside the campaign, which the header states. */
export const clockQuery = queryOptions({
  queryKey: queryKeys.clock,
  queryFn: ({ signal }) => apiFetch<ClockInfo>('/clock', { signal }),
  // The day moves at real speed; the header need not follow it by the second.
  staleTime: 10 * 60_000,
});

export function useServerClock() {
  return useQuery(clockQuery);
}
