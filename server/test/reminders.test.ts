/** 催报: the office reminds late departments; the reminder shows to them until they file, and is audited. */
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@lz/shared/api/errors';
import { reminderSchema, sendReminderResultSchema } from '@lz/shared/api/reminders';
import { body, makeTestApp, tableCounts } from './test-app';

describe('reminders (催报)', () => {
  it('records who, when, department, month and note; shows to the department until it files that month', async () => {
    const t = await makeTestApp('2020-09-15T10:00:00+08:00');
    const admin = await t.login('admin');
    // 2020-08 was due on 10 September: RSJ and GXJ are late.
    const res = await admin.post('/api/reminders', { month: '2020-08', departments: ['RSJ', 'GXJ'], note: '请尽快' });
    expect(res.status).toBe(201);
    expect(sendReminderResultSchema.parse(await res.json())).toEqual({ sent: 2 });

    const rsj = await t.login('rsj');
    const mine = reminderSchema.array().parse(await (await rsj.get('/api/reminders')).json());
    expect(mine).toEqual([
      {
        id: expect.any(Number),
        at: '2020-09-15T02:00:00.000Z',
        actor: 'admin',
        department: 'RSJ',
        month: '2020-08',
        note: '请尽快',
        filed: false,
      },
    ]);
    const audit = (await (await admin.get('/api/audit?action=report.remind')).json()) as { target: string }[];
    expect(audit.map((a) => a.target).sort()).toEqual(['GXJ/2020-08', 'RSJ/2020-08']);

    // Once RSJ files, its reminder no longer shows to it; the office still sees it, marked filed.
    expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps))).status).toBe(201);
    expect(reminderSchema.array().parse(await (await rsj.get('/api/reminders')).json())).toEqual([]);
    const all = reminderSchema.array().parse(await (await admin.get('/api/reminders')).json());
    expect(all.map((r) => [r.department, r.filed])).toEqual([
      ['GXJ', false],
      ['RSJ', true],
    ]);
  });

  it('refuses, writing nothing, when a department is not late: filed, or not yet due', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const admin = await t.login('admin');
    expect((await (await t.login('rsj')).post('/api/reports/RSJ/2020-07', body(t.deps))).status).toBe(201);
    const before = await tableCounts(t.deps);
    const filed = await admin.post('/api/reminders', { month: '2020-07', departments: ['RSJ', 'GXJ'] });
    expect(filed.status).toBe(422);
    expect(apiErrorSchema.parse(await filed.json()).error.details?.map((d) => d.rule)).toEqual(['filed']);
    const early = await admin.post('/api/reminders', { month: '2020-08', departments: ['GXJ'] });
    expect(apiErrorSchema.parse(await early.json()).error.details?.map((d) => d.rule)).toEqual(['not_overdue']);
    expect(await tableCounts(t.deps)).toEqual(before);
    expect(
      (await (await t.login('rsj')).post('/api/reminders', { month: '2020-07', departments: ['GXJ'] })).status,
    ).toBe(403);
  });
});
