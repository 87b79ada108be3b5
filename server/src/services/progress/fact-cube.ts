/**
 * The figures in force as of a date: for each report, its latest version submitted by the end of that
 * date (a later correction does not rewrite history). Built from the in-memory fact store by picking one
 * version per department × month (no copying), cached per (date, store generation) by the figures module; sums over it
 * are
 * memoised, so repeated dashboard calls cost a lookup.
 */
import { endOfDayInZone } from '@lz/shared/zoned-time';
import type { Deps } from '../../deps';
import type { FactStore, StoredVersion } from './fact-store';

export interface FactCube {
  asOf: string;
  months: string[];
  indicators: string[];
  departments: string[];
  counties: string[];
  /** [dept × month]: the version in force, if any. */
  inForce: (StoredVersion | null)[];
  at(ind: number, dept: number, county: number, month: number): number;
  /** Results derived from this cube alone (it never changes once built). */
  memo: Map<string, unknown>;
}

export function getFactCube(deps: Deps, asOf: string): FactCube {
  return deps.figures.fromStore(`cube|${asOf}`, (store) => buildCube(store, asOf, deps.catalogue.campaign.timeZone));
}

function buildCube(store: FactStore, asOf: string, timeZone: string): FactCube {
  const asOfMs = endOfDayInZone(asOf, timeZone).getTime();
  const inForce = store.reports.map((versions) => {
    if (!versions) return null;
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i];
      if (v && v.submittedAtMs <= asOfMs) return v;
    }
    return null;
  });
  const nM = store.months.length;
  const nC = store.counties.length;
  return {
    asOf,
    months: store.months,
    indicators: store.indicators,
    departments: store.departments,
    counties: store.counties,
    inForce,
    at: (ii, di, ci, mi) => inForce[di * nM + mi]?.values[ii * nC + ci] ?? 0,
    memo: new Map(),
  };
}

/** Computes a value from the cube once; later calls with the same key get the same object. */
export function memoOn<T>(cube: FactCube, key: string, compute: () => T): T {
  if (cube.memo.has(key)) return cube.memo.get(key) as T;
  const value = compute();
  cube.memo.set(key, value);
  return value;
}

/**
 * Monthly sums of one indicator over the chosen departments and counties (all when undefined). Read-only:
 * the array is shared by every caller of the same cube.
 */
export function monthlySums(
  cube: FactCube,
  indicator: string,
  filter: { department?: string; county?: string } = {},
): readonly number[] {
  return memoOn(cube, `sums|${indicator}|${filter.department ?? ''}|${filter.county ?? ''}`, () =>
    sumMonths(cube, indicator, filter),
  );
}

/**
 * [county × month] (index `county * months + month`): one indicator summed over the departments — or over one
 * department's — for every county at once, computed in one pass over the versions in force and kept for the
 * cube's life. The breakdown by county and the ratios read it instead of summing per county per call. Sums are
 * raw (not rounded), added department by department in catalogue order exactly as `monthlySums` adds them, so
 * a cell equals that county's `monthlySums` before rounding. Null for an unknown indicator or department.
 * Read-only: shared by every caller of the same cube.
 */
export function countyMonthGrid(cube: FactCube, indicator: string, department?: string): Float64Array | null {
  return memoOn(cube, `grid|${indicator}|${department ?? ''}`, () => {
    const ii = cube.indicators.indexOf(indicator);
    const only = department === undefined ? null : cube.departments.indexOf(department);
    if (ii < 0 || only === -1) return null;
    const nM = cube.months.length;
    const nC = cube.counties.length;
    const grid = new Float64Array(nC * nM);
    for (let di = 0; di < cube.departments.length; di++) {
      if (only !== null && di !== only) continue;
      for (let mi = 0; mi < nM; mi++) {
        const v = cube.inForce[di * nM + mi];
        if (!v) continue;
        const values = v.values;
        const base = ii * nC;
        for (let ci = 0; ci < nC; ci++) grid[ci * nM + mi] = (grid[ci * nM + mi] ?? 0) + (values[base + ci] ?? 0);
      }
    }
    return grid;
  });
}

/** [month]: how many of the (filtered) departments have a version in force. */
export function reportCounts(cube: FactCube, department?: string): readonly number[] {
  return memoOn(cube, `reports|${department ?? ''}`, () => {
    const nM = cube.months.length;
    const depts = department ? [cube.departments.indexOf(department)] : cube.departments.map((_, i) => i);
    return cube.months.map((_, mi) => depts.filter((di) => di >= 0 && cube.inForce[di * nM + mi]).length);
  });
}

function sumMonths(
  cube: FactCube,
  indicator: string,
  filter: { department?: string; county?: string },
): readonly number[] {
  const nM = cube.months.length;
  const nC = cube.counties.length;
  const out = new Array<number>(nM).fill(0);
  const ii = cube.indicators.indexOf(indicator);
  const depts = filter.department ? [cube.departments.indexOf(filter.department)] : cube.departments.map((_, i) => i);
  const ci = filter.county ? cube.counties.indexOf(filter.county) : null;
  if (ii >= 0 && ci !== -1) {
    for (const di of depts) {
      if (di < 0) continue;
      for (let mi = 0; mi < nM; mi++) {
        const v = cube.inForce[di * nM + mi];
        if (!v) continue;
        // Without a county filter the version's column total is the sum over its counties.
        out[mi] = (out[mi] ?? 0) + (ci === null ? (v.totals[ii] ?? 0) : (v.values[ii * nC + ci] ?? 0));
      }
    }
  }
  // Money sums keep cents exact.
  return Object.freeze(out.map((v) => Math.round(v * 100) / 100));
}
