import type { AuditEntry } from '@lz/shared/api/audit';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export interface AuditFilters {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
}

const PAGE = 100;

/**
 * The log stores UTC instants and compares `from`/`to` as text; a picked day is a day in Asia/Shanghai,
 * so it is sent as that day's first and last instant in UTC.
 */
export function dayBounds(f: AuditFilters): AuditFilters {
  const at = (date: string | undefined, time: string) =>
    date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T${time}+08:00`).toISOString() : undefined;
  return { ...f, from: at(f.from, '00:00:00.000'), to: at(f.to, '23:59:59.999') };
}

/** The audit log newest first, a page at a time (`before` = the last id seen). */
export const auditQuery = (f: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', f],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AuditEntry[]>('/audit', { params: { ...dayBounds(f), limit: PAGE, before: pageParam }, signal }),
    getNextPageParam: (last) => (last.length === PAGE ? last.at(-1)?.id : undefined),
  });

export function useAudit(f: AuditFilters) {
  return useInfiniteQuery(auditQuery(f));
}
