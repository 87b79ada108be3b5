/** GET /api/progress: every target of the plan, city-wide, as of a date. */
import type { Progress, TargetProgress } from '@lz/shared/api/progress';
import type { FlowTarget, RatioTarget } from '@lz/shared/catalogue';
import { monthRange, yearOf } from '@lz/shared/months';
import { completionRate, forecastAtEnd, isLagging, timeProgress, type AnnualSplit } from '@lz/shared/progress';
import type { Deps } from '../../deps';
import { allocationIndex } from './allocations';
import { resolveAsOf } from './as-of';
import { getFactCube, monthlySums, type FactCube } from './fact-cube';
import { cityRatios } from './get-ratios';

export function getProgress(deps: Deps, asOfParam?: string): Promise<Progress> {
  const { asOf } = resolveAsOf(deps, asOfParam);
  return deps.figures.answer(`progress|${asOf}`, () => computeProgress(deps, asOf));
}

async function computeProgress(deps: Deps, asOfParam: string): Promise<Progress> {
  const { asOf, through } = resolveAsOf(deps, asOfParam);
  const splits = new Map<string, AnnualSplit | null>();
  for (const t of deps.catalogue.targets)
    if (t.kind === 'cumulative') splits.set(t.code, (await allocationIndex(deps, t.code)).city?.split ?? null);
  const cube = getFactCube(deps, asOf);
  const w = deps.catalogue.campaign;
  const targets = deps.catalogue.targets.map((t): TargetProgress => {
    if (t.kind === 'ratio') return ratioProgress(deps, t, asOf, through);
    if (t.kind === 'per-year') return perYearProgress(cube, t, through, w);
    const split = splits.get(t.code) ?? null;
    const monthly = monthlySums(cube, t.indicator);
    const upto = through ? cube.months.indexOf(through) + 1 : 0;
    const actual = sum(monthly.slice(0, upto));
    const tp = timeProgress(through, w, split);
    const rate = completionRate(actual, t.value);
    const forecast = forecastAtEnd(actual, monthly.slice(0, upto), through, w);
    return {
      code: t.code,
      name: t.name,
      kind: t.kind,
      unit: t.unit,
      paragraph: t.paragraph,
      target: t.value,
      actual,
      completionRate: rate,
      timeProgress: tp,
      lagging: isLagging(rate, tp),
      forecast,
      forecastMeetsTarget: forecast >= t.value,
    };
  });
  return { asOf, throughMonth: through, timeProgress: timeProgress(through, w), targets };
}

const sum = (xs: number[]) => Math.round(xs.reduce((s, v) => s + v, 0) * 100) / 100;

/** Per-year targets (≥10 competitions, 2 teacher classes) are judged within each calendar year. */
function perYearProgress(
  cube: FactCube,
  t: FlowTarget,
  through: string | null,
  w: { start: string; end: string },
): TargetProgress {
  const monthly = monthlySums(cube, t.indicator);
  const years = [...new Set(monthRange(w.start, w.end).map(yearOf))];
  const perYear = years.map((year) => {
    const months = cube.months.map((m, i) => ({ m, i })).filter((x) => yearOf(x.m) === year);
    const done = months.filter((x) => through !== null && x.m <= through);
    const actual = sum(done.map((x) => monthly[x.i] ?? 0));
    const tp = done.length / months.length;
    const rate = completionRate(actual, t.value);
    return {
      year,
      target: t.value,
      actual,
      completionRate: rate,
      timeProgress: tp,
      lagging: isLagging(rate, tp),
      months,
      done,
    };
  });
  const currentYear = through ? yearOf(through) : (years[0] ?? 0);
  const current = perYear.find((y) => y.year === currentYear) ?? perYear[0];
  if (!current) throw new Error('window has no years');
  const recent = current.done.map((x) => monthly[x.i] ?? 0);
  const pace = current.done.length ? sum(recent.slice(-6)) / Math.min(6, current.done.length) : 0;
  const forecast = current.actual + pace * (current.months.length - current.done.length);
  return {
    code: t.code,
    name: t.name,
    kind: t.kind,
    unit: t.unit,
    paragraph: t.paragraph,
    target: t.value,
    actual: current.actual,
    completionRate: current.completionRate,
    timeProgress: current.timeProgress,
    lagging: current.lagging,
    forecast,
    forecastMeetsTarget: forecast >= t.value,
    years: perYear.map(({ months: _m, done: _d, ...y }) => y),
  };
}

function ratioProgress(deps: Deps, t: RatioTarget, asOf: string, through: string | null): TargetProgress {
  const city = cityRatios(deps, asOf);
  const actual = t.code === 'R1' || (t.numerator === 'S2' && t.denominator === 'S1') ? city.r1 : city.r2;
  const rate = actual === null ? null : actual / t.value;
  return {
    code: t.code,
    name: t.name,
    kind: 'ratio',
    unit: t.unit,
    paragraph: t.paragraph,
    target: t.value,
    actual,
    completionRate: rate,
    timeProgress: timeProgress(through, deps.catalogue.campaign),
    // A ratio is a level to reach by the end, so it lags while below the required level.
    lagging: actual !== null && actual < t.value,
    forecast: null,
    forecastMeetsTarget: actual === null ? null : actual >= t.value,
  };
}
