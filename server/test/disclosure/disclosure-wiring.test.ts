/**
 * The public site wired into the real app over the database (issue #16): what the office publishes is
 * exactly the accepted figures of the quarter as of its publication, nothing unaccepted or unpublished
 * shows anywhere (the leak crawl over the whole site), objections reach the office's queue, audited.
 */
import { challengeSchema, fundUseSchema, noticeListSchema, objectionReceiptSchema } from '@lz/shared/api/disclosure';
import type { OfficeFundUse, OfficeObjection } from '@lz/shared/api/disclosure-office';
import { beforeAll, describe, expect, it } from 'vitest';
import { workBits } from '../../src/disclosure/objections/challenge';
import { idOf, roster, trainee } from '../realname/roster-fixtures';
import { rows } from '../sql';
import { body, type Client, makeTestApp } from '../test-app';
import { crawlPublicSite } from './leak-crawl';

type T = Awaited<ReturnType<typeof makeTestApp>>;
let t: T;
let admin: Client;
let rsj: Client;

/** Never public: GXJ's 2020-08 report is not accepted, RSJ's 2020-10 is in a quarter not published. */
const UNACCEPTED_F1 = 12345.67;
const Q4_F1 = 23456.78;
/** RSJ's 2020-09 correction, accepted after Q3 was published: public only once the office publishes again. */
const CORRECTED_F1 = 31000;
const COUNTIES = 12;

async function submit(who: Client, path: string, extra: Record<string, number> = {}) {
  const res = await who.post(`/api/reports/${path}`, body(t.deps, 1, extra));
  expect(res.status, await res.clone().text()).toBe(201);
}
async function review(path: string, verb: 'accept' | 'unlock', payload: object) {
  const res = await admin.post(`/api/reports/${path}/${verb}`, payload);
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Moves the clock; sessions idle out over days, so the office and RSJ sign in again. */
async function moveTo(iso: string) {
  t.clock.set(iso);
  admin = await t.login('admin');
  rsj = await t.login('rsj');
}

/** One class (roster) of RSJ, filed by its clerk, of a new person each time: a notice lists stored classes only. */
let classes = 0;
async function fileClass(): Promise<string> {
  const day = String(10 + ++classes);
  const person = trainee({ idNumber: idOf(`199003${day}`, '123'), phone: `138123456${day}` });
  const res = await rsj.post('/api/rosters', roster({}, [person]));
  expect(res.status, await res.clone().text()).toBe(201);
  return String(((await res.json()) as { id: string | number }).id);
}

const publicFundUse = async () => fundUseSchema.parse(await (await t.anonymous.get('/api/public/fund-use')).json());
const rowOf = (f: Awaited<ReturnType<typeof publicFundUse>>, period: string, dimension: string, code: string) =>
  f.rows.find((r) => r.period === period && r.dimension === dimension && r.code === code);

beforeAll(async () => {
  t = await makeTestApp('2020-10-12T10:00:00+08:00');
  expect(t.deps.catalogue.units).toHaveLength(COUNTIES);
  admin = await t.login('admin');
  rsj = await t.login('rsj');
  const gxj = await t.login('gxj');
  await submit(rsj, 'RSJ/2020-07');
  await review('RSJ/2020-07', 'accept', { version: 1 });
  await submit(rsj, 'RSJ/2020-09');
  await review('RSJ/2020-09', 'accept', { version: 1 });
  await submit(gxj, 'GXJ/2020-08', { F1: UNACCEPTED_F1 });
  await moveTo('2020-11-06T10:00:00+08:00');
  await submit(rsj, 'RSJ/2020-10', { F1: Q4_F1 });
  await review('RSJ/2020-10', 'accept', { version: 1 });
});

describe('fund use published from the database', () => {
  it('shows nothing before the office publishes', async () => {
    const f = await publicFundUse();
    expect(f).toEqual({ publishedAt: null, publications: [], years: [], rows: [] });
  });

  it('the office sees what a publication would show, and cannot publish a quarter not yet over', async () => {
    const office = (await (await admin.get('/api/disclosure/fund-use')).json()) as OfficeFundUse;
    const q3 = office.quarters.find((q) => q.quarter === '2020-Q3');
    // RSJ 2020-07 and 2020-09 accepted: 27,000 F1 in each of 12 counties each month; GXJ 2020-08 waits.
    expect(q3).toMatchObject({
      publishedOn: null,
      published: null,
      wouldPublish: { training: 2 * 27000 * COUNTIES, living: 2 * 750 * COUNTIES, assessment: 2 * 3000 * COUNTIES },
      unaccepted: 1,
    });
    const q4 = await admin.post('/api/disclosure/fund-use/2020-Q4/publish');
    expect(q4.status).toBe(409);
    expect(((await q4.json()) as { error: { message: string } }).error.message).toBe('该季度尚未结束，不能公布');
  });

  it('publishes exactly the accepted figures of the quarter, by county and by department', async () => {
    expect((await admin.post('/api/disclosure/fund-use/2020-Q3/publish')).status).toBe(200);
    const f = await publicFundUse();
    expect(f.publications).toEqual([{ quarter: '2020-Q3', publishedAt: '2020-11-06' }]);
    expect(f.years).toEqual([{ year: '2020', quarters: ['2020-Q3'] }]);
    // Per county: RSJ's two accepted months (27,000 + 27,000 F1; 30 + 30 trainees; 3 + 3 poor labour …).
    expect(rowOf(f, '2020-Q3', 'county', '450226')).toEqual({
      period: '2020-Q3',
      dimension: 'county',
      code: '450226',
      name: '三江侗族自治县',
      training: { amount: 54000, personTimes: 60 },
      living: { amount: 1500, personTimes: 6 },
      assessment: { amount: 6000, personTimes: 40 },
      workTraining: { amount: 0, personTimes: null },
    });
    expect(rowOf(f, '2020-Q3', 'department', 'RSJ')?.training).toEqual({ amount: 54000 * COUNTIES, personTimes: 720 });
    expect(rowOf(f, '2020-Q3', 'department', 'GXJ')?.training).toEqual({ amount: 0, personTimes: 0 });
    expect(rowOf(f, '2020', 'department', 'RSJ')?.training.amount).toBe(54000 * COUNTIES);
    expect(f.rows.some((r) => r.period === '2020-Q4')).toBe(false);
    const page = await (await t.anonymous.get('/gongkai/zijin?period=2020-Q3&by=county')).text();
    expect(page).toContain('54,000');
  });

  it('a correction accepted after publication stays off the page until the office publishes again', async () => {
    await moveTo('2020-11-09T10:00:00+08:00');
    await review('RSJ/2020-09', 'unlock', { reason: '更正培训补贴' });
    await submit(rsj, 'RSJ/2020-09', { F1: CORRECTED_F1 });
    await review('RSJ/2020-09', 'accept', { version: 2 });
    expect(rowOf(await publicFundUse(), '2020-Q3', 'county', '450226')?.training.amount).toBe(54000);

    await moveTo('2020-11-10T10:00:00+08:00');
    expect((await admin.post('/api/disclosure/fund-use/2020-Q3/publish')).status).toBe(200);
    const f = await publicFundUse();
    expect(f.publications).toEqual([{ quarter: '2020-Q3', publishedAt: '2020-11-10' }]);
    expect(rowOf(f, '2020-Q3', 'county', '450226')?.training.amount).toBe(27000 + CORRECTED_F1);
  });

  it('withdrawing removes the quarter from the page and the JSON, audited', async () => {
    expect((await admin.post('/api/disclosure/fund-use/2020-Q3/withdraw')).status).toBe(200);
    expect(await publicFundUse()).toEqual({ publishedAt: null, publications: [], years: [], rows: [] });
    const page = await (await t.anonymous.get('/gongkai/zijin')).text();
    expect(page).not.toContain('2020-Q3');
    expect(page).not.toContain('58,000');
    const audit = await rows(t.deps.db, "SELECT action, target FROM audit_log WHERE action LIKE 'disclosure.fund.%'");
    expect(audit).toEqual([
      { action: 'disclosure.fund.publish', target: 'fund-use/2020-Q3' },
      { action: 'disclosure.fund.publish', target: 'fund-use/2020-Q3' },
      { action: 'disclosure.fund.withdraw', target: 'fund-use/2020-Q3' },
    ]);
    expect((await admin.post('/api/disclosure/fund-use/2020-Q3/withdraw')).status).toBe(409);
  });
});

describe('notices and objections', () => {
  let batchId = '';
  const objector = { name: '王晓明', contact: '13907720000', text: '该班实际开班人数与公示不符，请核查。' };

  it('a batch of ids that name no class of the department is refused, naming each, and nothing is stored', async () => {
    const classId = await fileClass();
    const before = await rows(t.deps.db, 'SELECT id FROM disclosure_notice_batches');
    const refused = await admin.post('/api/disclosure/notices', {
      title: '2020年第4批职业技能培训补贴公示',
      department: 'GXJ',
      classIds: ['C-1', classId, '999999'],
    });
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('unknown_class');
    // RSJ's class is not GXJ's to announce; the other two name nothing.
    for (const id of ['C-1', classId, '999999']) expect(error.message).toContain(id);
    expect(await rows(t.deps.db, 'SELECT id FROM disclosure_notice_batches')).toEqual(before);
  });

  it('a batch is created as a draft, shows publicly only once published', async () => {
    const classId = await fileClass();
    const created = await admin.post('/api/disclosure/notices', {
      title: '2020年第4批职业技能培训补贴公示',
      department: 'RSJ',
      classIds: [classId],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const batch = (await created.json()) as { id: string; status: string; classCount: number; noticeDays: number };
    expect(batch).toMatchObject({ status: 'draft', classCount: 1, noticeDays: 5 });
    batchId = batch.id;
    expect((await t.anonymous.get(`/api/public/notices/${batchId}`)).status).toBe(404);
    expect((await admin.post(`/api/disclosure/notices/${batchId}/publish`)).status).toBe(200);
    const list = noticeListSchema.parse(await (await t.anonymous.get('/api/public/notices')).json());
    // Published Tuesday 2020-11-10: five working days end Monday 2020-11-16.
    expect(list.items).toMatchObject([
      {
        id: batchId,
        department: '市人力资源社会保障局',
        noticeStart: '2020-11-10',
        noticeEnd: '2020-11-16',
        open: true,
      },
    ]);
  });

  it('an objection filed anonymously lands in the office queue, address hashed, answered', async () => {
    const visitor = t.from('203.0.113.7');
    const ch = challengeSchema.parse(
      await (await visitor.get(`/api/public/objections/challenge?batchId=${batchId}`)).json(),
    );
    let pow = 0;
    while (workBits(ch.nonce, String(pow)) < ch.bits) pow++;
    const filed = await visitor.post('/api/public/objections', {
      batchId,
      ...objector,
      token: ch.token,
      pow: String(pow),
    });
    expect(filed.status, await filed.clone().text()).toBe(201);
    expect(filed.headers.get('set-cookie')).toBeNull();
    const receipt = objectionReceiptSchema.parse(await filed.json());

    const queue = (await (await admin.get('/api/disclosure/objections')).json()) as OfficeObjection[];
    expect(queue).toMatchObject([{ reference: receipt.reference, batchId, ...objector, answer: null }]);
    const stored = await rows(t.deps.db, 'SELECT address_hash FROM disclosure_objections');
    expect(String(stored[0]?.address_hash)).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify(await rows(t.deps.db, 'SELECT * FROM audit_log'));
    expect(everything).not.toContain('203.0.113.7');
    expect(everything).not.toContain(objector.name);
    expect(everything).not.toContain(objector.contact);

    const id = queue[0]?.id;
    const answered = await admin.post(`/api/disclosure/objections/${id}/answer`, { answer: '经核查，开班人数无误。' });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ answer: '经核查，开班人数无误。', answeredBy: 'admin' });
    expect((await admin.post(`/api/disclosure/objections/${id}/answer`, { answer: '再次答复' })).status).toBe(409);
    const audit = await rows(
      t.deps.db,
      "SELECT action, actor FROM audit_log WHERE action LIKE 'disclosure.objection.%'",
    );
    expect(audit).toEqual([
      { action: 'disclosure.objection.file', actor: null },
      { action: 'disclosure.objection.answer', actor: 'admin' },
    ]);
  });
});

describe('the public site in the app', () => {
  it('leaks nothing unaccepted, unpublished or personal and sets no cookie, even to a signed-in visitor', async () => {
    // Q3 published again; Q4, GXJ's unaccepted report and the draft batch must not show.
    await moveTo('2020-11-11T10:00:00+08:00');
    expect((await admin.post('/api/disclosure/fund-use/2020-Q3/publish')).status).toBe(200);
    const draft = await admin.post('/api/disclosure/notices', {
      title: '未发布批次',
      department: 'RSJ',
      classIds: [await fileClass()],
    });
    expect(draft.status, await draft.clone().text()).toBe(201);
    const report = await crawlPublicSite((path) => admin.get(path), {
      fullNames: ['王晓明'],
      usernames: ['admin', 'rsj', 'gxj', 'leader', 'inspector', 'sanjiang'],
      unpublishedFigures: [UNACCEPTED_F1, UNACCEPTED_F1 * COUNTIES, Q4_F1, Q4_F1 * COUNTIES],
    });
    expect(report.problems).toEqual([]);
    expect(report.visited.length).toBeGreaterThan(20);
    expect(report.visited).toContain('/api/public/fund-use');
    const page = await (await t.anonymous.get('/gongkai/gongshi')).text();
    expect(page).not.toContain('未发布批次');
  });

  it('the office routes are the statistics office’s alone', async () => {
    for (const who of ['leader', 'inspector', 'rsj', 'sanjiang']) {
      const c = await t.login(who);
      expect((await c.get('/api/disclosure/fund-use')).status, who).toBe(403);
      expect((await c.get('/api/disclosure/objections')).status, who).toBe(403);
      expect((await c.post('/api/disclosure/fund-use/2020-Q3/publish')).status, who).toBe(403);
    }
    expect((await t.anonymous.get('/api/disclosure/objections')).status).toBe(401);
    expect((await publicFundUse()).publications).toEqual([{ quarter: '2020-Q3', publishedAt: '2020-11-11' }]);
  });
});
