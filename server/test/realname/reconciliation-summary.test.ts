/**
 * GET /api/reconciliation/summary on the engine under test: every department owing reports in one answer, each
 * row equal to that department's own reconciliation summary and to a hand computation, scoped by role.
 */
import { describe, expect, it } from 'vitest';
import { reconciliationSchema, reconciliationSummaryRowSchema } from '@lz/shared/api/rosters';
import { body, makeTestApp } from '../test-app';
import { idOf, roster, trainee } from './roster-fixtures';

describe('GET /api/reconciliation/summary', () => {
  it('answers every department × the month in one call, as each department alone would', async () => {
    const t = await makeTestApp();
    const admin = await t.login('admin');
    // RSJ: a report (test-app's body: every county K1 = 4, E1–E5 and K1–K7 = 30 person-times) and one roster.
    expect((await (await t.login('rsj')).post('/api/reports/RSJ/2020-03', body(t.deps))).status).toBe(201);
    expect((await admin.post('/api/rosters', roster())).status).toBe(201);
    // GXJ: two classes of the month and no report.
    const gxj = { department: 'GXJ', occupation: '焊工', level: '五级/初级工', endDate: '2020-03-31' };
    expect(
      (
        await admin.post(
          '/api/rosters',
          roster(gxj, [trainee({ idNumber: idOf('19900101', '111'), trainingSubsidy: 800 })]),
        )
      ).status,
    ).toBe(201);
    const other = { ...gxj, occupation: '电工', level: '五级/初级工' };
    const res = await admin.post(
      '/api/rosters',
      roster(other, [trainee({ idNumber: idOf('19900102', '131'), trainingSubsidy: 1200 })]),
    );
    expect(res.status).toBe(201);

    const rows = reconciliationSummaryRowSchema
      .array()
      .parse(await (await t.login('leader').then((c) => c.get('/api/reconciliation/summary?month=2020-03'))).json());
    const owing = t.deps.catalogue.departments.filter((d) => d.owesReports).map((d) => d.code);
    expect(rows.map((r) => r.department)).toEqual(owing);
    const counties = t.deps.catalogue.units.length;
    const rsj = rows.find((r) => r.department === 'RSJ');
    expect(rsj).toMatchObject({
      rosterCount: 1,
      personTimes: { rosters: 1, reported: 30 * counties, difference: 30 * counties - 1 },
      trainingSubsidy: { rosters: 1700, reported: 27000 * counties, difference: 27000 * counties - 1700 },
    });
    expect(rsj?.personTimes.coverage).toBe(Math.round((1 / (30 * counties)) * 10_000) / 10_000);
    expect(rows.find((r) => r.department === 'GXJ')).toMatchObject({
      rosterCount: 2,
      personTimes: { rosters: 2, reported: null, difference: null, coverage: null },
      trainingSubsidy: { rosters: 800 + 1200, reported: null },
    });
    for (const row of rows) {
      const one = reconciliationSchema.parse(
        await (await admin.get(`/api/reconciliation?department=${row.department}&month=2020-03`)).json(),
      );
      expect({ personTimes: row.personTimes, trainingSubsidy: row.trainingSubsidy }).toEqual(one.summary);
    }
  });

  it('gives a reporter its own department only, and a county user nothing', async () => {
    const t = await makeTestApp();
    const mine = reconciliationSummaryRowSchema
      .array()
      .parse(await (await (await t.login('rsj')).get('/api/reconciliation/summary?month=2020-03')).json());
    expect(mine.map((r) => r.department)).toEqual(['RSJ']);
    expect((await (await t.login('sanjiang')).get('/api/reconciliation/summary?month=2020-03')).status).toBe(403);
    expect((await (await t.login('leader')).get('/api/reconciliation/summary')).status).toBe(400);
  });
});
