/**
 * The office edits the 目录清单 (PATCH /api/training-projects/:id, PATCH /api/institutions/:id) on the engine
 * under test: the next roster is judged by the edited standard, hours and status; a bad edit lists every
 * problem and changes nothing; only the admin may edit, and each edit is audited.
 */
import { describe, expect, it } from 'vitest';
import { auditEntrySchema } from '@lz/shared/api/audit';
import {
  institutionSchema,
  rosterCreatedSchema,
  rosterRefusalSchema,
  trainingProjectItemSchema,
} from '@lz/shared/api/rosters';
import { makeTestApp, tableCounts } from '../test-app';
import { idOf, roster, trainee } from './roster-fixtures';

type T = Awaited<ReturnType<typeof makeTestApp>>;

async function electricianL4(t: T) {
  const admin = await t.login('admin');
  const projects = trainingProjectItemSchema.array().parse(await (await admin.get('/api/training-projects')).json());
  const project = projects.find((p) => p.occupation === '电工' && p.level === '四级/中级工');
  if (!project) throw new Error('电工 四级 missing from the seed');
  return { admin, project };
}

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string; details: { message: string }[] } }).error;

describe('PATCH /api/training-projects/:id', () => {
  it('lowers a standard and raises the hours: the next roster over them is flagged', async () => {
    const t = await makeTestApp();
    const { admin, project } = await electricianL4(t);
    // The fixture's roster pays 1,700 yuan over 120 hours: within the seeded 电工 四级 standard.
    const first = await admin.post('/api/rosters', roster());
    const before = rosterCreatedSchema.parse(await first.json());
    expect(before.flags).toEqual([]);
    const res = await admin.patch(`/api/training-projects/${project.id}`, { subsidy: 1500, minHours: 160 });
    expect(res.status).toBe(200);
    expect(trainingProjectItemSchema.parse(await res.json())).toMatchObject({ subsidy: 1500, minHours: 160 });
    const after = await admin.post(
      '/api/rosters',
      roster({ startDate: '2020-05-04', endDate: '2020-05-29' }, [trainee({ idNumber: idOf('19910101', '135') })]),
    );
    const created = rosterCreatedSchema.parse(await after.json());
    expect(created.flags.map((f) => [f.kind, f.evidence.figures])).toEqual([
      ['subsidy-above-standard', { standard: 1500, highest: 1700, trainees: 1 }],
      ['hours-below-minimum', { hours: 120, minimum: 160 }],
    ]);
    const audit = auditEntrySchema
      .array()
      .parse(await (await admin.get('/api/audit?action=training-project.update')).json());
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: `training-project/${project.id}`, actor: 'admin' });
    expect(audit[0]?.before).toMatchObject({ subsidy: 1700, minHours: 120 });
  });

  it('refuses a bad edit listing every problem, and changes nothing', async () => {
    const t = await makeTestApp();
    const { admin, project } = await electricianL4(t);
    const before = await tableCounts(t.deps);
    const bad = await admin.patch(`/api/training-projects/${project.id}`, {
      subsidy: -5,
      minHours: 0,
      code: '63101',
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details.map((d) => d.message)).toEqual([
      'code: 职业代码应为国家职业分类大典格式，如 6-31-01-03',
      'subsidy: 补贴标准不能为负数',
      'minHours: 最低课时至少为 1',
    ]);
    // Renaming 电工 四级 to 焊工 would make two 焊工 四级 and put 焊工 under 电工's code.
    const clash = await admin.patch(`/api/training-projects/${project.id}`, { occupation: '焊工' });
    expect(clash.status).toBe(400);
    const messages = (await errorOf(clash)).details.map((d) => d.message);
    expect(messages).toContain('职业代码 6-31-01-03 已用于“电工”，不能再用于“焊工”');
    expect(messages).toContain('培训项目 焊工（四级/中级工）重复');
    expect(await tableCounts(t.deps)).toEqual(before);
    const still = trainingProjectItemSchema.array().parse(await (await admin.get('/api/training-projects')).json());
    expect(still.find((p) => p.id === project.id)).toEqual(project);
    const rsj = await t.login('rsj');
    expect((await rsj.patch(`/api/training-projects/${project.id}`, { subsidy: 9000 })).status).toBe(403);
  });
});

describe('PATCH /api/institutions/:id with its status date', () => {
  it('suspends an institution from a stated day: a class starting from it is refused, nothing stored', async () => {
    const t = await makeTestApp();
    const admin = await t.login('admin');
    const list = institutionSchema.array().parse(await (await admin.get('/api/institutions')).json());
    const school = list.find((i) => i.name === '柳州市第二职业技术学校');
    if (!school) throw new Error('seed institution missing');
    const res = await admin.patch(`/api/institutions/${school.id}`, {
      status: '暂停',
      statusSince: '2020-03-01',
      statusReason: '年检未通过',
    });
    expect(institutionSchema.parse(await res.json())).toMatchObject({
      status: '暂停',
      statusSince: '2020-03-01',
      statusReason: '年检未通过',
    });
    const before = await tableCounts(t.deps);
    const refused = await admin.post('/api/rosters', roster());
    expect(refused.status).toBe(422);
    const [problem] = rosterRefusalSchema.parse(await refused.json()).error.details;
    expect(problem?.message).toContain('自 2020-03-01 起暂停');
    expect(await tableCounts(t.deps)).toEqual(before);
    // A class that ended before the suspension is still accepted.
    const earlier = await admin.post('/api/rosters', roster({ startDate: '2020-01-06', endDate: '2020-02-21' }));
    expect(earlier.status).toBe(201);
  });

  it('refuses a status date in the future and a bad credit code and county together', async () => {
    const t = await makeTestApp();
    const admin = await t.login('admin');
    const res = await admin.patch('/api/institutions/1', {
      status: '注销',
      statusSince: '2020-12-31',
      creditCode: '91450200MA5K000010',
      county: '桂林市',
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.details).toHaveLength(3);
    expect(error.details.map((d) => d.message)).toContainEqual('状态日期 2020-12-31 晚于今天（2020-09-05）');
    expect(error.details.map((d) => d.message)).toContainEqual('县区“桂林市”不在县区目录中');
    const [one] = institutionSchema.array().parse(await (await admin.get('/api/institutions')).json());
    expect(one?.status).toBe('有效');
  });
});
