/**
 * A person's subsidy allowance per calendar year, for the person lookup: how many subsidised trainings each
 * year used (by the configured counting date) and how many are left under the cap.
 */
import type { RealnameRules } from '@lz/shared/realname/training-catalogue';
import type { PriorTraining } from './check-history';

export interface YearAllowance {
  year: string;
  used: number;
  left: number;
  classIds: string[];
}

export function allowanceByYear(
  trainings: readonly PriorTraining[],
  rules: Pick<RealnameRules, 'subsidiesPerPersonPerYear' | 'countingDate'>,
): YearAllowance[] {
  const byYear = new Map<string, string[]>();
  for (const t of trainings) {
    if (t.trainingSubsidy <= 0) continue;
    const year = (rules.countingDate === 'endDate' ? t.endDate : t.startDate).slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), t.classId]);
  }
  return [...byYear]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, classIds]) => ({
      year,
      used: classIds.length,
      left: Math.max(0, rules.subsidiesPerPersonPerYear - classIds.length),
      classIds,
    }));
}
