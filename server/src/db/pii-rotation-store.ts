/**
 * SQL of the personal-data key rotation (migration 012): the mark that lets the rotation, and only it, rewrite
 * the cipher and hash columns of roster lines, and those columns read and written in id order.
 */
import type { Db } from './open-database';

export async function markRotation(trx: Db, at: string): Promise<void> {
  await trx.insertInto('pii_rotation').values({ id: 1, started_at: at }).execute();
}

export async function unmarkRotation(trx: Db): Promise<void> {
  await trx.deleteFrom('pii_rotation').execute();
}

/** The next `limit` lines after `afterId`, only their numbers' columns. */
export function lineNumbersAfter(trx: Db, afterId: number, limit: number) {
  return trx
    .selectFrom('roster_lines')
    .select(['id', 'id_cipher', 'phone_cipher'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function rewriteLineNumbers(
  trx: Db,
  id: number,
  n: { id_cipher: string; id_hash: string; phone_cipher: string | null; phone_hash: string | null },
): Promise<void> {
  await trx.updateTable('roster_lines').set(n).where('id', '=', id).execute();
}
