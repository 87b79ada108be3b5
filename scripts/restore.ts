/**
 * Usage: pnpm restore --from backups/liuzhou-….sqlite [--db var/liuzhou.sqlite]
 * Stop the server first: the restore refuses while any process has the database open. Checks the backup,
 * keeps the current database as <db>.before-restore-<time>, and puts the backup in its place; start the
 * server again afterwards.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseInUseError, restoreDatabase } from '@lz/server/db/backup';
import { repoRoot } from '@lz/server/catalogue';
import { isPostgresUrl } from '@lz/server/db/open-database';

// This tool copies the SQLite file. On PostgreSQL, its own tools do the job (and point-in-time recovery).
if (process.env.DATABASE_URL && isPostgresUrl(process.env.DATABASE_URL)) {
  console.error('DATABASE_URL 指向 PostgreSQL：请使用 PostgreSQL 自带工具 / on PostgreSQL use its own tools:');
  console.error('  pg_restore --clean --if-exists -d "$DATABASE_URL" backups/liuzhou.dump');
  process.exit(2);
}
const { values } = parseArgs({ options: { from: { type: 'string' }, db: { type: 'string' } } });
if (!values.from) {
  console.error('usage: pnpm restore --from <backup.sqlite> [--db <path>]');
  process.exit(2);
}
const db = resolve(values.db ?? process.env.DB_PATH ?? join(repoRoot, 'var/liuzhou.sqlite'));
try {
  const { keptAs } = restoreDatabase(resolve(values.from), db);
  console.log(`restored ${values.from} → ${db}${keptAs ? `; previous database kept as ${keptAs}` : ''}`);
} catch (err) {
  if (!(err instanceof DatabaseInUseError)) throw err;
  console.error(err.message);
  process.exit(1);
}
