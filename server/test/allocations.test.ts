/**
 * 目标责任制度 with yearly figures: shortfalls and over-allocations are warned for the whole window and for each
 * year, and each department's pace follows its own yearly shares (hand-computed below).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allocationViewSchema, breakdownSchema, seriesSchema } from '@lz/shared/api/progress';
import { body, makeTestApp, type Client } from './test-app';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let admin: Client;

beforeAll(async () => {
  t = await makeTestApp('2020-03-05T10:00:00+08:00');
  admin = await t.login('admin');
  expect((await admin.put('/api/targets/T/split', { years: { 2019: 30000, 2020: 80000, 2021: 80000 } })).status).toBe(
    200,
  );
  // RSJ reports 2020-01: 12 counties × 3,000 = 36,000.
  expect((await (await t.login('rsj')).post('/api/reports/RSJ/2020-01', body(t.deps, 100))).status).toBe(201);
});

const years = (code: string, y: [number, number, number]) =>
  [2019, 2020, 2021].map((year, i) => ({ code, year, value: y[i] }));

describe('allocation warnings', () => {
  it('the city level: total met, but 2020’s shares (70,000) fall short of the split’s 80,000', async () => {
    const res = await admin.put('/api/allocations', {
      target: 'T',
      items: [...years('RSJ', [20000, 60000, 60000]), ...years('GXJ', [10000, 10000, 30000])],
    });
    expect(res.status).toBe(200);
    const view = allocationViewSchema.parse(await res.json());
    expect(view.sum).toBe(190000);
    expect(view.items.find((i) => i.code === 'RSJ')).toMatchObject({
      total: 140000,
      years: { 2019: 20000, 2020: 60000, 2021: 60000 },
    });
    expect(view.items.find((i) => i.code === 'JYJ')).toMatchObject({ total: null, years: {} });
    // 2020 falls 10,000 short; 2021 (60,000 + 30,000) is 10,000 over the split's 80,000, and says so.
    expect(view.warnings).toHaveLength(2);
    expect(view.warnings[0]).toContain('2020 年');
    expect(view.warnings[0]).toContain('10,000');
    expect(view.warnings[1]).toContain('2021 年');
    expect(view.warnings[1]).toContain('超出');
  });

  it('over-allocation is warned as well as shortfall', async () => {
    const view = allocationViewSchema.parse(
      await (
        await admin.put('/api/allocations', {
          target: 'E5',
          items: [
            { code: 'RSJ', year: null, value: 4000 },
            { code: 'GXJ', year: null, value: 3000 },
          ],
        })
      ).json(),
    );
    expect([view.parentValue, view.sum]).toEqual([5000, 7000]);
    expect(view.warnings.some((w) => w.includes('超出全市目标') && w.includes('2,000'))).toBe(true);
  });

  it('the department level: RSJ’s county shares fall short of its total and of its 2020 share', async () => {
    const rsj = await t.login('rsj');
    const view = allocationViewSchema.parse(
      await (
        await rsj.put('/api/allocations', {
          target: 'T',
          department: 'RSJ',
          items: years('450202', [20000, 50000, 60000]),
        })
      ).json(),
    );
    expect([view.parentValue, view.sum]).toEqual([140000, 130000]);
    expect(view.warnings).toHaveLength(2);
    expect(view.warnings[0]).toContain('低于本单位目标');
    expect(view.warnings[1]).toContain('2020 年');
    // What the reporter reads back is its own view; another department's is refused.
    expect(allocationViewSchema.parse(await (await rsj.get('/api/allocations?target=T')).json()).department).toBe(
      'RSJ',
    );
    expect((await rsj.get('/api/allocations?target=T&department=GXJ')).status).toBe(403);
  });

  it('a department with nothing allocated is told so', async () => {
    const view = allocationViewSchema.parse(
      await (
        await (
          await t.login('gxj')
        ).put('/api/allocations', { target: 'E', department: 'GXJ', items: [{ code: '450202', value: 10 }] })
      ).json(),
    );
    expect(view.parentValue).toBeNull();
    expect(view.warnings).toContain('本单位尚未分配到该目标');
  });
});

describe('lagging against each department’s own yearly shares (as of 2020-03-05, through 2020-02)', () => {
  it('RSJ: 36,000 of 140,000 against 20,000 + 60,000 × 2/12 = 30,000 expected; GXJ: 0 against 11,666.67', async () => {
    const b = breakdownSchema.parse(
      await (await admin.get('/api/progress/breakdown?by=department&indicator=T&asOf=2020-03-05')).json(),
    );
    const rsj = b.rows.find((r) => r.code === 'RSJ')!;
    expect([rsj.allocation, rsj.actual, rsj.completionRate, rsj.lagging]).toEqual([
      140000,
      36000,
      36000 / 140000,
      false,
    ]);
    expect(rsj.timeProgress).toBeCloseTo(30000 / 140000, 12);
    const gxj = b.rows.find((r) => r.code === 'GXJ')!;
    expect([gxj.allocation, gxj.actual, gxj.completionRate, gxj.lagging]).toEqual([50000, 0, 0, true]);
    expect(gxj.timeProgress).toBeCloseTo((10000 + (10000 * 2) / 12) / 50000, 12);
    // A department without a share: figures, no rate, never lagging; its pace is the city's split.
    const jyj = b.rows.find((r) => r.code === 'JYJ')!;
    expect([jyj.allocation, jyj.completionRate, jyj.lagging]).toEqual([null, null, false]);
    expect(jyj.timeProgress).toBeCloseTo((30000 + (80000 * 2) / 12) / 190000, 12);
    expect(b.total).toEqual({ allocation: 190000, actual: 36000, completionRate: 36000 / 190000 });
    const s = seriesSchema.parse(
      await (await admin.get('/api/series?indicator=T&department=RSJ&asOf=2020-03-05')).json(),
    );
    expect(s.target).toBe(140000);
    expect(s.points.find((p) => p.month === '2020-02')!.expected).toBe(30000);
    expect(s.points.find((p) => p.month === '2019-12')!.expected).toBe(20000);
  });

  it('RSJ by county: 城中区 3,000 of 130,000 against its own yearly pace', async () => {
    const b = breakdownSchema.parse(
      await (await admin.get('/api/progress/breakdown?by=county&indicator=T&department=RSJ&asOf=2020-03-05')).json(),
    );
    const cz = b.rows.find((r) => r.code === '450202')!;
    expect([cz.allocation, cz.actual, cz.lagging]).toEqual([130000, 3000, true]);
    expect(cz.timeProgress).toBeCloseTo((20000 + (50000 * 2) / 12) / 130000, 12);
    expect(b.total).toEqual({ allocation: 140000, actual: 36000, completionRate: 36000 / 140000 });
  });
});
