/**
 * Moves an installation from its SQLite file into an empty PostgreSQL database (`pnpm db:copy`).
 *
 * The tables are discovered from the schema (the target's catalogue, checked against the source's), so a table a
 * later migration adds is copied without touching this file. Everything is inserted in ONE transaction on the
 * target, ids kept, identity sequences moved past the copied ids; rows are only inserted, so the append-only
 * triggers stay on and are respected. Before COMMIT the copy is verified inside that transaction: the row count
 * of every table and a SHA-256 over every row (in primary-key order, canonically written) must equal the source's,
 * and so must the sum of the stored figures; on any difference it rolls back and the target is as it was.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { openDatabase, pgTypes } from './open-database';

/**
 * Tables the migrations themselves fill (008 inserts data_state's one row): a fresh target holds these rows, and
 * the copy replaces them with the source's. db-copy.test.ts checks this list against a freshly migrated schema.
 */
export const SEEDED_BY_MIGRATIONS: readonly string[] = ['data_state'];

export interface TableCheck {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceHash: string;
  targetHash: string;
  /** The `value` column's sum, added in key order on each side (the same order, so the same float result). */
  sourceSum?: number;
  targetSum?: number;
}

export interface CopyResult {
  tables: TableCheck[];
  /** SUM(value) of report_values on each side: the figures, as a number a person can compare. */
  figures: { source: number; target: number };
  ok: boolean;
  ms: number;
}

export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

interface TableShape {
  name: string;
  columns: string[];
  /** The primary key's columns, else every column: the order rows are hashed in. */
  order: string[];
  identity: string[];
}

const BATCH_PARAMS = 30_000;

/**
 * Copies `sourcePath` (a SQLite file, opened read-only) into `targetUrl` (migrated first if need be; `schema`
 * as in `openDatabase`). Throws CopyRefusedError, changing nothing, if the target holds data or the two schemas
 * differ; returns the verification, with `ok` false (and the target rolled back) on any mismatch.
 */
export async function copyDatabase(sourcePath: string, targetUrl: string, schema?: string): Promise<CopyResult> {
  const t0 = performance.now();
  await (await openDatabase(targetUrl, { schema })).destroy();
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  const target = new pg.Client({
    connectionString: targetUrl,
    types: pgTypes,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await target.connect();
  try {
    // One read transaction on the source: every table is read from the same snapshot even if a server writes.
    source.exec('BEGIN');
    await target.query('BEGIN');
    const tables = await targetTables(target);
    checkSameSchema(source, tables);
    await checkSameMigrations(source, target);
    await refuseIfHoldsData(target, tables);
    for (const t of tables) await copyTable(source, target, t);
    const checks: TableCheck[] = [];
    for (const t of tables) checks.push(await checkTable(source, target, t));
    const values = checks.find((c) => c.table === 'report_values');
    const figures = { source: values?.sourceSum ?? 0, target: values?.targetSum ?? 0 };
    const ok =
      checks.every((c) => c.sourceRows === c.targetRows && c.sourceHash === c.targetHash) &&
      figures.source === figures.target;
    await target.query(ok ? 'COMMIT' : 'ROLLBACK');
    return { tables: checks, figures, ok, ms: Math.round(performance.now() - t0) };
  } catch (err) {
    await target.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    if (source.inTransaction) source.exec('ROLLBACK');
    source.close();
    await target.end();
  }
}

/** The target's tables with their columns, primary keys and identity columns, parents before children. */
async function targetTables(target: pg.Client): Promise<TableShape[]> {
  const columns = await target.query<{ table_name: string; column_name: string; is_identity: string }>(
    `SELECT table_name, column_name, is_identity FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'
       AND table_name IN (SELECT table_name FROM information_schema.tables
                          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
     ORDER BY table_name, ordinal_position`,
  );
  const keys = await target.query<{ table_name: string; column_name: string }>(
    `SELECT tc.table_name, k.column_name FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage k
       ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
     WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
     ORDER BY tc.table_name, k.ordinal_position`,
  );
  const references = await target.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
     WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const shapes = new Map<string, TableShape>();
  for (const c of columns.rows) {
    const shape = shapes.get(c.table_name) ?? { name: c.table_name, columns: [], order: [], identity: [] };
    shape.columns.push(c.column_name);
    if (c.is_identity === 'YES') shape.identity.push(c.column_name);
    shapes.set(c.table_name, shape);
  }
  for (const k of keys.rows) shapes.get(k.table_name)?.order.push(k.column_name);
  for (const s of shapes.values()) if (s.order.length === 0) s.order = [...s.columns];
  const parents = new Map<string, Set<string>>();
  for (const r of references.rows) {
    const [child, parent] = [unquote(r.child), unquote(r.parent)];
    if (child !== parent) parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  }
  return parentsFirst([...shapes.values()], parents);
}

const unquote = (name: string) => name.replace(/^.*\./, '').replace(/"/g, '');

function parentsFirst(tables: TableShape[], parents: Map<string, Set<string>>): TableShape[] {
  const done = new Set<string>();
  const ordered: TableShape[] = [];
  const visit = (t: TableShape, path: string[]) => {
    if (done.has(t.name)) return;
    if (path.includes(t.name)) throw new Error(`foreign keys form a cycle: ${[...path, t.name].join(' → ')}`);
    for (const p of parents.get(t.name) ?? []) {
      const parent = tables.find((x) => x.name === p);
      if (parent) visit(parent, [...path, t.name]);
    }
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, []);
  return ordered;
}

function checkSameSchema(source: Database.Database, tables: TableShape[]): void {
  const names = (
    source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((n) => n !== 'schema_migrations');
  const missing = tables.filter((t) => !names.includes(t.name)).map((t) => t.name);
  const extra = names.filter((n) => !tables.some((t) => t.name === n));
  if (missing.length || extra.length)
    throw new CopyRefusedError(
      `两边的表不一致 / the schemas differ: only in the target [${missing.join(', ')}], ` +
        `only in the source [${extra.join(', ')}]`,
    );
  for (const t of tables) {
    const cols = (source.prepare(`PRAGMA table_info("${t.name}")`).all() as { name: string }[]).map((c) => c.name);
    const same = cols.length === t.columns.length && t.columns.every((c) => cols.includes(c));
    if (!same)
      throw new CopyRefusedError(
        `表 ${t.name} 的列不一致 / columns differ: source [${cols.join(', ')}], target [${t.columns.join(', ')}]`,
      );
  }
}

async function checkSameMigrations(source: Database.Database, target: pg.Client): Promise<void> {
  const list = (rows: { version: number }[]) => rows.map((r) => Number(r.version)).join(',');
  const from = list(source.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as never);
  const to = list((await target.query('SELECT version FROM schema_migrations ORDER BY version')).rows);
  if (from !== to)
    throw new CopyRefusedError(
      `源库的迁移 [${from}] 与目标库 [${to}] 不同：请先用 DB_PATH=<源文件> pnpm migrate 升级源库` +
        ` / the source is at other migrations than the target: migrate the source first`,
    );
}

async function refuseIfHoldsData(target: pg.Client, tables: TableShape[]): Promise<void> {
  const counts = (
    await target.query<Record<string, string>>(
      `SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM "${t.name}")::text AS "${t.name}"`).join(', ')}`,
    )
  ).rows[0] as Record<string, string>;
  const holding = tables.filter((t) => !SEEDED_BY_MIGRATIONS.includes(t.name) && Number(counts[t.name]) > 0);
  if (holding.length)
    throw new CopyRefusedError(
      `目标数据库已有数据（${holding.map((t) => `${t.name} ${counts[t.name]} 行`).join('，')}），未做任何更改。` +
        '请换一个新建的空数据库（或新 schema），且在复制之前不要启动服务器。' +
        ' / The target already holds data: nothing was changed.',
    );
}

async function copyTable(source: Database.Database, target: pg.Client, t: TableShape): Promise<void> {
  // A table the migrations filled gets the source's rows instead (none of them is append-only).
  if (SEEDED_BY_MIGRATIONS.includes(t.name)) await target.query(`DELETE FROM "${t.name}"`);
  const cols = t.columns.map((c) => `"${c}"`).join(', ');
  const perBatch = Math.max(1, Math.floor(BATCH_PARAMS / t.columns.length));
  const read = source.prepare(`SELECT ${cols} FROM "${t.name}"`).raw(true);
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const n = t.columns.length;
    const tuples = batch.map((_, r) => `(${t.columns.map((_c, i) => `$${r * n + i + 1}`).join(', ')})`);
    await target.query(`INSERT INTO "${t.name}" (${cols}) VALUES ${tuples.join(', ')}`, batch.flat());
    batch = [];
  };
  for (const row of read.iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  // The next id PostgreSQL hands out must follow the copied ones, as SQLite's would.
  for (const c of t.identity)
    await target.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX("${c}") FROM "${t.name}"), 0) + 1, false)`,
      [`"${t.name}"`, c],
    );
}

/** Every value written the same way whichever engine gave it: numbers as JS writes them, bytes as hex. */
function canonical(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (Buffer.isBuffer(v)) return `x${v.toString('hex')}`;
  if (typeof v === 'number' || typeof v === 'bigint') return `n${String(Number(v))}`;
  return `s${String(v).replace(/[\\\t\n]/g, (ch) => `\\${ch.charCodeAt(0)}`)}`;
}

const FETCH = 5_000;

async function checkTable(source: Database.Database, target: pg.Client, t: TableShape): Promise<TableCheck> {
  const cols = t.columns.map((c) => `"${c}"`).join(', ');
  // Text in byte order on both sides: SQLite's BINARY collation and PostgreSQL's "C" compare bytes alike.
  const order = t.order.map((c) => `"${c}"`).join(', ');
  const sourceHash = createHash('sha256');
  let sourceRows = 0;
  const valueAt = t.columns.indexOf('value');
  let [sourceSum, targetSum] = [0, 0];
  for (const row of source.prepare(`SELECT ${cols} FROM "${t.name}" ORDER BY ${order}`).raw(true).iterate()) {
    sourceHash.update(`${(row as unknown[]).map(canonical).join('\t')}\n`);
    if (valueAt >= 0) sourceSum += Number((row as unknown[])[valueAt]);
    sourceRows++;
  }
  const textual = await target.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
     AND data_type IN ('text', 'character varying', 'character')`,
    [t.name],
  );
  const isText = new Set(textual.rows.map((r) => r.column_name));
  const pgOrder = t.order.map((c) => (isText.has(c) ? `"${c}" COLLATE "C"` : `"${c}"`)).join(', ');
  const targetHash = createHash('sha256');
  let targetRows = 0;
  await target.query(`DECLARE lz_copy_check NO SCROLL CURSOR FOR SELECT ${cols} FROM "${t.name}" ORDER BY ${pgOrder}`);
  for (;;) {
    const { rows } = await target.query({ text: `FETCH ${FETCH} FROM lz_copy_check`, rowMode: 'array' });
    for (const row of rows as unknown[][]) {
      targetHash.update(`${row.map(canonical).join('\t')}\n`);
      if (valueAt >= 0) targetSum += Number(row[valueAt]);
    }
    targetRows += rows.length;
    if (rows.length < FETCH) break;
  }
  await target.query('CLOSE lz_copy_check');
  return {
    table: t.name,
    sourceRows,
    targetRows,
    sourceHash: sourceHash.digest('hex').slice(0, 16),
    targetHash: targetHash.digest('hex').slice(0, 16),
    ...(valueAt >= 0 ? { sourceSum, targetSum } : {}),
  };
}
