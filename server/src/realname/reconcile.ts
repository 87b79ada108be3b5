/**
 * Rosters against the monthly report (六(四) fund supervision): per county × roster-covered indicator the figure
 * the rosters add up to, the figure reported and the difference; per department × month the person-times and
 * training subsidy, with the share of the reported person-times the rosters cover. A report above its rosters
 * is what inspectors look at first.
 */
import type { Contribution, Reconciliation } from '@lz/shared/api/rosters';
import type { ReportRow } from '@lz/shared/report-body';
import { PERSON_TIME_INDICATORS, ROSTER_INDICATORS } from './contribution';

const round2 = (n: number) => Math.round(n * 100) / 100;

export function reconcile(input: {
  department: string;
  month: string;
  /** The contributions of the month's stored, not withdrawn classes of the department. */
  rosters: readonly Contribution[];
  /** The report's rows in force as of the date, or null when none was filed. */
  reported: readonly ReportRow[] | null;
  /** County codes in display order. */
  counties: readonly string[];
}): Reconciliation {
  const fromRosters = new Map<string, number>();
  for (const c of input.rosters) {
    if (c.month !== input.month) continue;
    for (const [code, v] of Object.entries(c.values)) {
      fromRosters.set(`${c.county}|${code}`, round2((fromRosters.get(`${c.county}|${code}`) ?? 0) + v));
    }
  }
  const reportedRow = new Map(input.reported?.map((r) => [r.county, r.values]));
  const cells = input.counties.flatMap((county) =>
    ROSTER_INDICATORS.map((indicator) => {
      const rosters = fromRosters.get(`${county}|${indicator}`) ?? 0;
      const reported = input.reported === null ? null : (reportedRow.get(county)?.[indicator] ?? 0);
      return {
        county,
        indicator,
        rosters,
        reported,
        difference: reported === null ? null : round2(reported - rosters),
      };
    }),
  );
  const total = (codes: readonly string[]) => {
    const mine = cells.filter((c) => codes.includes(c.indicator));
    const rosters = round2(mine.reduce((s, c) => s + c.rosters, 0));
    const reported = input.reported === null ? null : round2(mine.reduce((s, c) => s + (c.reported ?? 0), 0));
    return { rosters, reported, difference: reported === null ? null : round2(reported - rosters) };
  };
  const personTimes = total(PERSON_TIME_INDICATORS);
  return {
    department: input.department,
    month: input.month,
    cells,
    summary: {
      personTimes: {
        ...personTimes,
        coverage: personTimes.reported
          ? Math.round((personTimes.rosters / personTimes.reported) * 10_000) / 10_000
          : null,
      },
      trainingSubsidy: total(['F1']),
    },
  };
}
