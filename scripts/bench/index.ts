/**
 * Usage: pnpm bench [--dir DIR] [--reuse] [--quick] | pnpm bench --scale guangxi [--quick]
 *        | pnpm bench --scale national [--reuse] [--stop-at ISO-instant]
 *
 * Builds a city-scale and a province-scale database through the product's own write path, starts the
 * real server on each, and measures: every dashboard call over HTTP beside its raw-SQL floor, the same call
 * right after a submission, file intake (.xlsx and the largest CSV) beside raw inserts, load with
 * autocannon, and the web build's gzipped size per route. Prints a summary and writes docs/benchmarks.md.
 *
 * --dir DIR   where the databases go (default: a fresh temporary directory)
 * --reuse     reuse city.sqlite / province.sqlite already in DIR instead of rebuilding them
 * --quick     fewer samples and a shorter load run (for checking the script, not for figures)
 * --scale guangxi    only the real-name rosters at 300 k and 3 M lines on SQLite (realname.ts), written into
 *             docs/benchmarks.md's Guangxi section (--quick: 30 k / 60 k lines, into DIR/benchmarks.md;
 *             --lines 3000000: those sizes only, into DIR/benchmarks.md).
 * --scale national   only the national volume on PostgreSQL (national.ts), written into docs/benchmarks.md's
 *             national section; the default run keeps that section. --stop-at ends its bulk load in time;
 *             with --reuse it continues a build left in schema lz_national (or, when complete, only measures).
 *
 * The city and province calls and submissions run on SQLite and, when BENCH_DATABASE_URL (default the local
 * test server) answers, again on PostgreSQL over the same rows (postgres.ts).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@lz/server/catalogue';
import { dateInZone } from '@lz/shared/zoned-time';
import { buildCityDatabase, buildProvinceDatabase, writeProvinceCampaign, type BenchDatabase } from './build-databases';
import { dashboardCalls, measureAfterWrite, measureCalls } from './dashboard';
import { measureCsvIntake, measureHistoryImport, measureRawInsert, measureXlsxIntake, openReport } from './intake';
import { runLoad } from './load';
import { machineInfo } from './machine';
import {
  keepNationalSection,
  renderMarkdown,
  withNationalSection,
  writeBenchDoc,
  type EngineRun,
  type ScaleResult,
} from './report';
import { startServer, type BenchServer } from './server-process';
import { copyIntoSchema, dropSchema, measureFloorPostgres, postgresReachable, urlForSchema } from './postgres';
import { measureFloor } from './sql-floor';
import { measure, ms, timing } from './stats';
import { webSizes } from './web-size';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    scale: { type: 'string', default: 'city,province' },
    'stop-at': { type: 'string' },
    lines: { type: 'string' },
  },
});
const quick = args.quick ?? false;
const N = quick ? 30 : 300;
const dir = args.dir ?? mkdtempSync(join(tmpdir(), 'lz-bench-'));
mkdirSync(dir, { recursive: true });
const started = performance.now();
const log = (s: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

async function databases(): Promise<BenchDatabase[]> {
  const city = join(dir, 'city.sqlite');
  const province = join(dir, 'province.sqlite');
  if (args.reuse && existsSync(city) && existsSync(province)) {
    log(`reusing databases in ${dir}`);
    const { countRows } = await import('./build-databases');
    return [
      {
        label: 'city',
        dbPath: city,
        campaignDir: join(repoRoot, 'data/campaigns/liuzhou-2019-2021'),
        ...countRows(city),
        buildSeconds: NaN,
      },
      {
        label: 'province',
        dbPath: province,
        campaignDir: writeProvinceCampaign(dir),
        ...countRows(province),
        buildSeconds: NaN,
      },
    ];
  }
  log('building the city database (the seeded demo, through submitReport)…');
  const c = await buildCityDatabase(dir);
  log(`city: ${c.values.toLocaleString('en')} values in ${c.versions} versions, ${c.buildSeconds.toFixed(1)} s`);
  log('building the province database (14 cities, every city event replayed through submitReport)…');
  const p = await buildProvinceDatabase(dir, c);
  log(`province: ${p.values.toLocaleString('en')} values in ${p.versions} versions, ${p.buildSeconds.toFixed(1)} s`);
  return [c, p];
}

/** The real-name key the database was built with (beside the SQLite file), for its copies and its PostgreSQL twin. */
const piiKeyOf = (db: BenchDatabase) => `${db.dbPath}.pii-key`;

async function benchScale(db: BenchDatabase, port: number): Promise<ScaleResult> {
  // Intake writes new versions: work on a copy so --reuse always starts from the same data.
  const work = join(dir, `${db.label}-run.sqlite`);
  // A previous run's WAL beside the copy would be replayed onto it.
  for (const suffix of ['-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
  copyFileSync(db.dbPath, work);
  const server = await startServer({ dbPath: work, campaignDir: db.campaignDir, port, piiKeyFile: piiKeyOf(db) });
  const rssStartMb = server.rssMb();
  const asOf = dateInZone(new Date(), 'Asia/Shanghai');
  // 三江: Liuzhou keeps its own codes in the province database (build-databases.ts).
  const county = '450226';
  log(`${db.label}: dashboard calls over HTTP (${N} each)…`);
  const calls = await measureCalls(server, dashboardCalls(asOf, county), N);
  log(`${db.label}: raw SQL floors…`);
  const floors = Object.fromEntries(
    Object.entries(measureFloor(work, asOf, '2021-12', county, quick ? 10 : 50)).map(([k, v]) => [k, timing(v)]),
  );
  const report = openReport(work);
  log(`${db.label}: submission then overview (${report.department} ${report.month})…`);
  const afterWrite = await measureAfterWrite(server, report, asOf, quick ? 5 : 30);
  const httpFloor = await noOpRoundTrip(server);
  log(`${db.label}: .xlsx and CSV intake…`);
  const xlsx = await measureXlsxIntake(server, report, quick ? 5 : 30);
  const csv = await measureCsvIntake(server, report, quick ? 5 : 20);
  const rawInsert = measureRawInsert(csv.values, 20);
  log(`${db.label}: load, 10 connections…`);
  const load = await runLoad(server, `/api/progress?asOf=${asOf}`, quick ? 3 : 10);
  await server.stop();
  log(`${db.label}: history import (2021 in one CSV, into an empty database)…`);
  const history = await measureHistoryImport({
    sourceDb: db.dbPath,
    campaignDir: db.campaignDir,
    dir,
    port: port + 10,
    rounds: quick ? 1 : 3,
  });
  const rawHistory = measureRawInsert(history.values, 5);
  const postgres = pgVersion ? await benchPostgres(db, port + 20, asOf, county, report) : undefined;
  return {
    db,
    httpFloor,
    postgres,
    asOf,
    rssStartMb,
    storeLoadMs: server.storeLoadMs,
    calls,
    floors,
    afterWrite,
    xlsx,
    csv,
    rawInsert,
    history,
    rawHistory,
    load,
  };
}

/** The HTTP floor: a no-op route's round trip (GET /api/clock reads no table), to set sub-ms figures against. */
const noOpRoundTrip = (server: BenchServer) =>
  measure(N, 10, async () => (await fetch(`${server.url}/api/clock`)).arrayBuffer());

/**
 * The same dashboard calls, floors and submissions on PostgreSQL: the scale's database copied into a schema
 * of its own (db:copy's module, so both engines hold the same rows), a server started on it.
 */
async function benchPostgres(
  db: BenchDatabase,
  port: number,
  asOf: string,
  county: string,
  report: { department: string; month: string },
): Promise<EngineRun> {
  const schema = `bench_${db.label}`;
  log(`${db.label}: copying into PostgreSQL (schema ${schema}, db:copy)…`);
  const copySeconds = await copyIntoSchema(db.dbPath, schema);
  const server = await startServer({
    dbPath: '',
    campaignDir: db.campaignDir,
    port,
    databaseUrl: urlForSchema(schema),
    piiKeyFile: piiKeyOf(db),
  });
  const rssStartMb = server.rssMb();
  log(`${db.label}: PostgreSQL dashboard calls over HTTP (${N} each)…`);
  const calls = await measureCalls(server, dashboardCalls(asOf, county), N);
  log(`${db.label}: PostgreSQL raw SQL floors…`);
  const raw = await measureFloorPostgres(schema, asOf, '2021-12', county, quick ? 10 : 50);
  const floors = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, timing(v)]));
  log(`${db.label}: PostgreSQL submission then overview…`);
  const afterWrite = await measureAfterWrite(server, report, asOf, quick ? 5 : 30);
  const httpFloor = await noOpRoundTrip(server);
  const rssEndMb = server.rssMb();
  await server.stop();
  await dropSchema(schema);
  return {
    calls,
    floors,
    afterWrite,
    httpFloor,
    storeLoadMs: server.storeLoadMs,
    startMs: server.startMs,
    rssStartMb,
    rssEndMb,
    copySeconds,
  };
}

if (args.scale === 'guangxi') {
  const { benchGuangxi, guangxiSection } = await import('./realname');
  const m = machineInfo();
  const machine = `${m.cpu} × ${m.cores}, ${m.memoryGb} GiB, Node ${m.node}, SQLite ${m.sqlite}`;
  const lines = args.lines?.split(',').map(Number);
  const doc = join(quick || lines ? dir : join(repoRoot, 'docs'), 'benchmarks.md');
  const write = (scales: Parameters<typeof guangxiSection>[0]) => {
    const section = guangxiSection(scales, machine);
    console.log(`\n${section}`);
    writeBenchDoc(doc, withNationalSection(existsSync(doc) ? readFileSync(doc, 'utf8') : '', section, 'guangxi'));
    log(`written ${doc}`);
  };
  await benchGuangxi({ dir, quick, log, measured: write, ...(lines ? { scales: lines } : {}) });
  process.exit(0);
}
if (args.scale === 'national') {
  const { benchNational } = await import('./national');
  // Default: stop loading 40 minutes from now; --stop-at takes an ISO instant.
  const stopAt = args['stop-at'] ? new Date(args['stop-at']) : new Date(Date.now() + 40 * 60_000);
  await benchNational({ dir, stopAt, n: quick ? 10 : 100, reuse: args.reuse ?? false, log });
  process.exit(0);
}
const pgVersion = await postgresReachable();
if (!pgVersion) log('PostgreSQL not reachable at BENCH_DATABASE_URL: the PostgreSQL columns are left out');
const machine = machineInfo();
log(
  `machine: ${machine.cpu} × ${machine.cores}, ${machine.memoryGb} GiB, Node ${machine.node}, SQLite ${machine.sqlite}`,
);
const dbs = await databases();
const results: ScaleResult[] = [];
for (const [i, db] of dbs.entries()) results.push(await benchScale(db, 3400 + i));
log('web: gzipped sizes per route…');
const web = webSizes();

for (const r of results) {
  console.log(`\n${r.db.label} (${r.db.values.toLocaleString('en')} values)`);
  console.log(
    `${'call'.padEnd(26)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'floor p50'.padStart(11)}${'ratio'.padStart(7)}`,
  );
  for (const [name, t] of Object.entries(r.calls)) {
    const f = r.floors[name];
    console.log(
      name.padEnd(26) +
        ms(t.p50).padStart(8) +
        ms(t.p95).padStart(8) +
        (f ? ms(f.p50) : '—').padStart(11) +
        (f ? (t.p50 / f.p50).toFixed(2) : '—').padStart(7),
    );
  }
  console.log(
    `progress right after a submission: p50 ${ms(r.afterWrite.progressAfter.p50)} p95 ` +
      `${ms(r.afterWrite.progressAfter.p95)} ms`,
  );
  console.log(
    `xlsx intake: p50 ${ms(r.xlsx.p50)} p95 ${ms(r.xlsx.p95)} ms; CSV ${Math.round(r.csv.rowsPerSecond)} ` +
      `rows/s (${Math.round(r.csv.valuesPerSecond)} values/s) vs raw ` +
      `${Math.round(r.rawInsert.valuesPerSecond)} values/s`,
  );
  console.log(
    `history import: ${r.history.reports} reports, ${r.history.rows} lines in p50 ${ms(r.history.p50)} ms: ` +
      `${Math.round(r.history.rowsPerSecond)} lines/s (${Math.round(r.history.valuesPerSecond)} values/s) vs ` +
      `raw ${Math.round(r.rawHistory.valuesPerSecond)} values/s`,
  );
  console.log(
    `load: ${Math.round(r.load.requestsPerSecond)} req/s, p99 ${r.load.p99} ms, errors ${r.load.errors}, ` +
      `non-2xx ${r.load.non2xx}, RSS ${r.load.rssBeforeMb.toFixed(0)} → ${r.load.rssAfterMb.toFixed(0)} MB`,
  );
}
const overview = web.routes.find((r) => r.route === 'overview');
console.log(`\noverview route: ${overview ? (overview.js / 1024).toFixed(1) : '?'} KB gzipped JS`);

const markdown = renderMarkdown({
  machine: { ...machine, postgres: pgVersion },
  results,
  web,
  quick,
  totalSeconds: (performance.now() - started) / 1000,
});
if (quick) {
  writeBenchDoc(join(dir, 'benchmarks.md'), markdown);
  log(`--quick: figures written to ${join(dir, 'benchmarks.md')}, docs/benchmarks.md left alone`);
} else {
  const doc = join(repoRoot, 'docs/benchmarks.md');
  writeBenchDoc(doc, keepNationalSection(markdown, existsSync(doc) ? readFileSync(doc, 'utf8') : ''));
  log('written docs/benchmarks.md');
}
