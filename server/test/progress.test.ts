/**
 * Every dashboard figure checked against a small dataset computed by hand. Reports are back-filled by the
 * admin at chosen instants (Beijing time) so "as of" views can be checked on either side of each one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allocationViewSchema,
  breakdownSchema,
  complianceSchema,
  progressSchema,
  ratiosSchema,
  seriesSchema,
} from '@lz/shared/api/progress';
import { body, makeTestApp, type Client } from './test-app';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let admin: Client;

async function submit(dept: string, month: string, at: string, k: number, edit?: (b: ReturnType<typeof body>) => void) {
  const b = body(t.deps, k);
  edit?.(b);
  const res = await admin.post(`/api/reports/${dept}/${month}`, { ...b, submittedAt: at });
  if (res.status !== 201) throw new Error(`${dept} ${month}: ${res.status} ${await res.text()}`);
}

const get = async <T>(path: string, schema: { parse(x: unknown): T }, client: Client = admin): Promise<T> => {
  const res = await client.get(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return schema.parse(await res.json());
};

beforeAll(async () => {
  t = await makeTestApp('2020-02-01T09:00:00+08:00');
  admin = await t.login('admin');
  // City T per version = 12 counties × 30 × k.
  await submit('RSJ', '2019-08', '2019-09-06T10:00:00+08:00', 1); // 360
  await submit('RSJ', '2019-09', '2019-10-08T10:00:00+08:00', 2, (b) => (b.rows[0]!.values.C3 = 4)); // 720
  await submit('GXJ', '2019-09', '2019-10-15T10:00:00+08:00', 1); // 360, late
  await submit('RSJ', '2019-10', '2019-11-05T10:00:00+08:00', 1); // 360 …
  // … corrected to 1080
  await submit('RSJ', '2019-10', '2019-11-20T10:00:00+08:00', 3, (b) => {
    b.rows[0]!.values.C3 = 7;
  });
  await submit('RSJ', '2019-12', '2020-01-08T10:00:00+08:00', 0, (b) => {
    Object.assign(b.rows[0]!.values, { S1: 1000, S2: 300, S3: 90 });
    Object.assign(b.rows[9]!.values, { S1: 2000, S2: 400, S3: 80 });
  });
});

describe('progress as of a date', () => {
  it('counts only versions submitted by the end of the date, through the last ended month', async () => {
    const p = await get('/api/progress?asOf=2019-11-10', progressSchema);
    expect(p.throughMonth).toBe('2019-10');
    expect(p.timeProgress).toBeCloseTo(3 / 29, 12);
    const T = p.targets.find((x) => x.code === 'T')!;
    expect(T.actual).toBe(360 + 720 + 360 + 360);
    expect(T.completionRate).toBeCloseTo(1800 / 190000, 12);
    expect(T.lagging).toBe(true);
  });

  it('a later correction replaces the figures from its submission on, without rewriting the past', async () => {
    const after = await get('/api/progress?asOf=2019-11-30', progressSchema);
    expect(after.targets.find((x) => x.code === 'T')!.actual).toBe(360 + 1080 + 1080);
    const before = await get('/api/progress?asOf=2019-11-19', progressSchema);
    expect(before.targets.find((x) => x.code === 'T')!.actual).toBe(1800);
  });

  it('the E and K targets add up to T', async () => {
    const p = await get('/api/progress?asOf=2019-11-30', progressSchema);
    const v = Object.fromEntries(p.targets.map((x) => [x.code, x.actual]));
    expect(v.E).toBe((2 / 3) * 2520);
    expect(v.K).toBe((1 / 3) * 2520);
    expect((v.E ?? 0) + (v.K ?? 0)).toBe(v.T);
  });

  it('forecast = cumulative + mean of the last six months × months remaining', async () => {
    const p = await get('/api/progress?asOf=2019-11-30', progressSchema);
    const T = p.targets.find((x) => x.code === 'T')!;
    // Monthly 360, 1080, 1080 → pace 840; 26 months remain after 2019-10.
    expect(T.forecast).toBe(2520 + 840 * 26);
    expect(T.forecastMeetsTarget).toBe(false);
  });

  it('per-year targets are judged within each calendar year', async () => {
    const p = await get('/api/progress?asOf=2019-11-30', progressSchema);
    const C3 = p.targets.find((x) => x.code === 'C3')!;
    expect(C3.kind).toBe('per-year');
    expect(C3.actual).toBe(11); // 4 in September + 7 in October's corrected report
    expect(C3.timeProgress).toBeCloseTo(3 / 5, 12); // 3 of 2019's 5 window months
    expect(C3.lagging).toBe(false);
    expect(C3.years?.map((y) => [y.year, y.actual, y.target])).toEqual([
      [2019, 11, 10],
      [2020, 0, 10],
      [2021, 0, 10],
    ]);
    const early = await get('/api/progress?asOf=2019-11-19', progressSchema);
    expect(early.targets.find((x) => x.code === 'C3')!.actual).toBe(4);
    expect(early.targets.find((x) => x.code === 'C3')!.lagging).toBe(true); // 40% < 60%
  });

  it('an annual split replaces the linear pace', async () => {
    const res = await admin.put('/api/targets/T/split', { years: { 2019: 30000, 2020: 80000, 2021: 80000 } });
    expect(res.status).toBe(200);
    const p = await get('/api/progress?asOf=2019-11-30', progressSchema);
    expect(p.targets.find((x) => x.code === 'T')!.timeProgress).toBeCloseTo((30000 * 3) / 5 / 190000, 12);
    expect(p.targets.find((x) => x.code === 'E')!.timeProgress).toBeCloseTo(3 / 29, 12);
    await admin.put('/api/targets/T/split', { years: {} });
  });

  it('ratios use the latest stock figures reported by the date', async () => {
    const none = await get('/api/ratios?asOf=2020-01-07', ratiosSchema);
    expect(none.city.r1).toBeNull();
    const r = await get('/api/ratios?asOf=2020-01-08', ratiosSchema);
    expect(r.city).toMatchObject({ month: '2019-12', s1: 3000, s2: 700, s3: 170 });
    expect(r.city.r1).toBeCloseTo(700 / 3000, 12);
    expect(r.city.r2).toBeCloseTo(170 / 700, 12);
    const chengzhong = r.counties.find((c) => c.code === '450202')!;
    expect([chengzhong.r1, chengzhong.r2, chengzhong.r1Met, chengzhong.r2Met]).toEqual([0.3, 0.3, true, true]);
    const sanjiang = r.counties.find((c) => c.code === '450226')!;
    expect([sanjiang.r1, sanjiang.r2, sanjiang.r1Met, sanjiang.r2Met]).toEqual([0.2, 0.2, false, false]);
    expect(r.counties.find((c) => c.code === '450203')!.r1).toBeNull();
    const p = await get('/api/progress?asOf=2020-01-08', progressSchema);
    expect(p.targets.find((x) => x.code === 'R1')!.actual).toBeCloseTo(700 / 3000, 12);
    expect(p.targets.find((x) => x.code === 'R1')!.lagging).toBe(true);
  });
});

describe('breakdowns reconcile with the total', () => {
  it('by county and by department add up to the city figure, every unit listed', async () => {
    const city = (await get('/api/progress?asOf=2019-11-30', progressSchema)).targets.find(
      (x) => x.code === 'T',
    )!.actual;
    const byCounty = await get('/api/progress/breakdown?by=county&indicator=T&asOf=2019-11-30', breakdownSchema);
    const byDept = await get('/api/progress/breakdown?by=department&indicator=T&asOf=2019-11-30', breakdownSchema);
    expect(byCounty.rows).toHaveLength(12);
    expect(byDept.rows).toHaveLength(21);
    expect(byCounty.rows.reduce((s, r) => s + r.actual, 0)).toBe(city);
    expect(byDept.rows.reduce((s, r) => s + r.actual, 0)).toBe(city);
    expect(byCounty.total.actual).toBe(city);
    expect(byDept.rows.find((r) => r.code === 'RSJ')!.actual).toBe(30 * 12 * (1 + 2 + 3));
    expect(byDept.rows.find((r) => r.code === 'GXJ')!.actual).toBe(360);
    expect(byDept.rows.find((r) => r.code === 'JYJ')!.actual).toBe(0);
    expect(byCounty.rows.every((r) => r.actual === 30 * (1 + 2 + 1 + 3))).toBe(true);
  });

  it('rejects unknown indicators and values', async () => {
    expect((await admin.get('/api/progress/breakdown?by=town&indicator=T')).status).toBe(400);
    expect((await admin.get('/api/progress/breakdown?by=county&indicator=ZZ')).status).toBe(400);
    expect((await admin.get('/api/progress?asOf=2020-02-30')).status).toBe(400);
  });
});

describe('target decomposition (目标责任制度) and lagging against allocations', () => {
  it('the admin allocates to departments; shortfalls are warned', async () => {
    const res = await admin.put('/api/allocations', {
      target: 'T',
      items: [
        { code: 'RSJ', value: 100000 },
        { code: 'GXJ', value: 3000 },
      ],
    });
    expect(res.status).toBe(200);
    const view = allocationViewSchema.parse(await res.json());
    expect(view.sum).toBe(103000);
    expect(view.warnings[0]).toContain('低于全市目标');
  });

  it('a reporter allocates its own share to counties, not another department’s', async () => {
    const rsj = await t.login('rsj');
    const items = t.deps.catalogue.units.map((u) => ({ code: u.code, value: u.code === '450202' ? 500 : 5000 }));
    const ok = allocationViewSchema.parse(
      await (await rsj.put('/api/allocations', { target: 'T', department: 'RSJ', items })).json(),
    );
    expect(ok.sum).toBe(500 + 11 * 5000);
    expect(ok.warnings.some((w) => w.includes('低于本单位目标'))).toBe(true);
    expect((await rsj.put('/api/allocations', { target: 'T', department: 'GXJ', items })).status).toBe(403);
    expect((await rsj.put('/api/allocations', { target: 'T', items: [{ code: 'RSJ', value: 1 }] })).status).toBe(403);
  });

  it('lagging compares each unit’s completion with time progress against its own allocation', async () => {
    const byDept = await get('/api/progress/breakdown?by=department&indicator=T&asOf=2019-11-30', breakdownSchema);
    const rsj = byDept.rows.find((r) => r.code === 'RSJ')!;
    const gxj = byDept.rows.find((r) => r.code === 'GXJ')!;
    expect([rsj.allocation, rsj.completionRate, rsj.lagging]).toEqual([100000, 2160 / 100000, true]);
    expect([gxj.allocation, gxj.completionRate, gxj.lagging]).toEqual([3000, 360 / 3000, false]); // 12% ≥ 10.3%
    expect(gxj.rank).toBe(1);
    const jyj = byDept.rows.find((r) => r.code === 'JYJ')!;
    expect([jyj.allocation, jyj.completionRate, jyj.lagging]).toEqual([null, null, false]);
    const byCounty = await get(
      '/api/progress/breakdown?by=county&indicator=T&department=RSJ&asOf=2019-11-30',
      breakdownSchema,
    );
    const cz = byCounty.rows.find((r) => r.code === '450202')!;
    expect([cz.allocation, cz.actual, cz.lagging]).toEqual([500, 180, false]); // 36%
    const yf = byCounty.rows.find((r) => r.code === '450203')!;
    expect([yf.allocation, yf.actual, yf.lagging]).toEqual([5000, 180, true]); // 3.6%
    expect(byCounty.total.allocation).toBe(100000);
  });

  it('series give monthly values, running totals, expected pace and the dashed forecast', async () => {
    const s = await get('/api/series?indicator=T&asOf=2019-11-30', seriesSchema);
    expect(s.points).toHaveLength(29);
    expect(s.points.slice(0, 4).map((p) => [p.value, p.cumulative])).toEqual([
      [360, 360],
      [1080, 1440],
      [1080, 2520],
      [null, null],
    ]);
    expect(s.points[2]!.expected).toBeCloseTo((190000 * 3) / 29, 2);
    expect(s.points[2]!.forecast).toBe(2520);
    expect(s.points[28]!.forecast).toBe(2520 + 840 * 26);
    const rsjCounty = await get('/api/series?indicator=T&department=RSJ&county=450202&asOf=2019-11-30', seriesSchema);
    expect(rsjCounty.target).toBe(500);
    expect(rsjCounty.points.slice(0, 3).map((p) => p.cumulative)).toEqual([30, 90, 180]);
  });

  it('a missing report is not a zero: its month has no value and 0 reports', async () => {
    const gxj = await get('/api/series?indicator=T&department=GXJ&county=450202&asOf=2019-11-30', seriesSchema);
    expect(gxj.reporters).toBe(1);
    expect(gxj.points.slice(0, 4).map((p) => [p.reports, p.value, p.cumulative])).toEqual([
      [0, null, 0],
      [1, 30, 30],
      [0, null, 30],
      [null, null, null],
    ]);
    const city = await get('/api/series?indicator=T&asOf=2019-11-30', seriesSchema);
    expect(city.reporters).toBe(21);
    expect(city.points.slice(0, 4).map((p) => p.reports)).toEqual([1, 2, 1, null]);
  });
});

describe('a county drill-down by department reconciles with the county', () => {
  it(
    'its 合计 allocation is the county’s own target (every department’s allocation to it), equal to its row one ' +
      'level up',
    async () => {
      // RSJ gave 城中区 500 for the window (above); GXJ gives it yearly figures only: 100 in 2019, 200 in 2020.
      const gxj = await t.login('gxj');
      const put = await gxj.put('/api/allocations', {
        target: 'T',
        department: 'GXJ',
        items: [
          { code: '450202', year: 2019, value: 100 },
          { code: '450202', year: 2020, value: 200 },
        ],
      });
      expect(put.status).toBe(200);
      const drill = await get(
        '/api/progress/breakdown?by=department&indicator=T&county=450202&asOf=2019-11-30',
        breakdownSchema,
      );
      expect(drill.rows).toHaveLength(21);
      const rsj = drill.rows.find((r) => r.code === 'RSJ')!;
      const g = drill.rows.find((r) => r.code === 'GXJ')!;
      expect([rsj.allocation, rsj.actual]).toEqual([500, 30 * (1 + 2 + 3)]);
      expect(rsj.timeProgress).toBeCloseTo(3 / 29, 12);
      // GXJ: 30 against 300; its pace is its own split: 3 of 2019's 5 months of 100 → 60 of 300 = 20%.
      expect([g.allocation, g.actual, g.completionRate]).toEqual([300, 30, 0.1]);
      expect(g.timeProgress).toBeCloseTo(0.2, 12);
      expect(g.lagging).toBe(true);
      // 合计: 180 + 30 = 210 against 500 + 300 = 800 (the sum of the rows' allocations, not null).
      expect(drill.total).toEqual({ allocation: 800, actual: 210, completionRate: 210 / 800 });
      expect(drill.rows.reduce((s, r) => s + (r.allocation ?? 0), 0)).toBe(drill.total.allocation);
      expect(drill.rows.reduce((s, r) => s + r.actual, 0)).toBe(drill.total.actual);
      // One level up, 城中区's row in the city's county breakdown shows the same figures.
      const byCounty = await get('/api/progress/breakdown?by=county&indicator=T&asOf=2019-11-30', breakdownSchema);
      const cz = byCounty.rows.find((r) => r.code === '450202')!;
      expect([cz.allocation, cz.actual, cz.completionRate]).toEqual([
        drill.total.allocation,
        drill.total.actual,
        drill.total.completionRate,
      ]);
      // Its pace weighs each department's expected figure: RSJ 500 × 3/29 (linear) + GXJ 60 = 111.72 of 800.
      expect(cz.timeProgress).toBeCloseTo(((500 * 3) / 29 + 60) / 800, 12);
      expect(cz.lagging).toBe(false);
      // A county nobody allocated to has no target, so its 合计 shows none.
      const none = await get(
        '/api/progress/breakdown?by=department&indicator=T&county=450226&asOf=2019-11-30',
        breakdownSchema,
      );
      expect(none.total.allocation).toBe(5000);
      const e5 = await get(
        '/api/progress/breakdown?by=department&indicator=E5&county=450226&asOf=2019-11-30',
        breakdownSchema,
      );
      expect(e5.total).toEqual({ allocation: null, actual: 2 * (1 + 2 + 1 + 3), completionRate: null });
    },
  );

  it('a county user’s own drill-down gets the same 合计', async () => {
    const county = await t.login('sanjiang');
    const own = breakdownSchema.parse(
      await (await county.get('/api/progress/breakdown?by=department&indicator=T&asOf=2019-11-30')).json(),
    );
    expect(own.total).toEqual({ allocation: 5000, actual: 30 * (1 + 2 + 1 + 3), completionRate: 210 / 5000 });
  });
});

describe('reporting compliance around the deadline', () => {
  const cell = (
    c: { cells: { department: string; month: string; status: string; onTime: boolean | null }[] },
    d: string,
    m: string,
  ) => c.cells.find((x) => x.department === d && x.month === m);

  it('on the deadline day a report not yet in is not_due; the next day it is missing', async () => {
    const onDay = await get('/api/compliance?asOf=2019-10-10', complianceSchema);
    expect(cell(onDay, 'GXJ', '2019-09')).toEqual({
      department: 'GXJ',
      month: '2019-09',
      status: 'not_due',
      onTime: null,
    });
    expect(cell(onDay, 'RSJ', '2019-09')).toMatchObject({ status: 'submitted', onTime: true });
    expect(cell(onDay, 'GXJ', '2019-08')).toMatchObject({ status: 'missing' });
    const next = await get('/api/compliance?asOf=2019-10-11', complianceSchema);
    expect(cell(next, 'GXJ', '2019-09')).toMatchObject({ status: 'missing' });
    const late = await get('/api/compliance?asOf=2019-10-15', complianceSchema);
    expect(cell(late, 'GXJ', '2019-09')).toMatchObject({ status: 'submitted', onTime: false });
  });

  it('reporting rate and on-time rate follow DHIS2’s definitions', async () => {
    const c = await get('/api/compliance?asOf=2019-10-15', complianceSchema);
    // Expected: 21 departments × 2 months past their deadlines; in: RSJ Aug, RSJ Sep, GXJ Sep (late).
    expect(c.total).toEqual({ expected: 42, submitted: 3, onTime: 2, reportingRate: 3 / 42, onTimeRate: 2 / 42 });
    expect(c.byMonth.find((m) => m.month === '2019-09')).toEqual({
      month: '2019-09',
      expected: 21,
      submitted: 2,
      onTime: 1,
      reportingRate: 2 / 21,
      onTimeRate: 1 / 21,
    });
    expect(c.byDepartment.find((d) => d.department === 'GXJ')).toMatchObject({ expected: 2, submitted: 1, onTime: 0 });
  });

  it('from/to narrow the rates to a range of months: a year counted by hand', async () => {
    const q = await get('/api/compliance?asOf=2020-02-01&from=2019-10&to=2019-12', complianceSchema);
    // Due in Oct–Dec 2019: 21 departments × 3 months; in: RSJ Oct (on time) and RSJ Dec (on time).
    expect(q.total).toEqual({ expected: 63, submitted: 2, onTime: 2, reportingRate: 2 / 63, onTimeRate: 2 / 63 });
    expect(q.byMonth.map((m) => m.month)).toEqual(['2019-10', '2019-11', '2019-12']);
    expect(q.byDepartment.find((d) => d.department === 'GXJ')).toMatchObject({ expected: 3, submitted: 0 });
    expect(q.months.length).toBeGreaterThan(3);
    // 2019 as a year: Aug–Dec due; RSJ Aug, Sep, Oct, Dec and GXJ Sep (late) in.
    const y2019 = await get('/api/compliance?asOf=2020-02-01&from=2019-01&to=2019-12', complianceSchema);
    expect(y2019).toMatchObject({ from: '2019-08', to: '2019-12' });
    expect(y2019.total).toEqual({
      expected: 105,
      submitted: 5,
      onTime: 4,
      reportingRate: 5 / 105,
      onTimeRate: 4 / 105,
    });
    const y2020 = await get('/api/compliance?asOf=2020-02-01&from=2020-01&to=2020-12', complianceSchema);
    expect(y2020.total).toEqual({ expected: 0, submitted: 0, onTime: 0, reportingRate: null, onTimeRate: null });
  });

  it('a report in before its deadline counts as submitted', async () => {
    const c = await get('/api/compliance?asOf=2019-11-06', complianceSchema);
    expect(cell(c, 'RSJ', '2019-10')).toMatchObject({ status: 'submitted', onTime: true });
    expect(cell(c, 'GXJ', '2019-10')).toMatchObject({ status: 'not_due' });
    expect(c.byMonth.find((m) => m.month === '2019-10')).toMatchObject({ expected: 1, submitted: 1 });
  });

  it('returned and accepted statuses are those in force on the date', async () => {
    const review = await makeTestApp('2019-09-05T10:00:00+08:00');
    let rsj = await review.login('rsj');
    await rsj.post('/api/reports/RSJ/2019-08', body(review.deps));
    review.clock.set('2019-09-20T10:00:00+08:00');
    let a = await review.login('admin');
    await a.post('/api/reports/RSJ/2019-08/return', { reason: '请核实', version: 1 });
    review.clock.set('2019-09-25T10:00:00+08:00');
    rsj = await review.login('rsj');
    await rsj.post('/api/reports/RSJ/2019-08', body(review.deps, 2));
    review.clock.set('2019-09-28T10:00:00+08:00');
    a = await review.login('admin');
    const at = async (d: string) => cell(await get(`/api/compliance?asOf=${d}`, complianceSchema, a), 'RSJ', '2019-08');
    // Read (and so cache) the day's view before the accept: the accept must still show at once.
    expect(await at('2019-09-28')).toMatchObject({ status: 'submitted' });
    await a.post('/api/reports/RSJ/2019-08/accept', { version: 2 });
    expect(await at('2019-09-19')).toMatchObject({ status: 'submitted', onTime: true });
    expect(await at('2019-09-21')).toMatchObject({ status: 'returned', onTime: true });
    expect(await at('2019-09-26')).toMatchObject({ status: 'submitted', onTime: true });
    expect(await at('2019-09-28')).toMatchObject({ status: 'accepted', onTime: true });
    // A returned report's figures still count until replaced (docs/decisions.md).
    const p = await get('/api/progress?asOf=2019-09-21', progressSchema, a);
    expect(p.targets.find((x) => x.code === 'T')!.actual).toBe(360);
  });
});
