/**
 * A department × month reconciliation laid out for reading: counties down, indicators across in catalogue
 * order, each cell marked by how the report stands against its rosters. A report above its rosters is what
 * inspectors look at first ("over"); below ("under") is a report not yet complete or rosters filed late.
 */
import type { Reconciliation } from '@lz/shared/api/rosters';
import type { Catalogue } from '@lz/shared/catalogue';
import { type DifferenceLevel, differenceLevel } from '../../../lib/realname/reconciliation-levels';

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
