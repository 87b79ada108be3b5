/**
 * 补贴公示 and the 培训机构目录 over the real rosters (issue #16): the office picks stored classes, a published
 * batch lists them with people masked, an institution's page counts published rosters only (never a draft
 * batch's, never a withdrawn roster), an edit of the 目录清单 shows on the public site, and the leak crawl
 * finds no trainee's name, ID number or phone, and no unpublished class's figure anywhere.
 */
import { institutionPageSchema, institutionListSchema, noticeBatchSchema } from '@lz/shared/api/disclosure';
import type { NoticeCandidates } from '@lz/shared/api/disclosure-office';
import { rosterCreatedSchema, type TraineeInput } from '@lz/shared/api/rosters';
import { beforeAll, describe, expect, it } from 'vitest';
import { idOf, roster, trainee } from '../realname/roster-fixtures';
import { type Client, makeTestApp } from '../test-app';
import { crawlPublicSite } from './leak-crawl';

type T = Awaited<ReturnType<typeof makeTestApp>>;
let t: T;
let admin: Client;

const SCHOOL = '柳州市第二职业技术学校';
const CREDIT_CODE = '1245020395954506U0';

/** Each person once; 1,700 training + 150 assessment subsidy each unless said otherwise (1,850 yuan). */
const people: Record<string, TraineeInput> = {
  a1: trainee({ name: '韦小强', idNumber: idOf('19900307', '123'), phone: '13812345601' }),
  a2: trainee({ name: '覃小军', idNumber: idOf('19910412', '135'), phone: '13812345602' }),
  b1: trainee({ name: '蓝美丽', idNumber: idOf('19920512', '246'), gender: '女', phone: '13812345603' }),
  c1: trainee({ name: '黄大伟', idNumber: idOf('19880101', '211'), phone: '13812345604' }),
  d1: trainee({ name: '莫小红', idNumber: idOf('19850615', '224'), gender: '女', phone: '13812345605' }),
  e1: trainee({ name: '陆志刚', idNumber: idOf('19870909', '233'), phone: '13812345606' }),
};
/** Class D sits only in a draft batch: its amount must never show publicly. */
const D_TRAINING = 1234.5;
const D_AMOUNT = D_TRAINING + 150;

const ids: Record<'a' | 'b' | 'c' | 'd' | 'e', string> = { a: '', b: '', c: '', d: '', e: '' };
let published = '';
let draft = '';

async function file(trainees: TraineeInput[], over: Parameters<typeof roster>[0]) {
  const rsj = await t.login('rsj');
  const res = await rsj.post('/api/rosters', roster(over, trainees));
  expect(res.status, await res.clone().text()).toBe(201);
  return rosterCreatedSchema.parse(await res.json()).id;
}

async function batch(title: string, classIds: string[]) {
  const res = await admin.post('/api/disclosure/notices', { title, department: 'RSJ', classIds });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const candidates = async (query: string) =>
  (await (await admin.get(`/api/disclosure/notice-classes?${query}`)).json()) as NoticeCandidates;

beforeAll(async () => {
  t = await makeTestApp('2020-05-11T10:00:00+08:00');
  admin = await t.login('admin');
  ids.a = await file([people.a1, people.a2] as TraineeInput[], { startDate: '2020-03-02', endDate: '2020-03-27' });
  ids.b = await file([people.b1] as TraineeInput[], { startDate: '2020-04-01', endDate: '2020-04-28' });
  ids.c = await file([people.c1] as TraineeInput[], { startDate: '2020-03-03', endDate: '2020-03-30' });
  const d1 = { ...people.d1, trainingSubsidy: D_TRAINING } as TraineeInput;
  ids.d = await file([d1], { startDate: '2020-04-02', endDate: '2020-04-29' });
  ids.e = await file([people.e1] as TraineeInput[], { startDate: '2020-04-03', endDate: '2020-04-30' });
});

describe('the office picks real classes for a batch', () => {
  it('lists active classes of the department by 结业日期 with their trainees and subsidies', async () => {
    const all = await candidates('department=RSJ');
    expect(all.total).toBe(5);
    // Newest 结业日期 first.
    expect(all.items.map((k) => k.id)).toEqual([ids.e, ids.d, ids.b, ids.c, ids.a]);
    expect(all.items.find((k) => k.id === ids.a)).toEqual({
      id: ids.a,
      department: 'RSJ',
      institution: SCHOOL,
      occupation: '电工',
      level: '四级/中级工',
      startDate: '2020-03-02',
      endDate: '2020-03-27',
      traineeCount: 2,
      amount: 2 * 1850,
    });
    const march = await candidates('department=RSJ&from=2020-03-01&to=2020-03-31');
    expect(march.items.map((k) => k.id)).toEqual([ids.c, ids.a]);
    expect((await candidates('department=GXJ')).total).toBe(0);
  });

  it('a published batch shows its classes with people masked; a withdrawn roster drops out', async () => {
    published = await batch('2020年第1批职业技能培训补贴公示', [ids.a, ids.b, ids.c]);
    draft = await batch('2020年第2批（草稿）', [ids.d]);
    expect((await admin.post(`/api/disclosure/notices/${published}/publish`)).status).toBe(200);
    const rsj = await t.login('rsj');
    const withdrawn = await rsj.post(`/api/rosters/${ids.c}/withdraw`, { reason: '重复报送' });
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);

    const notice = noticeBatchSchema.parse(await (await t.anonymous.get(`/api/public/notices/${published}`)).json());
    expect(notice.classCount).toBe(2);
    expect(notice.amount).toBe(2 * 1850 + 1850);
    expect(notice.classes.map((k) => k.id)).toEqual([ids.a, ids.b]);
    expect(notice.classes[0]?.trainees).toEqual([
      { name: '韦*强', idNumber: `4502**********${people.a1?.idNumber.slice(-4)}` },
      { name: '覃*军', idNumber: `4502**********${people.a2?.idNumber.slice(-4)}` },
    ]);
    const page = await (await t.anonymous.get(`/gongkai/gongshi/${published}`)).text();
    expect(page).toContain('韦*强');
    expect(page).toContain(SCHOOL);
  });

  it('a class in a published batch or withdrawn is no longer a candidate', async () => {
    expect((await candidates('department=RSJ')).items.map((k) => k.id)).toEqual([ids.e, ids.d]);
  });
});

describe('the 培训机构目录 from the office’s tables', () => {
  it('an institution’s year counts published, active rosters only', async () => {
    const res = await t.anonymous.get(`/api/public/institutions/${CREDIT_CODE}`);
    const { institution } = institutionPageSchema.parse(await res.json());
    // A (2 people) and B (1): C is withdrawn, D only in a draft batch.
    expect(institution.years).toEqual([{ year: 2020, classes: 2, trainees: 3, subsidies: 3 * 1850 }]);
    const page = await (await t.anonymous.get(`/gongkai/jigou/${CREDIT_CODE}`)).text();
    expect(page).toContain('5,550');
  });

  it('an edit made through the API shows on the public list and page', async () => {
    const list = (await (await admin.get('/api/institutions')).json()) as { id: number; creditCode: string }[];
    const row = list.find((i) => i.creditCode === CREDIT_CODE);
    const patched = await admin.patch(`/api/institutions/${row?.id}`, { status: '暂停', statusReason: '年检未通过' });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const publicList = institutionListSchema.parse(
      await (await t.anonymous.get('/api/public/institutions?status=暂停')).json(),
    );
    const school = publicList.items.find((i) => i.creditCode === CREDIT_CODE);
    expect(school).toMatchObject({ name: SCHOOL, status: '暂停', statusSince: '2020-05-11' });
    expect(publicList.publishedAt >= '2020-05-11').toBe(true);
    const page = await (await t.anonymous.get(`/gongkai/jigou/${CREDIT_CODE}`)).text();
    expect(page).toContain('暂停');
  });

  it('the crawl finds no trainee’s name, ID number or phone and no draft class’s figure', async () => {
    const report = await crawlPublicSite((path) => t.anonymous.get(path), {
      fullNames: Object.values(people).map((p) => p.name),
      usernames: ['admin', 'rsj'],
      // D's own figures, and the school's 2020 subsidies had D (draft only) or C (withdrawn) been counted.
      unpublishedFigures: [D_AMOUNT, D_TRAINING, 3 * 1850 + D_AMOUNT, 4 * 1850],
    });
    expect(report.problems).toEqual([]);
    expect(report.visited).toContain(`/gongkai/jigou/${CREDIT_CODE}`);
    expect(report.visited).toContain(`/api/public/notices/${published}`);
    expect(report.visited).not.toContain(`/gongkai/gongshi/${draft}`);
    for (const p of Object.values(people)) {
      const page = await (await t.anonymous.get(`/gongkai/gongshi/${published}`)).text();
      expect(page).not.toContain(p.idNumber.slice(0, 10));
    }
  });

  it('a class is announced once: a batch or a draft repeating an announced class is refused', async () => {
    const again = await admin.post('/api/disclosure/notices', { title: '重复', department: 'RSJ', classIds: [ids.a] });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe(
      `培训班 ${ids.a} 已在已发布的公示批次中，不能重复公示`,
    );
    const first = await batch('2020年第3批', [ids.e]);
    const second = await batch('2020年第3批（重复）', [ids.e]);
    expect((await admin.post(`/api/disclosure/notices/${first}/publish`)).status).toBe(200);
    const refused = await admin.post(`/api/disclosure/notices/${second}/publish`);
    expect(refused.status).toBe(409);
    const list = (await (await admin.get('/api/disclosure/notices')).json()) as { id: string; status: string }[];
    expect(list.find((b) => b.id === second)?.status).toBe('draft');
  });
});
