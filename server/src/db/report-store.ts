/** SQL for report versions, their values and the lifecycle state. Versions are only ever inserted. */
import type { Problem } from '@lz/shared/problems';
import type { NormalizedRows } from '@lz/shared/report-body';
import { prepared, type Db } from './open-database';

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

export function getReportState(db: Db, department: string, month: string): ReportStateRow | undefined {
  return prepared(db, 'SELECT * FROM reports WHERE department = @department AND month = @month').get({
    department,
    month,
  }) as ReportStateRow | undefined;
}

export function getVersion(db: Db, department: string, month: string, version: number): VersionRow | undefined {
  return prepared(
    db,
    'SELECT * FROM report_versions WHERE department = @department AND month = @month AND version = @version',
  ).get({ department, month, version }) as VersionRow | undefined;
}

export function listVersionRows(db: Db, department: string, month: string): VersionRow[] {
  return prepared(
    db,
    'SELECT * FROM report_versions WHERE department = @department AND month = @month ORDER BY version',
  ).all({ department, month }) as VersionRow[];
}

export function versionValues(db: Db, versionId: number): { county: string; indicator: string; value: number }[] {
  return prepared(db, 'SELECT county, indicator, value FROM report_values WHERE version_id = @versionId').all({
    versionId,
  }) as {
    county: string;
    indicator: string;
    value: number;
  }[];
}

export function versionTotals(db: Db, versionId: number): Record<string, number> {
  const rows = prepared(db, 'SELECT indicator, value FROM version_totals WHERE version_id = @versionId').all({
    versionId,
  }) as {
    indicator: string;
    value: number;
  }[];
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

/** Inserts the next version with its values and totals; returns its number. Call inside a transaction. */
export function insertVersion(db: Db, v: NewVersion): { id: number; version: number } {
  const next =
    ((
      prepared(
        db,
        'SELECT MAX(version) AS latest FROM report_versions WHERE department = @department AND month = @month',
      ).get({ department: v.department, month: v.month }) as { latest: number | null } | undefined
    )?.latest ?? 0) + 1;
  const info = prepared(
    db,
    `INSERT INTO report_versions
       (department, month, version, submitted_at_ms, submitted_by, source, file_name, warnings)
     VALUES (@department, @month, @version, @submittedAtMs, @submittedBy, @source, @fileName, @warnings)`,
  ).run({
    department: v.department,
    month: v.month,
    version: next,
    submittedAtMs: v.submittedAtMs,
    submittedBy: v.submittedBy,
    source: v.source,
    fileName: v.fileName,
    warnings: JSON.stringify(v.warnings),
  });
  const id = Number(info.lastInsertRowid);
  const value = prepared(
    db,
    'INSERT INTO report_values (version_id, county, indicator, value) VALUES (@id, @county, @indicator, @value)',
  );
  for (const row of v.rows) {
    for (const [indicator, n] of Object.entries(row.values)) value.run({ id, county: row.county, indicator, value: n });
  }
  const total = prepared(
    db,
    'INSERT INTO version_totals (version_id, indicator, value) VALUES (@id, @indicator, @value)',
  );
  for (const [indicator, n] of Object.entries(v.totals)) total.run({ id, indicator, value: n });
  return { id, version: next };
}

export function appendReportEvent(
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
): void {
  prepared(
    db,
    'INSERT INTO report_events (department, month, at_ms, actor, action, version, reason) VALUES ' +
      '(@department, @month, @atMs, @actor, @action, @version, @reason)',
  ).run(e);
}

export function listReportEvents(db: Db, department: string, month: string) {
  return prepared(
    db,
    'SELECT at_ms, actor, action, version, reason FROM report_events ' +
      'WHERE department = @department AND month = @month ORDER BY at_ms, id',
  ).all({ department, month }) as {
    at_ms: number;
    actor: string;
    action: 'submit' | 'accept' | 'return' | 'unlock';
    version: number | null;
    reason: string | null;
  }[];
}

export interface EventHeadRow {
  department: string;
  month: string;
  at_ms: number;
  action: 'submit' | 'accept' | 'return' | 'unlock';
}

/** Every lifecycle event up to an instant, in the order they happened. */
export function listReportEventsUntil(db: Db, untilMs: number): EventHeadRow[] {
  return prepared(
    db,
    'SELECT department, month, at_ms, action FROM report_events WHERE at_ms <= @untilMs ORDER BY at_ms, id',
  ).all({ untilMs }) as EventHeadRow[];
}

/** One column total of a version. */
export function versionTotal(db: Db, versionId: number, indicator: string): number | undefined {
  const row = prepared(
    db,
    'SELECT value FROM version_totals WHERE version_id = @versionId AND indicator = @indicator',
  ).get({ versionId, indicator }) as { value: number } | undefined;
  return row?.value;
}

/** How many versions are stored in all. */
export function countVersions(db: Db): number {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM report_versions').get() as { n: number }).n;
}

export function upsertReportState(db: Db, s: ReportStateRow): void {
  prepared(
    db,
    `INSERT INTO reports (department, month, status, latest_version, first_submitted_at_ms, on_time, status_reason)
     VALUES (@department, @month, @status, @latest_version, @first_submitted_at_ms, @on_time, @status_reason)
     ON CONFLICT(department, month) DO UPDATE SET status = excluded.status, latest_version = excluded.latest_version,
       status_reason = excluded.status_reason`,
  ).run(s);
}

export function listReportStates(db: Db, department?: string): ReportStateRow[] {
  return (
    department
      ? prepared(db, 'SELECT * FROM reports WHERE department = @department ORDER BY month').all({ department })
      : prepared(db, 'SELECT * FROM reports ORDER BY month, department').all()
  ) as ReportStateRow[];
}
