/**
 * Usage: pnpm restore --from backups/liuzhou-….sqlite [--db var/liuzhou.sqlite]
 *        DATABASE_URL=postgres://…/new_db pnpm restore --from backups/liuzhou-….dump [--schema <name>]
 * PostgreSQL: restores a `pnpm backup` dump into an EMPTY database (createdb first) in one transaction; a
 * target that already holds the product's tables is refused and left as it was.
 * Stop the server first: the restore refuses while any process has the database open. Checks the backup,
 * keeps the current database as <db>.before-restore-<time>, and puts the backup in its place; start the
 * server again afterwards.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseInUseError, restoreDatabase } from '@lz/server/db/backup';
import { repoRoot } from '@lz/server/catalogue';
import { isPostgresUrl } from '@lz/server/db/open-database';
import { restorePostgres } from '@lz/server/db/pg-backup';

const { values } = parseArgs({
  options: { from: { type: 'string' }, db: { type: 'string' }, schema: { type: 'string' } },
});
if (!values.from) {
  console.error('usage: pnpm restore --from <backup.sqlite> [--db <path>]');
  console.error('       DATABASE_URL=postgres://…/<empty database> pnpm restore --from <backup.dump>');
  process.exit(2);
}

const pgUrl = process.env.DATABASE_URL;
if (pgUrl && isPostgresUrl(pgUrl)) {
  try {
    await restorePostgres(resolve(values.from), { url: pgUrl, ...(values.schema ? { schema: values.schema } : {}) });
    console.log(`restored ${values.from} → ${pgUrl.replace(/\/\/[^@/]*@/, '//')}`);
    process.exit(0);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
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
