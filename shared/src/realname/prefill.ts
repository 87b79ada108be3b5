/**
 * "按花名册生成": a month's report rows filled from that month's roster contributions, for the clerk to complete
 * and submit through the usual path. Leaves come from the rosters; subtotals (E, K, T) follow the form's own
 * sum rules, so a catalogue with other subtotals needs no change here. Indicators rosters do not cover stay out.
 */
import type { Contribution } from '../api/rosters';
import type { Catalogue } from '../catalogue';
import type { ReportRow } from '../report-body';

export function prefillFromRosters(
  catalogue: Pick<Catalogue, 'units' | 'indicators'>,
  month: string,
  contributions: readonly Contribution[],
): ReportRow[] {
  const byCounty = new Map<string, Record<string, number>>();
  for (const c of contributions) {
    if (c.month !== month) continue;
    const values = byCounty.get(c.county) ?? {};
    for (const [code, v] of Object.entries(c.values)) values[code] = Math.round(((values[code] ?? 0) + v) * 100) / 100;
    byCounty.set(c.county, values);
  }
  const sums = catalogue.indicators.flatMap((i) =>
    (i.hardRules ?? []).flatMap((r) => (r.type === 'sum' ? [{ code: i.code, of: r.of }] : [])),
  );
  return catalogue.units.map((u) => {
    const values = { ...(byCounty.get(u.code) ?? {}) };
    // A subtotal of subtotals (T = E + K) is right once its parts are: repeat until nothing changes.
    for (let pass = 0; pass < sums.length; pass++) {
      let changed = false;
      for (const { code, of } of sums) {
        const total = of.reduce((s, part) => s + (values[part] ?? 0), 0);
        if (values[code] !== total) {
          values[code] = total;
          changed = true;
        }
      }
      if (!changed) break;
    }
    return { county: u.code, values };
  });
}
