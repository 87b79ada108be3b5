import { describe, expect, it } from 'vitest';
import {
  createInstitutionSchema,
  flagQuerySchema,
  patchInstitutionSchema,
  personLookupSchema,
  reconciliationQuerySchema,
  resolveFlagSchema,
  rosterCreatedSchema,
  rosterInputSchema,
  rosterListQuerySchema,
  rosterRefusalSchema,
  withdrawRosterSchema,
} from '../../src/api/rosters';

const klass = {
  institution: '柳州市第二职业技术学校',
  trainingType: '就业技能培训',
  occupation: '电工',
  level: '四级/中级工',
  county: '450203',
  startDate: '2020-03-02',
  endDate: '2020-03-27',
  hours: 120,
};

describe('the real-name API contract', () => {
  it('takes a JSON roster with defaults for the optional trainee columns', () => {
    const parsed = rosterInputSchema.parse({
      class: klass,
      trainees: [{ name: '韦小强', idNumber: '450203199003071232' }],
    });
    expect(parsed.trainees[0]).toMatchObject({ group: '', poor: false, trainingSubsidy: 0, phone: '' });
    expect(parsed.total).toBeNull();
    expect(rosterInputSchema.safeParse({ class: klass, trainees: [] }).success).toBe(false);
    expect(
      rosterInputSchema.safeParse({ class: klass, trainees: [{ name: 'x', idNumber: 'y', trainingSubsidy: -1 }] })
        .success,
    ).toBe(false);
  });

  it('describes the 201 answer with flags and contribution, and the 422 with every problem located', () => {
    const created = {
      id: 'r-1',
      department: 'RSJ',
      ...klass,
      trainees: 40,
      flags: [
        {
          kind: 'shared-phone',
          message: '3 名学员登记同一联系电话 138****5678',
          evidence: {
            trainees: [{ row: 7, name: '韦*强', idNumber: '450203********1232' }],
            classes: [],
            figures: { trainees: 3 },
          },
        },
      ],
      contributes: { month: '2020-03', county: '450203', values: { K1: 40, X3: 38, F1: 68000 } },
    };
    expect(rosterCreatedSchema.parse(created).contributes.values.K1).toBe(40);
    expect(rosterCreatedSchema.safeParse({ ...created, flags: [{ ...created.flags[0], kind: 'other' }] }).success).toBe(
      false,
    );
    const refusal = {
      error: {
        code: 'roster_invalid',
        message: '花名册有 1 处问题',
        details: [{ row: 7, column: 'D', rule: 'id-check', message: '公民身份号码校验位应为 X，实际为 4' }],
      },
    };
    expect(rosterRefusalSchema.parse(refusal).error.details).toHaveLength(1);
  });

  it('parses the queries and commands with their defaults and limits', () => {
    expect(rosterListQuerySchema.parse({ month: '2020-03', page: '2' })).toMatchObject({ page: 2, pageSize: 50 });
    expect(rosterListQuerySchema.safeParse({ month: '2020-13' }).success).toBe(false);
    expect(withdrawRosterSchema.safeParse({ reason: ' ' }).success).toBe(false);
    expect(flagQuerySchema.parse({ status: 'open', kind: 'overlap' })).toEqual({ status: 'open', kind: 'overlap' });
    expect(resolveFlagSchema.safeParse({ decision: 'maybe', note: '核实' }).success).toBe(false);
    expect(personLookupSchema.safeParse({ idNumber: '' }).success).toBe(false);
    expect(reconciliationQuerySchema.parse({ department: 'RSJ', asOf: '2021-01-10' })).toMatchObject({
      asOf: '2021-01-10',
    });
    const institution = {
      name: '柳州市某培训学校',
      creditCode: '91350100M000100Y43',
      county: '柳南区',
      type: '民办培训机构',
      approved: [],
    };
    expect(createInstitutionSchema.parse(institution).type).toBe('民办培训机构');
    expect(createInstitutionSchema.safeParse({ ...institution, type: '夜校' }).success).toBe(false);
    expect(patchInstitutionSchema.parse({ status: '暂停', statusReason: '检查发现问题' })).toMatchObject({
      status: '暂停',
    });
  });
});
