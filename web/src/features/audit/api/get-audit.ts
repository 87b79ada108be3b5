import type { AuditEntry, AuditQueryInput } from '@lz/shared/api/audit';
import { instantOfWallClock, endOfDayInZone } from '@lz/shared/zoned-time';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type AuditFilters = Pick<AuditQueryInput, 'actor' | 'action' | 'target' | 'from' | 'to'>;

const PAGE = 100;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The log stores UTC instants and compares `from`/`to` as text; a picked day is a day on the campaign's wall
 * clock (`timeZone`), so it is sent as that day's first and last instant in UTC.
 */
export function dayBounds(f: AuditFilters, timeZone: string): AuditFilters {
  const start = (date: string | undefined) => {
    const m = date ? DATE.exec(date) : null;
    if (!m) return undefined;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return instantOfWallClock({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone).toISOString();
  };
  const end = (date: string | undefined) =>
    date && DATE.test(date) ? endOfDayInZone(date, timeZone).toISOString() : undefined;
  return { ...f, from: start(f.from), to: end(f.to) };
}

/** The audit log newest first, a page at a time (`before` = the last id seen). */
export const auditQuery = (f: AuditFilters, timeZone: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.audit.list(dayBounds(f, timeZone)),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AuditEntry[]>('/audit', {
        params: { ...dayBounds(f, timeZone), limit: PAGE, before: pageParam },
        signal,
      }),
    getNextPageParam: (last) => (last.length === PAGE ? last.at(-1)?.id : undefined),
  });

export function useAudit(f: AuditFilters, timeZone: string) {
  return useInfiniteQuery(auditQuery(f, timeZone));
}
