/**
 * Reads the located table into county rows: county codes, indicator codes, numbers. Everything wrong with
 * the file is collected with its cell (so the reporter can find "D7" in Excel) instead of stopping at the
 * first problem; the 合计 row is only checked against the county rows, never imported.
 */
import { formIndicators, type Catalogue, type Indicator } from '@lz/shared/catalogue';
import type { Problem } from '@lz/shared/problems';
import { blankMessage, indicatorLabel, type ReportRow } from '@lz/shared/report-body';
import { cellAddress, cellAt, cellText, EMPTY, isCovered, type Sheet } from './grid';
import type { LabelMatcher } from './match-county';
import { compact, stripBracketed } from './normalise';
import { parseCell, type ParsedValue } from './parse-number';
import type { LocatedTable } from './find-table';

export interface TableContent {
  rows: ReportRow[];
  /** "county|indicator" → the cell it was read from ("D7"), to point later rule failures at the file. */
  cells: Map<string, string>;
  warnings: Problem[];
  problems: Problem[];
  /** "county|indicator" of cells that could not be read as numbers: the report rules skip relations on them. */
  unreadable: Set<string>;
}

// Footer lines under official forms; tested on the first filled cell because they often start in column A
// while the county names sit in column B after a 序号 column.
const FOOTER =
  /^(填表人|填报人|填表日期|填报日期|报送日期|制表|联系人|联系电话|电话|审核|负责人|单位负责人|统计负责人|分管领导|说明|备注|注([:、.\d一二三]|$))/u;
// Lines between the header and the first county: 栏次 rows ("甲 | 1 | 2 …") and unit rows ("（人次）").
const HEADER_CONTINUATION = new Set(['', '甲', '乙', '栏次', '行次', '序号', '单位', '计量单位']);

const formatter = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

interface TotalLine {
  r: number;
  values: Map<number, ParsedValue>;
}

/** `onlyRows` (0-based, ascending) restricts reading to those lines: one report's lines of a history file. */
export function readTable(
  table: LocatedTable,
  matchLabel: LabelMatcher,
  catalogue: Catalogue,
  department: string,
  onlyRows?: readonly number[],
): TableContent {
  const { sheet, header, labelColumn } = table;
  const indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const formCodes = new Set(formIndicators(catalogue, department).map((i) => i.code));
  const deptNames = new Map(catalogue.departments.map((d) => [d.code, d.name]));
  const ownersOf = (ind: Indicator) => (ind.onlyDepartments ?? []).map((d) => deptNames.get(d) ?? d).join('、');
  const out: TableContent = { rows: [], cells: new Map(), warnings: [], problems: [], unreadable: new Set() };
  // Columns holding an unreadable county cell: their 合计 cannot be checked against the county rows.
  const unreadableColumns = new Set<string>();
  const seen = new Map<string, string>();
  const totals: TotalLine[] = [];
  let sawCounty = false;
  let sawGap = false;

  for (const dup of header.duplicates) {
    const ind = indicators.get(dup.code);
    out.problems.push({
      county: null,
      indicator: dup.code,
      rule: 'duplicate-column',
      cell: cellAddress(header.row, dup.column),
      message: `${cellAddress(header.row, dup.column)}：${ind ? indicatorLabel(ind) : dup.code} 列重复出现`,
    });
  }

  for (const r of onlyRows ?? rowsBelow(header.row, sheet.rows.length)) {
    const labelText = cellText(cellAt(sheet, r, labelColumn)).trim();
    const labelCell = cellAddress(r, labelColumn);
    const values = new Map<number, ParsedValue>();
    for (const c of header.columns.keys())
      values.set(c, parseCell(isCovered(sheet, r, c) ? EMPTY : cellAt(sheet, r, c)));
    const allBlank = [...values.values()].every((v) => v.kind === 'blank');

    if (labelText === '' && allBlank) {
      if (sawCounty) sawGap = true;
      continue;
    }
    if (FOOTER.test(compact(firstText(sheet, r)))) break;

    const label = matchLabel(labelText);
    if (label.kind === 'total') {
      totals.push({ r, values });
      continue;
    }
    if (label.kind === 'unknown') {
      const compactLabel = compact(labelText);
      const continuation = HEADER_CONTINUATION.has(compactLabel) || stripBracketed(compactLabel) === '';
      if (!sawCounty && totals.length === 0 && continuation) continue;
      // Free text under the table after a gap or after 合计 (a signature, a note) ends it.
      if ((sawGap || totals.length > 0) && allBlank) break;
      out.problems.push({
        county: null,
        indicator: null,
        rule: 'unknown-county',
        cell: labelCell,
        message:
          labelText === ''
            ? `第${r + 1}行有数字但没有县区名称（${labelCell}）`
            : `${labelCell}：无法识别的县区“${labelText}”`,
      });
      continue;
    }

    sawCounty = true;
    const earlier = seen.get(label.code);
    if (earlier) {
      out.problems.push({
        county: label.code,
        indicator: null,
        rule: 'duplicate-county',
        cell: labelCell,
        message: `${labelCell}：${label.name} 重复出现（已在 ${earlier} 填报）`,
      });
      continue;
    }
    seen.set(label.code, labelCell);
    out.rows.push(readCountyRow(r, label, values));
  }

  checkTotals(totals);
  return out;

  function readCountyRow(
    r: number,
    label: { code: string; name: string },
    values: Map<number, ParsedValue>,
  ): ReportRow {
    const row: ReportRow = { county: label.code, values: {} };
    const blanks: { code: string; cell: string }[] = [];
    for (const [c, value] of values) {
      const code = header.columns.get(c);
      const ind = code === undefined ? undefined : indicators.get(code);
      // Values are collected only under matched header columns, so both are always found.
      if (code === undefined || ind === undefined) continue;
      const cell = cellAddress(r, c);
      const onForm = formCodes.has(code);
      const at = { county: label.code, indicator: code, cell };
      out.cells.set(`${label.code}|${code}`, cell);
      if (value.kind === 'number') {
        if (onForm) row.values[code] = value.value;
        // Another department's column (the stock columns S1–S3) is harmless while empty or zero.
        else if (value.value !== 0)
          out.problems.push({
            ...at,
            rule: 'not-on-form',
            message: `${whereIs(label.name, ind, cell)}：该指标不属于本单位报表，应由${ownersOf(ind)}填报`,
          });
      } else if (value.kind === 'blank') {
        if (onForm) {
          row.values[code] = 0;
          blanks.push({ code, cell });
        }
      } else {
        out.problems.push(valueProblem(value, at, whereIs(label.name, ind, cell)));
        out.unreadable.add(`${label.code}|${code}`);
        unreadableColumns.add(code);
      }
    }
    const first = blanks[0];
    if (first) {
      out.warnings.push({
        county: label.code,
        indicator: blanks.map((b) => b.code).join(','),
        rule: 'blank-cells',
        cell: first.cell,
        message: blankMessage(
          label.name,
          blanks.map((b) => indicators.get(b.code)?.shortName ?? b.code),
        ),
      });
    }
    return row;
  }

  function checkTotals(lines: TotalLine[]): void {
    for (const line of lines) {
      for (const [c, value] of line.values) {
        const code = header.columns.get(c);
        const ind = code === undefined ? undefined : indicators.get(code);
        if (code === undefined || ind === undefined) continue;
        const cell = cellAddress(line.r, c);
        const at = { county: null, indicator: code, cell };
        if (value.kind === 'invalid') {
          out.problems.push(valueProblem(value, at, `合计行 ${indicatorLabel(ind)} ${cell}`));
          continue;
        }
        // A blank total, or a formula saved without its result, states nothing to check against.
        if (value.kind !== 'number' || unreadableColumns.has(code)) continue;
        const sum = out.rows.reduce((s, row) => s + (row.values[code] ?? 0), 0);
        if (Math.abs(sum - value.value) > 0.005) {
          out.problems.push({
            ...at,
            rule: 'total-mismatch',
            message:
              `合计行 ${indicatorLabel(ind)} ${cell}：` +
              `合计为 ${formatter.format(value.value)}，各县区之和为 ${formatter.format(sum)}`,
          });
        }
      }
    }
  }
}

/** A rule failure found after reading (T ≠ E + K …) pointed at the cell of its county row and indicator column. */
export function locateIn(cells: Map<string, string>): (p: Problem) => Problem {
  return (p) => {
    if (p.cell || !p.county || !p.indicator) return p;
    const cell = cells.get(`${p.county}|${p.indicator}`);
    return cell ? { ...p, cell } : p;
  };
}

/** "柳南区 岗前培训(E1) D7", built only for a problem: formatting it for every cell slowed large files. */
function whereIs(county: string, ind: Parameters<typeof indicatorLabel>[0], cell: string): string {
  return `${county} ${indicatorLabel(ind)} ${cell}`;
}

function valueProblem(
  value: Exclude<ParsedValue, { kind: 'number' | 'blank' }>,
  at: Omit<Problem, 'rule' | 'message'>,
  where: string,
): Problem {
  if (value.kind === 'no-result') {
    return {
      ...at,
      rule: 'formula-without-result',
      message: `${where}：公式没有保存计算结果，请在 Excel/WPS 中打开并保存后再上传`,
    };
  }
  return { ...at, rule: 'not-a-number', message: `${where}：“${value.text}”不是有效数字` };
}

function firstText(sheet: Sheet, r: number): string {
  for (const cell of sheet.rows[r] ?? []) {
    const text = cellText(cell).trim();
    if (text) return text;
  }
  return '';
}

function* rowsBelow(headerRow: number, end: number): Generator<number> {
  for (let r = headerRow + 1; r < end; r++) yield r;
}
