/** Opens (and migrates) the SQLite file. The only place besides db/ queries that touches better-sqlite3. */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** `:memory:` for tests; a path is created with its folder if absent. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies numbered `NNN-name.sql` files not yet applied, each in its own transaction. */
export function migrate(db: Db): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, ' +
      'applied_at TEXT NOT NULL)',
  );
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-.*\.sql$/.test(f))
    .sort();
  const applied: number[] = [];
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (done.has(version)) continue;
    const sql = readFileSync(join(migrationsDir, file), 'utf8');
    writeTransaction(db, () => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        version,
        file,
        new Date().toISOString(),
      );
    });
    applied.push(version);
  }
  return applied;
}

/**
 * Runs `fn` in a transaction that takes the write lock at BEGIN (BEGIN IMMEDIATE). A deferred transaction
 * that reads first and then writes cannot wait for another process's writer: SQLite answers SQLITE_BUSY at
 * once rather than risk a deadlock, whatever busy_timeout says. Taking the lock up front makes concurrent
 * writers from several processes queue within busy_timeout instead of failing. Nested calls are savepoints.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** Throws if the database does not answer (GET /api/health). */
export function pingDatabase(db: Db): void {
  prepared(db, 'SELECT 1').get();
}

/** SQLite's count of commits by other connections to this file: it moves when another process writes. */
export function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement compiled once per connection, for queries on every request's path (the session
 * lookup). Only for plain `.get/.all/.run` use: a cached statement must not be switched to pluck/raw mode.
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let byDb = statements.get(db);
  if (!byDb) {
    byDb = new Map();
    statements.set(db, byDb);
  }
  let stmt = byDb.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    byDb.set(sql, stmt);
  }
  return stmt;
}
