import { describe, expect, it } from 'vitest';
import { flagSchema } from '@lz/shared/api/rosters';
import { checkRoster } from '../../src/realname/check-roster';
import { context, idOf, prior, roster, trainee } from './roster-fixtures';

async function flagsOf(...args: Parameters<typeof checkRoster>) {
  const result = await checkRoster(...args);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  for (const f of result.flags) flagSchema.parse(f);
  return result.flags;
}
const me = idOf('19900307', '123');

describe('flags: signs of fake training, never refusals', () => {
  it('flags a person in two classes whose dates overlap, naming both classes, masked', async () => {
    const other = prior({ classId: 'k-9', startDate: '2020-03-16', endDate: '2020-04-03', trainingSubsidy: 0 });
    const flags = await flagsOf(roster(), context({ [me]: [other, prior({ classId: 'k-1' })] }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      kind: 'overlap',
      evidence: { trainees: [{ row: 1, name: '韦*强', idNumber: '450203********123X' }] },
    });
    expect(flags[0]!.evidence.classes.map((c) => c.classId)).toEqual([null, 'k-9']);
    expect(flags[0]!.message).toBe(
      '韦*强同时在两个培训班中：本班 2020-03-02 至 2020-03-27，市总工会 柳州市交通技工学校 汽车维修工（五级/初级工）2020-03-16 至 2020-04-03',
    );
  });

  it('flags trainees past retirement age at the start (60 men, 55 women), not in 创业培训', async () => {
    const man60 = idOf('19600302', '111');
    const man59 = idOf('19600303', '131');
    const woman55 = idOf('19650101', '222');
    const lines = [
      trainee({ idNumber: man60, name: '黄老伯' }),
      trainee({ idNumber: man59, name: '黄中年' }),
      trainee({ idNumber: woman55, gender: '女', name: '梁阿姨', phone: '13900000001' }),
    ].map((t, i) => ({ ...t, phone: `1390000000${i}` }));
    const flags = await flagsOf(roster({}, lines), context());
    expect(flags.map((f) => [f.kind, f.evidence.figures])).toEqual([
      ['retirement-age', { age: 60, retirementAge: 60 }],
      ['retirement-age', { age: 55, retirementAge: 55 }],
    ]);
    expect(flags[0]!.message).toBe('黄*伯（男）开班时 60 周岁，已过法定退休年龄 60 周岁，却参加就业技能培训');
    const syb = roster(
      {
        trainingType: '创业培训',
        occupation: '创业培训(SYB)',
        level: '专项职业能力',
        institution: '柳州市柳北区启航创业培训中心',
        hours: 80,
      },
      [trainee({ idNumber: man60, trainingSubsidy: 1200 })],
    );
    expect(await flagsOf(syb, context())).toEqual([]);
  });

  it('flags a phone shared by three trainees in the roster, or across the month with other classes', async () => {
    const three = [0, 1, 2].map((i) => trainee({ idNumber: idOf('19900307', `${121 + 2 * i}`), name: `韦${i}号` }));
    const inRoster = await flagsOf(roster({}, three), context());
    expect(inRoster).toEqual([
      expect.objectContaining({
        kind: 'shared-phone',
        message: '3 名学员登记同一联系电话 138****5678',
        evidence: expect.objectContaining({ figures: { phone: '138****5678', trainees: 3 } }),
      }),
    ]);
    const two = three.slice(0, 2);
    expect(await flagsOf(roster({}, two), context())).toEqual([]);
    const elsewhere = {
      class: {
        classId: 'm-3',
        department: 'FL',
        institution: null,
        occupation: '家政服务员',
        level: '五级/初级工',
        startDate: '2020-03-09',
        endDate: '2020-03-20',
      },
      trainees: 1,
    };
    const across = await flagsOf(roster({}, two), context({}, { '13812345678': [elsewhere] }));
    expect(across[0]!.message).toBe(
      '3 名学员登记同一联系电话 138****5678（本班 2 人，同月其他 1 个班 1 人：市妇联 家政服务员（五级/初级工）2020-03-09 至 2020-03-20 1 人）',
    );
    expect(across[0]!.evidence.classes.map((c) => c.classId)).toEqual([null, 'm-3']);
  });

  it('flags an unapproved occupation, a subsidy above the standard and too few hours', async () => {
    // 柳城县职业教育中心 is approved for 电工 五级 only; 电工 四级 stands at 1,700 yuan and 120 hours.
    const r = roster({ institution: '柳城县职业教育中心', county: '柳城县', hours: 96 }, [
      trainee({ trainingSubsidy: 1700 }),
      trainee({ idNumber: idOf('19910101', '135'), trainingSubsidy: 2000, phone: '' }),
    ]);
    const flags = await flagsOf(r, context());
    expect(flags.map((f) => f.kind)).toEqual(['not-approved', 'subsidy-above-standard', 'hours-below-minimum']);
    expect(flags[0]!.message).toBe('培训机构“柳城县职业教育中心”未获准开展电工（四级/中级工）培训');
    expect(flags[1]!.evidence).toMatchObject({
      trainees: [{ row: 2 }],
      figures: { standard: 1700, highest: 2000, trainees: 1 },
    });
    expect(flags[2]!.message).toBe('课时 96 少于电工（四级/中级工）所需的 120 课时');
  });

  it('never carries a full ID number, phone or name in any flag', async () => {
    const other = prior({ startDate: '2020-03-16', endDate: '2020-04-03' });
    const lines = [0, 1, 2].map((i) =>
      trainee({ idNumber: idOf('19500101', `${111 + 2 * i}`), name: `覃老${i}伯`, trainingSubsidy: 9000 }),
    );
    const flags = await flagsOf(roster({ hours: 10 }, lines), context({ [lines[0]!.idNumber]: [other] }));
    expect(new Set(flags.map((f) => f.kind)).size).toBe(5);
    const text = JSON.stringify(flags);
    for (const t of lines) {
      expect(text).not.toContain(t.idNumber);
      expect(text).not.toContain(t.name);
    }
    expect(text).not.toContain('13812345678');
  });
});
