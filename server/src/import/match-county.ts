/**
 * Row labels to county codes. Reporters write a county the way their office does: "柳州市柳南区",
 * "融水县", "柳东", the old code 450221 for 柳江区, "北部生态新区（阳和工业新区）"; the catalogue's
 * names and aliases cover the forms in use, and the city prefix is dropped before comparing.
 */
import type { Catalogue } from '@lz/shared/catalogue';
import { compact, stripBracketed } from './normalise';

export type RowLabel =
  | { kind: 'county'; code: string; name: string }
  /** The city row (合计 / 总计 / 全市合计 / 柳州市): checked against the county rows, never imported. */
  | { kind: 'total' }
  | { kind: 'unknown' };

export type LabelMatcher = (label: string) => RowLabel;

const TOTAL_WORDS = ['合计', '总计', '总合计', '合计数', '全市', '全市合计', '全市总计'];

export function buildLabelMatcher(catalogue: Catalogue): LabelMatcher {
  const key = (text: string) => compact(text).toLowerCase();
  const city = key(catalogue.campaign.city);
  // "柳州市" and "柳州" are both written as the prefix; the longer one is tried first.
  const cityPrefixes = [city, city.replace(/市$/u, '')].filter((p) => p.length > 0);

  const counties = new Map<string, { code: string; name: string }>();
  for (const unit of catalogue.units) {
    for (const label of [unit.code, unit.name, ...unit.aliases]) {
      for (const k of [key(label), stripBracketed(key(label))]) {
        if (k && !counties.has(k)) counties.set(k, { code: unit.code, name: unit.name });
      }
    }
  }
  const totals = new Set([...TOTAL_WORDS, key(catalogue.campaign.cityCode)]);
  for (const p of cityPrefixes) {
    totals.add(p);
    totals.add(`${p}合计`);
    totals.add(`${p}总计`);
  }

  return (label) => {
    // "1、城中区" or "1.城中区": numbered rows are common in WPS forms without a 序号 column.
    const full = key(label).replace(/^\d{1,2}[.、]/u, '');
    if (!full) return { kind: 'unknown' };
    const candidates = [full, stripBracketed(full)];
    for (const text of candidates) {
      if (totals.has(text)) return { kind: 'total' };
    }
    for (const text of candidates) {
      const withoutCity = cityPrefixes.find((p) => text.startsWith(p) && text.length > p.length);
      for (const k of withoutCity ? [text, text.slice(withoutCity.length)] : [text]) {
        const hit = counties.get(k);
        if (hit) return { kind: 'county', ...hit };
      }
    }
    return { kind: 'unknown' };
  };
}
