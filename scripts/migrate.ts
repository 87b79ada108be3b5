/**
 * Usage: pnpm migrate
 * Applies the numbered migrations not yet applied (server/src/db/migrations/<engine>/NNN-name.sql) to the
 * database the server would open: DATABASE_URL when it names PostgreSQL, else the SQLite file DB_PATH
 * (default var/liuzhou.sqlite). The server applies them at start too; this runs them ahead of a deployment.
 */
import { join, resolve } from 'node:path';
import { repoRoot } from '@lz/server/catalogue';
import { closeDatabase, isPostgresUrl, openDatabase } from '@lz/server/db/open-database';

const url = process.env.DATABASE_URL;
const target = url && isPostgresUrl(url) ? url : resolve(process.env.DB_PATH ?? join(repoRoot, 'var/liuzhou.sqlite'));
let applied: number[] = [];
const db = await openDatabase(target, { onMigrated: (versions) => (applied = versions) });
await closeDatabase(db);
const where = target.replace(/\/\/[^@/]*@/, '//');
console.log(
  applied.length === 0
    ? `${where}: schema up to date`
    : `${where}: applied ${applied.map((v) => String(v).padStart(3, '0')).join(', ')}`,
);
