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

/** Fills every subtotal (T = E + K, E = E1…E5, K = K1…K7) from its parts, innermost first. */
export function fillSubtotals(grid: Grid, form: Indicator[]): Grid {
  const codes = new Set(form.map((i) => i.code));
  const sums = form.flatMap((i) =>
    (i.hardRules ?? []).flatMap((r) =>
      r.type === 'sum' ? [{ code: i.code, of: r.of.filter((c) => codes.has(c)) }] : [],
    ),
  );
  const out: Grid = {};
  for (const [county, values] of Object.entries(grid)) {
    const next = { ...values };
    // Subtotals can feed totals; as many passes as there are sum rules settles any nesting.
    for (let pass = 0; pass < sums.length; pass++) {
      for (const s of sums) {
        if (s.of.every((c) => next[c] === null || next[c] === undefined)) continue;
        next[s.code] = s.of.reduce((acc, c) => acc + (next[c] ?? 0), 0);
      }
    }
    out[county] = next;
  }
  return out;
}
