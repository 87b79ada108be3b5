/**
 * `pnpm bench --scale national`: a nation's volume on PostgreSQL — 2,850 county-level units × the campaign's
 * 25 departments × its 29 months × its indicators (≈66 million stored values) — and what the product costs on it.
 *
 * Bulk loaded, not submitted: the reference data through the product (buildDeps' sync of a campaign folder
 * with 2,850 units), then one report version per department and month with its lifecycle events by
 * INSERT … SELECT, and each department's values as ONE `INSERT … SELECT` over `unnest(units) × unnest(indicators)`
 * computed by PostgreSQL itself (value = (version id × 31 + county ordinal × 17 + indicator ordinal × 7) mod 50),
 * with the same formula packed in Node for `version_arrays` and `version_totals`. The build stops cleanly at
 * `stopAt` and records how far it got, so a slow machine gives an extrapolation rather than a runaway.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildDeps } from '@lz/server/build-deps';
import { defaultCampaignDir, loadCatalogue, repoRoot } from '@lz/server/catalogue';
import { closeDatabase, pgTypes } from '@lz/server/db/open-database';
import { layoutKey } from '@lz/server/services/progress/fact-store';
import { monthRange } from '@lz/shared/months';
import { dashboardCalls, measureCalls } from './dashboard';
import { benchPostgresUrl, dropSchema, schemaBytes, urlForSchema } from './postgres';
import { withNationalSection, writeBenchDoc } from './report';
import { startServer } from './server-process';
import { ms } from './stats';

const UNITS = 2_850;
/** Kept after the run (not dropped) so it can be measured again with --reuse. */
const SCHEMA = 'lz_national';

function writeNationalCampaign(dir: string): string {
  const out = join(dir, 'national-campaign');
  mkdirSync(out, { recursive: true });
  cpSync(defaultCampaignDir, out, { recursive: true });
  // Liuzhou's own units first (the training-institution catalogue names them), then generated ones up to UNITS.
  const own = JSON.parse(readFileSync(join(defaultCampaignDir, 'units.json'), 'utf8')) as { code: string }[];
  const generated = Array.from({ length: UNITS - own.length }, (_, j) => j + own.length).map((i) => ({
    code: `N${String(i + 1).padStart(4, '0')}`,
    name: `县级单位${String(i + 1).padStart(4, '0')}`,
    order: i + 1,
    population: 300_000 + ((i * 7919) % 700_000),
    aliases: [],
  }));
  writeFileSync(join(out, 'units.json'), JSON.stringify([...own, ...generated]));
  const campaign = JSON.parse(readFileSync(join(defaultCampaignDir, 'campaign.json'), 'utf8'));
  writeFileSync(
    join(out, 'campaign.json'),
    JSON.stringify({ ...campaign, code: 'national-bench', name: '职业技能提升行动（基准测试：全国县级）' }),
  );
  return out;
}

interface NationalResult {
  units: number;
  departments: number;
  months: number;
  indicators: number;
  departmentsLoaded: number;
  values: number;
  versions: number;
  buildSeconds: number;
  valuesSeconds: number;
  keySeconds: number;
  /** True when this run found the build complete and only measured. */
  reused: boolean;
  bytes: number;
  storeBytes: number;
  server?: {
    startMs: number;
    storeLoadMs: number;
    rssStartMb: number;
    rssEndMb: number;
    calls: Record<string, { p50: number; p95: number; coldMs: number; n: number }>;
    /** The machine's 1-minute load average before and after the calls (2 cores, shared). */
    load: [number, number];
  };
  serverError?: string;
}

/** The constraints of report_values (migration 001), dropped around the bulk load and rebuilt once after. */
const VALUE_CONSTRAINTS: [string, string][] = [
  ['report_values_pkey', 'PRIMARY KEY (version_id, indicator, county)'],
  ['report_values_version_id_fkey', 'FOREIGN KEY (version_id) REFERENCES report_versions(id)'],
  ['report_values_county_fkey', 'FOREIGN KEY (county) REFERENCES units(code)'],
  ['report_values_indicator_fkey', 'FOREIGN KEY (indicator) REFERENCES indicators(code)'],
];

/** What the build has spent so far, kept as the schema's comment so a resumed build adds to it. */
interface BuildRecord {
  buildSeconds: number;
  valuesSeconds: number;
  keySeconds: number;
}

async function readRecord(client: pg.Client): Promise<BuildRecord> {
  const { rows } = await client.query<{ c: string | null }>(
    `SELECT obj_description(oid, 'pg_namespace') AS c FROM pg_namespace WHERE nspname = $1`,
    [SCHEMA],
  );
  const empty = { buildSeconds: 0, valuesSeconds: 0, keySeconds: 0 };
  try {
    return { ...empty, ...JSON.parse(rows[0]?.c ?? '{}') };
  } catch {
    return empty;
  }
}

const writeRecord = (client: pg.Client, r: BuildRecord) =>
  client.query(`COMMENT ON SCHEMA ${SCHEMA} IS '${JSON.stringify(r)}'`);

/** Reference data through the product, then one accepted version per department × month with its events. */
async function createSkeleton(catalogue: ReturnType<typeof loadCatalogue>, departments: string[], months: string[]) {
  await dropSchema(SCHEMA);
  const deps = await buildDeps({ dbPath: benchPostgresUrl, schema: SCHEMA, catalogue });
  await closeDatabase(deps.db);
  const client = await connect();
  try {
    await client.query('BEGIN');
    // Submitted on the 5th of the next month at 09:00 Beijing time, accepted an hour later.
    await client.query(
      `INSERT INTO report_versions
         (department, month, version, submitted_at_ms, submitted_by, source, file_name, warnings)
       SELECT d, m, 1, (extract(epoch FROM (to_date(m, 'YYYY-MM') + interval '1 month 4 days 1 hour')) * 1000)::bigint,
              'bench', 'demo', NULL, '[]'
       FROM unnest($1::text[]) d CROSS JOIN unnest($2::text[]) m`,
      [departments, months],
    );
    await client.query(
      `INSERT INTO report_events (department, month, at_ms, actor, action, version, reason)
       SELECT department, month, submitted_at_ms, 'bench', 'submit', 1, NULL FROM report_versions
       UNION ALL SELECT department, month, submitted_at_ms + 3600000, 'admin', 'accept', 1, NULL FROM report_versions`,
    );
    await client.query(
      `INSERT INTO reports (department, month, status, latest_version, first_submitted_at_ms, on_time, status_reason)
       SELECT department, month, 'accepted', 1, submitted_at_ms, 1, NULL FROM report_versions`,
    );
    // Without its key and references during the load, report_values takes plain appends; rebuilt once at the end.
    for (const [name] of VALUE_CONSTRAINTS.slice().reverse())
      await client.query(`ALTER TABLE report_values DROP CONSTRAINT IF EXISTS ${name}`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: benchPostgresUrl,
    types: pgTypes,
    options: `-c search_path=${SCHEMA}`,
  });
  await client.connect();
  return client;
}

/** True when the schema holds the versions of every department × month (so only the values may be missing). */
async function skeletonComplete(expected: number): Promise<boolean> {
  const probe = new pg.Client({ connectionString: benchPostgresUrl });
  await probe.connect();
  try {
    const { rows } = await probe.query(`SELECT to_regclass($1) AS t`, [`${SCHEMA}.report_versions`]);
    if (!rows[0]?.t) return false;
    const n = await probe.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.report_versions`);
    return n.rows[0]?.n === expected;
  } finally {
    await probe.end();
  }
}

export async function benchNational(o: {
  dir: string;
  stopAt: Date;
  n: number;
  reuse: boolean;
  log: (s: string) => void;
}) {
  const { log } = o;
  const t0 = performance.now();
  const campaignDir = writeNationalCampaign(o.dir);
  const catalogue = loadCatalogue(campaignDir);
  const months = monthRange(catalogue.campaign.start, catalogue.campaign.end);
  const departments = catalogue.departments.map((d) => d.code);
  const counties = catalogue.units.map((u) => u.code);
  const indicators = catalogue.indicators.map((i) => i.code);
  log(
    `national: ${counties.length} units × ${departments.length} departments × ${months.length} months × ` +
      `${indicators.length} indicators = ` +
      `${(counties.length * departments.length * months.length * indicators.length).toLocaleString('en')} values`,
  );
  const resumed = o.reuse && (await skeletonComplete(departments.length * months.length));
  if (resumed) log(`national: --reuse: continuing the build in schema ${SCHEMA}`);
  else await createSkeleton(catalogue, departments, months);
  const client = await connect();
  const layout = layoutKey(catalogue);
  const nC = counties.length;
  const record = resumed ? await readRecord(client) : { buildSeconds: 0, valuesSeconds: 0, keySeconds: 0 };
  let departmentsLoaded = 0;
  let builtNow = false;
  try {
    await client.query('SET synchronous_commit = off');
    const versions = (
      await client.query<{ id: number; department: string }>('SELECT id, department FROM report_versions ORDER BY id')
    ).rows;
    const done = new Set(
      (
        await client.query<{ department: string }>(
          `SELECT DISTINCT v.department FROM version_arrays a JOIN report_versions v ON v.id = a.version_id`,
        )
      ).rows.map((r) => r.department),
    );
    departmentsLoaded = done.size;
    for (const department of departments) {
      if (done.has(department)) continue;
      if (new Date() >= o.stopAt) {
        log(
          `national: stopped at ${o.stopAt.toISOString()} with ${departmentsLoaded} of ${departments.length} ` +
            'departments (run again with --reuse to continue)',
        );
        break;
      }
      builtNow = true;
      const t1 = performance.now();
      const mine = versions.filter((v) => v.department === department).map((v) => v.id);
      // One transaction per department: an interrupted build resumes at the first department not committed.
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO report_values (version_id, county, indicator, value)
         SELECT v, c.code, i.code, ((v * 31 + c.ord * 17 + i.ord * 7) % 50)::float8
         FROM unnest($1::bigint[]) v, unnest($2::text[]) WITH ORDINALITY c(code, ord),
              unnest($3::text[]) WITH ORDINALITY i(code, ord)`,
        [mine, counties, indicators],
      );
      for (const id of mine) {
        const values = new Float64Array(indicators.length * nC);
        const totals: number[] = [];
        for (let i = 0; i < indicators.length; i++) {
          let sum = 0;
          for (let c = 0; c < nC; c++) {
            const v = (id * 31 + (c + 1) * 17 + (i + 1) * 7) % 50;
            values[i * nC + c] = v;
            sum += v;
          }
          totals.push(sum);
        }
        await client.query('INSERT INTO version_arrays (version_id, layout, data) VALUES ($1, $2, $3)', [
          id,
          layout,
          Buffer.from(values.buffer),
        ]);
        await client.query(
          'INSERT INTO version_totals (version_id, indicator, value) ' +
            'SELECT $1, * FROM unnest($2::text[], $3::float8[])',
          [id, indicators, totals],
        );
      }
      await client.query('UPDATE data_state SET version = version + 1');
      const seconds = (performance.now() - t1) / 1000;
      record.valuesSeconds += seconds;
      await writeRecord(client, record);
      await client.query('COMMIT');
      departmentsLoaded++;
      log(
        `national: ${department} (${departmentsLoaded}/${departments.length}) ` +
          `${(mine.length * nC * indicators.length).toLocaleString('en')} values in ${seconds.toFixed(0)} s`,
      );
    }
    const keyed = await client.query(
      `SELECT 1 FROM pg_constraint WHERE conname = 'report_values_pkey' AND connamespace = $1::regnamespace`,
      [SCHEMA],
    );
    if (departmentsLoaded === departments.length && keyed.rowCount === 0) {
      builtNow = true;
      const t2 = performance.now();
      log('national: every department loaded; rebuilding report_values key and references…');
      await client.query(`SET maintenance_work_mem = '1GB'`);
      for (const [name, def] of VALUE_CONSTRAINTS)
        await client.query(`ALTER TABLE report_values ADD CONSTRAINT ${name} ${def}`);
      record.keySeconds += (performance.now() - t2) / 1000;
      log(`national: key and references in ${record.keySeconds.toFixed(0)} s; ANALYZE…`);
      await client.query('ANALYZE');
    }
    if (builtNow) {
      record.buildSeconds += (performance.now() - t0) / 1000;
      await writeRecord(client, record);
    }
  } finally {
    await client.end();
  }
  const loadedVersions = departmentsLoaded * months.length;
  const result: NationalResult = {
    units: nC,
    departments: departments.length,
    months: months.length,
    indicators: indicators.length,
    departmentsLoaded,
    values: loadedVersions * nC * indicators.length,
    versions: loadedVersions,
    buildSeconds: record.buildSeconds,
    valuesSeconds: record.valuesSeconds,
    keySeconds: record.keySeconds,
    reused: resumed && !builtNow,
    bytes: await schemaBytes(SCHEMA),
    // The fact store: a Float64Array [indicator × county] per version, plus its totals.
    storeBytes: loadedVersions * (indicators.length * nC + indicators.length) * 8,
  };
  log(
    `national: ${result.values.toLocaleString('en')} values, ${(result.bytes / 2 ** 30).toFixed(2)} GiB, ` +
      `${result.buildSeconds.toFixed(0)} s`,
  );
  // The server step runs whatever the load reached: --stop-at bounds the build, not the measurement.
  try {
    log('national: starting the server on it…');
    const server = await startServer({
      dbPath: '',
      campaignDir,
      port: 3480,
      databaseUrl: urlForSchema(SCHEMA),
      startLimitMs: 300_000,
    });
    const rssStartMb = server.rssMb();
    const asOf = '2021-12-31';
    const loadBefore = loadavg()[0] ?? 0;
    const calls = await measureCalls(server, dashboardCalls(asOf, counties[0] ?? ''), o.n);
    result.server = {
      startMs: server.startMs,
      storeLoadMs: server.storeLoadMs,
      rssStartMb,
      rssEndMb: server.rssMb(),
      calls,
      load: [loadBefore, loadavg()[0] ?? 0],
    };
    await server.stop();
  } catch (err) {
    result.serverError = err instanceof Error ? err.message.slice(0, 400) : String(err);
    log(`national: server failed: ${result.serverError}`);
  }
  writeFileSync(join(o.dir, 'national.json'), JSON.stringify(result, null, 1));
  const doc = join(repoRoot, 'docs/benchmarks.md');
  writeBenchDoc(doc, withNationalSection(readFileSync(doc, 'utf8'), renderNational(result)));
  log(`national: written to docs/benchmarks.md (and ${join(o.dir, 'national.json')})`);
}

function renderNational(r: NationalResult): string {
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
  const full = r.departmentsLoaded === r.departments;
  const scale = r.departments / Math.max(1, r.departmentsLoaded);
  const out = [
    '## National scale (PostgreSQL)',
    '',
    `Generated by \`pnpm bench --scale national\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC ` +
      `(scripts/bench/national.ts): ${r.units.toLocaleString('en')} county-level units × ` +
      `${r.departments} departments ` +
      `× ${r.months} months × ${r.indicators} indicators, in schema \`${SCHEMA}\` (kept: \`--reuse\` measures it ` +
      "again without building, or continues a build that was stopped). Bulk loaded (see the file's header): the " +
      "reference data through the product, versions and lifecycle events by `INSERT … SELECT`, each department's " +
      'values in its own transaction as one `INSERT … SELECT` over `unnest(units) × unnest(indicators)` computed in ' +
      "PostgreSQL with report_values' primary key and references dropped, then rebuilt once after the last " +
      'department; the packed arrays and totals from the same formula in Node.' +
      (r.reused ? ' This run found the build complete and only measured; build figures are from the build.' : ''),
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| departments loaded | ${r.departmentsLoaded} of ${r.departments}${full ? '' : ' (stopped at the time limit)'} |`,
    `| report versions | ${r.versions.toLocaleString('en')} |`,
    `| stored values (report_values rows) | ${r.values.toLocaleString('en')} |`,
    `| build time | ${r.buildSeconds.toFixed(0)} s (values ${r.valuesSeconds.toFixed(0)} s, ` +
      `key and references ${r.keySeconds.toFixed(0)} s)` +
      `${full ? '' : `; all ${r.departments} ≈ ${(r.valuesSeconds * scale).toFixed(0)} s`} |`,
    `| database size (schema, with indexes) | ${gib(r.bytes)}${full ? '' : `; all ≈ ${gib(r.bytes * scale)}`} |`,
    '| in-memory figures (fact store, computed: versions × (indicators × units + indicators) × 8 B) | ' +
      `${gib(r.storeBytes)}${full ? '' : `; all ≈ ${gib(r.storeBytes * scale)}`} |`,
  ];
  if (r.server) {
    const s = r.server;
    out.push(
      `| server start to first answer (spawn → login) | ${Math.round(s.startMs).toLocaleString('en')} ms |`,
      `| figures loaded at start | ${Math.round(s.storeLoadMs).toLocaleString('en')} ms |`,
      `| server RSS after start → after the calls | ${s.rssStartMb.toFixed(0)} → ${s.rssEndMb.toFixed(0)} MB |`,
      `| machine load (1-min average, 2 cores) before → after the calls | ${s.load[0].toFixed(1)} → ` +
        `${s.load[1].toFixed(1)} |`,
      '',
      '| call | first ms | p50 ms | p95 ms | n |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...Object.entries(s.calls).map(
        ([name, t]) => `| ${name} | ${ms(t.coldMs)} | ${ms(t.p50)} | ${ms(t.p95)} | ${t.n} |`,
      ),
      '',
      ...targetLines(s),
    );
  } else
    out.push(
      `| server | ${
        r.serverError ? `failed: ${r.serverError.replace(/\|/g, '/').replace(/\n/g, ' ')}` : 'not started'
      } |`,
    );
  out.push('');
  return out.join('\n');
}

/** The issue's targets at this volume: every dashboard call ≤ 50 ms p95 and ≤ 1.5 GB per process. */
function targetLines(s: NonNullable<NationalResult['server']>): string[] {
  const worst = Object.entries(s.calls).reduce((a, b) => (b[1].p95 > a[1].p95 ? b : a));
  const rss = Math.max(s.rssStartMb, s.rssEndMb);
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  return [
    `- every dashboard call ≤ 50 ms p95: worst ${worst[0]} ${ms(worst[1].p95)} ms ${mark(worst[1].p95 <= 50)}`,
    `- ≤ 1.5 GB per process: ${rss.toFixed(0)} MB RSS at most ${mark(rss <= 1536)}`,
  ];
}
