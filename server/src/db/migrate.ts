/**
 * Numbered migrations, one folder per engine: `migrations/sqlite/NNN-name.sql` and
 * `migrations/postgres/NNN-name.sql`, the same numbers in both. Each file not yet applied runs in its own
 * transaction and is recorded in `schema_migrations`. They run on the driver itself, not through Kysely: a
 * migration is several statements, and Kysely runs one statement per query.
 */
import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const migrationsRoot = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

const CREATE_LEDGER =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, ' +
  'applied_at TEXT NOT NULL)';

/** The migration files of one engine, in order. */
export function migrationFiles(engine: 'sqlite' | 'postgres'): { version: number; file: string; sql: string }[] {
  const dir = join(migrationsRoot, engine);
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.sql$/.test(f))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), file, sql: readFileSync(join(dir, file), 'utf8') }));
}

/** Applies what is missing; the write lock of BEGIN IMMEDIATE keeps two processes from applying one twice. */
export function migrateSqlite(db: Database.Database): number[] {
  db.exec(CREATE_LEDGER);
  const applied: number[] = [];
  for (const m of migrationFiles('sqlite')) {
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.file,
        new Date().toISOString(),
      );
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}

/**
 * The advisory lock every migrating process takes first, so two starting together apply each file once. It is
 * one per schema (the migrations apply to the schema on the search path): installations or test databases in
 * other schemas of the same server migrate side by side instead of one after another.
 */
const MIGRATION_LOCK = "hashtext('lz-migrate:' || current_schema())";

export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await client.query(CREATE_LEDGER);
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
      );
      for (const m of migrationFiles('postgres')) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          // No parameters: pg sends it as a simple query, which may hold several statements.
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            m.version,
            m.file,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${m.file}: ${err instanceof Error ? err.message : String(err)}`);
        }
        applied.push(m.version);
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    client.release();
  }
  return applied;
}
