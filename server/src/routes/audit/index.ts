import { z } from 'zod';
import { auditEntrySchema, auditQuerySchema } from '@lz/shared/api/audit';
import { endOfDayInZone, instantOfWallClock } from '@lz/shared/zoned-time';
import { allow, defineRoutes } from '../../http/define-routes';
import { parseQuery } from '../../http/parse-input';
import { listAuditEntries } from '../../services/audit';

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

/** Read-only on purpose: there is no route that edits or deletes the audit log. */
export function auditRoutes() {
  const r = defineRoutes('/api/audit');
  r.get(
    '/',
    {
      summary: '审计日志（只读）',
      access: allow('admin'),
      query: auditQuerySchema,
      response: z.array(auditEntrySchema),
    },
    (c) => {
      const deps = c.get('deps');
      const q = parseQuery(c, auditQuerySchema);
      const zone = deps.catalogue.campaign.timeZone;
      return c.json(
        listAuditEntries(deps, { ...q, from: auditBound(q.from, 'start', zone), to: auditBound(q.to, 'end', zone) }),
      );
    },
  );
  return r.app;
}
