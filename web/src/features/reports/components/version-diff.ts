import type { ReportVersion } from '@lz/shared/api/reports';

/** Changed cells between two versions, keyed "county|indicator". */
export function changedCells(a: ReportVersion, b: ReportVersion): Set<string> {
  const out = new Set<string>();
  const rowsA = new Map(a.rows.map((r) => [r.county, r.values]));
  const rowsB = new Map(b.rows.map((r) => [r.county, r.values]));
  for (const county of new Set([...rowsA.keys(), ...rowsB.keys()])) {
    const va = rowsA.get(county) ?? {};
    const vb = rowsB.get(county) ?? {};
    for (const code of new Set([...Object.keys(va), ...Object.keys(vb)])) {
      if ((va[code] ?? 0) !== (vb[code] ?? 0)) out.add(`${county}|${code}`);
    }
  }
  return out;
}
