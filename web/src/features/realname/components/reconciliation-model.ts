/**
 * A department × month reconciliation laid out for reading: counties down, indicators across in catalogue
 * order, each cell marked by how the report stands against its rosters. A report above its rosters is what
 * inspectors look at first ("over"); below ("under") is a report not yet complete or rosters filed late.
 */
import type { Reconciliation } from '@lz/shared/api/rosters';
import type { Catalogue } from '@lz/shared/catalogue';
import { addMonths, isMonth } from '@lz/shared/months';
import { clampMonth } from '../../../lib/as-of';

export type DifferenceLevel = 'over' | 'under' | 'equal' | 'unreported';

/** Money differences below half a fen are rounding, not a difference. */
const TOLERANCE = 0.005;

export function differenceLevel(f: { reported: number | null; difference: number | null }): DifferenceLevel {
  if (f.reported === null || f.difference === null) return 'unreported';
  if (f.difference > TOLERANCE) return 'over';
  if (f.difference < -TOLERANCE) return 'under';
  return 'equal';
}

export interface ReconciliationCell {
  rosters: number;
  reported: number | null;
  difference: number | null;
  level: DifferenceLevel;
}

export interface ReconciliationTable {
  /** Indicator codes that have a cell, in catalogue order. */
  indicators: string[];
  rows: { county: string; cells: Record<string, ReconciliationCell> }[];
  /** Cells where the report exceeds its rosters. */
  overCount: number;
}

export function reconciliationTable(
  rec: Reconciliation,
  catalogue: Pick<Catalogue, 'units' | 'indicators'>,
): ReconciliationTable {
  const order = (codes: string[], known: string[]) => {
    const at = new Map(known.map((c, i) => [c, i]));
    return [...new Set(codes)].sort((a, b) => (at.get(a) ?? known.length) - (at.get(b) ?? known.length));
  };
  const indicators = order(
    rec.cells.map((c) => c.indicator),
    catalogue.indicators.map((i) => i.code),
  );
  const counties = order(
    rec.cells.map((c) => c.county),
    [...catalogue.units].sort((a, b) => a.order - b.order).map((u) => u.code),
  );
  const byCounty = new Map<string, Record<string, ReconciliationCell>>(counties.map((c) => [c, {}]));
  let overCount = 0;
  for (const c of rec.cells) {
    const level = differenceLevel(c);
    if (level === 'over') overCount++;
    const cells = byCounty.get(c.county);
    if (cells) cells[c.indicator] = { rosters: c.rosters, reported: c.reported, difference: c.difference, level };
  }
  return { indicators, rows: counties.map((county) => ({ county, cells: byCounty.get(county) ?? {} })), overCount };
}

/**
 * The month reconciliation opens on: the last month before the server's day (the one whose report is now
 * due), kept inside the campaign window; a demo clock inside the window opens on its own last month.
 */
export function openingMonth(now: string | undefined, start: string, end: string): string {
  if (!now || !isMonth(now.slice(0, 7))) return end;
  return clampMonth(addMonths(now.slice(0, 7), -1), start, end);
}
