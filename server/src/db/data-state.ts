/**
 * The read model's data state (migration 008): one number every figure-changing transaction moves on, in
 * whichever process it runs, so each process's in-memory figures notice another's commit with one cheap read.
 */
import type { Db } from './open-database';

export async function readDataState(db: Db): Promise<number> {
  const row = await db.selectFrom('data_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.version;
}

/** Moves the state on inside the caller's write transaction; returns the new number. */
export async function bumpDataState(trx: Db): Promise<number> {
  const row = await trx
    .updateTable('data_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}
