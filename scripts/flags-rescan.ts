/**
 * Usage: pnpm flags:rescan [--db PATH]
 * Runs the flag rules filing runs (signs of fake training, #15) over every stored, not withdrawn roster line of
 * the database the server would open (DATABASE_URL for PostgreSQL, else --db or DB_PATH, default
 * var/liuzhou.sqlite), and stores the flags not raised before, in one transaction with one audit entry. For a
 * changed catalogue (a lowered standard, a withdrawn approval) or lines loaded in bulk. The personal-data key is
 * found as the server finds it (PII_KEY, else the key file beside the database).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDeps } from '@lz/server/build-deps';
import { repoRoot } from '@lz/server/catalogue';
import { closeDatabase, isPostgresUrl } from '@lz/server/db/open-database';
import { rescanFlags } from '@lz/server/services/realname/rescan-flags';

const { values } = parseArgs({ options: { db: { type: 'string' } } });
const url = process.env.DATABASE_URL;
const target =
  url && isPostgresUrl(url) ? url : resolve(values.db ?? process.env.DB_PATH ?? join(repoRoot, 'var/liuzhou.sqlite'));
const deps = await buildDeps({ dbPath: target });
try {
  const r = await rescanFlags(deps, 'flags:rescan');
  const kinds = Object.entries(r.found).map(([k, n]) => `${k} ${n}`);
  console.log(
    `flags found: ${kinds.join(', ') || 'none'}; new ${r.added}; ID numbers decrypted ${r.decrypted}; ${r.ms} ms`,
  );
} finally {
  await closeDatabase(deps.db);
}
