import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@lz/shared/api/errors';
import { reportVersionSchema, versionSummarySchema } from '@lz/shared/api/reports';
import { body, makeTestApp, tableCounts } from './test-app';
import { rows, run } from './sql';

const error = async (res: Response) => apiErrorSchema.parse(await res.json()).error;

describe('submitting a monthly report (JSON)', () => {
  it('stores version 1 with status, timeliness, author, rows and totals', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const rsj = await t.login('rsj');
    const res = await rsj.post('/api/reports/RSJ/2020-08', body(t.deps));
    expect(res.status).toBe(201);
    const v = reportVersionSchema.parse(await res.json());
    expect(v).toMatchObject({
      department: 'RSJ',
      month: '2020-08',
      version: 1,
      status: 'submitted',
      onTime: true,
      submittedBy: 'rsj',
      source: 'form',
    });
    expect(v.firstSubmittedAt).toBe('2020-09-05T10:00:00+08:00');
    expect(v.deadline).toBe('2020-09-10T23:59:59+08:00');
    expect(v.rows).toHaveLength(12);
    expect(v.totals.T).toBe(360);
    expect(v.totals.F1).toBe(324000);
    const again = reportVersionSchema.parse(await (await rsj.get('/api/reports/RSJ/2020-08')).json());
    expect(again).toEqual(v);
  });

  it('a 422 lists every broken rule with a reporter-readable message and writes nothing', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const before = await tableCounts(t.deps);
    const b = body(t.deps);
    b.rows[2]!.values.E = 120;
    b.rows[2]!.values.E2 = 98;
    b.rows[2]!.values.T = 130;
    b.rows[2]!.values.E1 = 4;
    b.rows[2]!.values.E3 = 2;
    b.rows[2]!.values.E4 = 4;
    b.rows[2]!.values.E5 = 10;
    b.rows[0]!.values.X4 = 50;
    const res = await rsj.post('/api/reports/RSJ/2020-08', b);
    expect(res.status).toBe(422);
    const err = await error(res);
    expect(err.code).toBe('rules_broken');
    expect(err.details).toEqual([
      {
        county: '450202',
        indicator: 'X4',
        rule: 'lte',
        message: '城中区: 高技能人才培训(X4) 不应大于 企业职工培训小计(E) (50 > 20)',
      },
      {
        county: '450204',
        indicator: 'E',
        rule: 'sum',
        message:
          '柳南区: 企业职工培训小计(E) 应等于 岗前培训 + 岗位技能提升培训 + 转岗转业培训 + 安全技能培训 + 学徒制培训 (120 ≠ 118)',
      },
    ]);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('a reporter cannot write another department; a forbidden write changes nothing', async () => {
    const t = await makeTestApp();
    const gxj = await t.login('gxj');
    const before = await tableCounts(t.deps);
    const res = await gxj.post('/api/reports/RSJ/2020-08', body(t.deps));
    expect(res.status).toBe(403);
    expect(await tableCounts(t.deps)).toEqual(before);
    for (const who of ['leader', 'inspector', 'sanjiang']) {
      const c = await t.login(who);
      expect((await c.post('/api/reports/RSJ/2020-08', body(t.deps))).status).toBe(403);
    }
    expect((await tableCounts(t.deps)).report_versions).toBe(0);
  });

  it('refuses months outside the window, not yet begun, unknown departments and non-reporting ones', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const admin = await t.login('admin');
    expect((await admin.post('/api/reports/RSJ/2019-07', body(t.deps))).status).toBe(400);
    expect((await admin.post('/api/reports/RSJ/2020-10', body(t.deps))).status).toBe(400);
    expect((await admin.post('/api/reports/NOPE/2020-08', body(t.deps))).status).toBe(404);
    // Reading one says so in its own code, so the web does not take it for a month not yet submitted.
    const unknown = await admin.get('/api/reports/NOPE/2020-08');
    expect([unknown.status, (await error(unknown)).code]).toEqual([404, 'unknown_department']);
    expect((await error(await admin.post('/api/reports/CZJ/2020-08', body(t.deps)))).code).toBe(
      'department_not_reporting',
    );
    expect((await admin.post('/api/reports/RSJ/2020-8', body(t.deps))).status).toBe(400);
  });

  it('only the admin may back-fill submittedAt; others get 403', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const rsj = await t.login('rsj');
    const res = await rsj.post('/api/reports/RSJ/2020-07', {
      ...body(t.deps),
      submittedAt: '2020-08-09T09:00:00+08:00',
    });
    expect(res.status).toBe(403);
    const admin = await t.login('admin');
    const ok = reportVersionSchema.parse(
      await (
        await admin.post('/api/reports/RSJ/2020-07', { ...body(t.deps), submittedAt: '2020-08-09T09:00:00+08:00' })
      ).json(),
    );
    expect(ok.firstSubmittedAt).toBe('2020-08-09T09:00:00+08:00');
    expect(ok.onTime).toBe(true);
    const late = reportVersionSchema.parse(
      await (
        await admin.post('/api/reports/GXJ/2020-07', { ...body(t.deps), submittedAt: '2020-08-11T00:00:00+08:00' })
      ).json(),
    );
    expect(late.onTime).toBe(false);
    expect(
      (await admin.post('/api/reports/GXJ/2020-06', { ...body(t.deps), submittedAt: '2030-01-01T00:00:00+08:00' }))
        .status,
    ).toBe(400);
  });
});

describe('timeliness at the deadline, in Asia/Shanghai with the process in UTC', () => {
  it('23:59:59 on the 10th is on time; 00:00:00 on the 11th is late', async () => {
    const t = await makeTestApp('2020-09-10T23:59:59+08:00');
    const rsj = await t.login('rsj');
    const gxj = await t.login('gxj');
    const onTime = reportVersionSchema.parse(await (await rsj.post('/api/reports/RSJ/2020-08', body(t.deps))).json());
    expect(onTime.onTime).toBe(true);
    t.clock.set('2020-09-11T00:00:00+08:00');
    const late = reportVersionSchema.parse(await (await gxj.post('/api/reports/GXJ/2020-08', body(t.deps))).json());
    expect(late.onTime).toBe(false);
  });

  it('December is due on 10 January of the next year', async () => {
    const t = await makeTestApp('2020-01-10T23:59:00+08:00');
    const rsj = await t.login('rsj');
    const v = reportVersionSchema.parse(await (await rsj.post('/api/reports/RSJ/2019-12', body(t.deps))).json());
    expect(v.deadline).toBe('2020-01-10T23:59:59+08:00');
    expect(v.onTime).toBe(true);
  });
});

describe('review: return and resubmit, accept and lock, unlock', () => {
  it('a resubmission after a return keeps the first submission’s timeliness, and becomes version 2', async () => {
    const t = await makeTestApp('2020-09-09T10:00:00+08:00');
    let rsj = await t.login('rsj');
    await rsj.post('/api/reports/RSJ/2020-08', body(t.deps));
    // Sessions last 8 hours, so each jump of the clock needs a fresh login.
    t.clock.set('2020-09-12T10:00:00+08:00');
    let admin = await t.login('admin');
    const returned = reportVersionSchema.parse(
      await (await admin.post('/api/reports/RSJ/2020-08/return', { reason: 'E 分项与台账不一致', version: 1 })).json(),
    );
    expect(returned.status).toBe('returned');
    expect(returned.statusReason).toBe('E 分项与台账不一致');
    // Accepting a returned report before it is corrected is refused.
    expect((await admin.post('/api/reports/RSJ/2020-08/accept', { version: 1 })).status).toBe(409);
    t.clock.set('2020-09-20T10:00:00+08:00');
    rsj = await t.login('rsj');
    admin = await t.login('admin');
    const v2 = reportVersionSchema.parse(await (await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 2))).json());
    expect(v2).toMatchObject({
      version: 2,
      status: 'submitted',
      onTime: true,
      firstSubmittedAt: '2020-09-09T10:00:00+08:00',
    });
    expect(v2.totals.T).toBe(720);
    const versions = (await (await rsj.get('/api/reports/RSJ/2020-08/versions')).json()) as unknown[];
    expect(versions.map((x) => versionSummarySchema.parse(x).totals.T)).toEqual([360, 720]);
    const v1 = reportVersionSchema.parse(await (await rsj.get('/api/reports/RSJ/2020-08/versions/1')).json());
    expect(v1.totals.T).toBe(360);
    const events = (await (await admin.get('/api/reports/RSJ/2020-08/events')).json()) as { action: string }[];
    expect(events.map((e) => e.action)).toEqual(['submit', 'return', 'submit']);
  });

  it('an accepted month is locked (409) until the admin unlocks it with a reason', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const admin = await t.login('admin');
    await rsj.post('/api/reports/RSJ/2020-08', body(t.deps));
    expect((await rsj.post('/api/reports/RSJ/2020-08/accept', { version: 1 })).status).toBe(403);
    expect(
      reportVersionSchema.parse(await (await admin.post('/api/reports/RSJ/2020-08/accept', { version: 1 })).json())
        .status,
    ).toBe('accepted');
    const before = await tableCounts(t.deps);
    const locked = await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 2));
    expect(locked.status).toBe(409);
    expect((await error(locked)).code).toBe('month_locked');
    expect(await tableCounts(t.deps)).toEqual(before);
    expect((await admin.post('/api/reports/RSJ/2020-08/return', { reason: '需要修改', version: 1 })).status).toBe(409);
    expect((await admin.post('/api/reports/RSJ/2020-08/unlock', { reason: '' })).status).toBe(400);
    expect((await rsj.post('/api/reports/RSJ/2020-08/unlock', { reason: '需要修改' })).status).toBe(403);
    const unlocked = reportVersionSchema.parse(
      await (await admin.post('/api/reports/RSJ/2020-08/unlock', { reason: '省厅要求更正' })).json(),
    );
    expect(unlocked.status).toBe('submitted');
    expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 2))).status).toBe(201);
    const audit = (await rows(
      t.deps.db,
      "SELECT actor, action, after FROM audit_log WHERE action = 'report.unlock'",
    )) as { actor: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('admin');
    expect(JSON.parse(audit[0]!.after).reason).toBe('省厅要求更正');
  });

  it(
    'accept and return judge the version the reviewer saw: a newer one is refused (409 stale_version) and ' +
      'nothing changes',
    async () => {
      const t = await makeTestApp();
      const rsj = await t.login('rsj');
      const admin = await t.login('admin');
      await rsj.post('/api/reports/RSJ/2020-08', body(t.deps));
      // The admin opens version 1; meanwhile the department sends version 2.
      await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 2));
      const before = await tableCounts(t.deps);
      for (const [verb, extra] of [
        ['accept', {}],
        ['return', { reason: '请核实' }],
      ] as const) {
        const res = await admin.post(`/api/reports/RSJ/2020-08/${verb}`, { ...extra, version: 1 });
        expect(res.status).toBe(409);
        const err = await error(res);
        expect(err.code).toBe('stale_version');
        expect(err.message).toContain('第 2 版');
      }
      expect(await tableCounts(t.deps)).toEqual(before);
      // Without a version the review is refused as a bad body, not applied to whatever is newest.
      expect((await admin.post('/api/reports/RSJ/2020-08/accept', {})).status).toBe(400);
      const accepted = reportVersionSchema.parse(
        await (await admin.post('/api/reports/RSJ/2020-08/accept', { version: 2 })).json(),
      );
      expect(accepted).toMatchObject({ status: 'accepted', version: 2 });
    },
  );

  it('versions are immutable in the database itself', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    await rsj.post('/api/reports/RSJ/2020-08', body(t.deps));
    await expect(run(t.deps.db, 'UPDATE report_values SET value = 0')).rejects.toThrow(/immutable/);
    await expect(run(t.deps.db, 'DELETE FROM report_versions')).rejects.toThrow(/immutable/);
    await expect(run(t.deps.db, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('soft rules accept with warnings stored on the version', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const b = body(t.deps);
    b.rows[0]!.values.F1 = 300000; // 10,000 yuan per person-time
    const v = reportVersionSchema.parse(await (await rsj.post('/api/reports/RSJ/2020-08', b)).json());
    expect(v.warnings.map((w) => `${w.county}:${w.rule}`)).toEqual(['450202:per-capita']);
  });

  it('a county user sees only its own row of a report', async () => {
    const t = await makeTestApp();
    await (await t.login('rsj')).post('/api/reports/RSJ/2020-08', body(t.deps));
    const county = await t.login('sanjiang');
    const v = reportVersionSchema.parse(await (await county.get('/api/reports/RSJ/2020-08')).json());
    expect(v.rows.map((r) => r.county)).toEqual(['450226']);
    expect(v.totals.T).toBe(30);
  });
});

describe('a back-filled submission time', () => {
  it(
    'may not lie before its month began: 23:59:59 on the last day before is refused, 00:00:00 on the 1st is ' + 'taken',
    async () => {
      const t = await makeTestApp('2020-09-05T10:00:00+08:00');
      const admin = await t.login('admin');
      const before = await tableCounts(t.deps);
      const early = await admin.post('/api/reports/JYJ/2020-03', {
        ...body(t.deps),
        submittedAt: '2020-02-29T23:59:59+08:00',
      });
      expect(early.status).toBe(400);
      expect(((await early.json()) as { error: { code: string } }).error.code).toBe('submitted_at_before_month');
      expect(await tableCounts(t.deps)).toEqual(before);
      const first = await admin.post('/api/reports/JYJ/2020-03', {
        ...body(t.deps),
        submittedAt: '2020-03-01T00:00:00+08:00',
      });
      expect(first.status).toBe(201);
    },
  );
});
