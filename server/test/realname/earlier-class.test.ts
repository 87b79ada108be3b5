/**
 * Over HTTP on the engine under test: a flag or refusal that rests on an earlier roster names that roster
 * (institution, occupation, dates) in its message and its evidence, so an inspector finds the earlier class
 * without a second search; and two rosters of one month sharing a phone, filed at once, are still flagged.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { rosterCreatedSchema, rosterRefusalSchema, storedFlagSchema, type RosterInput } from '@lz/shared/api/rosters';
import { fileRosterJson } from '../../src/services/realname/file-roster';
import type { SessionUser } from '@lz/shared/api/session';
import { makeTestApp } from '../test-app';
import { idOf, roster, trainee } from './roster-fixtures';

type T = Awaited<ReturnType<typeof makeTestApp>>;

async function file(t: T, input: RosterInput, department: string) {
  const admin = await t.login('admin');
  return admin.post('/api/rosters', { ...input, class: { ...input.class, department } });
}

const person = trainee({ trainingSubsidy: 1000 });
/** 电工 四级 at 柳州市第二职业技术学校, filed by 市人社局: the earlier class every case refers back to. */
const earlier = { startDate: '2020-03-02', endDate: '2020-03-27' };
const earlierText = '市人力资源社会保障局 柳州市第二职业技术学校 电工（四级/中级工）2020-03-02 至 2020-03-27';

describe('flags and refusals name the earlier roster', () => {
  it('an overlap names the earlier class in its message and carries it in its evidence', async () => {
    const t = await makeTestApp();
    const first = rosterCreatedSchema.parse(await (await file(t, roster(earlier, [person]), 'RSJ')).json());
    const overlapping = {
      occupation: '焊工',
      level: '五级/初级工',
      startDate: '2020-03-20',
      endDate: '2020-04-10',
      hours: 120,
    };
    expect((await file(t, roster(overlapping, [person]), 'GXJ')).status).toBe(201);
    const flags = storedFlagSchema.array().parse(await (await (await t.login('inspector')).get('/api/flags')).json());
    const overlap = flags.find((f) => f.kind === 'overlap');
    expect(overlap?.message).toContain(earlierText);
    expect(overlap?.evidence.classes).toContainEqual({
      classId: first.id,
      department: 'RSJ',
      institution: '柳州市第二职业技术学校',
      occupation: '电工',
      level: '四级/中级工',
      ...earlier,
    });
  });

  it('a phone shared across two rosters of a month names the earlier class and its count', async () => {
    const t = await makeTestApp();
    const phone = '13900002222';
    const a = [
      trainee({ idNumber: idOf('19900101', '111'), phone }),
      trainee({ idNumber: idOf('19900102', '131'), phone }),
    ];
    const first = rosterCreatedSchema.parse(await (await file(t, roster(earlier, a), 'RSJ')).json());
    const later = { occupation: '焊工', level: '五级/初级工', startDate: '2020-03-02', endDate: '2020-03-31' };
    const res = await file(t, roster(later, [trainee({ idNumber: idOf('19900103', '151'), phone })]), 'GXJ');
    const created = rosterCreatedSchema.parse(await res.json());
    const shared = created.flags.find((f) => f.kind === 'shared-phone');
    expect(shared?.message).toBe(
      `3 名学员登记同一联系电话 139****2222（本班 1 人，同月其他 1 个班 2 人：${earlierText} 2 人）`,
    );
    expect(shared?.evidence.classes.map((c) => c.classId)).toEqual([created.id, first.id]);
  });

  it('the 4th subsidy and a repeated occupation + level name every earlier class', async () => {
    const t = await makeTestApp();
    expect((await file(t, roster(earlier, [person]), 'RSJ')).status).toBe(201);
    const repeat = await file(t, roster({ startDate: '2020-07-06', endDate: '2020-07-31' }, [person]), 'GXJ');
    const [same] = rosterRefusalSchema.parse(await repeat.json()).error.details;
    expect(same).toMatchObject({ rule: 'repeat-occupation-level' });
    expect(same?.message).toContain(earlierText);

    const welding = { occupation: '焊工', level: '五级/初级工', startDate: '2020-04-06', endDate: '2020-04-30' };
    const care = {
      institution: '柳州市城中区康馨职业培训学校',
      county: '城中区',
      occupation: '养老护理员',
      level: '五级/初级工',
      startDate: '2020-05-06',
      endDate: '2020-05-29',
    };
    expect((await file(t, roster(welding, [person]), 'GXJ')).status).toBe(201);
    expect((await file(t, roster(care, [person]), 'ZGH')).status).toBe(201);
    const cooking = {
      institution: '柳州市柳南区味道烹饪职业培训学校',
      county: '柳南区',
      occupation: '中式烹调师',
      level: '五级/初级工',
      startDate: '2020-06-01',
      endDate: '2020-06-24',
    };
    const fourth = await file(t, roster(cooking, [person]), 'SWJ');
    const [cap] = rosterRefusalSchema.parse(await fourth.json()).error.details;
    expect(cap).toMatchObject({ rule: 'subsidy-cap' });
    expect(cap?.message).toContain(earlierText);
    expect(cap?.message).toContain('柳州市第二职业技术学校 焊工（五级/初级工）2020-04-06 至 2020-04-30');
    expect(cap?.message).toContain('柳州市城中区康馨职业培训学校 养老护理员（五级/初级工）2020-05-06 至 2020-05-29');
  });
});

describe('shared phones under concurrency', () => {
  it('flags two rosters of one month sharing a phone even when filed at the same moment', async () => {
    const t = await makeTestApp();
    const phone = '13900003333';
    const pair = (a: string, b: string) => [
      trainee({ idNumber: idOf('19900101', a), phone }),
      trainee({ idNumber: idOf('19900102', b), phone }),
    ];
    const welding = { occupation: '焊工', level: '五级/初级工', startDate: '2020-03-02', endDate: '2020-03-31' };
    const admin: SessionUser = {
      id: 1,
      username: 'admin',
      displayName: '管理员',
      role: 'admin',
      department: null,
      county: null,
    };
    const filing = (department: string) => ({ actor: admin, department }) as const;
    // Connections opened beforehand: a new PostgreSQL connection takes longer than a whole roster, and the
    // second roster would then begin only after the first had committed.
    await Promise.all([1, 2, 3, 4].map(() => sql`select 1`.execute(t.deps.db)));
    // Two in each: neither alone reaches the threshold of 3, together they are 4.
    const created = await Promise.all([
      fileRosterJson(t.deps, roster({ ...earlier, department: 'RSJ' }, pair('111', '131')), filing('RSJ')),
      fileRosterJson(t.deps, roster({ ...welding, department: 'GXJ' }, pair('151', '171')), filing('GXJ')),
    ]);
    const flagged = created.filter((c) => c.flags.some((f) => f.kind === 'shared-phone'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.flags.find((f) => f.kind === 'shared-phone')?.evidence.figures).toEqual({
      phone: '139****3333',
      trainees: 4,
    });
  });
});
