import { describe, expect, it } from 'vitest';
import { contributionSchema } from '@lz/shared/api/rosters';
import { checkRoster } from '../../src/realname/check-roster';
import { ROSTER_INDICATORS } from '../../src/realname/contribution';
import { catalogue, context, idOf, roster, trainee } from './roster-fixtures';

async function contributes(r: ReturnType<typeof roster>) {
  const result = await checkRoster(r, context());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return contributionSchema.parse(result.contribution);
}
const ids = (n: number) => Array.from({ length: n }, (_, i) => idOf('19900307', String(101 + 2 * i).padStart(3, '0')));

describe('what a class adds to the monthly report', () => {
  it('speaks in the indicator codes of the form, leaves only', () => {
    const codes = new Map(catalogue.indicators.map((i) => [i.code, i]));
    for (const code of ROSTER_INDICATORS) {
      expect(codes.get(code), code).toBeDefined();
      expect(codes.get(code)?.hardRules?.some((r) => r.type === 'sum') ?? false, code).toBe(false);
    }
  });

  it('counts a key-group class by each trainee group, with X1, X3 and F1–F3', async () => {
    const [a, b, c, d] = ids(4);
    const lines = [
      trainee({ idNumber: a, phone: '', group: '农村转移就业劳动者', poor: '是', livingSubsidy: 500 }),
      trainee({ idNumber: b, phone: '', group: '农民工', poor: true, livingSubsidy: 450.5 }),
      trainee({ idNumber: c, phone: '', group: '高校毕业生', certificateType: '', assessmentSubsidy: 0 }),
      trainee({ idNumber: d, phone: '', group: '退役军人', trainingSubsidy: 1699.99 }),
    ];
    // K1 2, K2 1, K5 1; X1 2 poor; X3 3 with a certificate; F1 3·1700 + 1699.99; F2 500 + 450.5; F3 3·150.
    expect(await contributes(roster({ endDate: '2020-03-31' }, lines))).toEqual({
      month: '2020-03',
      county: '450203',
      values: { K1: 2, K2: 1, K5: 1, X1: 2, X3: 3, F1: 6799.99, F2: 950.5, F3: 450 },
    });
  });

  it('counts an enterprise class in its E column whatever the group, high levels also in X4; 创业培训 in X2', async () => {
    const [a, b] = ids(2);
    const lines = [
      trainee({ idNumber: a, phone: '', group: '企业职工' }),
      trainee({ idNumber: b, phone: '', group: '' }),
    ];
    const e4 = await contributes(roster({ trainingType: '岗位技能提升培训', level: '三级', hours: 160 }, lines));
    expect(e4.values).toEqual({ E2: 2, X3: 2, X4: 2, F1: 3400, F3: 300 });
    const syb = roster(
      {
        trainingType: '创业培训',
        occupation: '创业培训',
        level: '专项职业能力',
        institution: '柳州市柳北区启航创业培训中心',
        hours: 80,
        county: '柳北区',
        endDate: '2020-04-02',
      },
      [trainee({ idNumber: a, phone: '', group: '两后生', trainingSubsidy: 1200, certificateType: '培训合格证书' })],
    );
    expect(await contributes(syb)).toEqual({
      month: '2020-04',
      county: '450205',
      values: { K3: 1, X2: 1, X3: 1, F1: 1200, F3: 150 },
    });
  });
});
