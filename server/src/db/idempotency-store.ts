/** Stored answers of writes sent with an Idempotency-Key (see http/idempotency.ts). */
import { writeTransaction, type Db } from './open-database';

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
): Promise<{ claimed: true } | { claimed: false; row: IdempotencyRow }> {
  return writeTransaction(db, async (trx) => {
    await trx.deleteFrom('idempotency_keys').where('created_at_ms', '<', k.expireBeforeMs).execute();
    const inserted = await trx
      .insertInto('idempotency_keys')
      .values({
        user_id: k.userId,
        key: k.key,
        fingerprint: k.fingerprint,
        status: null,
        content_type: null,
        body: null,
        created_at_ms: k.nowMs,
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { claimed: true as const };
    const row = await trx
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', k.userId)
      .where('key', '=', k.key)
      .executeTakeFirstOrThrow();
    return { claimed: false as const, row };
  });
}

export async function recordAnswer(
  db: Db,
  a: { userId: number; key: string; status: number; contentType: string | null; body: string },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status: a.status, content_type: a.contentType, body: a.body })
    .where('user_id', '=', a.userId)
    .where('key', '=', a.key)
    .execute();
}

/** Lets a retry run again: the first attempt failed on the server's side (5xx) or never finished. */
export async function releaseKey(db: Db, userId: number, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();
}
