/** GET /api/progress/breakdown: one indicator by county or by department, against each unit's allocation. */
import type { Breakdown, BreakdownRow } from '@lz/shared/api/progress';
import { completionRate, isLagging, timeProgress } from '@lz/shared/progress';
import type { Deps } from '../../deps';
import { badRequest } from '../../errors';
import { allocationIndex, type UnitTarget } from './allocations';
import { resolveAsOf } from './as-of';
import { countyMonthGrid, getFactCube, monthlySums } from './fact-cube';

export interface BreakdownQuery {
  by: 'county' | 'department';
  indicator: string;
  asOf?: string;
  department?: string;
  county?: string;
}

export function getBreakdown(deps: Deps, q: BreakdownQuery): Promise<Breakdown> {
  const { asOf } = resolveAsOf(deps, q.asOf);
  const question = `breakdown|${asOf}|${q.by}|${q.indicator}|${q.department ?? ''}|${q.county ?? ''}`;
  return deps.figures.answer(question, () => computeBreakdown(deps, { ...q, asOf }));
}

async function computeBreakdown(deps: Deps, q: BreakdownQuery): Promise<Breakdown> {
  const { catalogue } = deps;
  if (!catalogue.indicators.some((i) => i.code === q.indicator))
    throw badRequest(`未知的指标 ${q.indicator}`, 'unknown_indicator');
  if (q.department && !catalogue.departments.some((d) => d.code === q.department))
    throw badRequest(`未知的责任单位 ${q.department}`, 'unknown_department');
  if (q.county && !catalogue.units.some((u) => u.code === q.county))
    throw badRequest(`未知的县区 ${q.county}`, 'unknown_county');
  const { asOf, through } = resolveAsOf(deps, q.asOf);
  const cube = getFactCube(deps, asOf);
  const upto = through ? cube.months.indexOf(through) + 1 : 0;
  // Allocations exist for flow targets whose indicator this is (T, E, K, E5, X1, C4, C5).
  const target = catalogue.targets.find((t) => t.kind === 'cumulative' && t.indicator === q.indicator);
  const alloc = target ? await allocationIndex(deps, target.code) : null;
  const overall = timeProgress(through, catalogue.campaign, alloc?.city?.split ?? null);

  const units =
    q.by === 'county'
      ? catalogue.units.map((u) => ({
          code: u.code,
          name: u.name,
          filter: { county: u.code, department: q.department },
        }))
      : catalogue.departments
          .filter((d) => d.owesReports)
          .map((d) => ({ code: d.code, name: d.name, filter: { department: d.code, county: q.county } }));

  const unitTarget = (code: string): UnitTarget | null => {
    if (!alloc) return null;
    if (q.by === 'county') return alloc.county(code, q.department);
    // A department's target within one county is its county allocation; city-wide, its own share.
    return q.county ? alloc.county(q.county, code) : alloc.department(code);
  };

  // By county, every row reads its months from one grid computed once per as-of view (fact-cube.ts).
  const grid = q.by === 'county' ? countyMonthGrid(cube, q.indicator, q.department) : null;
  const nM = cube.months.length;
  const monthsOf = (i: number, filter: { department?: string; county?: string }): number[] =>
    grid
      ? Array.from(grid.subarray(i * nM, i * nM + upto), round)
      : monthlySums(cube, q.indicator, filter).slice(0, upto);

  const rows = units.map((u, i) => {
    const monthly = monthsOf(i, u.filter);
    const actual = round(monthly.reduce((s, v) => s + v, 0));
    const own = unitTarget(u.code);
    const tp = own ? timeProgress(through, catalogue.campaign, own.split) : overall;
    const rate = own ? completionRate(actual, own.value) : null;
    return {
      code: u.code,
      name: u.name,
      allocation: own?.value ?? null,
      actual,
      completionRate: rate,
      timeProgress: tp,
      lagging: isLagging(rate, tp),
      rank: 0,
      recent: round(monthly.slice(-6).reduce((s, v) => s + v, 0)),
    } satisfies BreakdownRow;
  });
  // Ranked by completion rate where units have targets, then by volume.
  const order = [...rows].sort((a, b) => (b.completionRate ?? -1) - (a.completionRate ?? -1) || b.actual - a.actual);
  order.forEach((r, i) => {
    r.rank = i + 1;
  });

  const totalActual = round(rows.reduce((s, r) => s + r.actual, 0));
  // The total's target is the target of the unit being broken down: the city's, one department's (its own
  // allocation) or one county's (the sum of every department's allocation to it, i.e. the sum of the rows'
  // allocations), so a drill-down's 合计 row equals that unit's row one level up (docs/decisions.md).
  const parent = !alloc
    ? null
    : q.by === 'county'
      ? q.department
        ? alloc.department(q.department)
        : alloc.city
      : q.county
        ? alloc.county(q.county)
        : alloc.city;
  return {
    asOf,
    throughMonth: through,
    by: q.by,
    indicator: q.indicator,
    timeProgress: overall,
    rows,
    total: {
      allocation: parent?.value ?? null,
      actual: totalActual,
      completionRate: parent ? completionRate(totalActual, parent.value) : null,
    },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
