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

/**
 * Checks a body; `errors` empty means it may be stored (with `warnings`). Every problem is collected in one
 * pass: a value that is itself wrong (negative, fractional …), or a cell listed in `unreadable` ("county|code",
 * text in a number cell of an uploaded file), only exempts the column relations that involve it.
 */
export function checkReportBody(
  body: ReportBody,
  department: string,
  c: Catalogue,
  unreadable: ReadonlySet<string> = new Set(),
): BodyCheck {
  const bad = new Set(unreadable);
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
      const wrong = checkValue(value, ind);
      if (wrong) {
        bad.add(`${row.county}|${code}`);
        errors.push({ ...at, rule: wrong.rule, message: `${unit.name}: ${indicatorLabel(ind)} ${wrong.message}` });
      }
    }
  }

  const rows: NormalizedRows = [];
  for (const unit of c.units) {
    const given = seen.get(unit.code);
    const values: Record<string, number> = {};
    const blanks: Indicator[] = [];
    for (const ind of form) {
      const v = given?.values[ind.code];
      // Stocks (S1–S3) are due at year end only, so a blank stock column is normal.
      if (v === undefined && ind.kind === 'flow') blanks.push(ind);
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
        indicator: blanks.map((i) => i.code).join(','),
        rule: 'blank-cells',
        message: blankMessage(
          unit.name,
          blanks.map((i) => i.shortName),
        ),
      });
    }
    rows.push({ county: unit.code, values });
  }
  const badRows = new Set(errors.filter((e) => e.indicator === null && e.county).map((e) => e.county));
  errors.push(
    ...checkRules(
      rows.filter((r) => !badRows.has(r.county)),
      form,
      c,
      bad,
    ),
  );
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
function checkRules(rows: NormalizedRows, form: Indicator[], c: Catalogue, bad: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const unitName = new Map(c.units.map((u) => [u.code, u.name]));
  const byCode = new Map(form.map((i) => [i.code, i]));
  for (const row of rows) {
    const name = unitName.get(row.county) ?? row.county;
    const isBad = (code: string) => bad.has(`${row.county}|${code}`);
    for (const ind of form) {
      for (const rule of ind.hardRules ?? []) {
        const v = row.values[ind.code] ?? 0;
        if (isBad(ind.code) || (rule.type === 'sum' ? rule.of.some(isBad) : isBad(rule.of))) continue;
        if (rule.type === 'sum') {
          const parts = rule.of.filter((code) => byCode.has(code));
          const sum = parts.reduce((s, code) => s + (row.values[code] ?? 0), 0);
          if (Math.abs(sum - v) > 1e-6) {
            problems.push({
              county: row.county,
              indicator: ind.code,
              rule: 'sum',
              message: `${name}: ${indicatorLabel(ind)} 应等于 ${sumWords(parts, byCode)} (${fmt(v)} ≠ ${fmt(sum)})`,
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

/** "岗前培训 + 岗位技能提升培训 + …", the way the form names a subtotal's parts (codes only for the unknown). */
function sumWords(parts: string[], byCode: Map<string, Indicator>): string {
  return parts.map((code) => byCode.get(code)?.shortName ?? code).join(' + ');
}

/** One short line per county, naming the columns only while they are few. */
export function blankMessage(county: string, names: string[]): string {
  const listed = names.length <= 3 ? `（${names.join('、')}）` : '';
  return `${county}: ${names.length} 项未填写${listed}，按 0 计`;
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
