/**
 * Intake: a department's monthly report as a file, end to end over HTTP (upload → parse → validate →
 * store a new version), and the largest CSV a report can be (one row per county-level unit) beside the
 * floor of inserting the same values with one prepared statement in one transaction.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { measureUploads } from './dashboard';
import { startServer, type BenchServer } from './server-process';
import { timing, type Timing } from './stats';

/** A report that is not locked (submitted, not accepted), so it can take new versions. */
export function openReport(dbPath: string): { department: string; month: string } {
  const db = new Database(dbPath, { readonly: true });
  const row = db
    .prepare("SELECT department, month FROM reports WHERE status = 'submitted' ORDER BY month DESC, department LIMIT 1")
    .get() as { department: string; month: string } | undefined;
  db.close();
  if (!row) throw new Error('no unlocked report to upload into');
  return row;
}

async function upload(server: BenchServer, path: string, bytes: Uint8Array, name: string): Promise<void> {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  const res = await fetch(server.url + path, { method: 'POST', body: form, headers: { cookie: server.cookie } });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

/** The official template prefilled with the report's latest figures, uploaded back `n` times. */
export async function measureXlsxIntake(
  server: BenchServer,
  report: { department: string; month: string },
  n: number,
): Promise<Timing & { bytes: number }> {
  const base = `/api/reports/${report.department}/${report.month}`;
  const tpl = await fetch(`${server.url}${base}/template.xlsx`, { headers: { cookie: server.cookie } });
  if (!tpl.ok) throw new Error(`template: ${tpl.status}`);
  const bytes = new Uint8Array(await tpl.arrayBuffer());
  return {
    ...(await measureUploads(server, base, n, 3, () =>
      upload(server, `${base}/file`, bytes, `${report.department}-${report.month}.xlsx`),
    )),
    bytes: bytes.length,
  };
}

/** The report's latest figures written as a CSV (UTF-8 with BOM, what Excel saves), uploaded back `n` times. */
export async function measureCsvIntake(server: BenchServer, report: { department: string; month: string }, n: number) {
  const base = `/api/reports/${report.department}/${report.month}`;
  const latest = (await (await fetch(`${server.url}${base}`, { headers: { cookie: server.cookie } })).json()) as {
    rows: { county: string; values: Record<string, number> }[];
  };
  const codes = Object.keys(latest.rows[0]?.values ?? {});
  const lines = [
    `县区,${codes.join(',')}`,
    ...latest.rows.map((r) => [r.county, ...codes.map((c) => String(r.values[c] ?? 0))].join(',')),
  ];
  const bytes = new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
  const t = await measureUploads(server, base, n, 3, () => upload(server, `${base}/file`, bytes, 'report.csv'));
  const rows = latest.rows.length;
  const values = rows * codes.length;
  return { ...t, rows, values, rowsPerSecond: rows / (t.p50 / 1000), valuesPerSecond: values / (t.p50 / 1000) };
}

/**
 * The statistics office moving history in (POST /api/reports/import): 2021's reports, as the benchmark
 * database holds them (latest figures, first submission time), written as one CSV and imported into an
 * empty database, the way a new installation starts. Each round starts a fresh server on a fresh file.
 */
export async function measureHistoryImport(o: {
  sourceDb: string;
  campaignDir: string;
  dir: string;
  port: number;
  rounds: number;
}) {
  const { bytes, reports, rows, values } = historyCsv(o.sourceDb);
  const samples: number[] = [];
  for (let i = 0; i < o.rounds; i++) {
    const dbPath = join(o.dir, 'history-import.sqlite');
    for (const f of ['', '-wal', '-shm', '.pii-key', '.disclosure-key']) rmSync(`${dbPath}${f}`, { force: true });
    const server = await startServer({ dbPath, campaignDir: o.campaignDir, port: o.port });
    const t0 = performance.now();
    await upload(server, '/api/reports/import', bytes, 'history-2021.csv');
    samples.push(performance.now() - t0);
    await server.stop();
  }
  const t = timing(samples);
  return {
    ...t,
    reports,
    rows,
    values,
    bytes: bytes.length,
    rowsPerSecond: rows / (t.p50 / 1000),
    valuesPerSecond: values / (t.p50 / 1000),
  };
}

/**
 * At most 18,000 lines (the import's limit is 20,000): all of 2021 at city scale, its first months at province scale.
 */
function historyCsv(sourceDb: string) {
  const db = new Database(sourceDb, { readonly: true });
  const counties = db.prepare('SELECT COUNT(*) FROM units').pluck().get() as number;
  const reports = db
    .prepare(
      `SELECT r.department, r.month, r.first_submitted_at_ms AS at, v.id FROM reports r
       JOIN report_versions v ON v.department = r.department AND v.month = r.month AND v.version = r.latest_version
       WHERE r.month BETWEEN '2021-01' AND '2021-12' ORDER BY r.month, r.department LIMIT ?`,
    )
    .all(Math.floor(18_000 / counties)) as { department: string; month: string; at: number; id: number }[];
  const codes = db.prepare('SELECT code FROM indicators ORDER BY rowid').pluck().all() as string[];
  const valuesOf = db.prepare('SELECT county, indicator, value FROM report_values WHERE version_id = ?');
  const lines = [['填报单位', '月份', '报送时间', '县区', ...codes].join(',')];
  let values = 0;
  for (const r of reports) {
    const byCounty = new Map<string, Map<string, number>>();
    for (const v of valuesOf.all(r.id) as { county: string; indicator: string; value: number }[]) {
      if (!byCounty.has(v.county)) byCounty.set(v.county, new Map());
      byCounty.get(v.county)!.set(v.indicator, v.value);
      values++;
    }
    const at = new Date(r.at).toISOString();
    for (const [county, m] of byCounty)
      lines.push(
        [r.department, r.month, at, county, ...codes.map((c) => (m.has(c) ? String(m.get(c)) : ''))].join(','),
      );
  }
  db.close();
  return {
    bytes: new TextEncoder().encode(`\ufeff${lines.join('\r\n')}`),
    reports: reports.length,
    rows: lines.length - 1,
    values,
  };
}

/** The floor: the same number of values inserted with one prepared statement in one transaction. */
export function measureRawInsert(values: number, n: number): { p50: number; valuesPerSecond: number } {
  const db = new Database(':memory:');
  db.exec(
    'CREATE TABLE v (version_id INTEGER, county TEXT, indicator TEXT, value REAL, PRIMARY KEY (version_id, ' +
      'indicator, county)) WITHOUT ROWID',
  );
  const insert = db.prepare('INSERT INTO v VALUES (?, ?, ?, ?)');
  const perVersion = Math.max(1, Math.floor(values / 32));
  let version = 0;
  const once = db.transaction(() => {
    version++;
    for (let i = 0; i < values; i++) insert.run(version, `C${i % perVersion}`, `I${Math.floor(i / perVersion)}`, i);
  });
  const samples: number[] = [];
  for (let i = 0; i < n + 3; i++) {
    const t0 = performance.now();
    once();
    if (i >= 3) samples.push(performance.now() - t0);
  }
  db.close();
  const p50 = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? NaN;
  return { p50, valuesPerSecond: values / (p50 / 1000) };
}
