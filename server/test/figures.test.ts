/**
 * The in-memory figures behind every dashboard call: kept current by the write path without a rescan,
 * reloaded when another process writes the same database, and always equal to what the database holds.
 */
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@lz/shared/api/session';
import { fixedClock, type Deps } from '../src/deps';
import { createFigures } from '../src/services/progress/figures';
import { getProgress } from '../src/services/progress/get-progress';
import { getBreakdown } from '../src/services/progress/get-breakdown';
import { putAllocations } from '../src/services/progress/allocations';
import { submitReport } from '../src/services/reports/submit-report';
import { body } from './test-app';
import { rows, value } from './sql';
import { depsOn, freshDeps, sharedDatabase } from './test-db';

const rsj: SessionUser = {
  id: 1,
  username: 'rsj',
  displayName: 'rsj',
  role: 'reporter',
  department: 'RSJ',
  county: null,
};
const cityT = async (deps: Deps, asOf: string) =>
  (await getProgress(deps, asOf)).targets.find((t) => t.code === 'T')?.actual;

async function submitAt(deps: Deps, at: string, month: string, k: number) {
  await submitReport(
    { ...deps, clock: fixedClock(at) },
    { department: 'RSJ', month, rows: body(deps, k).rows, actor: rsj, source: 'form' },
  );
}

describe('fact store', () => {
  it('a version read back from its packed array equals its rows in report_values, the source of truth', async () => {
    const deps = await freshDeps({ clock: fixedClock('2020-10-20T10:00:00+08:00') });
    const sent = {
      rows: body(deps, 3).rows.map((r): { county: string; values: Record<string, number> } => ({
        county: r.county,
        values: { ...r.values },
      })),
    };
    for (const [i, r] of sent.rows.entries()) {
      Object.assign(r.values, { F1: 1234.56 + i, S1: 1000 + i, S2: 300 + i, S3: 80 + i });
    }
    delete sent.rows[5]!.values.K7; // a blank cell, stored as 0
    const stored = await submitReport(deps, {
      department: 'RSJ',
      month: '2020-09',
      rows: sent.rows.slice(1),
      actor: rsj,
      source: 'form',
    });
    const id = (await value(
      deps.db,
      "SELECT id FROM report_versions WHERE department = 'RSJ' AND month = '2020-09'",
    )) as number;
    const fromValues = (await rows(
      deps.db,
      'SELECT county, indicator, value FROM report_values WHERE version_id = ?',
      id,
    )) as { county: string; indicator: string; value: number }[];
    const fromArray = stored.rows.flatMap((r) =>
      Object.entries(r.values).map(([indicator, value]) => ({ county: r.county, indicator, value })),
    );
    const key = (v: { county: string; indicator: string }) => `${v.county}|${v.indicator}`;
    expect([...fromArray].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...fromValues].sort((a, b) => key(a).localeCompare(key(b))),
    );
    // The county left out is every indicator 0, not missing.
    expect(stored.rows.find((r) => r.county === sent.rows[0]!.county)?.values.T).toBe(0);
  });

  it('a new version counts at once, and an earlier as-of date still sees the figures in force then', async () => {
    const deps = await freshDeps({ clock: fixedClock('2020-10-20T10:00:00+08:00') });
    await submitAt(deps, '2020-09-05T10:00:00+08:00', '2020-08', 1);
    // 12 counties × 30 = 360.
    expect(await cityT(deps, '2020-10-20')).toBe(360);
    await submitAt(deps, '2020-10-15T10:00:00+08:00', '2020-08', 2);
    expect(await cityT(deps, '2020-10-20')).toBe(720);
    expect(await cityT(deps, '2020-10-14')).toBe(360);
    await submitAt(deps, '2020-10-16T10:00:00+08:00', '2020-09', 1);
    expect(await cityT(deps, '2020-10-20')).toBe(1080);
  });

  it('a write by another process to the same database is seen on the next read', async () => {
    const shared = sharedDatabase();
    const server = await depsOn(shared, { clock: fixedClock('2020-10-20T10:00:00+08:00') });
    const cli = await depsOn(shared, { clock: fixedClock('2020-10-20T10:00:00+08:00') });
    await submitAt(server, '2020-09-05T10:00:00+08:00', '2020-08', 1);
    expect(await cityT(server, '2020-10-20')).toBe(360);
    await submitAt(cli, '2020-09-06T10:00:00+08:00', '2020-08', 3);
    expect(await cityT(server, '2020-10-20')).toBe(1080);
  });

  it('the store kept current write by write equals a fresh load from the database', async () => {
    const shared = sharedDatabase();
    const deps = await depsOn(shared, { clock: fixedClock('2021-01-20T10:00:00+08:00') });
    await deps.figures.store(); // loaded while empty, then maintained
    const months = ['2020-08', '2020-09', '2020-10', '2020-11', '2020-12'];
    for (const [i, m] of months.entries()) await submitAt(deps, `2021-01-0${i + 1}T10:00:00+08:00`, m, i + 1);
    await submitAt(deps, '2021-01-10T10:00:00+08:00', '2020-09', 7);
    const maintained = await deps.figures.store();
    const fresh = await (await depsOn(shared)).figures.store();
    expect(maintained).not.toBe(fresh);
    const flat = (s: typeof fresh) =>
      s.reports.map((vs) =>
        vs?.map((v) => ({ version: v.version, at: v.submittedAtMs, values: [...v.values], totals: [...v.totals] })),
      );
    expect(flat(maintained)).toEqual(flat(fresh));
    expect(maintained.reports.filter(Boolean).length).toBe(5);
  });

  it('without packed arrays in this layout (another catalogue order) it reads report_values, agreeing', async () => {
    const shared = sharedDatabase();
    const deps = await depsOn(shared, { clock: fixedClock('2021-01-20T10:00:00+08:00') });
    await submitAt(deps, '2021-01-05T10:00:00+08:00', '2020-11', 2);
    const packed = await deps.figures.store();
    const reordered = { ...deps.catalogue, units: [...deps.catalogue.units].reverse() };
    const fallback = await createFigures((await depsOn(shared)).db, reordered).store();
    const T = packed.indicators.indexOf('T');
    const slot = (s: typeof packed) =>
      s.reports[s.departments.indexOf('RSJ') * s.months.length + s.months.indexOf('2020-11')]?.[0];
    for (const code of packed.counties) {
      const a = slot(packed)?.values[T * packed.counties.length + packed.counties.indexOf(code)];
      const b = slot(fallback)?.values[T * fallback.counties.length + fallback.counties.indexOf(code)];
      expect(b).toBe(a);
      expect(a).toBe(60);
    }
  });
});

describe('cached dashboard answers', () => {
  it('an allocation saved after a breakdown was read shows in the next read', async () => {
    const deps = await freshDeps({ clock: fixedClock('2020-10-20T10:00:00+08:00') });
    await submitAt(deps, '2020-09-05T10:00:00+08:00', '2020-08', 1);
    const rsjRow = async () =>
      (await getBreakdown(deps, { by: 'department', indicator: 'T', asOf: '2020-10-20' })).rows.find(
        (r) => r.code === 'RSJ',
      );
    expect(await rsjRow()).toMatchObject({ allocation: null, actual: 360, completionRate: null });
    const admin: SessionUser = {
      id: 9,
      username: 'admin',
      displayName: 'admin',
      role: 'admin',
      department: null,
      county: null,
    };
    await putAllocations(deps, { target: 'T', items: [{ code: 'RSJ', year: null, value: 3600 }] }, admin, null);
    // 360 of 3,600 = 10%.
    expect(await rsjRow()).toMatchObject({ allocation: 3600, actual: 360, completionRate: 0.1 });
  });
});
