/** SQL for report versions, their values and the lifecycle state. Versions are only ever inserted. */
import type { Problem } from '@lz/shared/problems';
import type { NormalizedRows } from '@lz/shared/report-body';
import type { Db } from './open-database';

export interface VersionRow {
  id: number;
  department: string;
  month: string;
  version: number;
  submitted_at_ms: number;
  submitted_by: string;
  source: 'form' | 'file' | 'demo';
  file_name: string | null;
  warnings: string;
}

export interface ReportStateRow {
  department: string;
  month: string;
  status: 'submitted' | 'returned' | 'accepted';
  latest_version: number;
  first_submitted_at_ms: number;
  on_time: number;
  status_reason: string | null;
}

export function getReportState(db: Db, department: string, month: string): Promise<ReportStateRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('department', '=', department)
    .where('month', '=', month)
    .executeTakeFirst();
}

export function getVersion(
  db: Db,
  department: string,
  month: string,
  version: number,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('report_versions')
    .selectAll()
    .where('department', '=', department)
    .where('month', '=', month)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function listVersionRows(db: Db, department: string, month: string): Promise<VersionRow[]> {
  return db
    .selectFrom('report_versions')
    .selectAll()
    .where('department', '=', department)
    .where('month', '=', month)
    .orderBy('version')
    .execute();
}

export function versionValues(
  db: Db,
  versionId: number,
): Promise<{ county: string; indicator: string; value: number }[]> {
  return db
    .selectFrom('report_values')
    .select(['county', 'indicator', 'value'])
    .where('version_id', '=', versionId)
    .execute();
}

export async function versionTotals(db: Db, versionId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('version_totals')
    .select(['indicator', 'value'])
    .where('version_id', '=', versionId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.indicator, r.value]));
}

export interface NewVersion {
  department: string;
  month: string;
  submittedAtMs: number;
  submittedBy: string;
  source: 'form' | 'file' | 'demo';
  fileName: string | null;
  warnings: Problem[];
  rows: NormalizedRows;
  totals: Record<string, number>;
}

/** Rows per INSERT statement: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const INSERT_CHUNK = 2000;

/**
 * Inserts the next version with its values and totals; returns its number. Call inside a transaction that
 * holds `lockReport` for the report.
 */
export async function insertVersion(db: Db, v: NewVersion): Promise<{ id: number; version: number }> {
  const latest = await db
    .selectFrom('report_versions')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('department', '=', v.department)
    .where('month', '=', v.month)
    .executeTakeFirst();
  const next = (latest?.latest ?? 0) + 1;
  const { id } = await db
    .insertInto('report_versions')
    .values({
      department: v.department,
      month: v.month,
      version: next,
      submitted_at_ms: v.submittedAtMs,
      submitted_by: v.submittedBy,
      source: v.source,
      file_name: v.fileName,
      warnings: JSON.stringify(v.warnings),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const values = v.rows.flatMap((row) =>
    Object.entries(row.values).map(([indicator, value]) => ({ version_id: id, county: row.county, indicator, value })),
  );
  for (let i = 0; i < values.length; i += INSERT_CHUNK)
    await db
      .insertInto('report_values')
      .values(values.slice(i, i + INSERT_CHUNK))
      .execute();
  const totals = Object.entries(v.totals).map(([indicator, value]) => ({ version_id: id, indicator, value }));
  if (totals.length > 0) await db.insertInto('version_totals').values(totals).execute();
  return { id, version: next };
}

export async function appendReportEvent(
  db: Db,
  e: {
    department: string;
    month: string;
    atMs: number;
    actor: string;
    action: 'submit' | 'accept' | 'return' | 'unlock';
    version: number | null;
    reason: string | null;
  },
): Promise<void> {
  await db
    .insertInto('report_events')
    .values({
      department: e.department,
      month: e.month,
      at_ms: e.atMs,
      actor: e.actor,
      action: e.action,
      version: e.version,
      reason: e.reason,
    })
    .execute();
}

export function listReportEvents(db: Db, department: string, month: string) {
  return db
    .selectFrom('report_events')
    .select(['at_ms', 'actor', 'action', 'version', 'reason'])
    .where('department', '=', department)
    .where('month', '=', month)
    .orderBy('at_ms')
    .orderBy('id')
    .execute();
}

export interface EventHeadRow {
  department: string;
  month: string;
  at_ms: number;
  action: 'submit' | 'accept' | 'return' | 'unlock';
}

/** Every lifecycle event up to an instant, in the order they happened. */
export function listReportEventsUntil(db: Db, untilMs: number): Promise<EventHeadRow[]> {
  return db
    .selectFrom('report_events')
    .select(['department', 'month', 'at_ms', 'action'])
    .where('at_ms', '<=', untilMs)
    .orderBy('at_ms')
    .orderBy('id')
    .execute();
}

/** One column total of a version. */
export async function versionTotal(db: Db, versionId: number, indicator: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('version_totals')
    .select('value')
    .where('version_id', '=', versionId)
    .where('indicator', '=', indicator)
    .executeTakeFirst();
  return row?.value;
}

/** How many versions are stored in all. */
export async function countVersions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('report_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function upsertReportState(db: Db, s: ReportStateRow): Promise<void> {
  await db
    .insertInto('reports')
    .values(s)
    .onConflict((oc) =>
      oc.columns(['department', 'month']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        latest_version: eb.ref('excluded.latest_version'),
        status_reason: eb.ref('excluded.status_reason'),
      })),
    )
    .execute();
}

export function listReportStates(db: Db, department?: string): Promise<ReportStateRow[]> {
  const all = db.selectFrom('reports').selectAll();
  return department
    ? all.where('department', '=', department).orderBy('month').execute()
    : all.orderBy('month').orderBy('department').execute();
}
