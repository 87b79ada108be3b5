/**
 * Usage: pnpm backup [--db var/liuzhou.sqlite] [--out backups/liuzhou-<time>.sqlite]
 * Takes a consistent snapshot while the server runs (one VACUUM INTO, bounded in time however busy the
 * server is), then checks the copy's integrity.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, checkIntegrity } from '@lz/server/db/backup';
import { repoRoot } from '@lz/server/catalogue';

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
