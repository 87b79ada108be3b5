/**
 * Validation of one report body (one department × one month, a row per county) against the catalogue's
 * hard rules. Pure: the server runs it before writing, the web runs it live while a reporter types.
 */
import { z } from 'zod';
import { formIndicators, type Catalogue, type Indicator } from './catalogue';
import type { Problem } from './problems';

export const reportRowSchema = z.object({
  county: z.string().min(1),
  values: z.record(z.string(), z.number()),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportBodySchema = z.object({ rows: z.array(reportRowSchema).max(200) });
export type ReportBody = z.infer<typeof reportBodySchema>;

/** A body after validation: every county of the catalogue in display order, every form column filled. */
export type NormalizedRows = { county: string; values: Record<string, number> }[];

export interface BodyCheck {
  errors: Problem[];
  warnings: Problem[];
  rows: NormalizedRows;
}

export function indicatorLabel(ind: Pick<Indicator, 'code' | 'shortName' | 'name'>): string {
  return `${ind.shortName}(${ind.code})`;
}

const formatter = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const fmt = (n: number) => formatter.format(n);

/** Checks a body; `errors` empty means it may be stored (with `warnings`). */
export function checkReportBody(body: ReportBody, department: string, c: Catalogue): BodyCheck {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const unitByCode = new Map(c.units.map((u) => [u.code, u]));
  const form = formIndicators(c, department);
  const formCodes = new Set(form.map((i) => i.code));
  const allCodes = new Map(c.indicators.map((i) => [i.code, i]));
  const seen = new Map<string, ReportRow>();

  for (const row of body.rows) {
    const unit = unitByCode.get(row.county);
    if (!unit) {
      errors.push({
        county: row.county,
        indicator: null,
        rule: 'unknown-county',
        message: `未知的县区代码 ${row.county}`,
      });
      continue;
    }
    if (seen.has(row.county)) {
      errors.push({
        county: row.county,
        indicator: null,
        rule: 'duplicate-county',
        message: `${unit.name}: 同一县区出现多行`,
      });
      continue;
    }
    seen.set(row.county, row);
    for (const [code, value] of Object.entries(row.values)) {
      const ind = allCodes.get(code);
      const at = { county: row.county, indicator: code };
      if (!ind) {
        errors.push({ ...at, rule: 'unknown-indicator', message: `${unit.name}: 未知的指标 ${code}` });
        continue;
      }
      if (!formCodes.has(code)) {
        if (value !== 0) {
          errors.push({
            ...at,
            rule: 'not-on-form',
            message: `${unit.name}: ${indicatorLabel(ind)} 不属于本单位报表，应由${ind.onlyDepartments?.join('、')}填报`,
          });
        }
        continue;
      }
      const bad = checkValue(value, ind);
      if (bad) errors.push({ ...at, rule: bad.rule, message: `${unit.name}: ${indicatorLabel(ind)} ${bad.message}` });
    }
  }

  const rows: NormalizedRows = [];
  for (const unit of c.units) {
    const given = seen.get(unit.code);
    const values: Record<string, number> = {};
    const blanks: string[] = [];
    for (const ind of form) {
      const v = given?.values[ind.code];
      // Stocks (S1–S3) are due at year end only, so a blank stock column is normal.
      if (v === undefined && ind.kind === 'flow') blanks.push(ind.code);
      values[ind.code] = typeof v === 'number' && Number.isFinite(v) ? v : 0;
    }
    if (!given) {
      warnings.push({
        county: unit.code,
        indicator: null,
        rule: 'missing-county',
        message: `${unit.name}: 未填报，按 0 计`,
      });
    } else if (blanks.length > 0) {
      warnings.push({
        county: unit.code,
        indicator: blanks.join(','),
        rule: 'blank-cells',
        message: `${unit.name}: ${blanks.join('、')} 未填写，按 0 计`,
      });
    }
    rows.push({ county: unit.code, values });
  }
  if (errors.length === 0) errors.push(...checkRules(rows, form, c));
  return { errors, warnings, rows };
}

function checkValue(value: number, ind: Indicator): { rule: string; message: string } | null {
  if (!Number.isFinite(value)) return { rule: 'not-a-number', message: '不是有效数字' };
  if (value < 0) return { rule: 'negative', message: `不能为负数 (${fmt(value)})` };
  if (ind.valueType === 'integer' && !Number.isInteger(value)) {
    return { rule: 'integer', message: `应为整数 (${fmt(value)})` };
  }
  if (ind.valueType === 'money' && Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
    return { rule: 'money-cents', message: `金额最多保留两位小数 (${value})` };
  }
  if (value > 1e12) return { rule: 'too-large', message: `数值过大 (${fmt(value)})` };
  return null;
}

/** The catalogue's relations between columns, per county row. */
function checkRules(rows: NormalizedRows, form: Indicator[], c: Catalogue): Problem[] {
  const problems: Problem[] = [];
  const unitName = new Map(c.units.map((u) => [u.code, u.name]));
  const byCode = new Map(form.map((i) => [i.code, i]));
  for (const row of rows) {
    const name = unitName.get(row.county) ?? row.county;
    for (const ind of form) {
      for (const rule of ind.hardRules ?? []) {
        const v = row.values[ind.code] ?? 0;
        if (rule.type === 'sum') {
          const parts = rule.of.filter((code) => byCode.has(code));
          const sum = parts.reduce((s, code) => s + (row.values[code] ?? 0), 0);
          if (Math.abs(sum - v) > 1e-6) {
            problems.push({
              county: row.county,
              indicator: ind.code,
              rule: 'sum',
              message: `${name}: ${indicatorLabel(ind)} 应等于 ${parts.join('+')} (${fmt(v)} ≠ ${fmt(sum)})`,
            });
          }
        } else if (byCode.has(rule.of)) {
          const limit = row.values[rule.of] ?? 0;
          const other = byCode.get(rule.of);
          if (v > limit + 1e-6 && other) {
            problems.push({
              county: row.county,
              indicator: ind.code,
              rule: 'lte',
              message: `${name}: ${indicatorLabel(ind)} 不应大于 ${indicatorLabel(other)} (${fmt(v)} > ${fmt(limit)})`,
            });
          }
        }
      }
    }
  }
  return problems;
}

/** Column totals of a body (the city figure of one report). */
export function totalsOf(rows: NormalizedRows): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of rows) {
    for (const [code, v] of Object.entries(row.values)) totals[code] = roundValue((totals[code] ?? 0) + v);
  }
  return totals;
}

/** Money sums keep cents exact in binary floating point. */
export function roundValue(n: number): number {
  return Math.round(n * 100) / 100;
}
