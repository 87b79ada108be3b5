/** Month arithmetic on `YYYY-MM` strings; months are calendar months, independent of any time zone. */
import type { Month } from './catalogue';

export function monthToIndex(month: Month): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return year * 12 + (m - 1);
}

export function indexToMonth(index: number): Month {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export function addMonths(month: Month, n: number): Month {
  return indexToMonth(monthToIndex(month) + n);
}

/** Number of months from a to b inclusive (2019-08..2021-12 → 29); 0 when b is before a. */
export function monthsInclusive(a: Month, b: Month): number {
  return Math.max(0, monthToIndex(b) - monthToIndex(a) + 1);
}

/** Every month from start to end inclusive. */
export function monthRange(start: Month, end: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthToIndex(start); i <= monthToIndex(end); i++) out.push(indexToMonth(i));
  return out;
}

export function yearOf(month: Month): number {
  return Number(month.slice(0, 4));
}

export function compareMonths(a: Month, b: Month): number {
  return monthToIndex(a) - monthToIndex(b);
}

export function isMonth(value: string): value is Month {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
