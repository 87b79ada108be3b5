/**
 * Soft rules: figures that are allowed but worth a second look. A report that breaks them is stored,
 * with these warnings kept on its version for the reviewer.
 */
import type { Catalogue } from './catalogue';
import type { Problem } from './problems';
import { indicatorLabel, type NormalizedRows } from './report-body';

/** The same department's earlier months, oldest first, most recent last. */
export interface ReportHistory {
  /** county → indicator → values of earlier months (zeros included). */
  byCounty: Record<string, Record<string, number[]>>;
  /** indicator → the department's city totals of earlier months. */
  totals: Record<string, number[]>;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);

export function softWarnings(rows: NormalizedRows, history: ReportHistory, c: Catalogue): Problem[] {
  const out: Problem[] = [];
  const unitName = new Map(c.units.map((u) => [u.code, u.name]));
  const ind = new Map(c.indicators.map((i) => [i.code, i]));
  const label = (code: string) => {
    const i = ind.get(code);
    return i ? indicatorLabel(i) : code;
  };

  for (const rule of c.softRules) {
    if (rule.type === 'history-outlier') {
      for (const row of rows) {
        for (const code of rule.indicators) {
          const value = row.values[code];
          if (value === undefined || value === 0) continue;
          // Only months the county actually trained count, so a run of zero months does not make
          // every later figure look extreme.
          const past = (history.byCounty[row.county]?.[code] ?? []).filter((v) => v > 0);
          if (past.length < rule.minHistoryMonths) continue;
          const ref = median(past);
          if (value > ref * rule.factor && value - ref >= rule.minAbsolute) {
            out.push({
              county: row.county,
              indicator: code,
              rule: 'history-outlier',
              message:
                `${unitName.get(row.county)}: ${label(code)} 为 ${fmt(value)}，` +
                `超过本单位该县区以往月份中位数 ${fmt(ref)} 的 ${rule.factor} 倍，请核实`,
            });
          }
        }
      }
    } else if (rule.type === 'per-capita') {
      for (const row of rows) {
        const people = row.values[rule.per] ?? 0;
        const money = rule.money.reduce((s, code) => s + (row.values[code] ?? 0), 0);
        if (money === 0) continue;
        const name = unitName.get(row.county);
        if (people === 0) {
          out.push({
            county: row.county,
            indicator: rule.money.join(','),
            rule: 'per-capita',
            message: `${name}: 有${rule.label.replace('人均', '')}支出 ${fmt(money)} 元，但 ${label(rule.per)} 为 0，请核实`,
          });
          continue;
        }
        const perHead = money / people;
        if (perHead < rule.min || perHead > rule.max) {
          out.push({
            county: row.county,
            indicator: rule.money.join(','),
            rule: 'per-capita',
            message: `${name}: ${rule.label} ${fmt(perHead)} 元/人次，超出合理范围 ${fmt(rule.min)}–${fmt(rule.max)} 元，请核实`,
          });
        }
      }
    } else {
      const total = rows.reduce((s, r) => s + (r.values[rule.indicator] ?? 0), 0);
      const recent = (history.totals[rule.indicator] ?? []).slice(-rule.lookbackMonths);
      const active = recent.filter((v) => v > 0).length;
      if (total === 0 && active >= rule.minActiveMonths) {
        out.push({
          county: null,
          indicator: rule.indicator,
          rule: 'zero-report-from-active',
          message: `本月 ${label(rule.indicator)} 全部为 0，而近 ${recent.length} 个月中有 ${active} 个月有培训，请确认是否为零报告`,
        });
      }
    }
  }
  return out;
}
