/** SQL of the personal-data key's check value (pii-crypto.ts) and whether encrypted data exists yet. */
import type { Db } from './open-database';

export async function readKeyCheck(db: Db): Promise<string | null> {
  const row = await db.selectFrom('pii_key_check').select('value').where('id', '=', 1).executeTakeFirst();
  return row?.value ?? null;
}

/** Records (or, while nothing is encrypted, replaces) the key check value. */
export async function writeKeyCheck(db: Db, value: string, at: string): Promise<void> {
  await db
    .insertInto('pii_key_check')
    .values({ id: 1, value, created_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ value, created_at: at }))
    .execute();
}

export async function holdsEncryptedData(db: Db): Promise<boolean> {
  return (await db.selectFrom('roster_lines').select('id').limit(1).executeTakeFirst()) !== undefined;
}
