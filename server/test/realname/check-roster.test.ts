import { describe, expect, it } from 'vitest';
import { rosterProblemSchema } from '@lz/shared/api/rosters';
import { checkRoster } from '../../src/realname/check-roster';
import { context, idOf, prior, roster, trainee, training } from './roster-fixtures';

async function problems(...args: Parameters<typeof checkRoster>) {
  const result = await checkRoster(...args);
  if (result.ok) throw new Error('expected a refusal');
  for (const p of result.problems) rosterProblemSchema.parse(p);
  return result.problems;
}
const rules = (list: { rule: string }[]) => list.map((p) => p.rule);

describe('checkRoster: a good roster', () => {
  it('resolves names loosely and answers the class, the lines and no flags', async () => {
    const result = await checkRoster(
      roster({ institution: training.institutions[0]!.creditCode.toLowerCase() }),
      context(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.class).toMatchObject({ department: 'RSJ', occupation: '电工', level: 'L4', county: '450203' });
    expect(result.class.institution.name).toBe('柳州市第二职业技术学校');
    expect(result.trainees[0]).toMatchObject({ gender: '男', birthDate: '1990-03-07', poor: false });
    expect(result.flags).toEqual([]);
  });

  it('accepts a lower-case x and full-width digits, and an address as 培训地点', async () => {
    const id = idOf('19491231', '002', '110105');
    expect(id.endsWith('X')).toBe(true);
    const r = roster({ county: '柳州市鱼峰区柳石路 12 号', startDate: '2020.3.2', endDate: '2020年3月27日' }, [
      trainee({ idNumber: id.toLowerCase(), gender: '女', group: '下岗失业人员' }),
      trainee({ idNumber: idOf('19900307', '123').replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d))) }),
    ]);
    const result = await checkRoster(r, context({}, {}, { today: '2021-06-30' }));
    expect(result).toMatchObject({ ok: true, class: { county: '450203', startDate: '2020-03-02' } });
  });
});

describe('checkRoster: hard rules, every problem at once', () => {
  it('lists each line problem with its line and field', async () => {
    const young = idOf('20040303', '111');
    const r = roster({}, [
      trainee(),
      trainee({ idNumber: '450203199003071234', name: '覃二' }),
      trainee({ idNumber: young, name: '黄三' }),
      trainee({ name: '韦小强二' }),
      trainee({ idNumber: idOf('19880101', '222'), gender: '女', group: '企业职工' }),
      trainee({ idNumber: idOf('19880101', '242'), gender: '男', group: '外星人', poor: '也许' }),
    ]);
    r.total = { trainees: 5, trainingSubsidy: 10_000, livingSubsidy: 0, assessmentSubsidy: 900 };
    const found = await problems(r, context());
    expect(found).toEqual([
      { row: null, column: 'total.trainees', rule: 'total-mismatch', message: '合计行写明 5 人，名单实有 6 人' },
      expect.objectContaining({ row: null, column: 'total.trainingSubsidy', rule: 'total-mismatch' }),
      {
        row: 2,
        column: 'idNumber',
        rule: 'id-check',
        message: '公民身份号码校验位应为 X，实际为 4，号码有误（可能抄错了某一位）',
      },
      // 450203199003071: Σ = 244 (450202's 240 + 1·4), 244 mod 11 = 2 → X.
      expect.objectContaining({ row: 3, column: 'idNumber', rule: 'trainee-under-age' }),
      expect.objectContaining({ row: 4, column: 'idNumber', rule: 'duplicate-in-roster' }),
      expect.objectContaining({ row: 5, column: 'group', rule: 'trainee-group-class' }),
      { row: 6, column: 'gender', rule: 'trainee-gender', message: '性别填写为“男”，与公民身份号码（女）不符' },
      expect.objectContaining({ row: 6, column: 'group', rule: 'trainee-group' }),
      expect.objectContaining({ row: 6, column: 'poor', rule: 'trainee-poor' }),
    ]);
    // 16 at the start counts on the birthday: 2004-03-03 is 15 on 2020-03-02.
    expect(found[3]!.message).toBe('开班时仅 15 周岁，未满 16 周岁，不能参加补贴性培训');
    expect(found[4]!.message).toContain('与第 1 行');
    // 6 × 1700 = 10,200 against the stated 10,000; the assessment column agrees (6 × 150 = 900).
    expect(found[1]!.message).toBe('合计行培训补贴(元)为 10000.00，各行相加为 10200.00');
  });

  it('refuses a class with dates out of order or in the future, an unknown institution and unknown words', async () => {
    const found = await problems(
      roster({
        institution: '不存在职业培训学校',
        trainingType: '跳舞培训',
        level: '九级',
        county: '南宁市',
        endDate: '2020-02-28',
      }),
      context(),
    );
    expect(rules(found)).toEqual([
      'institution-unknown',
      'class-training-type',
      'class-level',
      'class-county',
      'class-dates',
    ]);
    expect(found.at(-1)!.message).toBe('结业日期 2020-02-28 早于开班日期 2020-03-02');
    const future = await problems(roster({ startDate: '2021-06-20', endDate: '2021-07-10' }), context());
    expect(future.map((p) => p.message)).toEqual(['结业日期 2021-07-10 晚于今天，班级尚未结业']);
  });

  it('refuses a class of a suspended institution that started after the suspension, not one before it', async () => {
    const suspended = training.institutions.find((i) => i.status === '暂停')!;
    const klass = { institution: suspended.name, occupation: '焊工', level: '五级', county: '鹿寨县', hours: 90 };
    const after = await problems(roster({ ...klass, startDate: '2020-10-08', endDate: '2020-10-30' }), context());
    expect(after).toEqual([expect.objectContaining({ column: 'class.institution', rule: 'institution-suspended' })]);
    expect(after[0]!.message).toContain('自 2020-09-15 起暂停');
    const before = await checkRoster(roster(klass), context());
    expect(before.ok).toBe(true);
  });

  it('refuses a department other than the filer and an enterprise worker in a 创业培训 class', async () => {
    const found = await problems(
      roster(
        {
          department: '市教育局',
          trainingType: '创业培训',
          occupation: '创业培训（SYB）',
          level: '专项职业能力',
          institution: '柳州市柳北区启航创业培训中心',
          hours: 80,
        },
        [trainee({ group: '企业职工', trainingSubsidy: 1200 })],
      ),
      context(),
    );
    expect(found.map((p) => p.message)).toEqual([
      '花名册的主管部门为市教育局，与提交单位市人力资源社会保障局不一致',
      '创业培训面向就业重点群体，人员类别“企业职工”不属于就业重点群体',
    ]);
  });
});

describe('checkRoster: earlier trainings across every roster', () => {
  const me = idOf('19900307', '123');

  it('refuses the 4th subsidised training of a calendar year, counted by 结业日期, naming year and classes', async () => {
    const priors = [
      // Ends in January 2020: counts in 2020 although it started in 2019.
      prior({ classId: 'a', startDate: '2019-12-23', endDate: '2020-01-10' }),
      prior({ classId: 'b', occupation: '焊工', startDate: '2020-01-13', endDate: '2020-01-31' }),
      prior({
        classId: 'c',
        occupation: '养老护理员',
        startDate: '2020-02-03',
        endDate: '2020-02-21',
        department: '市民政局',
        institution: null,
      }),
      // Not counted: ends in 2019, and one without a training subsidy.
      prior({ classId: 'd', occupation: '茶艺师', startDate: '2019-11-04', endDate: '2019-11-29' }),
      prior({
        classId: 'e',
        occupation: '家政服务员',
        startDate: '2020-02-24',
        endDate: '2020-02-28',
        trainingSubsidy: 0,
      }),
    ];
    const found = await problems(roster(), context({ [me]: priors }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ row: 1, column: 'idNumber', rule: 'subsidy-cap' });
    expect(found[0]!.message).toBe(
      '韦小强 2020 年已享受 3 次补贴性培训（市总工会 柳州市交通技工学校 汽车维修工（五级/初级工）2019-12-23 至 2020-01-10；' +
        '市总工会 柳州市交通技工学校 焊工（五级/初级工）2020-01-13 至 2020-01-31；' +
        '市民政局 养老护理员（五级/初级工）2020-02-03 至 2020-02-21），本次为第 4 次，超过每人每年 3 次的上限',
    );
    // The same line without a training subsidy uses no allowance.
    expect((await checkRoster(roster({}, [trainee({ trainingSubsidy: 0 })]), context({ [me]: priors }))).ok).toBe(true);
  });

  it('refuses the same occupation and level twice, and a lower level after a higher one where configured', async () => {
    const same = await problems(
      roster(),
      context({ [me]: [prior({ occupation: '电工', level: 'L4', endDate: '2019-05-31', startDate: '2019-05-06' })] }),
    );
    expect(same.map((p) => p.rule)).toEqual(['repeat-occupation-level']);
    expect(same[0]!.message).toContain('同一职业同一等级不可重复享受');
    const higher = [prior({ occupation: '电工', level: 'L3', startDate: '2019-05-06', endDate: '2019-05-31' })];
    expect(rules(await problems(roster(), context({ [me]: higher })))).toEqual(['lower-after-higher']);
    const lenient = { ...training, rules: { ...training.rules, higherLevelBlocksLower: false } };
    expect((await checkRoster(roster(), context({ [me]: higher }, {}, { training: lenient }))).ok).toBe(true);
  });

  it('asks storage once for all the lines, by keyed hash only', async () => {
    const asked: string[][] = [];
    const ctx = context();
    const r = roster({}, [trainee(), trainee({ idNumber: idOf('19851120', '064', '450225'), gender: '女' })]);
    const priorTrainings = async (hashes: readonly string[]) => {
      asked.push([...hashes]);
      return new Map();
    };
    await checkRoster(r, { ...ctx, priorTrainings });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual([ctx.hashId(me), ctx.hashId(idOf('19851120', '064', '450225'))]);
    expect(JSON.stringify(asked)).not.toContain(me);
  });
});
