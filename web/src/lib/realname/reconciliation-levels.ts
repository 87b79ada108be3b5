/**
 * How a report stands against its rosters, and which month a reconciliation opens on: shared by the
 * 花名册核对 page and the inspectors' page, which shows the reports above their rosters first.
 */
import { addMonths, isMonth } from '@lz/shared/months';
import { clampMonth } from '../as-of';

export type DifferenceLevel = 'over' | 'under' | 'equal' | 'unreported';

/** Money differences below half a fen are rounding, not a difference. */
const TOLERANCE = 0.005;

export function differenceLevel(f: { reported: number | null; difference: number | null }): DifferenceLevel {
  if (f.reported === null || f.difference === null) return 'unreported';
  if (f.difference > TOLERANCE) return 'over';
  if (f.difference < -TOLERANCE) return 'under';
  return 'equal';
}

/**
 * The month reconciliation opens on: the last month before the server's day (the one whose report is now
 * due), kept inside the campaign window; a demo clock inside the window opens on its own last month.
 */
export function openingMonth(now: string | undefined, start: string, end: string): string {
  if (!now || !isMonth(now.slice(0, 7))) return end;
  return clampMonth(addMonths(now.slice(0, 7), -1), start, end);
}
