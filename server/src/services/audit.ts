/** Reading the audit log: calendar-date bounds are days on the campaign's wall clock. */
import type { AuditEntry, AuditQuery } from '@lz/shared/api/audit';
import { endOfDayInZone, instantOfWallClock } from '@lz/shared/zoned-time';
import { listAudit } from '../db/audit-log';
import type { Deps } from '../deps';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A from/to bound as the instant text the log stores (`Date#toISOString`, UTC), so the comparison is exact.
 * A calendar date is a day on the campaign's wall clock: `from` is its first instant, `to` its last.
 */
export function auditBound(value: string | undefined, edge: 'start' | 'end', timeZone: string): string | undefined {
  if (value === undefined) return undefined;
  const m = DATE.exec(value);
  if (!m) return new Date(value).toISOString();
  if (edge === 'end') return endOfDayInZone(value, timeZone).toISOString();
  return instantOfWallClock(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0 },
    timeZone,
  ).toISOString();
}

export function getAuditEntries(deps: Deps, q: AuditQuery): Promise<AuditEntry[]> {
  const zone = deps.catalogue.campaign.timeZone;
  return listAudit(deps.db, { ...q, from: auditBound(q.from, 'start', zone), to: auditBound(q.to, 'end', zone) });
}
