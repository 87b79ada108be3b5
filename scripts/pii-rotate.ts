/**
 * Usage: pnpm pii:rotate [--db var/liuzhou.sqlite] [--new-key-file <path>]
 *        DATABASE_URL=postgres://… pnpm pii:rotate [--schema <name>] [--new-key-file <path>]
 * Rotates the personal-data key: stop the servers and take a backup (with the current key beside it) first.
 * Reads the current key as the server does (PII_KEY, else PII_KEY_FILE, else `<db>.pii-key` / var/pii.key),
 * makes a new random key and writes it, mode 0600, to `<key file>.new` BEFORE the database changes; then every
 * ID and phone number is re-encrypted and re-hashed in one transaction; then `<key file>.new` replaces the key
 * file. A crash before the commit changes nothing (delete the .new file); a crash after it leaves the new key
 * in the .new file. With PII_KEY set, the new key goes to --new-key-file (default var/pii.key.new) and the
 * operator puts it into PII_KEY before starting the servers. The key itself is never printed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@lz/server/catalogue';
import { closeDatabase, isPostgresUrl, openDatabase } from '@lz/server/db/open-database';
import { PiiKeyError } from '@lz/server/realname/pii-crypto';
import { piiKeyFile, piiKeyFor } from '@lz/server/services/realname/open-realname';
import { rotatePiiKey } from '@lz/server/services/realname/rotate-pii-key';

const { values } = parseArgs({
  options: { db: { type: 'string' }, schema: { type: 'string' }, 'new-key-file': { type: 'string' } },
});
const pgUrl = process.env.DATABASE_URL;
const dbPath =
  pgUrl && isPostgresUrl(pgUrl)
    ? pgUrl
    : resolve(values.db ?? process.env.DB_PATH ?? join(repoRoot, 'var/liuzhou.sqlite'));
if (!isPostgresUrl(dbPath) && !existsSync(dbPath)) {
  console.error(`没有数据库文件 / no database at ${dbPath}`);
  process.exit(2);
}
const fromEnv = Boolean(process.env.PII_KEY);
const keyFile = fromEnv ? null : piiKeyFile(dbPath);
if (keyFile && !existsSync(keyFile)) {
  console.error(`没有密钥文件 / no key file at ${keyFile}: nothing to rotate from`);
  process.exit(2);
}
const oldKey = piiKeyFor(dbPath);
const newKey = randomBytes(32);
const staged = resolve(values['new-key-file'] ?? (keyFile ? `${keyFile}.new` : join(repoRoot, 'var/pii.key.new')));
// 'wx': never over a staged key of an earlier rotation that may be the only copy of the key in force.
writeFileSync(staged, `${newKey.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });

const db = await openDatabase(dbPath, values.schema ? { schema: values.schema } : {});
try {
  const t0 = performance.now();
  const { lines } = await rotatePiiKey(db, oldKey, newKey, new Date());
  const ms = Math.round(performance.now() - t0);
  if (keyFile) {
    renameSync(staged, keyFile);
    console.log(`rotated ${lines} roster lines in ${ms} ms; the new key is in ${keyFile}`);
  } else {
    console.log(`rotated ${lines} roster lines in ${ms} ms; set PII_KEY to the contents of ${staged}, then delete it`);
  }
} catch (err) {
  console.error(err instanceof PiiKeyError ? `密钥不符 / ${err.message}` : err);
  console.error(`nothing changed; delete ${staged}`);
  process.exitCode = 1;
} finally {
  await closeDatabase(db);
}
