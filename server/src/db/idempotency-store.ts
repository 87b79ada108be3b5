/** Stored answers of writes sent with an Idempotency-Key (see http/idempotency.ts). */
import { prepared, writeTransaction, type Db } from './open-database';

export interface IdempotencyRow {
  user_id: number;
  key: string;
  fingerprint: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at_ms: number;
}

/**
 * Claims `key` for a request, or returns the row already holding it. One statement decides, so two racing
 * requests with one key cannot both run. Rows older than `expireBeforeMs` are dropped first: a claim left
 * by a process killed mid-request must not block its retries for ever.
 */
export function claimKey(
  db: Db,
  k: { userId: number; key: string; fingerprint: string; nowMs: number; expireBeforeMs: number },
): { claimed: true } | { claimed: false; row: IdempotencyRow } {
  return writeTransaction(db, () => {
    prepared(db, 'DELETE FROM idempotency_keys WHERE created_at_ms < ?').run(k.expireBeforeMs);
    const inserted = prepared(
      db,
      `INSERT INTO idempotency_keys (user_id, key, fingerprint, status, content_type, body, created_at_ms)
       VALUES (@userId, @key, @fingerprint, NULL, NULL, NULL, @nowMs) ON CONFLICT (user_id, key) DO NOTHING`,
    ).run(k);
    if (inserted.changes === 1) return { claimed: true as const };
    const row = prepared(db, 'SELECT * FROM idempotency_keys WHERE user_id = ? AND key = ?').get(
      k.userId,
      k.key,
    ) as IdempotencyRow;
    return { claimed: false as const, row };
  });
}

export function recordAnswer(
  db: Db,
  a: { userId: number; key: string; status: number; contentType: string | null; body: string },
): void {
  prepared(
    db,
    'UPDATE idempotency_keys SET status = @status, content_type = @contentType, body = @body WHERE user_id = ' +
      '@userId AND key = @key',
  ).run(a);
}

/** Lets a retry run again: the first attempt failed on the server's side (5xx) or never finished. */
export function releaseKey(db: Db, userId: number, key: string): void {
  prepared(db, 'DELETE FROM idempotency_keys WHERE user_id = ? AND key = ?').run(userId, key);
}
