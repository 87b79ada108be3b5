/**
 * The roster endpoints over HTTP on the engine under test: hard rules refused at their row and column with
 * nothing stored, the yearly cap and repeats across departments, flags and their adjudication into findings,
 * withdrawal, role scoping, the masked and audited person lookup, reconciliation against a hand computation,
 * and two concurrent rosters of one person over the cap.
 */
import { describe, expect, it } from 'vitest';
import {
  personLookupResultSchema,
  rosterCreatedSchema,
  rosterDetailSchema,
  rosterPageSchema,
  rosterRefusalSchema,
  storedFlagSchema,
  type RosterInput,
} from '@lz/shared/api/rosters';
import { body, makeTestApp, tableCounts } from '../test-app';
import { idOf, roster, trainee } from './roster-fixtures';

type T = Awaited<ReturnType<typeof makeTestApp>>;

/** 韦小强's classes of 2020, each at an institution approved for it, none overlapping. */
const classes = {
  electric: { occupation: '电工', level: '四级/中级工', startDate: '2020-03-02', endDate: '2020-03-27' },
  welding: { occupation: '焊工', level: '五级/初级工', startDate: '2020-04-06', endDate: '2020-04-30', hours: 120 },
  cooking: {
    institution: '柳州市柳南区味道烹饪职业培训学校',
    county: '柳南区',
    occupation: '中式烹调师',
    level: '五级/初级工',
    startDate: '2020-05-06',
    endDate: '2020-05-29',
  },
  care: {
    institution: '柳州市城中区康馨职业培训学校',
    county: '城中区',
    occupation: '养老护理员',
    level: '五级/初级工',
    startDate: '2020-06-01',
    endDate: '2020-06-24',
  },
} as const;

async function file(t: T, input: RosterInput, department: string) {
  const admin = await t.login('admin');
  return admin.post('/api/rosters', { ...input, class: { ...input.class, department } });
}

const person = trainee({ trainingSubsidy: 1000 });

describe('POST /api/rosters', () => {
  it('stores a roster and answers what it adds to the month (hand computed)', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const res = await rsj.post('/api/rosters', roster());
    expect(res.status).toBe(201);
    const created = rosterCreatedSchema.parse(await res.json());
    expect(created).toMatchObject({ department: 'RSJ', county: '450203', occupation: '电工', trainees: 1 });
    // One 就业技能 trainee of the rural group with a certificate: K1, X3, and the subsidies in yuan.
    expect(created.contributes).toEqual({
      month: '2020-03',
      county: '450203',
      values: { K1: 1, X3: 1, F1: 1700, F3: 150 },
    });
    expect(created.flags).toEqual([]);
  });

  it('refuses every hard problem at its row and column and stores nothing', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    const before = await tableCounts(t.deps);
    const good = idOf('19900307', '123');
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const young = idOf('20100101', '111');
    const res = await rsj.post(
      '/api/rosters',
      roster({ endDate: '2020-02-01' }, [
        trainee({ idNumber: bad }),
        trainee({ name: '覃小军', idNumber: young }),
        trainee({ name: '蓝美', idNumber: idOf('19920512', '246'), gender: '女' }),
        trainee({ name: '蓝美', idNumber: idOf('19920512', '246'), gender: '女' }),
      ]),
    );
    expect(res.status).toBe(422);
    const { error } = rosterRefusalSchema.parse(await res.json());
    const at = error.details.map((d) => `${d.row}|${d.column}|${d.rule}`);
    expect(at).toEqual(
      expect.arrayContaining([
        'null|class.endDate|class-dates',
        '1|idNumber|id-check',
        '2|idNumber|trainee-under-age',
        '4|idNumber|duplicate-in-roster',
      ]),
    );
    expect(error.details.every((d) => /[\u4e00-\u9fa5]/u.test(d.message))).toBe(true);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('refuses the 4th subsidised training of a year across departments, naming year and classes', async () => {
    const t = await makeTestApp();
    expect((await file(t, roster(classes.electric, [person]), 'RSJ')).status).toBe(201);
    expect((await file(t, roster(classes.welding, [person]), 'GXJ')).status).toBe(201);
    expect((await file(t, roster(classes.cooking, [person]), 'ZGH')).status).toBe(201);
    const admin = await t.login('admin');
    const before = await tableCounts(t.deps);
    const res = await admin.post('/api/rosters', roster({ ...classes.care, department: 'SWJ' }, [person]));
    expect(res.status).toBe(422);
    const [problem] = rosterRefusalSchema.parse(await res.json()).error.details;
    expect(problem).toMatchObject({ row: 1, column: 'idNumber', rule: 'subsidy-cap' });
    expect(problem?.message).toContain('2020 年已享受 3 次');
    expect(problem?.message).toContain('市工业和信息化局');
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('refuses the same occupation and level subsidised twice, in another department', async () => {
    const t = await makeTestApp();
    expect((await file(t, roster(classes.electric, [person]), 'RSJ')).status).toBe(201);
    const again = { ...classes.electric, startDate: '2020-07-06', endDate: '2020-07-31' };
    const res = await file(t, roster(again, [person]), 'GXJ');
    expect(res.status).toBe(422);
    const rules = rosterRefusalSchema.parse(await res.json()).error.details.map((d) => d.rule);
    expect(rules).toEqual(['repeat-occupation-level']);
  });

  it('flags overlaps, retirees, shared phones and low hours, and adjudicates them into findings', async () => {
    const t = await makeTestApp();
    expect((await file(t, roster(classes.electric, [person]), 'RSJ')).status).toBe(201);
    const phone = '13900001111';
    const overlapping = { ...classes.welding, startDate: '2020-03-20', endDate: '2020-04-10', hours: 60 };
    const res = await file(
      t,
      roster(overlapping, [
        person,
        trainee({ name: '黄大伯', idNumber: idOf('19550101', '135'), phone, trainingSubsidy: 1000 }),
        trainee({ name: '黄二伯', idNumber: idOf('19700101', '155'), phone, trainingSubsidy: 1000 }),
        trainee({ name: '黄三伯', idNumber: idOf('19720101', '175'), phone, trainingSubsidy: 1000 }),
      ]),
      'GXJ',
    );
    expect(res.status).toBe(201);
    const created = rosterCreatedSchema.parse(await res.json());
    expect(created.flags.map((f) => f.kind).sort()).toEqual(
      ['hours-below-minimum', 'overlap', 'retirement-age', 'shared-phone'].sort(),
    );
    const inspector = await t.login('inspector');
    const open = storedFlagSchema.array().parse(await (await inspector.get('/api/flags?status=open')).json());
    expect(open).toHaveLength(4);
    const overlap = open.find((f) => f.kind === 'overlap');
    expect(overlap?.evidence.classes.map((c) => c.classId).sort()).toEqual(['1', '2']);
    const hours = open.find((f) => f.kind === 'hours-below-minimum');
    if (!overlap || !hours) throw new Error('flags missing');

    const confirmed = await inspector.post(`/api/flags/${overlap.id}/resolve`, {
      decision: 'confirm',
      note: '核查培训签到表',
    });
    const flag = storedFlagSchema.parse(await confirmed.json());
    expect(flag).toMatchObject({ status: 'confirmed', resolvedBy: 'inspector' });
    const findings = (await (await inspector.get('/api/findings')).json()) as { id: number; subject: string }[];
    expect(findings.find((f) => f.id === flag.findingId)?.subject).toBe('450203');
    const dismissed = await inspector.post(`/api/flags/${hours.id}/resolve`, {
      decision: 'dismiss',
      note: '另有实操课时',
    });
    expect(storedFlagSchema.parse(await dismissed.json())).toMatchObject({ status: 'dismissed', findingId: null });
    expect((await inspector.post(`/api/flags/${hours.id}/resolve`, { decision: 'confirm', note: '再次' })).status).toBe(
      409,
    );
    expect((await (await t.login('rsj')).get('/api/flags')).status).toBe(403);
  });

  it('withdraws a roster: kept and marked, it stops counting for the yearly cap', async () => {
    const t = await makeTestApp();
    const rsj = await t.login('rsj');
    expect((await rsj.post('/api/rosters', roster(classes.electric, [person]))).status).toBe(201);
    const gxj = await t.login('gxj');
    expect((await gxj.post('/api/rosters/1/withdraw', { reason: '不是我的' })).status).toBe(404);
    const res = await rsj.post('/api/rosters/1/withdraw', { reason: '重复报送' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '重复报送' });
    expect((await rsj.post('/api/rosters/1/withdraw', { reason: '重复报送' })).status).toBe(409);
    const again = await rsj.post('/api/rosters', roster(classes.electric, [person]));
    expect(again.status).toBe(201);
  });

  it('scopes rosters: a reporter its own department, a county user its own county, leaders none', async () => {
    const t = await makeTestApp();
    expect((await file(t, roster(classes.electric, [person]), 'RSJ')).status).toBe(201);
    const sanjiang = {
      institution: '三江侗族自治县侗乡职业技能培训学校',
      county: '三江侗族自治县',
      occupation: '茶艺师',
      level: '五级/初级工',
    };
    const other = trainee({ name: '杨阿妹', idNumber: idOf('19950203', '224'), gender: '女', trainingSubsidy: 800 });
    expect((await file(t, roster({ ...classes.welding, ...sanjiang }, [other]), 'GXJ')).status).toBe(201);
    const ids = async (user: string, path = '/api/rosters') =>
      rosterPageSchema.parse(await (await (await t.login(user)).get(path)).json()).items.map((r) => r.id);
    expect(await ids('admin')).toHaveLength(2);
    expect(await ids('rsj')).toEqual(['1']);
    expect(await ids('gxj')).toEqual(['2']);
    expect(await ids('sanjiang')).toEqual(['2']);
    expect((await (await t.login('rsj')).get('/api/rosters?department=GXJ')).status).toBe(403);
    expect((await (await t.login('rsj')).get('/api/rosters/2')).status).toBe(404);
    expect((await (await t.login('leader')).get('/api/rosters')).status).toBe(403);
    const detail = rosterDetailSchema.parse(await (await (await t.login('sanjiang')).get('/api/rosters/2')).json());
    expect(detail.traineeList[0]).toMatchObject({
      name: '杨*妹',
      idNumber: `450203********${other.idNumber.slice(-4)}`,
    });
  });

  it('looks a person up masked and audits the keyed hash, never the number', async () => {
    const t = await makeTestApp();
    expect((await file(t, roster(classes.electric, [person]), 'RSJ')).status).toBe(201);
    expect((await file(t, roster(classes.welding, [person]), 'GXJ')).status).toBe(201);
    const inspector = await t.login('inspector');
    const typed = `${person.idNumber.slice(0, 6)} ${person.idNumber.slice(6)}`.toLowerCase();
    const res = await inspector.post('/api/people/lookup', { idNumber: typed });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(person.idNumber);
    const found = personLookupResultSchema.parse(JSON.parse(text));
    expect(found.idNumber).toBe(`450203********${person.idNumber.slice(-4)}`);
    expect(found.trainings.map((x) => x.department)).toEqual(['RSJ', 'GXJ']);
    expect(found.allowance).toEqual([{ year: '2020', used: 2, left: 1 }]);
    const audit = await (await (await t.login('admin')).get('/api/audit?limit=50')).text();
    expect(audit).toContain('person.lookup');
    expect(audit).toContain(t.deps.pii.hash(person.idNumber, 'idNumber'));
    expect(audit).not.toContain(person.idNumber);
    expect((await (await t.login('rsj')).post('/api/people/lookup', { idNumber: person.idNumber })).status).toBe(403);
    for (const path of ['/api/rosters', '/api/rosters/1', '/api/flags']) {
      expect(await (await inspector.get(path)).text()).not.toContain(person.idNumber);
    }
  });

  it('reconciles a month against the report in force (hand computed)', async () => {
    const t = await makeTestApp();
    // The report: every county K1 = 4, F1 = 27000 (test-app's body); the roster: one K1 line in 鱼峰区.
    expect((await (await t.login('rsj')).post('/api/reports/RSJ/2020-03', body(t.deps))).status).toBe(201);
    expect((await file(t, roster(classes.electric, [person]), 'RSJ')).status).toBe(201);
    const res = await (await t.login('leader')).get('/api/reconciliation?department=RSJ&month=2020-03');
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      cells: { county: string; indicator: string; rosters: number; reported: number; difference: number }[];
      summary: { personTimes: { rosters: number; reported: number; coverage: number } };
    };
    const cell = (county: string, indicator: string) =>
      r.cells.find((c) => c.county === county && c.indicator === indicator);
    expect(cell('450203', 'K1')).toEqual({ county: '450203', indicator: 'K1', rosters: 1, reported: 4, difference: 3 });
    expect(cell('450203', 'F1')).toMatchObject({ rosters: 1000, reported: 27000, difference: 26000 });
    const counties = t.deps.catalogue.units.length;
    // Person-times: E1–E5 (20) + K1–K7 (10 − 0) per county in test-app's body = 30 per county.
    expect(r.summary.personTimes).toMatchObject({ rosters: 1, reported: 30 * counties });
    expect(r.summary.personTimes.coverage).toBe(Math.round((1 / (30 * counties)) * 10_000) / 10_000);
    expect((await (await t.login('sanjiang')).get('/api/reconciliation?department=RSJ&month=2020-03')).status).toBe(
      403,
    );
  });

  it('stores exactly one of two concurrent rosters that would each be the 4th of the year', async () => {
    const t = await makeTestApp();
    expect((await file(t, roster(classes.electric, [person]), 'RSJ')).status).toBe(201);
    expect((await file(t, roster(classes.welding, [person]), 'GXJ')).status).toBe(201);
    const [a, b] = await Promise.all([
      file(t, roster(classes.cooking, [person]), 'ZGH'),
      file(t, roster(classes.care, [person]), 'SWJ'),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    const page = rosterPageSchema.parse(await (await (await t.login('admin')).get('/api/rosters')).json());
    expect(page.total).toBe(3);
  });
});
