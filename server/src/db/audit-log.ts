import type { AuditEntry } from '@lz/shared/api/audit';
import { prepared, type Db } from './open-database';

export interface AuditRecord {
  actor: string | null;
  action: string;
  target: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Appends one entry; callers run it inside the same transaction as the write it describes. */
export function appendAudit(db: Db, at: Date, r: AuditRecord): void {
  prepared(
    db,
    'INSERT INTO audit_log (at, actor, action, target, before, after, ip) VALUES (@at, @actor, @action, ' +
      '@target, @before, @after, @ip)',
  ).run({
    at: at.toISOString(),
    actor: r.actor,
    action: r.action,
    target: r.target,
    before: r.before === undefined ? null : JSON.stringify(r.before),
    after: r.after === undefined ? null : JSON.stringify(r.after),
    ip: r.ip ?? null,
  });
}

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

/** `from`/`to` are instants in the stored form (`toISOString`, UTC); the route turns calendar dates into them. */
export function listAudit(
  db: Db,
  q: { actor?: string; action?: string; target?: string; from?: string; to?: string; limit: number; before?: number },
): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log
       WHERE (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action = @action)
         AND (@target IS NULL OR target LIKE @target || '%')
         AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
         AND (@before IS NULL OR id < @before)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({
      actor: q.actor ?? null,
      action: q.action ?? null,
      target: q.target ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      before: q.before ?? null,
      limit: q.limit,
    }) as AuditRow[];
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}

/** Each user's last successful login, by username (the audit log keeps it; sessions end and are deleted). */
export function lastLogins(db: Db): Map<string, string> {
  const rows = db
    .prepare(`SELECT actor, max(at) AS at FROM audit_log WHERE action = 'session.login' GROUP BY actor`)
    .all() as { actor: string; at: string }[];
  return new Map(rows.map((r) => [r.actor, r.at]));
}
