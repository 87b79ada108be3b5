/**
 * The numbers dashboards show (DOMAIN.md "Numbers the dashboards show"): completion rate, time progress
 * (时序进度), lagging and the forecast. Pure, so the web and the server compute them the same way.
 */
import type { Month } from './catalogue';
import { monthsInclusive, monthRange, yearOf } from './months';

export interface Window {
  start: Month;
  end: Month;
}

/** Per-year shares of a target, e.g. { 2019: 30000, 2020: 80000, 2021: 80000 }. */
export type AnnualSplit = Record<string, number>;

/**
 * Share of the window's target that should be done through `through`. Linear by months unless an annual
 * split is given, in which case each year's share accrues linearly over that year's window months.
 */
export function timeProgress(through: Month | null, w: Window, split?: AnnualSplit | null): number {
  if (through === null || through < w.start) return 0;
  const last = through > w.end ? w.end : through;
  const total = split ? Object.values(split).reduce((s, v) => s + v, 0) : 0;
  if (!split || total <= 0) return monthsInclusive(w.start, last) / monthsInclusive(w.start, w.end);
  let expected = 0;
  for (const [yearText, share] of Object.entries(split)) {
    const months = monthRange(w.start, w.end).filter((m) => yearOf(m) === Number(yearText));
    if (months.length === 0) continue;
    const done = months.filter((m) => m <= last).length;
    expected += (share * done) / months.length;
  }
  return expected / total;
}

export function completionRate(actual: number, target: number): number | null {
  return target > 0 ? actual / target : null;
}

/** 落后于时序进度: completion below time progress. Units without a target are never lagging. */
export function isLagging(rate: number | null, progress: number): boolean {
  return rate !== null && rate < progress - 1e-12;
}

/** How many trailing months feed the forecast's pace. */
export const FORECAST_PACE_MONTHS = 6;

/**
 * Value at the window's end if the recent pace holds: cumulative + mean of the last six months through
 * `through` (zeros included; fewer when fewer have passed) × months remaining.
 */
export function forecastAtEnd(cumulative: number, monthly: number[], through: Month | null, w: Window): number {
  if (through === null) return cumulative;
  const recent = monthly.slice(-FORECAST_PACE_MONTHS);
  const pace = recent.length ? recent.reduce((s, v) => s + v, 0) / recent.length : 0;
  const remaining = through >= w.end ? 0 : monthsInclusive(through, w.end) - 1;
  return cumulative + pace * remaining;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
