/**
 * What one class adds to its department's monthly report, by DOMAIN.md's mapping: the month of its 结业日期,
 * the county of its 培训地点; an enterprise class counts each line in its E column, a key-group class in the
 * trainee's K column; 创业培训 also X2, a poor trainee X1, a certificate X3, a high level in an E class X4;
 * the three subsidies F1–F3 in yuan. Subtotals (E, K, T) follow from the report's own sum rules.
 */
import type { Contribution } from '@lz/shared/api/rosters';
import type { ResolvedTrainee } from './check-trainees';
import type { ResolvedClass } from './resolve-class';

/** The indicators a roster line feeds (leaves only); the others (C*, F4, S*) come from elsewhere. */
export const ROSTER_INDICATORS = [
  ...['E1', 'E2', 'E3', 'E4', 'E5'],
  ...['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'],
  ...['X1', 'X2', 'X3', 'X4', 'F1', 'F2', 'F3'],
] as const;

/** The person-time leaves: their sum is the class's 补贴性培训 person-times (T). */
export const PERSON_TIME_INDICATORS = ROSTER_INDICATORS.slice(0, 12);

/** 三级/高级工 and above are high-skilled training (X4). */
const HIGH_SKILL_LEVELS = new Set(['L3', 'L2', 'L1']);

export function contributionOf(
  klass: Pick<ResolvedClass, 'trainingType' | 'level' | 'county' | 'endDate'>,
  trainees: readonly Pick<
    ResolvedTrainee,
    'group' | 'poor' | 'certificateType' | 'trainingSubsidy' | 'livingSubsidy' | 'assessmentSubsidy'
  >[],
): Contribution {
  const values: Record<string, number> = {};
  const add = (code: string, n: number) => {
    values[code] = (values[code] ?? 0) + n;
  };
  const cents: Record<string, number> = { F1: 0, F2: 0, F3: 0 };
  const type = klass.trainingType;
  for (const t of trainees) {
    const column = type.kind === 'enterprise' ? type.indicator : t.group?.indicator;
    if (column) add(column, 1);
    if (type.kind === 'entrepreneurship') add('X2', 1);
    if (t.poor) add('X1', 1);
    if (t.certificateType) add('X3', 1);
    if (type.kind === 'enterprise' && HIGH_SKILL_LEVELS.has(klass.level)) add('X4', 1);
    cents.F1 = (cents.F1 ?? 0) + Math.round(t.trainingSubsidy * 100);
    cents.F2 = (cents.F2 ?? 0) + Math.round(t.livingSubsidy * 100);
    cents.F3 = (cents.F3 ?? 0) + Math.round(t.assessmentSubsidy * 100);
  }
  for (const [code, c] of Object.entries(cents)) if (c > 0) values[code] = c / 100;
  return { month: klass.endDate.slice(0, 7), county: klass.county, values };
}
