/**
 * The optimised dashboard reads (the in-memory fact store, its county × month grid, the answers serialised once)
 * against a plain reference: straight sums over the report_values rows of the versions in force as of a date,
 * read back from the database with SQL. Several departments and months, figures that differ by county, a
 * correction (the as-of date between the version and its correction must see the first), a correction that
 * blanks a county's stock figures (its ratios fall back to an earlier month) and dates before, inside and after
 * the window. Runs on both engines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { breakdownSchema, ratiosSchema } from '@lz/shared/api/progress';
import { lastEndedMonth } from '@lz/shared/deadline';
import { monthRange } from '@lz/shared/months';
import { ratio } from '@lz/shared/progress';
import { endOfDayInZone } from '@lz/shared/zoned-time';
import { rows } from './sql';
import { body, makeTestApp, type Client } from './test-app';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let admin: Client;

/**
 * Figures that differ by county, department and month (each county's row is `body` at its own multiple, so the
 * form's sum rules hold), so that a sum taken over the wrong cells shows; `stock` sets a county's S1–S3.
 */
async function submit(dept: string, month: string, at: string, k: number, stock?: (ci: number) => number[]) {
  const salt = dept.length * 7 + Number(month.slice(5));
  const b = body(t.deps, k);
  b.rows = b.rows.map((r, ci) => body(t.deps, k + ((ci * 13 + salt) % 5)).rows[ci] ?? r);
  b.rows.forEach((r, ci) => {
    const s = stock?.(ci);
    if (s) Object.assign(r.values, { S1: s[0], S2: s[1], S3: s[2] });
  });
  const res = await admin.post(`/api/reports/${dept}/${month}`, { ...b, submittedAt: at });
  if (res.status !== 201) throw new Error(`${dept} ${month}: ${res.status} ${await res.text()}`);
}

const stockA = (ci: number) => (ci % 3 === 2 ? [0, 0, 0] : [1000 + ci * 50, 300 + ci * 11, 90 + ci * 3]);
const stockB = (ci: number) => [1200 + ci * 40, 420 + ci * 9, 100 + ci * 5];
/** stockB corrected: county 0's stock figures withdrawn, so its ratios fall back to an earlier month. */
const stockC = (ci: number) => (ci === 0 ? [0, 0, 0] : stockB(ci));

beforeAll(async () => {
  t = await makeTestApp('2022-03-01T10:00:00+08:00');
  admin = await t.login('admin');
  for (const [i, month] of ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'].entries()) {
    const next = `2020-0${i + 2}`;
    await submit('RSJ', month, `${next}-05T10:00:00+08:00`, i + 1, i === 1 ? stockA : i === 4 ? stockB : undefined);
    await submit('GXJ', month, `${next}-06T10:00:00+08:00`, i + 2);
    if (i % 2 === 0) await submit('JYJ', month, `${next}-07T10:00:00+08:00`, i + 3);
  }
  // Corrections: RSJ 2020-03 on 04-20 (as of 04-10 still the first version); RSJ 2020-05's stock figures
  // corrected on 06-25 so county 0 has none that month; GXJ 2019-12 filed late, after everything else.
  await submit('RSJ', '2020-03', '2020-04-20T10:00:00+08:00', 9);
  await submit('RSJ', '2020-05', '2020-06-25T10:00:00+08:00', 4, stockC);
  await submit('GXJ', '2019-12', '2020-07-01T09:00:00+08:00', 5);
});

/** Per county and month: the sum of `indicator` over the versions in force as of `asOf` (optionally one department). */
async function reference(asOf: string, indicator: string, department?: string): Promise<Map<string, number>> {
  const atMs = endOfDayInZone(asOf, t.deps.catalogue.campaign.timeZone).getTime();
  const found = await rows<{ county: string; month: string; total: number }>(
    t.deps.db,
    `SELECT v.county AS county, rv.month AS month, SUM(v.value) AS total
     FROM report_values v JOIN report_versions rv ON rv.id = v.version_id
     WHERE v.indicator = ? AND rv.submitted_at_ms <= ? AND (? = '' OR rv.department = ?)
       AND rv.version = (SELECT MAX(o.version) FROM report_versions o
                         WHERE o.department = rv.department AND o.month = rv.month AND o.submitted_at_ms <= ?)
     GROUP BY v.county, rv.month`,
    indicator,
    atMs,
    department ?? '',
    department ?? '',
    atMs,
  );
  return new Map(found.map((r) => [`${r.county}|${r.month}`, Number(r.total)]));
}

const round = (n: number) => Math.round(n * 100) / 100;

async function getJson<T>(path: string, schema: { parse(x: unknown): T }): Promise<T> {
  const res = await admin.get(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return schema.parse(await res.json());
}

const AS_OF = ['2019-11-30', '2020-03-06', '2020-04-10', '2020-04-21', '2020-06-20', '2020-06-26', '2022-01-15'];

describe('the optimised dashboard figures equal straight sums over the stored values', () => {
  it.each(AS_OF)('breakdown by county as of %s, all departments and one department', async (asOf) => {
    const { campaign, units } = t.deps.catalogue;
    const through = lastEndedMonth(asOf, campaign);
    const months = through ? monthRange(campaign.start, through) : [];
    for (const department of [undefined, 'RSJ', 'GXJ']) {
      for (const indicator of ['T', 'E']) {
        const ref = await reference(asOf, indicator, department);
        const q = `by=county&indicator=${indicator}&asOf=${asOf}${department ? `&department=${department}` : ''}`;
        const got = await getJson(`/api/progress/breakdown?${q}`, breakdownSchema);
        const expected = units.map((u) => {
          const monthly = months.map((m) => round(ref.get(`${u.code}|${m}`) ?? 0));
          return {
            code: u.code,
            actual: round(monthly.reduce((s, v) => s + v, 0)),
            recent: round(monthly.slice(-6).reduce((s, v) => s + v, 0)),
          };
        });
        expect(got.rows.map((r) => ({ code: r.code, actual: r.actual, recent: r.recent }))).toEqual(expected);
        expect(got.total.actual).toBe(round(expected.reduce((s, r) => s + r.actual, 0)));
      }
    }
  });

  it.each(AS_OF)(
    'ratios as of %s: each county from its latest month with S1, the city from their sums',
    async (asOf) => {
      const { campaign, units } = t.deps.catalogue;
      const months = monthRange(campaign.start, campaign.end);
      const [s1, s2, s3] = await Promise.all(['S1', 'S2', 'S3'].map((code) => reference(asOf, code)));
      const got = await getJson(`/api/ratios?asOf=${asOf}`, ratiosSchema);
      const expected = units.map((u) => {
        const month = months.findLast((m) => (s1?.get(`${u.code}|${m}`) ?? 0) > 0) ?? null;
        if (!month) return { code: u.code, month: null, s1: null, s2: null, s3: null, r1: null, r2: null };
        const [a, b, c] = [s1, s2, s3].map((s) => s?.get(`${u.code}|${month}`) ?? 0) as [number, number, number];
        return { code: u.code, month, s1: a, s2: b, s3: c, r1: ratio(b, a), r2: ratio(c, b) };
      });
      expect(got.counties.map(({ code, month, s1, s2, s3, r1, r2 }) => ({ code, month, s1, s2, s3, r1, r2 }))).toEqual(
        expected,
      );
      const reported = expected.filter((c) => c.month !== null);
      const sum = (k: 's1' | 's2' | 's3') => reported.reduce((s, c) => s + (c[k] ?? 0), 0);
      expect([got.city.s1, got.city.s2, got.city.s3]).toEqual(
        reported.length ? [sum('s1'), sum('s2'), sum('s3')] : [null, null, null],
      );
      expect(got.city.r1).toBe(ratio(sum('s2'), sum('s1')));
    },
  );

  it('the dates around a correction see different figures (the reference is not trivially equal)', async () => {
    const before = await reference('2020-04-10', 'T', 'RSJ');
    const after = await reference('2020-04-21', 'T', 'RSJ');
    expect(before.get('450202|2020-03')).not.toBe(after.get('450202|2020-03'));
    const ratiosBefore = await getJson('/api/ratios?asOf=2020-06-20', ratiosSchema);
    const ratiosAfter = await getJson('/api/ratios?asOf=2020-06-26', ratiosSchema);
    expect(ratiosBefore.counties[0]?.month).toBe('2020-05');
    expect(ratiosAfter.counties[0]?.month).toBe('2020-02');
  });
});
