/**
 * Usage: pnpm backup [--db var/liuzhou.sqlite] [--out backups/liuzhou-<time>.sqlite]
 * Takes a consistent snapshot while the server runs (one VACUUM INTO, bounded in time however busy the
 * server is), then checks the copy's integrity.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, checkIntegrity } from '@lz/server/db/backup';
import { repoRoot } from '@lz/server/catalogue';
import { isPostgresUrl } from '@lz/server/db/open-database';

// This tool copies the SQLite file. On PostgreSQL, its own tools do the job (and point-in-time recovery).
if (process.env.DATABASE_URL && isPostgresUrl(process.env.DATABASE_URL)) {
  console.error('DATABASE_URL 指向 PostgreSQL：请使用 PostgreSQL 自带工具 / on PostgreSQL use its own tools:');
  console.error('  pg_dump -Fc "$DATABASE_URL" -f backups/liuzhou.dump');
  process.exit(2);
}
const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' } } });
const db = resolve(values.db ?? process.env.DB_PATH ?? join(repoRoot, 'var/liuzhou.sqlite'));
const out = resolve(
  values.out ?? join(repoRoot, 'backups', `liuzhou-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`),
);
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
