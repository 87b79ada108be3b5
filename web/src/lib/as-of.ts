/**
 * The as-of month picker stores "data through month M" in the URL (`?month=2020-08`). The API takes a
 * date: the last day of M+1, by which every report for M was due (the 10th) and counted.
 */
import { addMonths } from '@lz/shared/months';

export function asOfForMonth(month: string | null | undefined): string | undefined {
  if (!month || !/^\d{4}-\d{2}$/.test(month)) return undefined;
  const next = addMonths(month, 1);
  const [y, m] = next.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  return `${next}-${String(last).padStart(2, '0')}`;
}
