/**
 * `pnpm bench --scale guangxi`: the real-name records at a province's volume on SQLite — a store of 300,000
 * and then 3,000,000 roster lines (realname-store.ts says how it is built) — measured through the real server
 * over HTTP on loopback: a 1,000-line roster file checked and stored, the person lookup, one department's
 * month reconciliation, server memory; and `pnpm flags:rescan` over every stored line. Each beside its raw
 * floor: the same index probes, insert or aggregate run directly on the database with better-sqlite3.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { defaultCampaignDir, loadCatalogue, repoRoot } from '@lz/server/catalogue';
import { loadTrainingCatalogue } from '@lz/server/realname/training-catalogue';
import { createPiiCrypto } from '@lz/server/realname/pii-crypto';
import { piiKeyFor } from '@lz/server/services/realname/open-realname';
import {
  createRosterStore,
  growRosterStore,
  personGender,
  personId,
  personName,
  personPhone,
  type RosterStore,
} from './realname-store';
import { startServer, type BenchServer } from './server-process';
import { measure, ms, timing, type Timing } from './stats';

export interface GuangxiScale {
  lines: number;
  rosters: number;
  loadSeconds: number;
  cryptoSeconds: number;
  bytes: number;
  file: Timing;
  fileFloor: Timing;
  lookup: Timing;
  lookupFloor: Timing;
  reconciliation: Timing;
  reconciliationFloor: Timing;
  scanSeconds: number;
  scanOutput: string;
  scanFloorSeconds: number;
  rssStartMb: number;
  rssEndMb: number;
  /** The 1-minute load average as the scale's measurements began, and when: a loaded machine reads slower. */
  loadAverage: number;
  measuredAt: string;
}

const FILE_PROJECT = { occupation: '电工', level: '四级/中级工' };

export async function benchGuangxi(o: {
  dir: string;
  quick: boolean;
  log: (s: string) => void;
  /** After each scale, with every scale measured so far (so a run stopped at 3 M keeps its 300 k figures). */
  measured: (scales: GuangxiScale[]) => void;
  /** Store sizes to measure at, in lines (default 300 k and 3 M; --quick 30 k and 60 k). */
  scales?: number[];
}) {
  const scales = o.scales ?? (o.quick ? [30_000, 60_000] : [300_000, 3_000_000]);
  const store = await createRosterStore(join(o.dir, 'guangxi.sqlite'), scales.at(-1) as number);
  const out: GuangxiScale[] = [];
  for (const [i, lines] of scales.entries()) {
    await growRosterStore(store, lines, o.log);
    o.log(`guangxi: ${store.lines.toLocaleString('en')} lines in ${store.loadSeconds.toFixed(0)} s; measuring…`);
    out.push(await measureScale(store, 3600 + i, o));
    o.measured(out);
  }
  return out;
}

async function measureScale(store: RosterStore, port: number, o: { quick: boolean; log: (s: string) => void }) {
  const loadAverage = loadavg()[0] ?? 0;
  const measuredAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const server = await startServer({ dbPath: store.dbPath, campaignDir: defaultCampaignDir, port });
  const rssStartMb = server.rssMb();
  const files = o.quick ? 3 : 15;
  o.log(`guangxi: ${files} roster files of 1,000 lines…`);
  const file = await measure(files, 1, () => fileOnce(server, store));
  const lookups = o.quick ? 30 : 300;
  const known = () => {
    for (;;) {
      const p = Math.floor(Math.random() * store.people.size);
      if ((store.people.count[p] ?? 0) > 0) return p;
    }
  };
  o.log(`guangxi: ${lookups} person lookups, reconciliations…`);
  const lookup = await measure(lookups, 10, async () => {
    const res = await post(server, '/api/people/lookup', { idNumber: personId(known()) });
    if (res.status !== 200) throw new Error(`lookup: ${res.status} ${await res.text()}`);
  });
  const months = ['2019-09', '2020-03', '2020-08', '2021-01', '2021-06', '2021-11'];
  let mi = 0;
  const reconciliation = await measure(o.quick ? 20 : 100, 5, async () => {
    const month = months[mi++ % months.length];
    const res = await fetch(`${server.url}/api/reconciliation?department=RSJ&month=${month}`, {
      headers: { cookie: server.cookie },
    });
    if (res.status !== 200) throw new Error(`reconciliation: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  });
  const rssEndMb = server.rssMb();
  await server.stop();
  const floors = measureFloors(store, o.quick ? 20 : 200);
  o.log('guangxi: pnpm flags:rescan over every line…');
  const t0 = performance.now();
  const scan = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/flags-rescan.ts', '--db', store.dbPath], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  const scanSeconds = (performance.now() - t0) / 1000;
  if (scan.status !== 0) throw new Error(`flags:rescan failed: ${scan.stderr}`);
  o.log(`guangxi: ${scan.stdout.trim()} (${scanSeconds.toFixed(1)} s wall)`);
  return {
    lines: store.lines,
    rosters: store.rosters,
    loadSeconds: store.loadSeconds,
    cryptoSeconds: store.cryptoSeconds,
    bytes: statSync(store.dbPath).size,
    file,
    lookup,
    reconciliation,
    ...floors,
    scanSeconds,
    scanOutput: scan.stdout.trim(),
    rssStartMb,
    rssEndMb,
    loadAverage,
    measuredAt,
  };
}

const post = (server: BenchServer, path: string, body: unknown) =>
  fetch(server.url + path, {
    method: 'POST',
    headers: { cookie: server.cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Beyond the bulk load's people: each upload's new trainees. */
let nextNew = 0;

/**
 * A 1,000-line UTF-8 .csv as an office keeps it (title lines, header, 合计 row): 300 people already stored
 * once in another occupation (their history is read), 700 new ones; filed by the admin for 市人社局.
 */
async function fileOnce(server: BenchServer, store: RosterStore) {
  const people: number[] = [];
  const { count, firstProject } = store.people;
  const electrician = new Set(fileProjectClash());
  while (people.length < 300) {
    const p = Math.floor(Math.random() * store.people.size);
    if (count[p] === 1 && !electrician.has(firstProject[p] as number) && !people.includes(p)) people.push(p);
  }
  for (const p of people) count[p] = 2;
  while (people.length < 1000) people.push(store.people.size + nextNew++);
  const rows = [
    ['柳州市2021年就业技能培训学员花名册'],
    ['主管部门', '市人力资源社会保障局', '', '', '培训机构', '柳州市第二职业技术学校'],
    ['培训类型', '就业技能培训', '', '', '培训职业(工种)', FILE_PROJECT.occupation],
    ['培训等级', FILE_PROJECT.level, '', '', '培训地点', '鱼峰区'],
    ['开班日期', '2021-11-01', '', '', '结业日期', '2021-11-26'],
    ['课时', '120'],
    [
      '序号',
      '姓名',
      '性别',
      '身份证号码',
      '人员类别',
      '是否贫困劳动力',
      '联系电话',
      '证书类型',
      '证书编号',
      '培训补贴（元）',
      '生活费补贴（元）',
      '鉴定补贴（元）',
    ],
    ...people.map((p, i) => [
      String(i + 1),
      personName(p),
      personGender(p),
      personId(p),
      '农村转移就业劳动者',
      '否',
      personPhone(p),
      '职业技能等级证书',
      `S${String(p).padStart(15, '0')}`,
      '1700',
      '0',
      '150',
    ]),
    ['合计', '', '', '', '', '', '', '', '', String(1700 * people.length), '0', String(150 * people.length)],
  ];
  const form = new FormData();
  form.append('department', 'RSJ');
  form.append('file', new Blob([rows.map((r) => r.join(',')).join('\r\n')], { type: 'text/csv' }), 'roster.csv');
  const res = await fetch(`${server.url}/api/rosters/file`, {
    method: 'POST',
    body: form,
    headers: { cookie: server.cookie },
  });
  if (res.status !== 201) throw new Error(`roster file: ${res.status} ${(await res.text()).slice(0, 2000)}`);
  await res.arrayBuffer();
}

/** Indices of the catalogue's 电工 projects: a person trained in one is not put in the 电工 upload. */
function fileProjectClash(): number[] {
  const { projects } = loadTrainingCatalogue(loadCatalogue().units);
  return projects.flatMap((p, i) => (p.occupation === FILE_PROJECT.occupation ? [i] : []));
}

/**
 * The floors, on the database directly: the upload's history probes (1,000 keyed hashes, IN lists of 500)
 * and its 1,000-line insert (rolled back); the lookup's index probe; the reconciliation's rows and their
 * JSON sums; and the flag scan's set-based passes (overlap self-join, phone × month GROUP BY, candidates).
 */
function measureFloors(store: RosterStore, n: number) {
  const raw = new Database(store.dbPath);
  const pii = createPiiCrypto(piiKeyFor(store.dbPath));
  const hash = (p: number) => pii.hash(personId(p), 'idNumber');
  const probe = raw.prepare(
    `SELECT r.id, r.department, r.occupation, r.level, r.start_date, r.end_date, l.training_subsidy
       FROM roster_lines l JOIN rosters r ON r.id = l.roster_id WHERE l.id_hash = ? AND r.status = 'active'`,
  );
  const hashes = Array.from({ length: 1000 }, (_, i) => hash(i * 997));
  const inList = raw.prepare(
    `SELECT l.id_hash, r.start_date FROM roster_lines l JOIN rosters r ON r.id = l.roster_id
      WHERE l.id_hash IN (${Array(500).fill('?').join(',')}) AND r.status = 'active'`,
  );
  const line = raw.prepare(
    `INSERT INTO roster_lines (roster_id, line, name, gender, id_cipher, id_hash, id_masked, month, poor,
       training_subsidy, living_subsidy, assessment_subsidy)
     VALUES (1, ?, 'x', '男', ?, ?, 'm', '2021-11', 0, 1700, 0, 150)`,
  );
  const fileFloor = timingOf(n > 20 ? 10 : 3, () => {
    inList.all(...hashes.slice(0, 500));
    inList.all(...hashes.slice(500));
    raw.exec('BEGIN');
    for (let i = 0; i < 1000; i++) line.run(i, pii.encrypt(personId(i), 'idNumber'), hashes[i]);
    raw.exec('ROLLBACK');
  });
  const lookupFloor = timingOf(n, () => probe.all(hash(Math.floor(Math.random() * store.people.size))));
  const contributions = raw.prepare(
    `SELECT county, month, contribution FROM rosters WHERE department = 'RSJ' AND month = ? AND status = 'active'`,
  );
  const reconciliationFloor = timingOf(Math.min(n, 100), () => {
    const sums: Record<string, number> = {};
    for (const r of contributions.all('2021-06') as { contribution: string }[]) {
      for (const [k, v] of Object.entries(JSON.parse(r.contribution) as Record<string, number>))
        sums[k] = (sums[k] ?? 0) + v;
    }
  });
  const t0 = performance.now();
  raw
    .prepare(
      `SELECT count(*) FROM roster_lines a CROSS JOIN roster_lines b CROSS JOIN rosters ra CROSS JOIN rosters rb
        WHERE b.id_hash = a.id_hash AND b.roster_id < a.roster_id AND ra.id = a.roster_id AND rb.id = b.roster_id
          AND ra.status = 'active' AND rb.status = 'active'
          AND rb.start_date <= ra.end_date AND rb.end_date >= ra.start_date`,
    )
    .get();
  raw
    .prepare(
      `SELECT count(*) FROM (SELECT phone_hash, month FROM roster_lines WHERE phone_hash IS NOT NULL
        GROUP BY phone_hash, month HAVING count(*) >= 3)`,
    )
    .get();
  raw
    .prepare(
      `SELECT count(*) FROM roster_lines l JOIN rosters r ON r.id = l.roster_id
        WHERE cast(substr(r.start_date, 1, 4) as integer) - cast(substr(l.birth_month, 1, 4) as integer) >= 55`,
    )
    .get();
  const scanFloorSeconds = (performance.now() - t0) / 1000;
  raw.close();
  return { fileFloor, lookupFloor, reconciliationFloor, scanFloorSeconds };
}

function timingOf(n: number, fn: () => unknown): Timing {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return timing(samples);
}

/** docs/benchmarks.md's Guangxi section. */
export function guangxiSection(scales: GuangxiScale[], machine: string): string {
  const cols = scales.map((s) => `${(s.lines / 1e6).toFixed(s.lines < 1e6 ? 1 : 0)} M lines`);
  const head = `| | ${cols.join(' | ')} | target |`;
  const sep = `|---|${scales.map(() => '---:').join('|')}|---|`;
  const row = (name: string, f: (s: GuangxiScale) => string, target: string) =>
    `| ${name} | ${scales.map(f).join(' | ')} | ${target} |`;
  const t = (x: Timing, y: Timing, p: 'p50' | 'p95') => `${ms(x[p])} ms (floor ${ms(y[p])})`;
  return [
    '## Guangxi scale: real-name rosters (`pnpm bench --scale guangxi`, #15)',
    '',
    `Machine: ${machine}. SQLite, the real server over HTTP on loopback; floors are the same probes, insert or`,
    'aggregate run directly with better-sqlite3 on the same file.',
    '',
    head,
    sep,
    row('stored lines / classes', (s) => `${s.lines.toLocaleString('en')} / ${s.rosters.toLocaleString('en')}`, ''),
    row(
      'bulk load (of it crypto), cumulative',
      (s) => `${s.loadSeconds.toFixed(0)} s (${s.cryptoSeconds.toFixed(0)} s)`,
      '',
    ),
    row('database file', (s) => `${(s.bytes / 1024 ** 3).toFixed(2)} GiB`, ''),
    row('1,000-line .csv checked and stored, p50', (s) => t(s.file, s.fileFloor, 'p50'), '≤ 1 s'),
    row('person lookup, p95', (s) => t(s.lookup, s.lookupFloor, 'p95'), '≤ 20 ms'),
    row(
      'one department-month reconciliation, p95',
      (s) => t(s.reconciliation, s.reconciliationFloor, 'p95'),
      '≤ 200 ms',
    ),
    row(
      '`pnpm flags:rescan`, all lines (floor: its 3 SQL passes)',
      (s) => `${s.scanSeconds.toFixed(1)} s (floor ${s.scanFloorSeconds.toFixed(1)} s)`,
      '≤ 60 s',
    ),
    row('measured at (UTC), load average', (s) => `${s.measuredAt}, ${s.loadAverage.toFixed(1)}`, ''),
    row('server RSS start → end', (s) => `${s.rssStartMb.toFixed(0)} → ${s.rssEndMb.toFixed(0)} MB`, ''),
    '',
    ...scales.map((s) => `- ${(s.lines / 1e6).toFixed(1)} M: \`${s.scanOutput}\``),
  ].join('\n');
}
