/**
 * The figures in force as of a date, held in one flat array: indicator × department × county × month.
 * "In force" = each report's latest version submitted by the end of that date (a later correction does
 * not rewrite history). Built with one SQL pass and cached per (date, data generation), so every
 * dashboard call after the first reads memory instead of scanning the values table.
 */
import { endOfDayInZone } from '@lz/shared/zoned-time';
import { monthRange } from '@lz/shared/months';
import type { Deps } from '../../deps';
import { dataGeneration } from './data-generation';

export interface FactCube {
  asOf: string;
  months: string[];
  indicators: string[];
  departments: string[];
  counties: string[];
  /** [ind][dept][county][month] */
  values: Float64Array;
  /** [dept][month] = 1 when a version was in force. */
  reported: Uint8Array;
  at(ind: number, dept: number, county: number, month: number): number;
}

const cache = new Map<string, FactCube>();
const CACHE_LIMIT = 16;

export function getFactCube(deps: Deps, asOf: string): FactCube {
  const key = `${asOf}|${dataGeneration(deps.db)}`;
  const hit = cache.get(key);
  if (hit) {
    // Refresh recency for the LRU.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const cube = buildCube(deps, asOf);
  cache.set(key, cube);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return cube;
}

function buildCube(deps: Deps, asOf: string): FactCube {
  const { catalogue, db } = deps;
  const months = monthRange(catalogue.campaign.start, catalogue.campaign.end);
  const indicators = catalogue.indicators.map((i) => i.code);
  const departments = catalogue.departments.map((d) => d.code);
  const counties = catalogue.units.map((u) => u.code);
  const [nI, nD, nC, nM] = [indicators.length, departments.length, counties.length, months.length];
  const values = new Float64Array(nI * nD * nC * nM);
  const reported = new Uint8Array(nD * nM);
  const iIdx = new Map(indicators.map((c, i) => [c, i]));
  const dIdx = new Map(departments.map((c, i) => [c, i]));
  const cIdx = new Map(counties.map((c, i) => [c, i]));
  const mIdx = new Map(months.map((c, i) => [c, i]));
  const asOfMs = endOfDayInZone(asOf, catalogue.campaign.timeZone).getTime();

  const rows = db
    .prepare(
      `WITH eff AS (
         SELECT department, month, MAX(version) AS version FROM report_versions
         WHERE submitted_at_ms <= ? GROUP BY department, month)
       SELECT rv.department AS d, rv.month AS m, v.county AS c, v.indicator AS i, v.value AS x
       FROM eff JOIN report_versions rv ON rv.department = eff.department AND rv.month = eff.month AND rv.version = eff.version
       JOIN report_values v ON v.version_id = rv.id`,
    )
    .raw()
    .iterate(asOfMs) as IterableIterator<[string, string, string, string, number]>;
  for (const [d, m, c, i, x] of rows) {
    const di = dIdx.get(d);
    const mi = mIdx.get(m);
    const ci = cIdx.get(c);
    const ii = iIdx.get(i);
    if (di === undefined || mi === undefined || ci === undefined || ii === undefined) continue;
    values[((ii * nD + di) * nC + ci) * nM + mi] = x;
    reported[di * nM + mi] = 1;
  }
  return {
    asOf,
    months,
    indicators,
    departments,
    counties,
    values,
    reported,
    at: (ii, di, ci, mi) => values[((ii * nD + di) * nC + ci) * nM + mi] ?? 0,
  };
}

/** Monthly sums of one indicator over the chosen departments and counties (all when undefined). */
export function monthlySums(cube: FactCube, indicator: string, filter: { department?: string; county?: string } = {}): number[] {
  const ii = cube.indicators.indexOf(indicator);
  const out = new Array<number>(cube.months.length).fill(0);
  if (ii < 0) return out;
  const depts = filter.department ? [cube.departments.indexOf(filter.department)] : cube.departments.map((_, i) => i);
  const counties = filter.county ? [cube.counties.indexOf(filter.county)] : cube.counties.map((_, i) => i);
  for (const di of depts) {
    if (di < 0) continue;
    for (const ci of counties) {
      if (ci < 0) continue;
      for (let mi = 0; mi < cube.months.length; mi++) out[mi] = (out[mi] ?? 0) + cube.at(ii, di, ci, mi);
    }
  }
  // Money sums keep cents exact.
  return out.map((v) => Math.round(v * 100) / 100);
}
