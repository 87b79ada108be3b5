/**
 * Opens (and migrates) the database: the embedded SQLite file by default, PostgreSQL for a `postgres://` URL.
 * Both are served by one Kysely data layer; the differences between the engines live here, in the migrations
 * and in the few named helpers below (`writeTransaction`, `readSnapshot`, `lockReport`), never in a second copy of
 * a query.
 */
import Database from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { migratePostgres, migrateSqlite } from './migrate';
import type { Schema } from './schema';

export type Db = Kysely<Schema>;

/** PostgreSQL for `postgres://…` / `postgresql://…`; anything else is a SQLite path or `:memory:`. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export interface OpenOptions {
  /** PostgreSQL only: the schema to work in (each test file gets its own), created if absent. */
  schema?: string;
  /** Told which migrations this open applied (`pnpm migrate` prints them). */
  onMigrated?: (applied: number[]) => void;
}

/** `:memory:` for tests; a path is created with its folder if absent; a postgres:// URL opens a pool. */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Db> {
  const applied = isPostgresUrl(url) ? await openPostgres(url, options) : openSqlite(url);
  options.onMigrated?.(applied.migrations);
  return applied.db;
}

function openSqlite(path: string): { db: Db; migrations: number[] } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = path === ':memory:' ? new Database(migratedImage()) : new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  const migrations = migrateSqlite(raw);
  // Kysely prepares every query it runs; better-sqlite3 does not cache, so the hot path (the session lookup
  // on every request) would compile its statement each time. Statements are reused per SQL text instead.
  const statements = new Map<string, Database.Statement>();
  const database = {
    close: () => raw.close(),
    prepare(text: string) {
      let stmt = statements.get(text);
      if (!stmt) {
        stmt = raw.prepare(text);
        if (statements.size >= STATEMENT_CACHE) statements.clear();
        statements.set(text, stmt);
      }
      return stmt;
    },
  };
  return { db: new Kysely<Schema>({ dialect: new SqliteDialect({ database }) }), migrations };
}

const STATEMENT_CACHE = 500;

/**
 * An in-memory database (every test app opens one) starts from a copy of one migrated in this process, so the
 * migrations run once per process rather than once per app; a file database migrates itself as before.
 */
let memoryImage: Buffer | undefined;
function migratedImage(): Buffer {
  if (!memoryImage) {
    const first = new Database(':memory:');
    first.pragma('foreign_keys = ON');
    migrateSqlite(first);
    memoryImage = first.serialize();
    first.close();
  }
  return memoryImage;
}

/** int8 (COUNT, BIGINT ids and instants) and NUMERIC come back as numbers, as SQLite gives them. */
export const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

async function openPostgres(url: string, options: OpenOptions): Promise<{ db: Db; migrations: number[] }> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    types: pgTypes,
    max: Number(process.env.PG_POOL_SIZE ?? 10),
    // PGOPTIONS (libpq's variable, e.g. `-c statement_timeout=5s`) is kept when a schema is added to it.
    ...(schema ? { options: [process.env.PGOPTIONS, `-c search_path=${schema}`].filter(Boolean).join(' ') } : {}),
  });
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const migrations = await migratePostgres(pool);
    return { db: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), migrations };
  } catch (err) {
    await pool.end();
    throw err;
  }
}

export const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Connections inside a transaction begun by `writeTransaction` or `readSnapshot`, and their savepoint depth. */
const openTransactions = new WeakMap<Db, { depth: number }>();

/**
 * Runs `fn` in a write transaction and commits, or rolls back if it throws. `fn` gets the transaction's
 * connection and must do all its work through it (on SQLite the one connection is held until the end, so a
 * query on the outer `db` would wait for ever). Called with a connection already in a transaction, it runs
 * `fn` in a savepoint.
 *
 * SQLite takes the write lock at BEGIN (BEGIN IMMEDIATE): a deferred transaction that reads first and then writes
 * cannot wait for another process's writer, SQLite answers SQLITE_BUSY at once rather than risk a deadlock,
 * whatever busy_timeout says. Taking the lock up front makes writers from several processes queue within
 * busy_timeout instead of failing. PostgreSQL begins a READ COMMITTED transaction; writers that must not
 * interleave take `lockReport`.
 */
export async function writeTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  const open = openTransactions.get(db);
  if (open) return inSavepoint(db, open, fn);
  return db.connection().execute(async (conn) => {
    await sql.raw(isPostgres(conn) ? 'begin' : 'begin immediate').execute(conn);
    return finish(conn, fn);
  });
}

/**
 * Runs `fn` on one consistent snapshot of the database (the read model's reload): REPEATABLE READ on
 * PostgreSQL, a read transaction on SQLite, so a version number read first matches the rows read after.
 */
export async function readSnapshot<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (openTransactions.has(db)) return fn(db);
  return db.connection().execute(async (conn) => {
    await sql
      .raw(isPostgres(conn) ? 'begin transaction isolation level repeatable read read only' : 'begin')
      .execute(conn);
    return finish(conn, fn);
  });
}

async function finish<T>(conn: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  openTransactions.set(conn, { depth: 0 });
  try {
    const result = await fn(conn);
    await sql.raw('commit').execute(conn);
    return result;
  } catch (err) {
    await sql.raw('rollback').execute(conn);
    throw err;
  } finally {
    openTransactions.delete(conn);
  }
}

async function inSavepoint<T>(trx: Db, open: { depth: number }, fn: (trx: Db) => Promise<T>): Promise<T> {
  const name = `sp_${++open.depth}`;
  await sql.raw(`savepoint ${name}`).execute(trx);
  try {
    const result = await fn(trx);
    await sql.raw(`release savepoint ${name}`).execute(trx);
    return result;
  } catch (err) {
    await sql.raw(`rollback to savepoint ${name}`).execute(trx);
    await sql.raw(`release savepoint ${name}`).execute(trx);
    throw err;
  } finally {
    open.depth--;
  }
}

/**
 * Serialises writers of one report (department, month) until the transaction ends, so concurrent submissions
 * number their versions 1, 2, 3… without a gap or a duplicate. SQLite needs nothing: BEGIN IMMEDIATE already
 * lets one writer in at a time. PostgreSQL takes a transaction-scoped advisory lock on the report's key.
 */
export async function lockReport(trx: Db, department: string, month: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${`report:${department}:${month}`}))`.execute(trx);
}

/** Throws if the database does not answer (GET /api/health). */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Closes the connection (SQLite) or the pool (PostgreSQL). */
export const closeDatabase = (db: Db) => db.destroy();
