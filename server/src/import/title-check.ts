/**
 * The title lines above the table (填报单位：市教育局 · 填报月份：2020年3月) say whose report this is and for
 * which month. A clerk who picks the wrong month in the workspace, re-uploads last month's file, or uploads
 * another department's filled template would otherwise file those figures under the wrong department or
 * month, where they count towards the targets; so a title that clearly names another department or month
 * refuses the upload (422 title_mismatch, with the cell). A title naming no month, several months (a range)
 * or no known department is not checked: many forms have none.
 */
import type { Catalogue } from '@lz/shared/catalogue';
import type { Problem } from '@lz/shared/problems';
import { cellAddress, cellAt, cellText, columnCount, type Sheet } from './grid';
import { compact } from './normalise';

export interface TitleExpectation {
  catalogue: Catalogue;
  department: string;
  /** YYYY-MM; without it the month is not checked. */
  month?: string;
}

interface Found<T> {
  value: T;
  cell: string;
}

// "2020年3月" but not the day of a date ("2020年3月8日"); "2020-03" / "2020.3" / a date cell only after a month label.
const YEAR_MONTH = /(\d{4})年(\d{1,2})月(?!\d{1,2}[日号])/gu;
const MONTH_LABEL = '(?:月份|报告期|统计期|所属期|所属月份)[:：]?';
const LABELLED_MONTH = new RegExp(
  `${MONTH_LABEL}(\\d{4})[-./](\\d{1,2})(?![\\d.])|${MONTH_LABEL}(\\d{4})[-./](\\d{1,2})[-./]\\d{1,2}`,
  'gu',
);
const UNIT_LABEL = /(?:填报单位|报送单位|填表单位|填报机关|单位名称)(?:\(盖章\))?[:：]?/u;
const NEXT_LABEL = /(?:填报月份|月份|报告期|统计期|填报日期|单位[:：]|计量单位)/u;

export function checkTitle(sheet: Sheet, headerRow: number, expect: TitleExpectation): Problem[] {
  const lines = titleLines(sheet, headerRow);
  const problems: Problem[] = [];
  const { catalogue } = expect;
  const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

  if (expect.month) {
    const months = distinct(lines.flatMap((line) => monthsIn(line)));
    const only = months.length === 1 ? months[0] : undefined;
    if (only && only.value !== expect.month) {
      problems.push({
        county: null,
        indicator: null,
        rule: 'title-month-mismatch',
        cell: only.cell,
        message:
          `${only.cell}：文件标题中的填报月份为 ${monthLabel(only.value)}，与本次报送的月份 ${monthLabel(expect.month)} ` +
          '不一致。请核对是否选错了月份或上传了其他月份的报表；如确为本月报表，请改正标题中的月份后重新上传',
      });
    }
  }

  const own = catalogue.departments.find((d) => d.code === expect.department);
  const named = distinct(lines.flatMap((line) => departmentsIn(line, catalogue)));
  const other = named.find((d) => d.value !== expect.department);
  if (own && other && !named.some((d) => d.value === expect.department)) {
    const otherName = catalogue.departments.find((d) => d.code === other.value)?.name ?? other.value;
    problems.push({
      county: null,
      indicator: null,
      rule: 'title-department-mismatch',
      cell: other.cell,
      message: `${other.cell}：文件标题中的填报单位为 ${otherName}，而本次报送的是 ${own.name} 的报表。请核对是否上传了其他单位的报表；如确为本单位报表，请改正填报单位后重新上传`,
    });
  }
  return problems;
}

interface Line {
  /** Normalised text of each filled cell of the row, with its address. */
  cells: { text: string; cell: string }[];
}

function titleLines(sheet: Sheet, headerRow: number): Line[] {
  const width = Math.min(columnCount(sheet), 60);
  const lines: Line[] = [];
  for (let r = 0; r < headerRow; r++) {
    const cells: Line['cells'] = [];
    for (let c = 0; c < width; c++) {
      // '和' is dropped so "柳州市人力资源和社会保障局" matches the catalogue's "市人力资源社会保障局".
      const text = compact(cellText(cellAt(sheet, r, c))).replace(/和/gu, '');
      if (text) cells.push({ text, cell: cellAddress(r, c) });
    }
    if (cells.length > 0) lines.push({ cells });
  }
  return lines;
}

function monthsIn(line: Line): Found<string>[] {
  const out: Found<string>[] = [];
  const add = (y: string | undefined, m: string | undefined, cell: string) => {
    const n = Number(m);
    if (y && n >= 1 && n <= 12) out.push({ value: `${y}-${String(n).padStart(2, '0')}`, cell });
  };
  line.cells.forEach(({ text, cell }, i) => {
    for (const m of text.matchAll(YEAR_MONTH)) add(m[1], m[2], cell);
    // A month label with the month in the same cell, or (a date cell, "2020-03") in the next filled cell.
    const withNext = `${text}${/(?:月份|报告期|统计期|所属期)[:：]?$/u.test(text) ? (line.cells[i + 1]?.text ?? '') : ''}`;
    const at = withNext === text ? cell : (line.cells[i + 1]?.cell ?? cell);
    for (const m of withNext.matchAll(LABELLED_MONTH)) add(m[1] ?? m[3], m[2] ?? m[4], at);
  });
  return out;
}

const SENT_TO = /(报|报送|送|抄送|上报|呈)(柳州市|柳州)?$/u;

function departmentsIn(line: Line, catalogue: Catalogue): Found<string>[] {
  // Where a 填报单位 label exists, only what follows it counts: a title may also name the lead department
  // it is sent to ("报市人社局").
  const labelled = line.cells.findIndex((c) => UNIT_LABEL.test(c.text));
  const cells = labelled >= 0 ? unitCells(line, labelled) : line.cells;
  const out: Found<string>[] = [];
  for (const { text, cell } of cells) {
    for (const d of catalogue.departments) {
      const full = compact(d.name).replace(/和/gu, '');
      const bare = full.replace(/^市/u, '');
      if (bare.length < 2) continue;
      const at = [full, bare].map((name) => text.indexOf(name)).find((i) => i >= 0);
      // Without a label, "（报柳州市人力资源社会保障局）" names where the form is sent, not who fills it.
      if (at === undefined || (labelled < 0 && SENT_TO.test(text.slice(0, at)))) continue;
      out.push({ value: d.code, cell });
    }
  }
  return out;
}

/** The text after the 填报单位 label: the rest of its cell, or the next cell when the label stands alone. */
function unitCells(line: Line, labelled: number): Line['cells'] {
  const label = line.cells[labelled];
  if (!label) return [];
  const rest = label.text.slice(label.text.search(UNIT_LABEL)).replace(UNIT_LABEL, '');
  const cut = rest.search(NEXT_LABEL);
  const own = cut >= 0 ? rest.slice(0, cut) : rest;
  if (own) return [{ text: own, cell: label.cell }];
  const next = line.cells[labelled + 1];
  return next && !NEXT_LABEL.test(next.text) ? [next] : [];
}

function distinct<T>(found: Found<T>[]): Found<T>[] {
  const seen = new Set<T>();
  return found.filter((f) => {
    if (seen.has(f.value)) return false;
    seen.add(f.value);
    return true;
  });
}
