/**
 * 资金使用情况: the four subsidies and their person-times per published quarter and per year, by county and
 * by department, summed from the rows of accepted report versions. Pure: the wiring reads the rows (the
 * versions in force when the office published the quarter) and the publications, this only adds them up.
 */
import type { FundPublication, FundUse, FundUseRow } from '@lz/shared/api/disclosure';
import type { Month } from '@lz/shared/catalogue';

/** One county row of one accepted report: a department's figures for a month. */
export interface AcceptedRow {
  department: string;
  county: string;
  month: Month;
  values: Readonly<Record<string, number>>;
}

interface CodeName {
  code: string;
  name: string;
}

export interface FundUseInput {
  rows: readonly AcceptedRow[];
  publications: readonly FundPublication[];
  /** Every county and department a table lists, in the order shown (a unit with no row shows zeros). */
  counties: readonly CodeName[];
  departments: readonly CodeName[];
}

type LineKey = 'training' | 'living' | 'assessment' | 'workTraining';

/**
 * Which indicator of the monthly form pays each subsidy and which counts its people. The form counts
 * poor labour (X1) for the living allowance, which only poor labour receives (四(一)), and certificates
 * obtained (X3) for assessment; it counts no people for 以工代训, so that line has none.
 */
export const fundLines: Readonly<Record<LineKey, { amount: string; personTimes: string | null }>> = {
  training: { amount: 'F1', personTimes: 'T' },
  living: { amount: 'F2', personTimes: 'X1' },
  assessment: { amount: 'F3', personTimes: 'X3' },
  workTraining: { amount: 'F4', personTimes: null },
};
const lineKeys = Object.keys(fundLines) as LineKey[];

/** Sums kept in fen and whole person-times, so adding many yuan amounts never drifts. */
type Sums = Record<LineKey, { fen: number; personTimes: number }>;

const emptySums = (): Sums => Object.fromEntries(lineKeys.map((k) => [k, { fen: 0, personTimes: 0 }])) as Sums;

/** The quarter a report month counts in: the month of the report, not the day it was filed. */
export function quarterOf(month: Month): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

function addRow(sums: Sums, values: Readonly<Record<string, number>>): void {
  for (const key of lineKeys) {
    const line = fundLines[key];
    sums[key].fen += Math.round((values[line.amount] ?? 0) * 100);
    if (line.personTimes) sums[key].personTimes += values[line.personTimes] ?? 0;
  }
}

function toRow(period: string, dimension: FundUseRow['dimension'], unit: CodeName, sums: Sums | undefined) {
  const s = sums ?? emptySums();
  const line = (key: LineKey) => ({
    amount: s[key].fen / 100,
    personTimes: fundLines[key].personTimes ? s[key].personTimes : null,
  });
  const row: FundUseRow = {
    period,
    dimension,
    code: unit.code,
    name: unit.name,
    training: line('training'),
    living: line('living'),
    assessment: line('assessment'),
    workTraining: line('workTraining'),
  };
  return row;
}

/** The fund-use tables for the published quarters: each quarter, then its year (its published quarters). */
export function aggregateFundUse(input: FundUseInput): FundUse {
  const published = new Set(input.publications.map((p) => p.quarter));
  // period → "county:code" | "department:code" → sums
  const byPeriod = new Map<string, Map<string, Sums>>();
  const sumsFor = (period: string, key: string) => {
    let units = byPeriod.get(period);
    if (!units) {
      units = new Map();
      byPeriod.set(period, units);
    }
    let sums = units.get(key);
    if (!sums) {
      sums = emptySums();
      units.set(key, sums);
    }
    return sums;
  };
  for (const row of input.rows) {
    const quarter = quarterOf(row.month);
    if (!published.has(quarter)) continue;
    for (const period of [quarter, quarter.slice(0, 4)]) {
      addRow(sumsFor(period, `county:${row.county}`), row.values);
      addRow(sumsFor(period, `department:${row.department}`), row.values);
    }
  }

  const quarters = [...published].sort();
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))].map((year) => ({
    year,
    quarters: quarters.filter((q) => q.startsWith(year)),
  }));
  const rows: FundUseRow[] = [];
  for (const { year, quarters: ofYear } of years) {
    for (const period of [...ofYear, year]) {
      const units = byPeriod.get(period);
      for (const c of input.counties) rows.push(toRow(period, 'county', c, units?.get(`county:${c.code}`)));
      for (const d of input.departments) rows.push(toRow(period, 'department', d, units?.get(`department:${d.code}`)));
    }
  }
  const publishedAt =
    input.publications
      .map((p) => p.publishedAt)
      .sort()
      .at(-1) ?? null;
  return { publishedAt, publications: [...input.publications], years, rows };
}
