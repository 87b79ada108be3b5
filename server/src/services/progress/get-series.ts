/** GET /api/series: monthly values and running totals over the window, the expected pace and the forecast. */
import type { Series } from '@lz/shared/api/progress';
import { FORECAST_PACE_MONTHS, timeProgress } from '@lz/shared/progress';
import type { Deps } from '../../deps';
import { badRequest } from '../../errors';
import { allocationIndex } from './allocations';
import { resolveAsOf } from './as-of';
import { getFactCube, monthlySums, reportCounts } from './fact-cube';

type SeriesQuery = { indicator: string; asOf?: string; county?: string; department?: string };

export function getSeries(deps: Deps, q: SeriesQuery): Promise<Series> {
  const { asOf } = resolveAsOf(deps, q.asOf);
  const question = `series|${asOf}|${q.indicator}|${q.department ?? ''}|${q.county ?? ''}`;
  return deps.figures.answer(question, () => computeSeries(deps, { ...q, asOf }));
}

async function computeSeries(deps: Deps, q: SeriesQuery): Promise<Series> {
  const { catalogue } = deps;
  if (!catalogue.indicators.some((i) => i.code === q.indicator))
    throw badRequest(`未知的指标 ${q.indicator}`, 'unknown_indicator');
  if (q.county && !catalogue.units.some((u) => u.code === q.county))
    throw badRequest(`未知的县区 ${q.county}`, 'unknown_county');
  if (q.department && !catalogue.departments.some((d) => d.code === q.department))
    throw badRequest(`未知的责任单位 ${q.department}`, 'unknown_department');
  const { asOf, through } = resolveAsOf(deps, q.asOf);
  const cube = getFactCube(deps, asOf);
  const monthly = monthlySums(cube, q.indicator, { county: q.county, department: q.department });
  const reports = reportCounts(cube, q.department);
  const reporters = q.department ? 1 : catalogue.departments.filter((d) => d.owesReports).length;
  const target = catalogue.targets.find((t) => t.kind === 'cumulative' && t.indicator === q.indicator);
  const alloc = target ? await allocationIndex(deps, target.code) : null;
  const own = !alloc
    ? null
    : q.county
      ? alloc.county(q.county, q.department)
      : q.department
        ? alloc.department(q.department)
        : alloc.city;
  const upto = through ? cube.months.indexOf(through) + 1 : 0;
  const recent = monthly.slice(Math.max(0, upto - FORECAST_PACE_MONTHS), upto);
  const pace = recent.length ? recent.reduce((s, v) => s + v, 0) / recent.length : 0;
  let cumulative = 0;
  const points = cube.months.map((month, i) => {
    const past = i < upto;
    if (past) cumulative = Math.round((cumulative + (monthly[i] ?? 0)) * 100) / 100;
    const expected = own ? own.value * timeProgress(month, catalogue.campaign, own.split) : null;
    const forecast = i >= upto - 1 && upto > 0 ? cumulative + pace * (i - (upto - 1)) : null;
    const reported = past ? (reports[i] ?? 0) : null;
    return {
      month,
      reports: reported,
      value: reported ? (monthly[i] ?? 0) : null,
      cumulative: past ? cumulative : null,
      expected: expected === null ? null : Math.round(expected * 100) / 100,
      forecast: forecast === null ? null : Math.round(forecast * 100) / 100,
    };
  });
  return { asOf, indicator: q.indicator, throughMonth: through, target: own?.value ?? null, reporters, points };
}
