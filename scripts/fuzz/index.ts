/**
 * Usage: pnpm fuzz [--count 1000] [--seed 1] [--port 3197] [--verbose]
 *
 * Starts the real server (server/src/main.ts under tsx) on 127.0.0.1 with a fresh database, uploads
 * `count` hostile files generated from `seed` (server/test/fuzz/hostile-files.ts: built from the template
 * the server serves) to the monthly upload route over HTTP, and polls GET /api/health throughout. Prints
 * status counts, the slowest health answer, the server's peak RSS, and whether every refused upload left
 * the database unchanged. Exits 1 on any 5xx, non-JSON answer, stalled health check or database change.
 * With DATABASE_URL=postgres://… the server runs on PostgreSQL, in a throwaway schema dropped at the end.
 *
 * --count N    files to send (default 1000)
 * --seed N     generator seed (default 1); file i of a seed is the same on every run
 * --port N     port for the server (default 3197)
 * --verbose    print every file's kind and answer
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadCatalogue, repoRoot } from '@lz/server/catalogue';
import { formIndicators } from '@lz/shared/catalogue';
import { hostileFiles } from '../../server/test/fuzz/hostile-files';
import { startServer } from '../bench/server-process';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: '3197' },
    verbose: { type: 'boolean', default: false },
  },
});
const count = Number(args.count);
const seed = Number(args.seed);
const dir = mkdtempSync(join(tmpdir(), 'lz-fuzz-'));
const dbPath = join(dir, 'fuzz.sqlite');

const pgUrl = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined;
const schema = `lz_fuzz_${process.pid}`;
const pgClient = pgUrl ? new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` }) : null;
const serverUrl = (() => {
  if (!pgUrl) return undefined;
  const u = new URL(pgUrl);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
})();
if (pgClient) {
  await pgClient.connect();
  await pgClient.query(`CREATE SCHEMA ${schema}`);
}

/** Row counts of every table (the same string for the same rows), on the engine the server runs on. */
async function counts(): Promise<string> {
  if (!pgClient) return sqliteCounts();
  const { rows } = await pgClient.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' " +
      'ORDER BY table_name COLLATE "C"',
    [schema],
  );
  const select = rows.map((r) => `(SELECT COUNT(*) FROM "${r.table_name}") AS "${r.table_name}"`).join(', ');
  return JSON.stringify((await pgClient.query(`SELECT ${select}`)).rows[0]);
}

function sqliteCounts(): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    return JSON.stringify(
      Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get()])),
    );
  } finally {
    db.close();
  }
}

const server = await startServer({
  dbPath,
  campaignDir: join(repoRoot, 'data/campaigns/liuzhou-2019-2021'),
  port: Number(args.port),
  ...(serverUrl ? { databaseUrl: serverUrl } : {}),
});
const headers = { cookie: server.cookie };
const department = 'RSJ';
const month = '2020-08';
const template = new Uint8Array(
  await (await fetch(`${server.url}/api/reports/${department}/${month}/template.xlsx`, { headers })).arrayBuffer(),
);
// A valid CSV of the same form: every county 3 = 2 + 1 in the totals, zeros elsewhere.
const catalogue = loadCatalogue();
const codes = formIndicators(catalogue, department).map((i) => i.code);
const values: Record<string, number> = { T: 3, E: 2, E1: 2, K: 1, K1: 1 };
const csv = [
  ['县区', ...codes].join(','),
  ...catalogue.units.map((u) => [u.code, ...codes.map((c) => values[c] ?? 0)].join(',')),
].join('\r\n');

let stop = false;
/** The file being uploaded, to name it when a health check is slow. */
let current = '';
const slow: string[] = [];
let maxHealthMs = 0;
let healthChecks = 0;
let healthFailures = 0;
let peakRssMb = server.rssMb();
const rssStartMb = peakRssMb;
const poll = (async () => {
  while (!stop) {
    const started = performance.now();
    try {
      const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status !== 200) healthFailures++;
    } catch {
      healthFailures++;
    }
    const ms = performance.now() - started;
    if (ms > 500) slow.push(`${ms.toFixed(0)} ms during ${current}`);
    maxHealthMs = Math.max(maxHealthMs, ms);
    healthChecks++;
    peakRssMb = Math.max(peakRssMb, server.rssMb());
    await new Promise((r) => setTimeout(r, 100));
  }
})();

const statuses: Record<string, number> = {};
const byKind: Record<string, Record<string, number>> = {};
const problems: string[] = [];
let accepted = 0;
let dbChanged = 0;
const started = performance.now();
let before = await counts();
let i = 0;
for (const file of hostileFiles({ template, csv }, seed, count)) {
  current = `${file.name} (${file.kind}, ${(file.bytes.length / 1024).toFixed(0)} KiB)`;
  const form = new FormData();
  form.append('file', new File([file.bytes], file.name));
  const res = await fetch(`${server.url}/api/reports/${department}/${month}/file`, {
    method: 'POST',
    headers,
    body: form,
  });
  const text = await res.text();
  statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  const kind = file.kind.split(' ')[0]!;
  byKind[kind] ??= {};
  byKind[kind][res.status] = (byKind[kind][res.status] ?? 0) + 1;
  let code = '';
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    problems.push(`${file.name} (${file.kind}): not JSON: ${text.slice(0, 80)}`);
  }
  if (res.status >= 500) problems.push(`${file.name} (${file.kind}): ${res.status} ${text.slice(0, 120)}`);
  const after = await counts();
  if (res.status === 201) {
    accepted++;
    before = after;
  } else {
    if (!code) problems.push(`${file.name} (${file.kind}): ${res.status} without an error code`);
    if (after !== before) {
      dbChanged++;
      problems.push(`${file.name} (${file.kind}): refused with ${res.status} but the database changed`);
      before = after;
    }
  }
  if (args.verbose) console.log(`${String(i).padStart(5)} ${file.kind.padEnd(36)} ${res.status} ${code}`);
  if (++i % 100 === 0) console.log(`… ${i} files, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
stop = true;
await poll;
const healthAfter = (await fetch(`${server.url}/api/health`)).status;
await server.stop();
rmSync(dir, { recursive: true, force: true });
if (pgClient) {
  await pgClient.query(`DROP SCHEMA ${schema} CASCADE`);
  await pgClient.end();
}

console.log(`\nfuzz summary (${pgClient ? 'PostgreSQL' : 'SQLite'})`);
console.log(`  files            ${count} (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(
  `  statuses         ${Object.entries(statuses)
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ')}`,
);
for (const [kind, s] of Object.entries(byKind).sort())
  console.log(
    `    ${kind.padEnd(20)} ${Object.entries(s)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}`,
  );
console.log(`  accepted (201)   ${accepted}`);
const healthLine = `${healthChecks} checks, max ${maxHealthMs.toFixed(0)} ms, ${healthFailures} failed`;
console.log(`  health           ${healthLine}, after the run: ${healthAfter}`);
console.log(`  server RSS       start ${rssStartMb.toFixed(0)} MB, peak ${peakRssMb.toFixed(0)} MB`);
const unchanged = dbChanged === 0 ? 'yes' : `no (${dbChanged} refused uploads changed it)`;
console.log(`  db unchanged     ${unchanged} for every refused upload`);
if (slow.length > 0)
  console.log(
    `  slow health      ${slow.length} over 500 ms:\n${slow
      .slice(0, 10)
      .map((x) => `    ${x}`)
      .join('\n')}`,
  );
if (problems.length > 0)
  console.log(
    `  problems\n${problems
      .slice(0, 30)
      .map((p) => `    ${p}`)
      .join('\n')}`,
  );
const ok = problems.length === 0 && healthFailures === 0 && maxHealthMs < 1000 && healthAfter === 200;
console.log(ok ? 'OK' : 'FAILED');
process.exit(ok ? 0 : 1);
