/** Pure: one department's report body for one month, from the demo profile and a seeded generator. */
import type { Catalogue } from '@lz/shared/catalogue';
import type { ReportRow } from '@lz/shared/report-body';
import type { Rng } from './prng';
import {
  cityBase,
  countyPace,
  departmentProfiles,
  ENT_MIX_DEFAULT,
  enterpriseWeights,
  keyGroupExtra,
  seasonality,
  stockProfile,
  type DepartmentProfile,
} from './demo-profile';

const totalShare = Object.values(departmentProfiles).reduce((s, p) => s + p.share, 0);

/** Splits a whole number into parts proportional to weights, exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const floors = raw.map(Math.floor);
  let rest = total - floors.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    rest--;
  }
  return floors;
}

export function countyWeights(c: Catalogue, kind: 'enterprise' | 'key'): number[] {
  return c.units.map((u) =>
    kind === 'enterprise' ? (enterpriseWeights[u.code] ?? 1) : (u.population ?? keyGroupExtra[u.code] ?? 50000),
  );
}

/** What a department is expected to do over the window: the basis of its allocation. */
export function expectedShare(department: string): number {
  const p = departmentProfiles[department];
  return p ? p.share / totalShare : 0;
}

export function profileOf(department: string): DepartmentProfile | undefined {
  return departmentProfiles[department];
}

const money = (n: number) => Math.round(n * 100) / 100;

export function generateReport(c: Catalogue, department: string, month: string, rng: Rng): ReportRow[] {
  const p = departmentProfiles[department];
  if (!p) return [];
  const volume = Math.round(cityBase(month) * seasonality(month) * (p.share / totalShare) * p.pace * rng.jitter(0.18));
  const ent = Math.round(volume * p.enterprise);
  const key = volume - ent;
  const entW = countyWeights(c, 'enterprise').map(
    (w, i) => w * (countyPace[c.units[i]?.code ?? ''] ?? 1) * rng.jitter(0.25),
  );
  const keyW = countyWeights(c, 'key').map((w, i) => w * (countyPace[c.units[i]?.code ?? ''] ?? 1) * rng.jitter(0.25));
  const entByCounty = apportion(ent, entW);
  const keyByCounty = apportion(key, keyW);
  const isDecember = month.endsWith('-12');
  const year = Number(month.slice(0, 4));
  const yi = Math.max(0, Math.min(2, year - 2019));

  return c.units.map((u, ci) => {
    const E = entByCounty[ci] ?? 0;
    const K = keyByCounty[ci] ?? 0;
    const [E1, E2, E3, E4, E5] = apportion(
      E,
      (p.entMix ?? ENT_MIX_DEFAULT).map((w) => w * rng.jitter(0.2)),
    ) as [number, number, number, number, number];
    const ks = apportion(
      K,
      p.keyMix.map((w) => w * rng.jitter(0.2)),
    );
    const T = E + K;
    const X1 = Math.min(T, Math.round(T * p.poor * rng.jitter(0.2)));
    const X2 = Math.min(T, Math.round(K * 0.06 * rng.jitter(0.3)));
    const X3 = Math.min(T, Math.round(T * 0.62 * rng.jitter(0.1)));
    const X4 = Math.min(E, Math.round(E * 0.09 * rng.jitter(0.3)));
    const values: Record<string, number> = {
      T,
      E,
      E1,
      E2,
      E3,
      E4,
      E5,
      K,
      K1: ks[0] ?? 0,
      K2: ks[1] ?? 0,
      K3: ks[2] ?? 0,
      K4: ks[3] ?? 0,
      K5: ks[4] ?? 0,
      K6: ks[5] ?? 0,
      K7: ks[6] ?? 0,
      X1,
      X2,
      X3,
      X4,
      F1: money(T * rng.between(780, 1150)),
      F2: money(X1 * 5 * 50),
      F3: money(X3 * rng.between(120, 180)),
      // 以工代训 subsidies were paid mostly in 2020.
      F4: year === 2020 ? money(E * rng.between(250, 500)) : 0,
      C1: 0,
      C2: 0,
      C3: 0,
      C4: 0,
      C5: 0,
      C6: 0,
    };
    if (department === 'RSJ') Object.assign(values, talentFigures(u.code, month, rng, isDecember, yi));
    if ((department === 'ZGH' || department === 'GXJ') && u.code === '450205' && rng.chance(0.25)) values.C3 = 1;
    return { county: u.code, values };
  });
}

/** 技师 / 高级技师 certificates, competitions, master studios, bases, teacher classes, and year-end stocks. */
function talentFigures(
  county: string,
  month: string,
  rng: Rng,
  isDecember: boolean,
  yi: number,
): Record<string, number> {
  const out: Record<string, number> = {
    C1: Math.max(0, Math.round(rng.between(0, 7))),
    C2: Math.max(0, Math.round(rng.between(0, 2))),
  };
  const m = Number(month.slice(5, 7));
  const big = county === '450203'; // competitions and studios are run from the city centre
  if (big && [4, 5, 6, 9, 10, 11].includes(m)) out.C3 = month.startsWith('2019') ? 1 : rng.chance(0.85) ? 2 : 1;
  if (county === 'LD' && [6, 12].includes(m)) out.C4 = month === '2019-12' ? 2 : 3;
  if (county === '450205' && m === 12) out.C4 = 1;
  if (county === 'LD' && m === 12) out.C5 = month === '2021-12' ? 2 : 3;
  if (big && (m === 5 || m === 10 || month === '2019-11')) out.C6 = 1;
  if (isDecember) {
    const s = stockProfile[county];
    if (s) {
      const employed = Math.round(s.employed * (1 + 0.01 * yi) * rng.jitter(0.01));
      const skilled = Math.round(employed * (s.skilled[yi] ?? 0.25));
      out.S1 = employed;
      out.S2 = skilled;
      out.S3 = Math.round(skilled * (s.high[yi] ?? 0.25));
    }
  }
  return out;
}
