/**
 * Signs of fake training (DOMAIN.md; 六(四)): flagged for inspectors to adjudicate, never refused. Each flag
 * carries its evidence (the classes, the trainees masked, the figures) so an inspector can judge it alone.
 */
import type { ClassRef, Flag } from '@lz/shared/api/rosters';
import { ageAt } from '@lz/shared/realname/id-number';
import { maskIdNumber, maskName, maskPhone } from '@lz/shared/realname/masking';
import type { RealnameRules } from '@lz/shared/realname/training-catalogue';
import { LEVELS } from '@lz/shared/realname/vocabulary';
import { describeClass, type PriorTraining, toClassRef } from './check-history';
import type { ResolvedTrainee } from './check-trainees';
import type { Locator } from './locate';
import type { ResolvedClass } from './resolve-class';

/** Another stored class of the same month in which a phone number appears. */
export interface PhoneUse {
  class: ClassRef;
  trainees: number;
}

export interface FlagInputs {
  klass: ResolvedClass;
  trainees: readonly ResolvedTrainee[];
  priorsOf: (t: ResolvedTrainee) => readonly PriorTraining[];
  /** Stored classes of the month per phone (digits) of this roster. */
  phoneUses: (phone: string) => readonly PhoneUse[];
  rules: RealnameRules;
  matchOccupation: (text: string) => string | null;
  at: Locator;
  departmentName: (code: string) => string;
}

const levelName = (code: string) => LEVELS.find((l) => l.code === code)?.name ?? code;

export function thisClassRef(k: ResolvedClass): ClassRef {
  return {
    classId: null,
    department: k.department,
    institution: k.institution.name,
    occupation: k.occupation,
    level: levelName(k.level),
    startDate: k.startDate,
    endDate: k.endDate,
  };
}

export function findFlags(input: FlagInputs): Flag[] {
  return [
    ...overlapFlags(input),
    ...retirementFlags(input),
    ...sharedPhoneFlags(input),
    ...approvalFlags(input),
    ...subsidyFlags(input),
    ...hoursFlags(input),
  ];
}

function person(t: ResolvedTrainee, at: Locator) {
  return { row: at.line(t.line, null).row, name: maskName(t.name), idNumber: maskIdNumber(t.idNumber) };
}

function overlapFlags({ klass, trainees, priorsOf, at, departmentName }: FlagInputs): Flag[] {
  const here = thisClassRef(klass);
  return trainees.flatMap((t) =>
    priorsOf(t)
      .filter((p) => p.startDate <= klass.endDate && p.endDate >= klass.startDate)
      .map((p): Flag => {
        const other = toClassRef(p);
        return {
          kind: 'overlap',
          message:
            `${maskName(t.name)}同时在两个培训班中：本班 ${klass.startDate} 至 ${klass.endDate}，` +
            describeClass(other, departmentName),
          evidence: { trainees: [person(t, at)], classes: [here, other], figures: {} },
        };
      }),
  );
}

function retirementFlags({ klass, trainees, rules, at }: FlagInputs): Flag[] {
  // 创业培训 is open to anyone starting a business; the other classes are for employed or job-seeking people.
  if (klass.trainingType.kind === 'entrepreneurship') return [];
  return trainees.flatMap((t): Flag[] => {
    const age = ageAt(t.birthDate, klass.startDate);
    const limit = t.gender === '男' ? rules.retirementAge.male : rules.retirementAge.female;
    if (age < limit) return [];
    return [
      {
        kind: 'retirement-age',
        message: `${maskName(t.name)}（${t.gender}）开班时 ${age} 周岁，已过法定退休年龄 ${limit} 周岁，却参加${klass.trainingType.name}`,
        evidence: { trainees: [person(t, at)], classes: [thisClassRef(klass)], figures: { age, retirementAge: limit } },
      },
    ];
  });
}

function sharedPhoneFlags({ klass, trainees, phoneUses, rules, at, departmentName }: FlagInputs): Flag[] {
  const byPhone = new Map<string, ResolvedTrainee[]>();
  for (const t of trainees) {
    if (t.phone) byPhone.set(t.phone, [...(byPhone.get(t.phone) ?? []), t]);
  }
  return [...byPhone].flatMap(([phone, here]): Flag[] => {
    const elsewhere = phoneUses(phone);
    const count = here.length + elsewhere.reduce((s, u) => s + u.trainees, 0);
    if (count < rules.sharedPhoneThreshold) return [];
    const masked = maskPhone(phone);
    // The earlier classes by name, so an inspector can find them without opening the evidence.
    const earlier = elsewhere.map((u) => `${describeClass(u.class, departmentName)} ${u.trainees} 人`).join('；');
    const across =
      elsewhere.length > 0
        ? `（本班 ${here.length} 人，同月其他 ${elsewhere.length} 个班 ${count - here.length} 人：${earlier}）`
        : '';
    return [
      {
        kind: 'shared-phone',
        message: `${count} 名学员登记同一联系电话 ${masked}${across}`,
        evidence: {
          trainees: here.map((t) => person(t, at)),
          classes: [thisClassRef(klass), ...elsewhere.map((u) => u.class)],
          figures: { phone: masked, trainees: count },
        },
      },
    ];
  });
}

function approvalFlags({ klass, matchOccupation }: FlagInputs): Flag[] {
  const approved = klass.institution.approved.some(
    (a) => matchOccupation(a.occupation) === klass.occupation && a.level === klass.level,
  );
  if (approved) return [];
  return [
    {
      kind: 'not-approved',
      message: `培训机构“${klass.institution.name}”未获准开展${klass.occupation}（${levelName(klass.level)}）培训`,
      evidence: {
        trainees: [],
        classes: [thisClassRef(klass)],
        figures: {
          approved: klass.institution.approved.map((a) => `${a.occupation}（${levelName(a.level)}）`).join('、'),
        },
      },
    },
  ];
}

function subsidyFlags({ klass, trainees, at }: FlagInputs): Flag[] {
  const standard = klass.project?.subsidy;
  if (standard === undefined) return [];
  const above = trainees.filter((t) => t.trainingSubsidy > standard);
  if (above.length === 0) return [];
  const highest = Math.max(...above.map((t) => t.trainingSubsidy));
  return [
    {
      kind: 'subsidy-above-standard',
      message:
        `${above.length} 名学员的培训补贴高于目录标准 ${standard} 元/人` +
        `（${klass.occupation}（${levelName(klass.level)}），最高 ${highest} 元）`,
      evidence: {
        trainees: above.map((t) => person(t, at)),
        classes: [thisClassRef(klass)],
        figures: { standard, highest, trainees: above.length },
      },
    },
  ];
}

function hoursFlags({ klass, rules }: FlagInputs): Flag[] {
  const minimum = klass.project?.minHours ?? rules.minimumHours[klass.level];
  if (minimum === undefined || klass.hours >= minimum) return [];
  return [
    {
      kind: 'hours-below-minimum',
      message: `课时 ${klass.hours} 少于${klass.occupation}（${levelName(klass.level)}）所需的 ${minimum} 课时`,
      evidence: { trainees: [], classes: [thisClassRef(klass)], figures: { hours: klass.hours, minimum } },
    },
  ];
}
