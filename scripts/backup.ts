/**
 * Usage: pnpm backup [--db var/liuzhou.sqlite] [--out backups/liuzhou-<time>.sqlite]
 *        DATABASE_URL=postgres://… pnpm backup [--schema <name>] [--out backups/liuzhou-<time>.dump]
 * Takes a consistent snapshot while the servers run, then checks it: on SQLite one VACUUM INTO (bounded in
 * time however busy the server is) and an integrity check; on PostgreSQL pg_dump's custom format and a
 * read-back of the archive's contents (server/src/db/pg-backup.ts).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, checkIntegrity } from '@lz/server/db/backup';
import { repoRoot } from '@lz/server/catalogue';
import { isPostgresUrl } from '@lz/server/db/open-database';
import { backupPostgres } from '@lz/server/db/pg-backup';

const { values } = parseArgs({
  options: { db: { type: 'string' }, out: { type: 'string' }, schema: { type: 'string' } },
});
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

const pgUrl = process.env.DATABASE_URL;
if (pgUrl && isPostgresUrl(pgUrl)) {
  const out = resolve(values.out ?? join(repoRoot, 'backups', `liuzhou-${stamp}.dump`));
  const t0 = performance.now();
  const { bytes, tables } = backupPostgres({ url: pgUrl, ...(values.schema ? { schema: values.schema } : {}) }, out);
  const mb = (bytes / 1024 / 1024).toFixed(1);
  console.log(`backup → ${out} (${mb} MB, ${tables} tables, in ${Math.round(performance.now() - t0)} ms)`);
  process.exit(0);
}
const db = resolve(values.db ?? process.env.DB_PATH ?? join(repoRoot, 'var/liuzhou.sqlite'));
const out = resolve(values.out ?? join(repoRoot, 'backups', `liuzhou-${stamp}.sqlite`));
const t0 = performance.now();
const { bytes } = backupDatabase(db, out);
const check = checkIntegrity(out);
if (check !== 'ok') {
  console.error(`backup written to ${out} but failed its integrity check: ${check}`);
  process.exit(1);
}
console.log(
  `backup of ${db} → ${out} (${(bytes / 1024 / 1024).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ` +
    `ms, integrity ok)`,
);
