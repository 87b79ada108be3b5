import type { AuditEntry } from '@lz/shared/api/audit';
import type { Db } from './open-database';

export interface AuditRecord {
  actor: string | null;
  action: string;
  target: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Appends one entry; callers run it inside the same transaction as the write it describes. */
export async function appendAudit(db: Db, at: Date, r: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor: r.actor,
      action: r.action,
      target: r.target,
      before: r.before === undefined ? null : JSON.stringify(r.before),
      after: r.after === undefined ? null : JSON.stringify(r.after),
      ip: r.ip ?? null,
    })
    .execute();
}

/** `from`/`to` are instants in the stored form (`toISOString`, UTC); the route turns calendar dates into them. */
export async function listAudit(
  db: Db,
  q: { actor?: string; action?: string; target?: string; from?: string; to?: string; limit: number; before?: number },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.actor !== undefined) query = query.where('actor', '=', q.actor);
  if (q.action !== undefined) query = query.where('action', '=', q.action);
  if (q.target !== undefined) query = query.where('target', 'like', `${q.target}%`);
  if (q.from !== undefined) query = query.where('at', '>=', q.from);
  if (q.to !== undefined) query = query.where('at', '<=', q.to);
  if (q.before !== undefined) query = query.where('id', '<', q.before);
  const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}

/** Each user's last successful login, by username (the audit log keeps it; sessions end and are deleted). */
export async function lastLogins(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('audit_log')
    .select((eb) => ['actor', eb.fn.max('at').as('at')])
    .where('action', '=', 'session.login')
    .groupBy('actor')
    .execute();
  return new Map(rows.map((r) => [r.actor ?? '', r.at]));
}
