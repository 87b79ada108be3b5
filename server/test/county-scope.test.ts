/**
 * What a county user reads of the reports (docs/decisions.md, Access): the report list with its own row's
 * figures only, the latest version's own row, and no version history, neither the list nor one version.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reportMonthSchema } from '@lz/shared/api/reports';
import { body, makeTestApp } from './test-app';

const SANJIANG = '450226';
let t: Awaited<ReturnType<typeof makeTestApp>>;

beforeAll(async () => {
  t = await makeTestApp('2020-09-05T10:00:00+08:00');
  const rsj = await t.login('rsj');
  expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps))).status).toBe(201);
});

describe('a county user and the reports', () => {
  it('GET /api/reports lists every department’s months with its own county’s total, never the city’s', async () => {
    const leader = z.array(reportMonthSchema).parse(await (await (await t.login('leader')).get('/api/reports')).json());
    const res = await (await t.login('sanjiang')).get('/api/reports');
    expect(res.status).toBe(200);
    const county = z.array(reportMonthSchema).parse(await res.json());
    expect(county.map((m) => [m.department, m.month, m.status])).toEqual(
      leader.map((m) => [m.department, m.month, m.status]),
    );
    const city = leader.find((m) => m.department === 'RSJ' && m.month === '2020-08');
    const own = county.find((m) => m.department === 'RSJ' && m.month === '2020-08');
    expect(city?.total).toBe(30 * t.deps.catalogue.units.length);
    expect(own?.total).toBe(30);
    expect(county.filter((m) => m.version === null).every((m) => m.total === null)).toBe(true);
  });

  it('the version history and any one version are refused alike; the latest version shows its own row', async () => {
    const county = await t.login('sanjiang');
    for (const path of ['/api/reports/RSJ/2020-08/versions', '/api/reports/RSJ/2020-08/versions/1']) {
      const res = await county.get(path);
      expect(res.status, path).toBe(403);
      expect(await res.json(), path).toMatchObject({ error: { code: 'forbidden' } });
    }
    const latest = (await (await county.get('/api/reports/RSJ/2020-08')).json()) as {
      rows: { county: string }[];
      totals: Record<string, number>;
    };
    expect(latest.rows.map((r) => r.county)).toEqual([SANJIANG]);
    expect(latest.totals.T).toBe(30);
    expect((await (await t.login('leader')).get('/api/reports/RSJ/2020-08/versions/1')).status).toBe(200);
  });
});
