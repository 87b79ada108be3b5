/** Every write route leaves exactly one audit entry, and the log cannot be edited through the API or SQL. */
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/db/audit-log';
import { insertObjection } from '../src/db/disclosure-store';
import { buildTemplate } from '../src/import/template';
import { historyForm, historyXlsx } from './history-workbook';
import { body, makeTestApp, PASSWORD, type Client } from './test-app';
import { roster, trainee } from './realname/roster-fixtures';
import { creditCode, person, uploadRoster } from './realname/route-samples';
import { one, rows, run, value } from './sql';

let t: Awaited<ReturnType<typeof makeTestApp>>;
/** The routes of the app under test, as it declared them. */
const declaredRoutes = () => t.app.declaredRoutes;
let admin: Client;

const auditCount = async () => (await value(t.deps.db, 'SELECT COUNT(*) FROM audit_log')) as number;
const lastAudit = async () =>
  (await one(t.deps.db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT 1')) as {
    actor: string;
    action: string;
    target: string;
    before: string | null;
    after: string | null;
  };

beforeAll(async () => {
  t = await makeTestApp('2020-09-05T10:00:00+08:00');
  admin = await t.login('admin');
});

/** A valid request for every write route, run in this order, by the user named; each must add exactly one audit row. */
const writes: [string, string, string | null, (c: Client) => Response | Promise<Response>][] = [
  ['POST /api/session', 'session.login', null, (c) => c.post('/api/session', { username: 'rsj', password: PASSWORD })],
  [
    'POST /api/reports/:department/:month',
    'report.submit',
    'rsj',
    (c) => c.post('/api/reports/RSJ/2020-08', body(t.deps)),
  ],
  [
    'POST /api/reports/:department/:month/file',
    'report.submit',
    'gxj',
    async (c) => {
      const bytes = await buildTemplate({
        catalogue: t.deps.catalogue,
        department: 'GXJ',
        month: '2020-08',
        rows: body(t.deps).rows,
      });
      const form = new FormData();
      form.append('file', new File([new Uint8Array(bytes)], 'gxj-2020-08.xlsx'));
      return c.post('/api/reports/GXJ/2020-08/file', form);
    },
  ],
  [
    'POST /api/reports/import',
    'report.import',
    'admin',
    async (c) => {
      const bytes = await historyXlsx(t.deps.catalogue, [
        { department: 'JYJ', month: '2020-06', submittedAt: '2020-07-08', rows: body(t.deps).rows },
        { department: 'JYJ', month: '2020-07', submittedAt: '2020-08-12', rows: body(t.deps, 2).rows },
      ]);
      return c.post('/api/reports/import', historyForm(bytes, 'history.xlsx'));
    },
  ],
  [
    'POST /api/reports/:department/:month/return',
    'report.return',
    'admin',
    (c) => c.post('/api/reports/GXJ/2020-08/return', { reason: '请核实', version: 1 }),
  ],
  [
    'POST /api/reports/:department/:month/accept',
    'report.accept',
    'admin',
    (c) => c.post('/api/reports/RSJ/2020-08/accept', { version: 1 }),
  ],
  [
    'POST /api/reports/:department/:month/unlock',
    'report.unlock',
    'admin',
    (c) => c.post('/api/reports/RSJ/2020-08/unlock', { reason: '更正' }),
  ],
  [
    'POST /api/reports/accept',
    'report.accept',
    'admin',
    (c) => c.post('/api/reports/accept', { items: [{ department: 'RSJ', month: '2020-08', version: 1 }] }),
  ],
  [
    'POST /api/reminders',
    'report.remind',
    'admin',
    (c) => c.post('/api/reminders', { month: '2020-07', departments: ['GXJ'] }),
  ],
  [
    'PUT /api/allocations',
    'allocation.update',
    'admin',
    (c) => c.put('/api/allocations', { target: 'T', items: [{ code: 'RSJ', value: 1000 }] }),
  ],
  [
    'PUT /api/targets/:code/split',
    'target.split',
    'admin',
    (c) => c.put('/api/targets/T/split', { years: { 2020: 100 } }),
  ],
  [
    'POST /api/users',
    'user.create',
    'admin',
    (c) => c.post('/api/users', { username: 'newbie', password: 'Fresh-start-pass-1', role: 'leader' }),
  ],
  ['PATCH /api/users/:id', 'user.update', 'admin', (c) => c.patch('/api/users/2', { displayName: '领导' })],
  [
    'POST /api/findings',
    'finding.create',
    'inspector',
    (c) =>
      c.post('/api/findings', {
        subjectKind: 'county',
        subject: '450226',
        inspection: 'half-year',
        period: '2020-H1',
        finding: '进度滞后',
        rectification: '制定追赶计划',
        dueDate: '2020-12-31',
      }),
  ],
  [
    'POST /api/findings/:id/response',
    'finding.respond',
    'sanjiang',
    (c) => c.post('/api/findings/1/response', { response: '已组织补训' }),
  ],
  [
    'POST /api/findings/:id/close',
    'finding.close',
    'inspector',
    (c) => c.post('/api/findings/1/close', { closingNote: '已整改' }),
  ],
  [
    'POST /api/disclosure/fund-use/:quarter/publish',
    'disclosure.fund.publish',
    'admin',
    (c) => c.post('/api/disclosure/fund-use/2020-Q2/publish'),
  ],
  [
    'POST /api/disclosure/fund-use/:quarter/withdraw',
    'disclosure.fund.withdraw',
    'admin',
    (c) => c.post('/api/disclosure/fund-use/2020-Q2/withdraw'),
  ],
  // 实名制 (#15): a roster by JSON (short hours: one flag) and by file, withdrawn; the flag dismissed (a confirmed
  // one would also open a finding, a second entry); a person looked up; the catalogue edited.
  [
    'POST /api/rosters',
    'roster.create',
    'rsj',
    (c) => c.post('/api/rosters', roster({ hours: 60 }, [trainee({ idNumber: person, phone: '13900001111' })])),
  ],
  ['POST /api/rosters/file', 'roster.create', 'rsj', uploadRoster],
  // A notice lists stored classes: roster 1, filed just above.
  [
    'POST /api/disclosure/notices',
    'disclosure.notice.create',
    'admin',
    (c) => c.post('/api/disclosure/notices', { title: '补贴公示', department: 'RSJ', classIds: ['1'] }),
  ],
  [
    'POST /api/disclosure/notices/:id/publish',
    'disclosure.notice.publish',
    'admin',
    (c) => c.post('/api/disclosure/notices/1/publish'),
  ],
  [
    'POST /api/disclosure/notices/:id/withdraw',
    'disclosure.notice.withdraw',
    'admin',
    (c) => c.post('/api/disclosure/notices/1/withdraw'),
  ],
  [
    'POST /api/disclosure/objections/:id/answer',
    'disclosure.objection.answer',
    'admin',
    async (c) => {
      // Filing is the public site's (audited with no actor, test/disclosure/); here the queue holds one already.
      const at = '2020-09-05T02:00:00.000Z';
      const o = { batchId: 1, classId: null, name: '王晓明', contact: '13907720000', text: '人数不符', at };
      const id = await insertObjection(t.deps.db, { ...o, addressHash: 'f'.repeat(64) });
      return c.post(`/api/disclosure/objections/${id}/answer`, { answer: '已核实' });
    },
  ],
  [
    'POST /api/rosters/:id/withdraw',
    'roster.withdraw',
    'rsj',
    (c) => c.post('/api/rosters/2/withdraw', { reason: '重复报送' }),
  ],
  [
    'POST /api/flags/:id/resolve',
    'flag.resolve',
    'inspector',
    (c) => c.post('/api/flags/1/resolve', { decision: 'dismiss', note: '已核实课时，情况属实' }),
  ],
  ['POST /api/people/lookup', 'person.lookup', 'inspector', (c) => c.post('/api/people/lookup', { idNumber: person })],
  [
    'POST /api/institutions',
    'institution.create',
    'admin',
    (c) =>
      c.post('/api/institutions', {
        name: '柳州市技能提升培训学校',
        creditCode,
        county: '城中区',
        type: '民办培训机构',
        approved: [{ occupation: '电工', level: '五级' }],
      }),
  ],
  [
    'PATCH /api/institutions/:id',
    'institution.update',
    'admin',
    (c) => c.patch('/api/institutions/1', { status: '暂停', statusReason: '年检未通过' }),
  ],
  [
    'PATCH /api/training-projects/:id',
    'training-project.update',
    'admin',
    (c) => c.patch('/api/training-projects/1', { subsidy: 1300, minHours: 90 }),
  ],
  ['DELETE /api/session', 'session.logout', 'leader', (c) => c.delete('/api/session')],
];

describe('audit log', () => {
  it('covers every write route the app declares', () => {
    const declared = declaredRoutes()
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(writes.map(([k]) => k).sort()).toEqual(declared);
  });

  it('each write leaves exactly one entry naming who, what and the target', async () => {
    for (const [route, action, user, run] of writes) {
      const client = user ? await t.login(user) : t.anonymous;
      const before = await auditCount();
      const res = await run(client);
      expect(res.status, `${route}: ${await res.clone().text()}`).toBeLessThan(300);
      expect(await auditCount(), route).toBe(before + 1);
      const last = await lastAudit();
      expect(last.action, route).toBe(action);
      expect(last.actor, route).toBe(user ?? 'rsj');
      expect(last.target, route).toBeTruthy();
    }
  });

  it('exactly one: a submission adds one row, a rejected one adds none', async () => {
    const rsj = await t.login('rsj');
    const before = await auditCount();
    expect((await rsj.post('/api/reports/RSJ/2020-07', body(t.deps))).status).toBe(201);
    expect(await auditCount()).toBe(before + 1);
    const bad = body(t.deps);
    bad.rows[0]!.values.T = 1;
    expect((await rsj.post('/api/reports/RSJ/2020-06', bad)).status).toBe(422);
    expect(await auditCount()).toBe(before + 1);
  });

  it('records before and after, and never a password or hash', async () => {
    const entries = (await rows(t.deps.db, "SELECT before, after FROM audit_log WHERE action LIKE 'user.%'")) as {
      before: string | null;
      after: string | null;
    }[];
    const text = JSON.stringify(entries);
    expect(text).not.toContain('Fresh-start-pass-1');
    expect(text).not.toContain('argon2');
    const update = (await one(t.deps.db, "SELECT before, after FROM audit_log WHERE action = 'user.update'")) as {
      before: string;
      after: string;
    };
    expect(JSON.parse(update.before)).toMatchObject({ username: 'leader' });
  });

  it('the admin can browse and filter it; nobody can change it', async () => {
    const res = await admin.get('/api/audit?action=report.submit');
    const entries = (await res.json()) as { action: string }[];
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.every((e) => e.action === 'report.submit')).toBe(true);
    expect((await admin.request('DELETE', '/api/audit')).status).toBe(404);
    expect((await admin.request('PATCH', '/api/audit')).status).toBe(404);
    await expect(run(t.deps.db, "UPDATE audit_log SET actor = 'x'")).rejects.toThrow(/append-only/);
  });

  it('filters from/to by calendar days in Asia/Shanghai, not by UTC text', async () => {
    // 2020-12-10T20:00:00Z is 2020-12-11 04:00 in Shanghai: a log entry of the 11th, not the 10th.
    await appendAudit(t.deps.db, new Date('2020-12-10T20:00:00Z'), {
      actor: 'admin',
      action: 'test.zone',
      target: 'zone/1',
    });
    const ids = async (query: string) =>
      ((await (await admin.get(`/api/audit?action=test.zone&${query}`)).json()) as { at: string }[]).map((e) => e.at);
    expect(await ids('from=2020-12-11&to=2020-12-11')).toEqual(['2020-12-10T20:00:00.000Z']);
    expect(await ids('from=2020-12-10&to=2020-12-10')).toEqual([]);
    expect(await ids('from=2020-12-11')).toHaveLength(1);
    expect(await ids('to=2020-12-10')).toEqual([]);
    // The last instant of the day in Shanghai is still that day.
    await appendAudit(t.deps.db, new Date('2020-12-11T15:59:59.999Z'), {
      actor: 'admin',
      action: 'test.zone',
      target: 'zone/2',
    });
    expect(await ids('from=2020-12-11&to=2020-12-11')).toHaveLength(2);
    expect(await ids('from=2020-12-12')).toEqual([]);
    expect((await admin.get('/api/audit?from=12/11/2020')).status).toBe(400);
  });
});
