/**
 * The demo's default day seeded whole, as `npm run demo` seeds it: the reports as they stood that day, its
 * rosters through the roster service, and the office's fund use and notice batches. In a file of its own
 * because on PostgreSQL this seed takes minutes and runs beside demo.test.ts's two figure-only seeds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_DATE } from '../src/demo/demo-clock';
import { seedDemo } from '../src/demo/seed-demo';
import { findUserByName } from '../src/db/user-store';
import { fixedClock, type Deps } from '../src/deps';
import { toSessionUser } from '../src/services/auth/users';
import { officeFundUse } from '../src/services/disclosure-office';
import { listReportMonths } from '../src/services/reports/read-reports';
import { value } from './sql';
import { freshDeps } from './test-db';

let deps: Deps;
let seeded: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  deps = await freshDeps({ clock: fixedClock(DEFAULT_DEMO_DATE) });
  seeded = await seedDemo(deps);
}, 600_000);

describe('the demo on its day', () => {
  it('seeds the campaign as it stood that day: nothing later, October half in, fund use to 2021-Q2', async () => {
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
  });

  it('files its rosters up to that day and publishes notice batches of them, nothing dated later', async () => {
    expect(seeded?.rosters).toBeGreaterThan(10_000);
    expect(Number(await value(deps.db, "SELECT COUNT(*) FROM rosters WHERE status = 'active'"))).toBe(seeded?.rosters);
    const lastFiled = (await value(deps.db, 'SELECT MAX(created_at) FROM rosters')) as string;
    expect(new Date(lastFiled).getTime()).toBeLessThanOrEqual(new Date(DEFAULT_DEMO_DATE).getTime());
    expect(seeded?.flags).toBeGreaterThan(50);
    const published = (await value(
      deps.db,
      'SELECT COUNT(*) FROM disclosure_notice_batches WHERE published_at IS NOT NULL',
    )) as number;
    expect(Number(published)).toBe(3);
  });
});
