/**
 * The as-of month picker stores "data through month M" in the URL (`?month=2020-08`). The API takes a
 * date: the last day of M+1, by which every report for M was due (the 10th) and counted.
 */
import { addMonths, compareMonths, isMonth } from '@lz/shared/months';

export function asOfForMonth(month: string | null | undefined): string | undefined {
  if (!month || !isMonth(month)) return undefined;
  const next = addMonths(month, 1);
  const [y, m] = next.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  return `${next}-${String(last).padStart(2, '0')}`;
}

/**
 * The month a `?month=` value stands for inside the campaign window: a month before the start or after the
 * end is clamped to it (there are no figures outside), anything that is not a month means the latest ('').
 */
export function clampMonth(month: string | null | undefined, start: string, end: string): string {
  if (!month || !isMonth(month)) return '';
  if (compareMonths(month, start) < 0) return start;
  if (compareMonths(month, end) > 0) return end;
  return month;
}
