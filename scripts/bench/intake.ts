/**
 * Intake: a department's monthly report as a file, end to end over HTTP (upload → parse → validate →
 * store a new version), and the largest CSV a report can be (one row per county-level unit) beside the
 * floor of inserting the same values with one prepared statement in one transaction.
 */
import Database from 'better-sqlite3';
import type { BenchServer } from './server-process';
import { measure, type Timing } from './stats';

/** A report that is not locked (submitted, not accepted), so it can take new versions. */
export function openReport(dbPath: string): { department: string; month: string } {
  const db = new Database(dbPath, { readonly: true });
  const row = db.prepare("SELECT department, month FROM reports WHERE status = 'submitted' ORDER BY month DESC, department LIMIT 1").get() as
    | { department: string; month: string }
    | undefined;
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
export async function measureXlsxIntake(server: BenchServer, report: { department: string; month: string }, n: number): Promise<Timing & { bytes: number }> {
  const base = `/api/reports/${report.department}/${report.month}`;
  const tpl = await fetch(`${server.url}${base}/template.xlsx`, { headers: { cookie: server.cookie } });
  if (!tpl.ok) throw new Error(`template: ${tpl.status}`);
  const bytes = new Uint8Array(await tpl.arrayBuffer());
  return { ...(await measure(n, 3, () => upload(server, `${base}/file`, bytes, `${report.department}-${report.month}.xlsx`))), bytes: bytes.length };
}

/** The report's latest figures written as a CSV (UTF-8 with BOM, what Excel saves), uploaded back `n` times. */
export async function measureCsvIntake(server: BenchServer, report: { department: string; month: string }, n: number) {
  const base = `/api/reports/${report.department}/${report.month}`;
  const latest = (await (await fetch(`${server.url}${base}`, { headers: { cookie: server.cookie } })).json()) as {
    rows: { county: string; values: Record<string, number> }[];
  };
  const codes = Object.keys(latest.rows[0]?.values ?? {});
  const lines = ['县区,' + codes.join(','), ...latest.rows.map((r) => [r.county, ...codes.map((c) => String(r.values[c] ?? 0))].join(','))];
  const bytes = new TextEncoder().encode('\ufeff' + lines.join('\r\n') + '\r\n');
  const t = await measure(n, 3, () => upload(server, `${base}/file`, bytes, 'report.csv'));
  const rows = latest.rows.length;
  const values = rows * codes.length;
  return { ...t, rows, values, rowsPerSecond: rows / (t.p50 / 1000), valuesPerSecond: values / (t.p50 / 1000) };
}

/** The floor: the same number of values inserted with one prepared statement in one transaction. */
export function measureRawInsert(values: number, n: number): { p50: number; valuesPerSecond: number } {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE v (version_id INTEGER, county TEXT, indicator TEXT, value REAL, PRIMARY KEY (version_id, indicator, county)) WITHOUT ROWID');
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
