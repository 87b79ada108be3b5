/**
 * The demo plays a day inside its campaign (issue #13 point 16): seeded up to that day and no further, with
 * October's reports partly in before the 10th, and the same history up to the day as a full seed.
 */
import { describe, expect, it } from 'vitest';
import { demoClock, DEFAULT_DEMO_DATE } from '../src/demo/demo-clock';
import { seedDemo } from '../src/demo/seed-demo';
import { fixedClock } from '../src/deps';
import { makeTestApp, PASSWORD } from './test-app';
import { freshDeps } from './test-db';
import { listReportMonths } from '../src/services/reports/read-reports';
import { getBreakdown } from '../src/services/progress/get-breakdown';
import { officeFundUse } from '../src/services/disclosure-office';
import { findUserByName } from '../src/db/user-store';
import { toSessionUser } from '../src/services/auth/users';

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

  it('seeds the campaign as it stood that day: nothing later, October half in, the same history', async () => {
    const deps = await freshDeps({ clock: fixedClock(DEFAULT_DEMO_DATE) });
    await seedDemo(deps);
    const depts = deps.catalogue.departments.filter((d) => d.owesReports).map((d) => d.code);
    const months = await listReportMonths(deps, depts);
    const last = Math.max(...months.map((m) => new Date(m.lastSubmittedAt ?? 0).getTime()));
    expect(last).toBeLessThanOrEqual(new Date(DEFAULT_DEMO_DATE).getTime());
    expect(last).toBeGreaterThan(new Date('2021-11-01T00:00:00+08:00').getTime());
    const october = months.filter((m) => m.month === '2021-10');
    const inBefore10th = october.filter((m) => m.status === 'submitted' || m.status === 'accepted').length;
    expect(october.filter((m) => m.status === 'due').length).toBeGreaterThan(2);
    expect(inBefore10th).toBeGreaterThan(2);
    expect(months.filter((m) => m.month === '2021-11').every((m) => m.status === 'not_due')).toBe(true);
    expect(months.some((m) => m.status === 'submitted')).toBe(true); // the office has a queue

    // The office has published fund use for each quarter whose publishing day (the 15th of the second month
    // after it) has come: through 2021-Q2, not 2021-Q3 (due 2021-11-15).
    const adminRow = await findUserByName(deps.db, 'admin');
    if (!adminRow) throw new Error('no demo admin');
    const fund = await officeFundUse(deps, toSessionUser(adminRow));
    const published = fund.quarters.filter((q) => q.publishedOn !== null).map((q) => q.quarter);
    expect(published.at(-1)).toBe('2021-Q2');
    expect(published[0]).toBe('2019-Q3');
    expect(published).toHaveLength(8);

    // The draws do not depend on the cut: up to the day, a full seed holds the same figures.
    const full = await freshDeps({ clock: fixedClock('2022-03-01T09:00:00+08:00') });
    await seedDemo(full);
    const q = { by: 'department', indicator: 'T', asOf: '2021-11-04' } as const;
    expect(await getBreakdown(deps, q)).toEqual(await getBreakdown(full, q));
  }, 400_000);
});
