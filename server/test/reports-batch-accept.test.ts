/** Batch accept (POST /api/reports/accept): the same version check as one accept, all or nothing. */
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@lz/shared/api/errors';
import { acceptBatchResultSchema, reportVersionSchema } from '@lz/shared/api/reports';
import { body, makeTestApp, tableCounts } from './test-app';

async function threeSubmitted() {
  const t = await makeTestApp('2020-09-05T10:00:00+08:00');
  for (const [user, dept] of [
    ['rsj', 'RSJ'],
    ['gxj', 'GXJ'],
    ['admin', 'JYJ'],
  ] as const) {
    expect((await (await t.login(user)).post(`/api/reports/${dept}/2020-08`, body(t.deps))).status).toBe(201);
  }
  return { t, admin: await t.login('admin') };
}
const item = (department: string, version = 1) => ({ department, month: '2020-08', version });

describe('POST /api/reports/accept', () => {
  it('accepts every listed report at its version, each audited', async () => {
    const { admin } = await threeSubmitted();
    const res = await admin.post('/api/reports/accept', { items: [item('RSJ'), item('GXJ'), item('JYJ')] });
    expect(res.status).toBe(200);
    expect(acceptBatchResultSchema.parse(await res.json())).toEqual({ accepted: 3 });
    for (const d of ['RSJ', 'GXJ', 'JYJ']) {
      const v = reportVersionSchema.parse(await (await admin.get(`/api/reports/${d}/2020-08`)).json());
      expect(v.status).toBe('accepted');
    }
    const audit = (await (await admin.get('/api/audit?action=report.accept')).json()) as unknown[];
    expect(audit).toHaveLength(3);
  });

  it('refuses the whole batch, listing every stale or unacceptable item, and writes nothing', async () => {
    const { t, admin } = await threeSubmitted();
    // GXJ sends a second version after the office looked; JYJ is already accepted.
    expect((await (await t.login('gxj')).post('/api/reports/GXJ/2020-08', body(t.deps, 2))).status).toBe(201);
    expect((await admin.post('/api/reports/JYJ/2020-08/accept', { version: 1 })).status).toBe(200);
    const before = await tableCounts(t.deps);
    const res = await admin.post('/api/reports/accept', { items: [item('RSJ'), item('GXJ'), item('JYJ')] });
    expect(res.status).toBe(409);
    const err = apiErrorSchema.parse(await res.json()).error;
    expect(err.code).toBe('stale_version');
    expect(err.details?.map((d) => d.rule)).toEqual(['stale_version', 'bad_state']);
    expect(err.details?.[0]?.message).toContain('GXJ');
    expect(err.details?.[1]?.message).toContain('JYJ');
    expect(await tableCounts(t.deps)).toEqual(before);
    const rsj = reportVersionSchema.parse(await (await admin.get('/api/reports/RSJ/2020-08')).json());
    expect(rsj.status).toBe('submitted');
  });

  it('is for the statistics office only', async () => {
    const { t } = await threeSubmitted();
    expect((await (await t.login('rsj')).post('/api/reports/accept', { items: [item('RSJ')] })).status).toBe(403);
  });
});
