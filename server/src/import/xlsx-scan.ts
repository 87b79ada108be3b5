/**
 * The budget check of an unpacked .xlsx, before exceljs sees it. exceljs trusts every address: one
 * `<mergeCell ref="A1:XFD1048576"/>` makes it build 17 billion cells, one `<row r="2147483648">` makes every
 * row loop run two billion times, a data validation on A:XFD is expanded cell by cell. So each worksheet's
 * XML is scanned once (a regular expression over the text, no tree) for row and cell positions, merges and
 * the dimension, the shared-string table is counted, and the first element past a budget refuses the file.
 * Parts exceljs would expand but the import never reads (data validations, column formats, defined names)
 * are then removed, so they cannot cost anything whatever they say.
 */
import { strFromU8, strToU8 } from 'fflate';
import { badRequest, tooLarge } from '../errors';
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  MAX_MERGE_AREA,
  MAX_MERGED_CELLS_PER_SHEET,
  MAX_MERGES_PER_SHEET,
  MAX_REF_LENGTH,
  type ReadBudget,
} from './budgets';
import { cellAddress } from './grid';
import type { InflatedEntry } from './zip-guard';

/** As exceljs picks its parts (unanchored, see zip-guard.ts): anything it would read as a sheet is scanned. */
const WORKSHEET = /xl\/worksheets\/sheet\d+\.xml/u;
const SHARED_STRINGS = /sharedStrings/iu;
const COMMENTS = /xl\/comments\d+\.xml/u;
const WORKBOOK = 'xl/workbook.xml';

/** Elements whose position matters; an optional namespace prefix is allowed, as saxes would report it. */
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell|dimension|comment)(?=[\s/>])([^>]*)>/gu;

const fmt = (n: number) => n.toLocaleString('en-US');

interface Position {
  row: number;
  col: number;
}

/**
 * Throws 413 too_large (past a budget) or 400 corrupt_workbook (an address that is no address); returns the
 * entries exceljs may read.
 */
export function scanWorkbook(entries: InflatedEntry[], budget: ReadBudget): InflatedEntry[] {
  const names = sheetNames(entries);
  let cells = 0;
  for (const e of entries) {
    if (SHARED_STRINGS.test(e.name)) countSharedStrings(strFromU8(e.data), budget);
  }
  return entries.map((e) => {
    if (WORKSHEET.test(e.name) || COMMENTS.test(e.name)) {
      const xml = strFromU8(e.data);
      cells += scanSheet(xml, names.get(e.name) ?? e.name, budget, cells);
      return WORKSHEET.test(e.name) ? { ...e, data: strToU8(stripSheet(xml)) } : e;
    }
    if (e.name === WORKBOOK)
      return {
        ...e,
        data: strToU8(
          strFromU8(e.data).replace(/<definedNames\b[\s\S]*?<\/definedNames>|<definedNames\b[^>]*\/>/gu, ''),
        ),
      };
    return e;
  });
}

/** Returns the number of cells seen, for the workbook-wide cell budget. */
function scanSheet(xml: string, sheet: string, budget: ReadBudget, cellsBefore: number): number {
  const where = `工作表“${sheet}”`;
  const readable = `${fmt(budget.maxRows)} 行 × ${budget.maxColumns} 列`;
  let row = 0;
  let col = 0;
  let cells = 0;
  let merges = 0;
  let mergedCells = 0;
  for (const m of xml.matchAll(TAG)) {
    const [, tag, attrs = ''] = m;
    const empty = attrs.endsWith('/');
    switch (tag) {
      case 'row': {
        const r = attr(attrs, 'r');
        row = r === null ? row + 1 : rowNumber(r, where);
        if (row > EXCEL_MAX_ROWS)
          throw tooLarge(
            `${where}有第 ${fmt(row)} 行，超出 Excel 的 ${fmt(EXCEL_MAX_ROWS)} 行上限，文件不是 Excel/WPS 保存的`,
          );
        col = 0;
        break;
      }
      case 'c': {
        const r = attr(attrs, 'r');
        const p = r === null ? { row: Math.max(row, 1), col: col + 1 } : address(r, where);
        col = p.col;
        if (++cells + cellsBefore > budget.maxCells) {
          throw tooLarge(
            `工作簿单元格超过 ${fmt(budget.maxCells)} 个上限，不像是报表；请只保留报表所在的工作表、删除多余的行列后重新上传`,
          );
        }
        // A cell with only a format (self-closing) holds nothing to read; one with content past the budget is
        // refused, not cut off.
        if (!empty && (p.row > budget.maxRows || p.col > budget.maxColumns)) {
          throw tooLarge(
            `${where}的单元格 ${cellAddress(p.row - 1, p.col - 1)} 有内容，超出读取范围（${readable}）；请删除表格以外的内容后重新上传`,
          );
        }
        break;
      }
      case 'mergeCell': {
        const ref = attr(attrs, 'ref') ?? '';
        const [from, to = from] = ref.split(':');
        const a = address(from ?? '', where);
        const b = address(to ?? '', where);
        const area = (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
        const refusal = (what: string) => tooLarge(`${where}含合并单元格 ${ref}，${what}；请取消多余的合并后重新上传`);
        if (Math.max(a.row, b.row) > budget.maxRows || Math.max(a.col, b.col) > budget.maxColumns)
          throw refusal(`超出读取范围（${readable}）`);
        if (area > MAX_MERGE_AREA)
          throw refusal(`合并了 ${fmt(area)} 个单元格，超出单个合并 ${fmt(MAX_MERGE_AREA)} 个的上限`);
        if (++merges > MAX_MERGES_PER_SHEET) throw refusal(`合并单元格超过 ${MAX_MERGES_PER_SHEET} 处上限`);
        mergedCells += area;
        if (mergedCells > MAX_MERGED_CELLS_PER_SHEET)
          throw refusal(`合并单元格共超过 ${fmt(MAX_MERGED_CELLS_PER_SHEET)} 个上限`);
        break;
      }
      case 'dimension': {
        // Only a hint to readers, but a range past Excel's grid says the file was not written by Excel.
        for (const part of (attr(attrs, 'ref') ?? 'A1').split(':')) address(part, where);
        break;
      }
      case 'comment': {
        const ref = attr(attrs, 'ref');
        if (ref !== null) address(ref, where);
        break;
      }
    }
  }
  return cells;
}

/** exceljs reads `A1`, `$A$1` and lower case alike; anything else is a damaged file. */
function address(ref: string, where: string): Position {
  const m = ref.length <= MAX_REF_LENGTH ? /^\$?([A-Za-z]{1,4})\$?(\d{1,10})$/u.exec(ref) : null;
  if (!m)
    throw badRequest(
      `${where}含无效的单元格地址“${ref.slice(0, MAX_REF_LENGTH)}”，文件已损坏；请在 Excel/WPS 中重新另存为 .xlsx 后上传`,
      'corrupt_workbook',
    );
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  if (row < 1)
    throw badRequest(
      `${where}含无效的单元格地址“${ref}”，文件已损坏；请在 Excel/WPS 中重新另存为 .xlsx 后上传`,
      'corrupt_workbook',
    );
  if (row > EXCEL_MAX_ROWS || col > EXCEL_MAX_COLUMNS) {
    throw tooLarge(
      `${where}含单元格地址 ${ref}，超出 Excel 的 ${fmt(EXCEL_MAX_ROWS)} 行 × ${fmt(EXCEL_MAX_COLUMNS)} 列上限，文件不是 Excel/WPS 保存的`,
    );
  }
  return { row, col };
}

function rowNumber(r: string, where: string): number {
  if (r.length > MAX_REF_LENGTH || !/^\d+$/u.test(r) || Number(r) < 1) {
    throw badRequest(
      `${where}含无效的行号“${r.slice(0, MAX_REF_LENGTH)}”，文件已损坏；请在 Excel/WPS 中重新另存为 .xlsx 后上传`,
      'corrupt_workbook',
    );
  }
  return Number(r);
}

function countSharedStrings(xml: string, budget: ReadBudget): void {
  let n = 0;
  for (const _ of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?si(?=[\s/>])/gu)) {
    if (++n > budget.maxSharedStrings)
      throw tooLarge(
        `工作簿的文字表超过 ${fmt(budget.maxSharedStrings)} 条上限，不像是报表；请只保留报表所在的工作表后重新上传`,
      );
  }
}

const NEVER_READ = new RegExp(
  [
    String.raw`<dataValidations\b[\s\S]*?<\/dataValidations>`,
    String.raw`<dataValidations\b[^>]*\/>`,
    String.raw`<cols\b[\s\S]*?<\/cols>`,
    String.raw`<cols\b[^>]*\/>`,
  ].join('|'),
  'gu',
);

/**
 * Data validations (expanded per cell by exceljs) and column formats (one object per column up to `max`) are
 * never read.
 */
function stripSheet(xml: string): string {
  return xml.replace(NEVER_READ, '');
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'u').exec(attrs);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

/** Part name → the sheet's name as the reporter sees it on its tab, for messages. */
function sheetNames(entries: InflatedEntry[]): Map<string, string> {
  const text = (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? strFromU8(e.data) : '';
  };
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)>/gu)) {
    const id = attr(m[1] ?? '', 'Id');
    const target = attr(m[1] ?? '', 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/u, 'xl/'));
  }
  const names = new Map<string, string>();
  for (const m of text(WORKBOOK).matchAll(/<sheet\b([^>]*)>/gu)) {
    const name = attr(m[1] ?? '', 'name');
    const id = /\br:id\s*=\s*"([^"]*)"/u.exec(m[1] ?? '')?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) names.set(target, unescapeXml(name).slice(0, 64));
  }
  return names;
}

function unescapeXml(s: string): string {
  return s.replace(
    /&(lt|gt|quot|apos|amp);/gu,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '',
  );
}
