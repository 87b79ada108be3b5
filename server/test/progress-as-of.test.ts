/**
 * A second hand-computed dataset (the suite runs with TZ=UTC): the as-of edge at midnight in Beijing,
 * 2020-09-15 → through 2020-08 → 13/29, the forecast over more and fewer than six months, per-year targets
 * across a year boundary, ratios from each county's latest stock figures, compliance at the deadline instant,
 * and every breakdown reconciling with the series and the totals.
 *
 * RSJ files 2020-01 … 2020-08 with T = 360 × k for k = 1 … 8 (12 counties × 30k), each on the 5th of the next
 * month, except 2020-08: first filed at 2020-09-15 23:59:59 (k = 8, late) and corrected at 2020-09-16 00:00:00
 * (k = 10). RSJ's 2019-12 report is all zero except C3 = 6, C6 = 2 and stock figures; 2020-01 has C3 = 2.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { breakdownSchema, complianceSchema, progressSchema, ratiosSchema, seriesSchema } from '@lz/shared/api/progress';
import { body, makeTestApp, type Client } from './test-app';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let admin: Client;

type Body = ReturnType<typeof body>;
const row = (b: Body, county: string) => b.rows.find((r) => r.county === county)!.values as Record<string, number>;

async function submit(dept: string, month: string, at: string, k: number, edit?: (b: Body) => void) {
  const b = body(t.deps, k);
  edit?.(b);
  const res = await admin.post(`/api/reports/${dept}/${month}`, { ...b, submittedAt: at });
  if (res.status !== 201) throw new Error(`${dept} ${month}: ${res.status} ${await res.text()}`);
}

const get = async <T>(path: string, schema: { parse(x: unknown): T }): Promise<T> => {
  const res = await admin.get(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return schema.parse(await res.json());
};
const target = async (asOf: string, code: string) =>
  (await get(`/api/progress?asOf=${asOf}`, progressSchema)).targets.find((x) => x.code === code)!;

beforeAll(async () => {
  expect(process.env.TZ).toBe('UTC');
  t = await makeTestApp('2021-03-01T10:00:00+08:00');
  admin = await t.login('admin');
  await submit('RSJ', '2019-12', '2020-01-05T10:00:00+08:00', 0, (b) => {
    Object.assign(row(b, '450202'), { C3: 6, C6: 2, S1: 1000, S2: 300, S3: 90 });
    Object.assign(row(b, '450203'), { S1: 2000, S2: 500, S3: 100 });
  });
  for (let k = 1; k <= 7; k++) {
    const month = `2020-0${k}`;
    await submit('RSJ', month, `2020-0${k + 1}-05T10:00:00+08:00`, k, (b) => {
      if (k === 1) row(b, '450202').C3 = 2;
      if (k === 6) Object.assign(row(b, '450202'), { S1: 1100, S2: 330, S3: 99 });
    });
  }
  // Zero reports either side of the 2020-07 deadline (2020-08-10 23:59:59.999 Beijing).
  await submit('GXJ', '2020-07', '2020-08-10T23:59:59+08:00', 0);
  await submit('JYJ', '2020-07', '2020-08-11T00:00:00+08:00', 0);
  await submit('RSJ', '2020-08', '2020-09-15T23:59:59+08:00', 8);
  await submit('RSJ', '2020-08', '2020-09-16T00:00:00+08:00', 10);
});

describe('as of a date, in Beijing time whatever the process zone', () => {
  it('2020-09-15 runs through 2020-08: time progress 13/29', async () => {
    const p = await get('/api/progress?asOf=2020-09-15', progressSchema);
    expect(p.throughMonth).toBe('2020-08');
    expect(p.timeProgress).toBeCloseTo(13 / 29, 12);
    expect(p.targets.find((x) => x.code === 'T')!.timeProgress).toBeCloseTo(13 / 29, 12);
  });

  it('a version filed at 23:59:59 of D counts as of D; one filed at 00:00:00 the next day does not', async () => {
    // 360 × (1 + … + 8) = 12,960; the correction (k = 10) comes in at 2020-09-16 00:00 Beijing = 09-15 16:00 UTC.
    expect((await target('2020-09-15', 'T')).actual).toBe(12960);
    expect((await target('2020-09-16', 'T')).actual).toBe(360 * 38);
    // The day before, the August report was not in at all.
    expect((await target('2020-09-14', 'T')).actual).toBe(360 * 28);
  });

  it('before the window nothing has run; after it, everything has and the forecast is the figure itself', async () => {
    const early = await get('/api/progress?asOf=2019-08-31', progressSchema);
    expect([early.throughMonth, early.timeProgress]).toEqual([null, 0]);
    expect(early.targets.find((x) => x.code === 'T')).toMatchObject({
      actual: 0,
      timeProgress: 0,
      lagging: false,
      forecast: 0,
    });
    const late = await get('/api/progress?asOf=2022-06-01', progressSchema);
    expect([late.throughMonth, late.timeProgress]).toEqual(['2021-12', 1]);
    expect(late.targets.find((x) => x.code === 'T')).toMatchObject({
      actual: 13680,
      timeProgress: 1,
      lagging: true,
      forecast: 13680,
      forecastMeetsTarget: false,
    });
  });

  it('asOf defaults to today in Beijing, not in the process zone', async () => {
    // 2020-09-30 16:30 UTC is already 2020-10-01 in Beijing: September has ended.
    t.clock.set('2020-09-30T16:30:00Z');
    const p = await get('/api/progress', progressSchema);
    expect(p.asOf).toBe('2020-10-01');
    expect(p.throughMonth).toBe('2020-09');
    expect(p.timeProgress).toBeCloseTo(14 / 29, 12);
    t.clock.set('2021-03-01T10:00:00+08:00');
  });
});

describe('forecast = cumulative + mean of the last six window months × months remaining', () => {
  it('with more than six months: only the last six set the pace', async () => {
    // Through 2020-08 as of 09-15: months 2020-03 … 08 are 360 × (3+4+5+6+7+8) → pace 1,980; 16 months remain.
    const T = await target('2020-09-15', 'T');
    expect(T.forecast).toBeCloseTo(12960 + 1980 * 16, 9);
    expect(T.forecastMeetsTarget).toBe(false);
    // After the correction: 360 × (3+4+5+6+7+10) / 6 = 2,100.
    expect((await target('2020-09-16', 'T')).forecast).toBeCloseTo(13680 + 2100 * 16, 9);
  });

  it('months without figures count as zero in the six (2019-09 … 2020-02 → 0,0,0,0,360,720)', async () => {
    const T = await target('2020-03-05', 'T');
    expect(T.actual).toBe(1080);
    expect(T.forecast).toBeCloseTo(1080 + 180 * 22, 9);
  });

  it('the series draws the same forecast line', async () => {
    const s = await get('/api/series?indicator=T&asOf=2020-09-15', seriesSchema);
    expect(s.throughMonth).toBe('2020-08');
    expect(s.points.at(-1)!.forecast).toBe(12960 + 1980 * 16);
    expect(s.points.find((p) => p.month === '2020-08')!.cumulative).toBe(12960);
    expect(s.points.find((p) => p.month === '2020-09')!.value).toBeNull();
  });
});

describe('per-year targets across a year boundary', () => {
  it('each calendar year is judged on its own; the current year is the headline', async () => {
    const p = await get('/api/progress?asOf=2020-03-05', progressSchema);
    const C3 = p.targets.find((x) => x.code === 'C3')!;
    expect(C3.years?.map((y) => [y.year, y.actual, y.target, y.lagging])).toEqual([
      [2019, 6, 10, true],
      [2020, 2, 10, false],
      [2021, 0, 10, false],
    ]);
    expect(C3.years?.[0]?.timeProgress).toBe(1);
    // 2020 through February: 2 of 10 = 20% against 2/12 elapsed; forecast 2 + (2 / 2 months) × 10 = 12.
    expect([C3.actual, C3.completionRate]).toEqual([2, 0.2]);
    expect(C3.timeProgress).toBeCloseTo(2 / 12, 12);
    expect(C3.lagging).toBe(false);
    expect([C3.forecast, C3.forecastMeetsTarget]).toEqual([12, true]);
    const C6 = p.targets.find((x) => x.code === 'C6')!;
    expect(C6.years?.map((y) => [y.year, y.actual, y.target])).toEqual([
      [2019, 2, 2],
      [2020, 0, 2],
      [2021, 0, 2],
    ]);
    expect([C6.actual, C6.lagging, C6.forecast, C6.forecastMeetsTarget]).toEqual([0, true, 0, false]);
  });
});

describe('ratios from each county’s latest stock figures reported by D', () => {
  it('a county’s later figures replace its own earlier ones only; the city sums the latest of each', async () => {
    const before = await get('/api/ratios?asOf=2020-07-04', ratiosSchema);
    expect(before.city).toMatchObject({ s1: 3000, s2: 800, s3: 190 });
    const r = await get('/api/ratios?asOf=2020-07-05', ratiosSchema);
    expect(r.counties.find((c) => c.code === '450202')).toMatchObject({
      month: '2020-06',
      s1: 1100,
      s2: 330,
      s3: 99,
      r1: 0.3,
      r2: 0.3,
      r1Met: true,
      r2Met: true,
    });
    expect(r.counties.find((c) => c.code === '450203')).toMatchObject({
      month: '2019-12',
      s1: 2000,
      s2: 500,
      s3: 100,
      r1: 0.25,
      r2: 0.2,
      r1Met: false,
      r2Met: false,
    });
    expect(r.city).toMatchObject({ month: '2020-06', s1: 3100, s2: 830, s3: 199 });
    expect(r.city.r1).toBeCloseTo(830 / 3100, 12);
    expect(r.city.r2).toBeCloseTo(199 / 830, 12);
    const p = await get('/api/progress?asOf=2020-07-05', progressSchema);
    const [R1, R2] = ['R1', 'R2'].map((c) => p.targets.find((x) => x.code === c)!);
    expect(R1!.actual).toBeCloseTo(830 / 3100, 12); // 26.8% < 28%
    expect([R1!.lagging, R1!.forecast, R1!.forecastMeetsTarget]).toEqual([true, null, false]);
    expect(R2!.actual).toBeCloseTo(199 / 830, 12); // 24.0% < 26%
    expect(R2!.lagging).toBe(true);
  });
});

describe('compliance at the deadline instant', () => {
  const cell = (
    c: { cells: { department: string; month: string; status: string; onTime: boolean | null }[] },
    d: string,
    m: string,
  ) => c.cells.find((x) => x.department === d && x.month === m);

  it('23:59:59 on the 10th is on time; 00:00:00 on the 11th is late', async () => {
    const tenth = await get('/api/compliance?asOf=2020-08-10', complianceSchema);
    expect(cell(tenth, 'GXJ', '2020-07')).toEqual({
      department: 'GXJ',
      month: '2020-07',
      status: 'submitted',
      onTime: true,
    });
    expect(cell(tenth, 'JYJ', '2020-07')).toMatchObject({ status: 'not_due', onTime: null });
    // Not yet due, yet two are in: they count as expected and submitted.
    expect(tenth.byMonth.find((m) => m.month === '2020-07')).toEqual({
      month: '2020-07',
      expected: 2,
      submitted: 2,
      onTime: 2,
      reportingRate: 1,
      onTimeRate: 1,
    });
    const eleventh = await get('/api/compliance?asOf=2020-08-11', complianceSchema);
    expect(cell(eleventh, 'JYJ', '2020-07')).toMatchObject({ status: 'submitted', onTime: false });
    expect(cell(eleventh, 'SWJ', '2020-07')).toMatchObject({ status: 'missing', onTime: null });
    expect(eleventh.byMonth.find((m) => m.month === '2020-07')).toEqual({
      month: '2020-07',
      expected: 21,
      submitted: 3,
      onTime: 2,
      reportingRate: 3 / 21,
      onTimeRate: 2 / 21,
    });
    // RSJ: 12 months due (2019-08 … 2020-07); 8 in (2019-12 … 2020-07), all on the 5th.
    expect(eleventh.byDepartment.find((d) => d.department === 'RSJ')).toMatchObject({
      expected: 12,
      submitted: 8,
      onTime: 8,
      reportingRate: 8 / 12,
      onTimeRate: 8 / 12,
    });
    expect(eleventh.byDepartment.find((d) => d.department === 'JYJ')).toMatchObject({
      expected: 12,
      submitted: 1,
      onTime: 0,
      reportingRate: 1 / 12,
      onTimeRate: 0,
    });
    expect(eleventh.total).toMatchObject({ expected: 21 * 12, submitted: 10, onTime: 9 });
  });

  it('timeliness stays with the first submission: the corrected August report is late', async () => {
    const c = await get('/api/compliance?asOf=2020-09-16', complianceSchema);
    expect(cell(c, 'RSJ', '2020-08')).toMatchObject({ status: 'submitted', onTime: false });
  });
});

describe('every breakdown reconciles with the series and the total', () => {
  for (const indicator of ['T', 'E', 'K', 'E5', 'X1', 'C3', 'C6', 'F1']) {
    it(`${indicator}: by county and by department, every unit listed`, async () => {
      const s = await get(`/api/series?indicator=${indicator}&asOf=2020-09-16`, seriesSchema);
      const city = s.points.find((p) => p.month === '2020-08')!.cumulative!;
      for (const by of ['county', 'department'] as const) {
        const b = await get(`/api/progress/breakdown?by=${by}&indicator=${indicator}&asOf=2020-09-16`, breakdownSchema);
        expect(b.rows).toHaveLength(by === 'county' ? 12 : 21);
        expect(b.total.actual, `${indicator} by ${by}`).toBe(city);
        expect(Math.round(b.rows.reduce((sum, r) => sum + r.actual, 0) * 100) / 100, `${indicator} by ${by}`).toBe(
          city,
        );
        expect(new Set(b.rows.map((r) => r.rank)).size).toBe(b.rows.length);
      }
    });
  }

  it('T by hand: RSJ 13,680, every county 1,140, nothing elsewhere', async () => {
    const byDept = await get('/api/progress/breakdown?by=department&indicator=T&asOf=2020-09-16', breakdownSchema);
    expect(byDept.rows.find((r) => r.code === 'RSJ')!.actual).toBe(13680);
    expect(byDept.rows.filter((r) => r.code !== 'RSJ').every((r) => r.actual === 0)).toBe(true);
    const byCounty = await get('/api/progress/breakdown?by=county&indicator=T&asOf=2020-09-16', breakdownSchema);
    expect(byCounty.rows.every((r) => r.actual === 30 * 38)).toBe(true);
    expect(byCounty.total).toEqual({ allocation: 190000, actual: 13680, completionRate: 13680 / 190000 });
  });
});
