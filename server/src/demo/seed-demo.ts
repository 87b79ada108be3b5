/**
 * DEMO=1: fills an empty database with the whole campaign, written through the same services the API
 * uses (submitReport, reviewReport, putAllocations, createUser), each call under a clock set to the
 * simulated moment, so timeliness, versions, audit and warnings are exactly what real use would produce.
 * Nothing later than the deps' clock is written: on the demo clock (demo-clock.ts) the campaign is seen
 * as it stood that day, with reports still due, some not yet reviewed and corrections still awaited.
 */
import type { SessionUser } from '@lz/shared/api/session';
import { deadlineOf } from '@lz/shared/deadline';
import { addMonths, monthRange } from '@lz/shared/months';
import { quarterOf } from '../disclosure/fund-use';
import { monthsOfQuarter } from '../disclosure/wiring/accepted-figures';
import { publishQuarter } from '../services/disclosure-office';
import { countVersions } from '../db/report-store';
import { findUserByName } from '../db/user-store';
import { fixedClock, type Deps } from '../deps';
import { putAllocations, putSplit } from '../services/progress/allocations';
import { createUser, ensureAdmin, toSessionUser } from '../services/auth/users';
import { submitReport } from '../services/reports/submit-report';
import { reviewReport } from '../services/reports/review-report';
import { apportion, countyWeights, expectedShare, generateReport, profileOf } from './generate-figures';
import { createRng, type Rng } from './prng';
import { seedNotices } from './seed-notices';
import { type FiledMonth, ROSTER_DEPARTMENTS, seedRosters } from './seed-rosters';

export const DEMO_PASSWORD = 'Liuzhou@2019';

export const DEMO_ACCOUNTS = [
  { username: 'admin', password: DEMO_PASSWORD, label: '统计管理员 (市人社局)' },
  { username: 'leader', password: DEMO_PASSWORD, label: '市领导' },
  { username: 'inspector', password: DEMO_PASSWORD, label: '督查员' },
  {
    username: 'rsj',
    password: DEMO_PASSWORD,
    label: '填报员 · 市人力资源社会保障局 (其他单位: 代码小写, 如 gxj, swj)',
  },
  { username: 'sanjiang', password: DEMO_PASSWORD, label: '县区用户 · 三江侗族自治县' },
];

const RETURN_REASONS = [
  '企业职工培训分项与培训台账不一致，请核实后重新报送',
  '贫困劳动力人数与扶贫部门台账不符，请核实',
  '培训补贴支出与财政拨付数不一致，请核实',
];

export async function seedDemo(
  deps: Deps,
  seed = 20190801,
  /** `rosters: false`: the monthly reports and fund use only, for a check of the figures alone (the tests). */
  options: { rosters?: boolean } = {},
): Promise<{ reports: number; versions: number; rosters: number; flags: number } | null> {
  if ((await countVersions(deps.db)) > 0) return null;
  const users = await createAccounts(deps);
  const admin = users.get('admin');
  if (!admin) throw new Error('demo admin missing');
  const rng = createRng(seed);
  const start = new Date('2019-08-05T09:00:00+08:00');
  // Events after "now" have not happened yet. The draws below are made whatever the cut, so the data up
  // to any day is the same whichever day the demo plays.
  const until = deps.clock.now().getTime();
  await allocateTargets(deps, admin, users, start);

  const reporting = deps.catalogue.departments.filter((d) => d.owesReports);
  let reports = 0;
  let versions = 0;
  const filed: FiledMonth[] = [];
  const months = monthRange(deps.catalogue.campaign.start, deps.catalogue.campaign.end);
  for (const month of months) {
    const deadline = deadlineOf(month, deps.catalogue.campaign).getTime();
    for (const dept of reporting) {
      const profile = profileOf(dept.code);
      const reporter = users.get(dept.code.toLowerCase());
      if (!profile || !reporter) continue;
      if (rng.chance(profile.missing)) continue; // 缺报: never arrives
      const at = submissionTime(rng, deadline, profile.late);
      const rows = generateReport(deps.catalogue, dept.code, month, rng);
      const last = month === months.at(-1);
      // The office returns more of the latest months: their corrections are what it is chasing now.
      const returned = !last && rng.chance(month >= '2021-09' ? 0.12 : 0.04);
      const first = returned ? perturb(rows, rng) : rows;
      const review = at + days(rng.between(1, 4));
      const waits = month >= '2021-09' && rng.chance(0.5);
      const correctedAt = review + days(rng.between(1, 5));
      const acceptedAt = review + days(rng.between(6, 9));
      const reviewsLast = !last || rng.chance(0.4);
      const reason = RETURN_REASONS[rng.int(0, RETURN_REASONS.length - 1)] ?? '请核实';
      if (at > until) continue; // not filed yet on the day the demo plays
      const { version } = await submitAt(deps, at, { department: dept.code, month, rows: first, actor: reporter });
      reports++;
      versions++;
      if (ROSTER_DEPARTMENTS.includes(dept.code)) filed.push({ department: dept.code, month, rows });
      if (review > until) continue; // still waiting for the office
      if (returned) {
        await reviewAt(deps, review, { department: dept.code, month, verb: 'return', reason, version, actor: admin });
        // Two of the latest returned reports still wait for correction.
        if (waits || correctedAt > until) continue;
        const corrected = await submitAt(deps, correctedAt, { department: dept.code, month, rows, actor: reporter });
        versions++;
        if (acceptedAt > until) continue;
        await reviewAt(deps, acceptedAt, {
          department: dept.code,
          month,
          verb: 'accept',
          reason: null,
          version: corrected.version,
          actor: admin,
        });
      } else if (reviewsLast) {
        // The statistics office has not yet got through the last month's reports.
        await reviewAt(deps, review, {
          department: dept.code,
          month,
          verb: 'accept',
          reason: null,
          version,
          actor: admin,
        });
      }
    }
  }
  const realname = options.rosters === false ? { rosters: 0, flags: 0 } : await seedRosters(deps, filed, users, seed);
  await publishFundUse(deps, admin, until);
  if (options.rosters !== false) await seedNotices(deps, admin, until);
  return { reports, versions, rosters: realname.rosters, flags: realname.flags };
}

const days = (n: number) => Math.round(n * 86400000);

/**
 * 信息公开: the office publishes each quarter's fund use on the 15th of the second month after it, once its
 * reports are in and reviewed — through the office's own service, so the demo's public site shows what the
 * office would have published by the day the demo plays.
 */
async function publishFundUse(deps: Deps, admin: SessionUser, until: number) {
  const { start, end } = deps.catalogue.campaign;
  for (const quarter of new Set(monthRange(start, end).map(quarterOf))) {
    const last = monthsOfQuarter(quarter)[2];
    if (!last) continue;
    const at = new Date(`${addMonths(last, 2)}-15T10:00:00+08:00`).getTime();
    if (at > until) continue;
    await publishQuarter({ ...deps, clock: fixedClock(new Date(at).toISOString()) }, quarter, admin, null);
  }
}

/** Most reports arrive in the first ten days; a few at the last minute; the late ones up to two weeks after. */
function submissionTime(rng: Rng, deadline: number, lateChance: number): number {
  if (rng.chance(lateChance)) return deadline + days(rng.between(0.3, 15));
  if (rng.chance(0.06)) return deadline - Math.round(rng.between(60, 3 * 3600) * 1000); // the evening of the 10th
  return deadline - days(rng.between(0.6, 9));
}

function perturb(rows: ReturnType<typeof generateReport>, rng: Rng) {
  return rows.map((r) => {
    const v = { ...r.values };
    const delta = Math.round((v.E2 ?? 0) * rng.between(0.05, 0.2));
    v.E2 = (v.E2 ?? 0) + delta;
    v.E = (v.E ?? 0) + delta;
    v.T = (v.T ?? 0) + delta;
    return { county: r.county, values: v };
  });
}

function submitAt(
  deps: Deps,
  atMs: number,
  s: { department: string; month: string; rows: ReturnType<typeof generateReport>; actor: SessionUser },
) {
  return submitReport({ ...deps, clock: fixedClock(new Date(atMs).toISOString()) }, { ...s, source: 'demo' });
}

async function reviewAt(
  deps: Deps,
  atMs: number,
  r: {
    department: string;
    month: string;
    verb: 'accept' | 'return';
    reason: string | null;
    version: number;
    actor: SessionUser;
  },
) {
  await reviewReport({ ...deps, clock: fixedClock(new Date(atMs).toISOString()) }, r);
}

async function createAccounts(deps: Deps): Promise<Map<string, SessionUser>> {
  const out = new Map<string, SessionUser>();
  const add = async (
    username: string,
    displayName: string,
    role: SessionUser['role'],
    binding: { department?: string; county?: string } = {},
  ) => {
    const existing = await findUserByName(deps.db, username);
    if (!existing) await createUser(deps, { username, displayName, password: DEMO_PASSWORD, role, ...binding }, 'demo');
    const row = await findUserByName(deps.db, username);
    if (row) out.set(username, toSessionUser(row));
  };
  if (!(await findUserByName(deps.db, 'admin'))) await ensureAdmin(deps, DEMO_PASSWORD);
  await add('admin', '市人社局统计员', 'admin');
  await add('leader', '分管副市长', 'leader');
  await add('inspector', '市人社局督查组', 'inspector');
  for (const d of deps.catalogue.departments.filter((x) => x.owesReports)) {
    await add(d.code.toLowerCase(), `${d.name}填报员`, 'reporter', { department: d.code });
  }
  await add('sanjiang', '三江县人社局', 'county', { county: '450226' });
  await add('liudong', '柳东新区人社局', 'county', { county: 'LD' });
  return out;
}

/**
 * 目标责任制度 as the office would do it: each flow target split among departments in proportion to
 * what each is expected to train, and each department's share among counties; the K split falls a
 * little short of the city target so the shortfall warning has something to show.
 */
async function allocateTargets(deps: Deps, admin: SessionUser, users: Map<string, SessionUser>, startMs: Date) {
  const d = { ...deps, clock: fixedClock(startMs.toISOString()) };
  const reporting = deps.catalogue.departments.filter((x) => x.owesReports);
  await putSplit(d, 'T', { 2019: 30000, 2020: 80000, 2021: 80000 }, admin, null);
  for (const code of ['T', 'E', 'K']) {
    const target = deps.catalogue.targets.find((t) => t.code === code);
    if (!target) continue;
    const weights = reporting.map((dep) => {
      const p = profileOf(dep.code);
      const mix = code === 'T' ? 1 : code === 'E' ? (p?.enterprise ?? 0) : 1 - (p?.enterprise ?? 0);
      return expectedShare(dep.code) * mix;
    });
    const value = code === 'K' ? target.value - 2000 : target.value;
    const shares = apportion(value, weights);
    await putAllocations(
      d,
      { target: code, items: reporting.map((dep, i) => ({ code: dep.code, year: null, value: shares[i] ?? 0 })) },
      admin,
      null,
    );
    // Each department splits its share among counties (in proportion to where it expects to train).
    for (const [i, dep] of reporting.entries()) {
      const share = shares[i] ?? 0;
      const reporter = users.get(dep.code.toLowerCase());
      if (!reporter || share === 0) continue;
      const p = profileOf(dep.code);
      const ent = code === 'E' ? 1 : code === 'K' ? 0 : (p?.enterprise ?? 0.5);
      const entW = countyWeights(deps.catalogue, 'enterprise');
      const keyW = countyWeights(deps.catalogue, 'key');
      const sumE = entW.reduce((s, w) => s + w, 0);
      const sumK = keyW.reduce((s, w) => s + w, 0);
      // Counties are allocated as if they trained at full pace, so the slow ones show as lagging.
      const w = deps.catalogue.units.map(
        (_u, ci) => (ent * (entW[ci] ?? 0)) / sumE + ((1 - ent) * (keyW[ci] ?? 0)) / sumK,
      );
      const byCounty = apportion(share, w);
      await putAllocations(
        d,
        {
          target: code,
          department: dep.code,
          items: deps.catalogue.units.map((u, ci) => ({ code: u.code, year: null, value: byCounty[ci] ?? 0 })),
        },
        reporter,
        null,
      );
    }
  }
}
