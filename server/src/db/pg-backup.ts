/**
 * Backup and restore on PostgreSQL, with PostgreSQL's own tools: `pg_dump --format=custom` (one consistent
 * snapshot taken in a REPEATABLE READ transaction, so it needs no pause however busy the servers are) and
 * `pg_restore --single-transaction` (all or nothing). The password never appears on a command line, where
 * `ps` would show it: it travels in PGPASSWORD.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

export interface PgTarget {
  url: string;
  /** One schema of the database (an installation kept in its own schema); the whole database without it. */
  schema?: string;
}

/** The URL without its password, and the environment that carries the password instead. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(tool, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${tool} could not be run (${r.error.message}): install PostgreSQL's client tools`);
  if (r.status !== 0) throw new Error(`${tool} failed (exit ${r.status}): ${r.stderr.trim()}`);
  return r.stdout;
}

/** Dumps the database (or one schema) to `out`, then reads the archive's table of contents back. */
export function backupPostgres(source: PgTarget, out: string): { bytes: number; tables: number } {
  if (existsSync(out)) throw new Error(`backup target ${out} already exists`);
  mkdirSync(dirname(out), { recursive: true });
  const { dbname, env } = connection(source.url);
  const only = source.schema ? ['--schema', source.schema] : [];
  run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', ...only, '--file', out, '--dbname', dbname], env);
  const toc = run('pg_restore', ['--list', out], env);
  const tables = toc.split('\n').filter((l) => / TABLE DATA /.test(l)).length;
  if (tables === 0) throw new Error(`backup ${out} holds no table data: is this the right database?`);
  return { bytes: statSync(out).size, tables };
}

export class TargetNotEmptyError extends Error {
  constructor(where: string) {
    super(
      `恢复目标 ${where} 已有本系统的数据表，未做任何改动。请恢复到新建的空数据库（createdb）。` +
        ` / The target already holds this product's tables; nothing was changed. Restore into a new, empty database.`,
    );
    this.name = 'TargetNotEmptyError';
  }
}

/** Restores `file` into `target` in one transaction; refuses a target that already holds the product's tables. */
export async function restorePostgres(file: string, target: PgTarget): Promise<void> {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'schema_migrations'
         AND ($1::text IS NULL OR table_schema = $1)`,
      [target.schema ?? null],
    );
    if (Number(rows[0]?.n ?? 0) > 0) throw new TargetNotEmptyError(target.schema ?? 'database');
  } finally {
    await client.end();
  }
  const { dbname, env } = connection(target.url);
  run('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', '--dbname', dbname, file], env);
}
