/**
 * The demo (DEMO=1): deterministic, believable, every breakdown reconciling with the city total, and played on
 * a day inside its campaign (issue #13 point 16): seeded up to that day and no further, with October's reports
 * partly in before the 10th, and the same history up to the day as a full seed.
 *
 * Two seeds serve the whole file, made at once (on PostgreSQL their round trips overlap), both of the figures
 * alone: the full campaign as of 2022-03-01 and the demo's default day. The demo's day seeded whole, with its
 * rosters and notices, is demo-day.test.ts's: that seed takes minutes on PostgreSQL, and in a file of its own
 * it runs beside this one instead of after it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_DATE, demoClock } from '../src/demo/demo-clock';
import { seedDemo } from '../src/demo/seed-demo';
import { fixedClock, type Deps } from '../src/deps';
import { getBreakdown } from '../src/services/progress/get-breakdown';
import { getCompliance } from '../src/services/progress/get-compliance';
import { getProgress } from '../src/services/progress/get-progress';
import { getRatios } from '../src/services/progress/get-ratios';
import { getSeries } from '../src/services/progress/get-series';
import { value } from './sql';
import { makeTestApp, PASSWORD } from './test-app';
import { freshDeps } from './test-db';

/** The full campaign, seeded as of AS_OF. */
let deps: Deps;
/** The campaign's figures as they stood on the demo's default day. */
let today: Deps;
const AS_OF = '2022-03-01';

beforeAll(async () => {
  [deps, today] = await Promise.all([
    freshDeps({ clock: fixedClock('2022-03-01T09:00:00+08:00') }),
    freshDeps({ clock: fixedClock(DEFAULT_DEMO_DATE) }),
  ]);
  await Promise.all([seedDemo(deps, undefined, { rosters: false }), seedDemo(today, undefined, { rosters: false })]);
}, 600_000);

describe('demo data', () => {
  it('every breakdown reconciles exactly with the city total, for every flow indicator', async () => {
    const progress = await getProgress(deps, AS_OF);
    for (const ind of deps.catalogue.indicators.filter((i) => i.kind === 'flow')) {
      const byCounty = await getBreakdown(deps, { by: 'county', indicator: ind.code, asOf: AS_OF });
      const byDept = await getBreakdown(deps, { by: 'department', indicator: ind.code, asOf: AS_OF });
      const series = await getSeries(deps, { indicator: ind.code, asOf: AS_OF });
      const county = Math.round(byCounty.rows.reduce((s, r) => s + r.actual, 0) * 100) / 100;
      const dept = Math.round(byDept.rows.reduce((s, r) => s + r.actual, 0) * 100) / 100;
      expect(county, ind.code).toBeCloseTo(dept, 2);
      expect(series.points.at(-1)?.cumulative, ind.code).toBeCloseTo(county, 2);
      const target = progress.targets.find((t) => t.kind === 'cumulative' && t.code === ind.code);
      if (target) expect(target.actual, ind.code).toBe(county);
    }
    // Each county's departments add up to the county.
    for (const u of deps.catalogue.units) {
      const inCounty = await getBreakdown(deps, { by: 'department', indicator: 'T', county: u.code, asOf: AS_OF });
      const county = (await getBreakdown(deps, { by: 'county', indicator: 'T', asOf: AS_OF })).rows.find(
        (r) => r.code === u.code,
      );
      expect(
        inCounty.rows.reduce((s, r) => s + r.actual, 0),
        u.code,
      ).toBe(county?.actual);
    }
  });

  it('looks like the city: near the targets, with a few counties and departments clearly behind', async () => {
    const p = await getProgress(deps, AS_OF);
    const T = p.targets.find((t) => t.code === 'T')!;
    expect(T.actual).toBeGreaterThan(180000);
    expect(T.actual).toBeLessThan(215000);
    const late2020 = (await getProgress(deps, '2020-08-31')).targets.find((t) => t.code === 'T')!.actual ?? 0;
    expect(late2020).toBeGreaterThan(60000);
    expect(late2020).toBeLessThan(80000);
    const counties = (await getBreakdown(deps, { by: 'county', indicator: 'T', asOf: AS_OF })).rows;
    const farBehind = counties.filter((r) => (r.completionRate ?? 1) < 0.85).map((r) => r.code);
    expect(farBehind.sort()).toEqual(['450222', '450225', '450226']);
    const depts = (await getBreakdown(deps, { by: 'department', indicator: 'T', asOf: AS_OF })).rows;
    expect(
      depts
        .filter((r) => (r.completionRate ?? 1) < 0.7)
        .map((r) => r.code)
        .sort(),
    ).toEqual(['JTJ', 'SWJ', 'TSW']);
    const ld = (await getBreakdown(deps, { by: 'county', indicator: 'E', asOf: AS_OF })).rows;
    expect(ld.sort((a, b) => b.actual - a.actual)[0]?.code).toBe('LD');
  });

  it('has stock figures near 28% / 26% with not every county above', async () => {
    const r = await getRatios(deps, AS_OF);
    expect(r.city.r1).toBeGreaterThan(0.27);
    expect(r.city.r1).toBeLessThan(0.3);
    expect(r.city.r2).toBeGreaterThan(0.25);
    expect(r.city.r2).toBeLessThan(0.28);
    expect(r.counties.some((c) => c.r1Met === false)).toBe(true);
    expect(r.counties.some((c) => c.r1Met === true)).toBe(true);
  });

  it('has late and missing reports, returned and resubmitted ones, and a review queue', async () => {
    const c = await getCompliance(deps, { asOf: AS_OF });
    expect(c.cells.some((x) => x.status === 'missing')).toBe(true);
    expect(c.cells.some((x) => x.onTime === false)).toBe(true);
    expect(c.cells.some((x) => x.status === 'returned')).toBe(true);
    expect(c.cells.some((x) => x.status === 'submitted')).toBe(true);
    expect(c.total.reportingRate).toBeGreaterThan(0.9);
    const resubmitted = (await value(deps.db, 'SELECT COUNT(*) FROM report_versions WHERE version = 2')) as number;
    expect(resubmitted).toBeGreaterThan(5);
  });

  it("is deterministic: the seed played to a day holds the full seed's history up to that day", async () => {
    // The draws do not depend on the cut, so two seeds agree wherever both have happened.
    const q = { by: 'department', indicator: 'T', asOf: '2021-11-04' } as const;
    expect(await getBreakdown(today, q)).toEqual(await getBreakdown(deps, q));
    const county = { by: 'county', indicator: 'E', asOf: '2021-06-30' } as const;
    expect(await getBreakdown(today, county)).toEqual(await getBreakdown(deps, county));
    expect(await getRatios(today, '2020-12-31')).toEqual(await getRatios(deps, '2020-12-31'));
  });
});

describe('demo clock', () => {
  it('starts at DEMO_DATE and moves at real speed', () => {
    const clock = demoClock('2021-11-05T09:00:00+08:00', Date.now() - 90_000);
    const ms = clock.now().getTime() - new Date('2021-11-05T01:00:00Z').getTime();
    expect(ms).toBeGreaterThanOrEqual(90_000);
    expect(ms).toBeLessThan(100_000);
    expect(clock.demo).toBe(true);
    expect(() => demoClock('not a date')).toThrow(/DEMO_DATE/);
  });

  it('GET /api/clock says whether the date is played', async () => {
    const t = await makeTestApp('2021-11-05T09:00:00+08:00');
    expect(await (await t.anonymous.get('/api/clock')).json()).toEqual({
      now: '2021-11-05T01:00:00.000Z',
      demo: false,
    });
  });

  it('gives the session cookie a relative lifetime, which a browser keeps whatever day the server plays', async () => {
    const t = await makeTestApp('2021-11-05T09:00:00+08:00');
    const res = await t.anonymous.post('/api/session', { username: 'admin', password: PASSWORD });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('Max-Age=28800'); // 8 hours
    expect(cookie).not.toContain('Expires');
  });
});
