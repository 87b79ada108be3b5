/**
 * R1 = S2/S1 and R2 = S3/S2 per county and for the city, from the latest stock figures in force as of a
 * date. A county's figures are those of the latest month in which its S1 was reported; the city's are
 * the sums of each county's latest figures.
 */
import type { Ratios } from '@lz/shared/api/progress';
import type { RatioTarget } from '@lz/shared/catalogue';
import { ratio } from '@lz/shared/progress';
import type { Deps } from '../../deps';
import { resolveAsOf } from './as-of';
import { countyMonthGrid, getFactCube, memoOn, type FactCube } from './fact-cube';

type Row = Ratios['city'];

/** A county's stock figure in one month: the county × month grid's cell (0 for an indicator not in the catalogue). */
function stockAt(grid: Float64Array | null, nM: number, ci: number, mi: number): number {
  return grid ? (grid[ci * nM + mi] ?? 0) : 0;
}

function ratioTargets(deps: Deps): { r1: RatioTarget | undefined; r2: RatioTarget | undefined } {
  const ratios = deps.catalogue.targets.filter((t): t is RatioTarget => t.kind === 'ratio');
  return { r1: ratios[0], r2: ratios[1] };
}

export async function getRatios(deps: Deps, asOfParam?: string): Promise<Ratios> {
  await deps.figures.store();
  return ratiosNow(deps, asOfParam);
}

/** From the figures as last checked (`figures.current()`): inside an answer, or after `store()`. */
function ratiosNow(deps: Deps, asOfParam?: string): Ratios {
  const { asOf } = resolveAsOf(deps, asOfParam);
  const cube = getFactCube(deps, asOf);
  // Ratios depend on the figures alone, so they are computed once per cube (progress asks for them too).
  return memoOn(cube, 'ratios', () => computeRatios(deps, cube, asOf));
}

function computeRatios(deps: Deps, cube: FactCube, asOf: string): Ratios {
  const { r1: t1, r2: t2 } = ratioTargets(deps);
  const [n1, d1, n2] = [t1?.numerator ?? 'S2', t1?.denominator ?? 'S1', t2?.numerator ?? 'S3'];
  const met = (r: number | null, t: RatioTarget | undefined) => (r === null || !t ? null : r >= t.value - 1e-12);
  // One grid per stock indicator for every county at once, shared with the breakdown by county.
  const [gS1, gS2, gS3] = [countyMonthGrid(cube, d1), countyMonthGrid(cube, n1), countyMonthGrid(cube, n2)];
  const nM = cube.months.length;
  const counties: Row[] = deps.catalogue.units.map((u, ci) => {
    let month: string | null = null;
    for (let mi = nM - 1; mi >= 0; mi--) {
      if (stockAt(gS1, nM, ci, mi) > 0) {
        month = cube.months[mi] ?? null;
        break;
      }
    }
    if (month === null)
      return {
        code: u.code,
        name: u.name,
        month: null,
        s1: null,
        s2: null,
        s3: null,
        r1: null,
        r2: null,
        r1Met: null,
        r2Met: null,
      };
    const mi = cube.months.indexOf(month);
    const s1 = stockAt(gS1, nM, ci, mi);
    const s2 = stockAt(gS2, nM, ci, mi);
    const s3 = stockAt(gS3, nM, ci, mi);
    const r1 = ratio(s2, s1);
    const r2 = ratio(s3, s2);
    return { code: u.code, name: u.name, month, s1, s2, s3, r1, r2, r1Met: met(r1, t1), r2Met: met(r2, t2) };
  });
  const reported = counties.filter((c) => c.month !== null);
  const s1 = reported.reduce((s, c) => s + (c.s1 ?? 0), 0);
  const s2 = reported.reduce((s, c) => s + (c.s2 ?? 0), 0);
  const s3 = reported.reduce((s, c) => s + (c.s3 ?? 0), 0);
  const month =
    reported
      .map((c) => c.month ?? '')
      .sort()
      .at(-1) ?? null;
  const r1 = ratio(s2, s1);
  const r2 = ratio(s3, s2);
  const city: Row = {
    code: deps.catalogue.campaign.cityCode,
    name: deps.catalogue.campaign.city,
    month: reported.length ? month : null,
    s1: reported.length ? s1 : null,
    s2: reported.length ? s2 : null,
    s3: reported.length ? s3 : null,
    r1,
    r2,
    r1Met: met(r1, t1),
    r2Met: met(r2, t2),
  };
  return { asOf, targets: { r1: t1?.value ?? 0, r2: t2?.value ?? 0 }, city, counties };
}

export function cityRatios(deps: Deps, asOf: string): { r1: number | null; r2: number | null } {
  const { city } = ratiosNow(deps, asOf);
  return { r1: city.r1, r2: city.r2 };
}
