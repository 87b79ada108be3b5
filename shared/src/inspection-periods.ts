/**
 * 督查期间: the periods an inspection may cover, picked from a list rather than typed (issue #13 point 10).
 * Stored as `2021-Q4`, `2021-H1` or `2021` (the API's form); shown as 2021年第四季度, 2021年上半年, 2021年度.
 */
import type { InspectionKind } from './api/findings';

export interface InspectionPeriod {
  value: string;
  label: string;
}

const QUARTERS = ['一', '二', '三', '四'];

/** The Chinese name of a stored period; anything else is returned as it is. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(period);
  if (!m) return period;
  const [, year, part] = m;
  if (!part) return `${year}年度`;
  if (part.startsWith('Q')) return `${year}年第${QUARTERS[Number(part[1]) - 1]}季度`;
  return `${year}年${part === 'H1' ? '上' : '下'}半年`;
}

/**
 * Every period of `kind` that overlaps the campaign window (months `YYYY-MM`), latest first, so the
 * inspection just held is the first choice.
 */
export function inspectionPeriods(kind: InspectionKind, start: string, end: string): InspectionPeriod[] {
  const [startYear, startMonth] = start.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = end.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let year = startYear; year <= endYear; year++) {
    const parts = kind === 'annual' ? [null] : kind === 'half-year' ? ['H1', 'H2'] : ['Q1', 'Q2', 'Q3', 'Q4'];
    for (const part of parts) {
      const span = part === null ? 12 : part.startsWith('H') ? 6 : 3;
      const index = part === null ? 0 : Number(part[1]) - 1;
      const first = index * span + 1;
      const last = first + span - 1;
      const before = year === endYear && first > endMonth;
      const after = year === startYear && last < startMonth;
      if (!before && !after) out.push(part === null ? String(year) : `${year}-${part}`);
    }
  }
  return out.reverse().map((value) => ({ value, label: periodLabel(value) }));
}
