/** How far behind a unit is and whether its recent pace will close the gap (pure, unit-tested). */
import type { BreakdownRow } from '@lz/shared/api/progress';
import { FORECAST_PACE_MONTHS } from '@lz/shared/progress';

export interface LaggingRow extends BreakdownRow {
  /** completionRate − timeProgress, in rate units (−0.051 = 5.1 points behind). */
  gap: number | null;
  /** Person-times short of the expected pace: allocation × timeProgress − actual (≥ 0). */
  shortfall: number | null;
  /** Mean monthly volume of the last six months. */
  pace: number;
  /** Monthly volume needed over the remaining months to reach the allocation. */
  needed: number | null;
  /** closing: the recent pace reaches the allocation in time; missed: the window is over short of it. */
  trend: 'closing' | 'widening' | 'missed' | 'none';
}

export function laggingRows(rows: BreakdownRow[], remainingMonths: number, monthsElapsed: number): LaggingRow[] {
  const paceMonths = Math.max(1, Math.min(FORECAST_PACE_MONTHS, monthsElapsed));
  return rows.map((r) => {
    const gap = r.completionRate === null ? null : r.completionRate - r.timeProgress;
    const shortfall = r.allocation === null ? null : Math.max(0, Math.round(r.allocation * r.timeProgress - r.actual));
    const pace = r.recent / paceMonths;
    const left = r.allocation === null ? null : Math.max(0, r.allocation - r.actual);
    const needed = left === null ? null : remainingMonths > 0 ? left / remainingMonths : left;
    const trend =
      needed === null || gap === null
        ? 'none'
        : remainingMonths === 0
          ? left === 0
            ? 'none'
            : 'missed'
          : pace >= needed
            ? 'closing'
            : 'widening';
    return { ...r, gap, shortfall, pace, needed, trend };
  });
}
