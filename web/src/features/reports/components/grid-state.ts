/** The entry grid's state and the pure steps on it (tested without a DOM). */
import type { Indicator } from '@lz/shared/catalogue';
import type { ReportBody } from '@lz/shared/report-body';

/** county → indicator → value; null is a blank cell (the server counts it as 0 with a warning). */
export type Grid = Record<string, Record<string, number | null>>;

export function gridFrom(
  counties: string[],
  form: Indicator[],
  rows?: { county: string; values: Record<string, number> }[],
): Grid {
  const given = new Map(rows?.map((r) => [r.county, r.values]));
  const grid: Grid = {};
  for (const county of counties) {
    const values = given.get(county);
    grid[county] = Object.fromEntries(form.map((i) => [i.code, values ? (values[i.code] ?? null) : null]));
  }
  return grid;
}

export function bodyOf(grid: Grid): ReportBody {
  return {
    rows: Object.entries(grid).map(([county, values]) => ({
      county,
      values: Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => e[1] !== null)),
    })),
  };
}

function sumRules(form: Indicator[]): { code: string; of: string[] }[] {
  const codes = new Set(form.map((i) => i.code));
  return form.flatMap((i) =>
    (i.hardRules ?? []).flatMap((r) =>
      r.type === 'sum' ? [{ code: i.code, of: r.of.filter((c) => codes.has(c)) }] : [],
    ),
  );
}

/** The computed columns (subtotals and the total): shown read-only, never typed. */
export function computedCodes(form: Indicator[]): Set<string> {
  return new Set(sumRules(form).map((s) => s.code));
}

/** The cell under `county` in the same column (Enter moves down a row); null on the last row. */
export function cellBelow(counties: string[], county: string): string | null {
  const i = counties.indexOf(county);
  return i >= 0 && i + 1 < counties.length ? (counties[i + 1] ?? null) : null;
}

/**
 * Computes every subtotal (T = E + K, E = E1…E5, K = K1…K7) from its parts, innermost first; a subtotal
 * whose parts are all blank is blank.
 */
export function fillSubtotals(grid: Grid, form: Indicator[]): Grid {
  const sums = sumRules(form);
  const out: Grid = {};
  for (const [county, values] of Object.entries(grid)) {
    const next = { ...values };
    // Subtotals can feed totals; as many passes as there are sum rules settles any nesting.
    for (let pass = 0; pass < sums.length; pass++) {
      for (const s of sums) {
        if (s.of.every((c) => next[c] === null || next[c] === undefined)) {
          next[s.code] = null;
          continue;
        }
        next[s.code] = s.of.reduce((acc, c) => acc + (next[c] ?? 0), 0);
      }
    }
    out[county] = next;
  }
  return out;
}

/**
 * 按花名册生成: the roster-covered cells take the rosters' figures; every other cell keeps what the clerk has
 * typed (rosters do not cover every indicator), and subtotals follow from their parts again. Returns the new
 * grid and how many cells the rosters filled.
 */
export function withRosterFigures(
  grid: Grid,
  rows: { county: string; values: Record<string, number> }[],
  form: Indicator[],
): { grid: Grid; filled: number } {
  const computed = computedCodes(form);
  const typed = new Set(form.filter((i) => !computed.has(i.code)).map((i) => i.code));
  const next: Grid = { ...grid };
  let filled = 0;
  for (const { county, values } of rows) {
    const row = next[county];
    if (!row) continue;
    const copy = { ...row };
    for (const [code, v] of Object.entries(values)) {
      if (!typed.has(code)) continue;
      copy[code] = v;
      filled++;
    }
    next[county] = copy;
  }
  return { grid: fillSubtotals(next, form), filled };
}
