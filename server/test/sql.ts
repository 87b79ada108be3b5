/**
 * Raw SQL for tests that look at what was stored, on either engine. `?` marks a parameter (compiled to `$n` on
 * PostgreSQL). The product itself queries only through server/src/db.
 */
import { sql, type RawBuilder } from 'kysely';
import { isPostgres, type Db } from '../src/db/open-database';

function build(text: string, params: unknown[]): RawBuilder<Record<string, unknown>> {
  const parts = text.split('?');
  if (parts.length - 1 !== params.length) throw new Error(`${params.length} parameters for: ${text}`);
  let query = sql<Record<string, unknown>>`${sql.raw(parts[0] ?? '')}`;
  params.forEach((p, i) => {
    query = sql<Record<string, unknown>>`${query}${p}${sql.raw(parts[i + 1] ?? '')}`;
  });
  return query;
}

export async function rows<T = Record<string, unknown>>(db: Db, text: string, ...params: unknown[]): Promise<T[]> {
  return (await build(text, params).execute(db)).rows as T[];
}

export async function one<T = Record<string, unknown>>(db: Db, text: string, ...params: unknown[]) {
  return (await rows<T>(db, text, ...params))[0];
}

/** The first column of every row. */
export async function column(db: Db, text: string, ...params: unknown[]): Promise<unknown[]> {
  return (await rows(db, text, ...params)).map((r) => Object.values(r)[0]);
}

/** The first column of the first row. */
export async function value(db: Db, text: string, ...params: unknown[]): Promise<unknown> {
  return (await column(db, text, ...params))[0];
}

export async function run(db: Db, text: string, ...params: unknown[]): Promise<void> {
  await build(text, params).execute(db);
}

/** Every table of the database (the test's schema on PostgreSQL). */
export async function tableNames(db: Db): Promise<string[]> {
  const names = isPostgres(db)
    ? await column(
        db,
        'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ' +
          `AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`,
      )
    : await column(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      );
  return names as string[];
}
