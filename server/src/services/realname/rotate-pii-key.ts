/**
 * Key rotation of the personal data (pnpm pii:rotate): in one write transaction on either engine, every ID and
 * phone number is decrypted under the old key, encrypted under the new one and its keyed hash recomputed, and
 * the key check value replaced; a failure anywhere (a line the old key cannot open) rolls all of it back, so
 * the database is always wholly under one key. The caller stores the new key where the server reads it.
 */
import { holdsEncryptedData, readKeyCheck, writeKeyCheck } from '../../db/pii-key-store';
import { lineNumbersAfter, markRotation, rewriteLineNumbers, unmarkRotation } from '../../db/pii-rotation-store';
import { writeTransaction, type Db } from '../../db/open-database';
import { assertKeyFits, createPiiCrypto } from '../../realname/pii-crypto';
import { piiHashers } from '../../realname/protect-trainee';

/** Lines read per query: bounded memory however large the table. */
const BATCH = 1000;

export async function rotatePiiKey(db: Db, oldKey: Buffer, newKey: Buffer, now: Date): Promise<{ lines: number }> {
  if (oldKey.equals(newKey)) throw new Error('the new PII key is the old one');
  const from = createPiiCrypto(oldKey);
  const to = createPiiCrypto(newKey);
  const hashers = piiHashers(to);
  return writeTransaction(db, async (trx) => {
    assertKeyFits(from, await readKeyCheck(trx), await holdsEncryptedData(trx));
    await markRotation(trx, now.toISOString());
    let lines = 0;
    for (let after = 0; ; ) {
      const batch = await lineNumbersAfter(trx, after, BATCH);
      if (batch.length === 0) break;
      for (const l of batch) {
        // Hashed as the roster service hashes (piiHashers normalises first), so lookups keep matching.
        const idNumber = from.decrypt(l.id_cipher, 'idNumber');
        const phone = l.phone_cipher === null ? null : from.decrypt(l.phone_cipher, 'phone');
        await rewriteLineNumbers(trx, l.id, {
          id_cipher: to.encrypt(idNumber, 'idNumber'),
          id_hash: hashers.hashId(idNumber),
          phone_cipher: phone === null ? null : to.encrypt(phone, 'phone'),
          phone_hash: phone === null ? null : hashers.hashPhone(phone),
        });
      }
      lines += batch.length;
      after = batch[batch.length - 1]?.id ?? after;
    }
    await unmarkRotation(trx);
    await writeKeyCheck(trx, to.keyCheck(), now.toISOString());
    return { lines };
  });
}
