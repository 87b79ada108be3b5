/**
 * A history file: many monthly reports in one long table, what the statistics office has when it moves
 * years of Excel-by-mail records into the platform. Each line is one county of one department's month,
 * with three columns beside the indicators: 填报单位 (department by code or name), 月份 and 报送时间 (when
 * the paper or e-mailed report arrived, so timeliness can be judged). Lines are grouped by department ×
 * month and every group is read by the same `readTable` as a single monthly form, so a number, a blank
 * cell or an unknown county means exactly what it means in a monthly upload.
 *
 * @example
 * 填报单位 | 月份    | 报送时间          | 县区   | 补贴性培训合计 | 企业职工培训小计 | …
 * RSJ      | 2020-03 | 2020-04-08 10:20 | 城中区 | 120            | 80               | …
 */
import type { Catalogue } from '@lz/shared/catalogue';
import { isMonth } from '@lz/shared/months';
import type { Problem } from '@lz/shared/problems';
import type { ReportRow } from '@lz/shared/report-body';
import { instantOfWallClock } from '@lz/shared/zoned-time';
import { AppError, badRequest, tooLarge, tooManyProblems } from '../errors';
import { MONTHLY_BUDGET, type ReadBudget } from './budgets';
import { locateTable } from './find-table';
import { cellAddress, cellAt, cellText, type Sheet } from './grid';
import { buildLabelMatcher, type LabelMatcher } from './match-county';
import { buildHeaderIndex } from './match-header';
import { compact, stripBracketed } from './normalise';
import { readSheets } from './parse-report-file';
import type { WorkerPool } from './read-pool';
import { locateIn, readTable } from './read-table';
import { sniffFile } from './sniff';
import { sheetXmlBytes } from './zip-guard';

/** 29 months × 21 departments × 12 counties is 7,308 lines; the caps leave room for a second campaign. */
export const MAX_HISTORY_BYTES = 20 * 1024 * 1024;
export const MAX_HISTORY_ROWS = 20_000;
/**
 * exceljs holds the whole workbook in memory and blocks the server while it reads (46 MB of sheet XML took
 * 12 s and 1 GB). 16 MiB is about 10,000 lines of 36 cells — three years of a city — and about 4 s; larger
 * history goes in as CSV (20,000 lines parse in well under a second) or split by year.
 */
export const MAX_HISTORY_SHEET_XML_BYTES = 16 * 1024 * 1024;
/** What the reader may hold of a history file: the row cap plus title lines, and cells to match 16 MiB of XML. */
export const HISTORY_BUDGET: ReadBudget = {
  ...MONTHLY_BUDGET,
  maxRows: MAX_HISTORY_ROWS + 50,
  maxCells: 1_000_000,
  maxSharedStrings: 1_000_000,
};

export interface HistoryReport {
  department: string;
  month: string;
  /** ISO 8601 instant. */
  submittedAt: string;
  rows: ReportRow[];
  warnings: Problem[];
  /** What is wrong with its cells (text in a number cell, a wrong 合计 …), refused together with its rules. */
  problems: Problem[];
  /** "county|indicator" of unreadable cells, exempt from the column relations. */
  unreadable: ReadonlySet<string>;
  /** Adds the file's cell to a problem found later by the report rules. */
  locate: (p: Problem) => Problem;
  /** 1-based line numbers in the file, for messages. */
  firstLine: number;
  /** The 填报单位, 月份 and 报送时间 cells of the report's first line, where a refusal of the whole report points. */
  metaCells: { department: string; month: string; submittedAt: string };
}

const META: Record<'department' | 'month' | 'submittedAt', RegExp> = {
  department: /^(填报|报送|责任)?(单位|部门)(名称|代码)?$/u,
  month: /^(填报|报表|统计|报告)?(月份|年月|期别|所属月份)$/u,
  submittedAt: /^(报送|提交|上报|收到|收文)(时间|日期)$/u,
};
const META_LABELS = { department: '填报单位', month: '月份', submittedAt: '报送时间' } as const;

/** Throws only `AppError`: 400 (unreadable file, missing column), 413, 422 (every problem of every report). */
export async function parseHistoryFile(input: {
  bytes: Uint8Array;
  fileName: string;
  catalogue: Catalogue;
  pool?: WorkerPool;
}): Promise<HistoryReport[]> {
  try {
    return await parse(input);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badRequest('无法读取该文件，请在 Excel/WPS 中另存为 .xlsx 后重新上传', 'corrupt_workbook');
  }
}

async function parse({
  bytes,
  fileName,
  catalogue,
  pool,
}: {
  bytes: Uint8Array;
  fileName: string;
  catalogue: Catalogue;
  pool?: WorkerPool;
}): Promise<HistoryReport[]> {
  if (bytes.length > MAX_HISTORY_BYTES)
    throw tooLarge(`文件超过 ${MAX_HISTORY_BYTES / 1024 / 1024} MB 上限，请按年度拆分后导入`);
  const cellXml = sniffFile(bytes) === 'zip' ? sheetXmlBytes(bytes) : 0;
  if (cellXml > MAX_HISTORY_SHEET_XML_BYTES) {
    const sizes = `解压后约 ${Math.ceil(cellXml / 1024 / 1024)} MB，上限 ${MAX_HISTORY_SHEET_XML_BYTES / 1024 / 1024} MB`;
    throw tooLarge(`工作簿内容过多（${sizes}），请按年度拆分，或另存为 CSV 后导入`);
  }
  const sheets = await readSheets(bytes, fileName, HISTORY_BUDGET, pool);
  const headerIndex = buildHeaderIndex(catalogue);
  const matchLabel = buildLabelMatcher(catalogue);
  const withTables = sheets.filter((sheet) => locateTable(sheet, headerIndex, matchLabel) !== null);
  // A workbook with a sheet per year would otherwise import its first sheet only and call that the whole file.
  if (withTables.length > 1) {
    throw badRequest(
      `文件中有 ${withTables.length} 个工作表含报表（${withTables.map((s) => `“${s.name}”`).join('、')}），请合并到一个工作表，或每个工作表分别存为文件后导入`,
      'history_many_sheets',
    );
  }
  for (const sheet of sheets) {
    const table = locateTable(sheet, headerIndex, matchLabel);
    if (!table) continue;
    if (sheet.rows.length > MAX_HISTORY_ROWS + table.header.row + 1) {
      throw tooLarge(`文件超过 ${MAX_HISTORY_ROWS.toLocaleString('en-US')} 行，请按年度拆分后导入`);
    }
    const meta = findMetaColumns(sheet, table.header.row);
    const problems: Problem[] = [];
    const groups = groupLines(sheet, table.header.row, table.labelColumn, meta, catalogue, matchLabel, problems);
    const reports: HistoryReport[] = [];
    const cellProblems: Problem[] = [];
    for (const g of groups.values()) {
      const where = `${departmentName(catalogue, g.department)} ${g.month}`;
      const content = readTable(table, matchLabel, catalogue, g.department, g.lines);
      cellProblems.push(...content.problems.map((p) => ({ ...p, message: `${where}：${p.message}` })));
      reports.push({
        problems: content.problems,
        unreadable: content.unreadable,
        department: g.department,
        month: g.month,
        submittedAt: g.submittedAt,
        rows: content.rows,
        warnings: content.warnings,
        locate: locateIn(content.cells),
        firstLine: (g.lines[0] ?? 0) + 1,
        metaCells: {
          department: cellAddress(g.lines[0] ?? 0, meta.department),
          month: cellAddress(g.lines[0] ?? 0, meta.month),
          submittedAt: cellAddress(g.lines[0] ?? 0, meta.submittedAt),
        },
      });
    }
    // Lines that cannot be placed refuse the file here, with every cell problem; otherwise each report's cell
    // problems are refused by the import together with its rules, so one answer lists everything.
    if (problems.length > 0) {
      throw tooManyProblems([...problems, ...cellProblems], (count) => `文件中有 ${count}，未导入任何数据`);
    }
    if (reports.length === 0) throw badRequest('表中没有数据行', 'no_table_found');
    return reports;
  }
  throw badRequest(
    '文件中没有找到报表：表头应有“填报单位”“月份”“报送时间”“县区”列和指标名称或代码（如“补贴性培训合计”或 T、E1）',
    'no_table_found',
  );
}

type MetaColumns = Record<keyof typeof META, number>;

function findMetaColumns(sheet: Sheet, headerRow: number): MetaColumns {
  const found: Partial<MetaColumns> = {};
  // A two-row header puts these one-line names in the upper line (merged down, or not merged in CSV).
  for (const r of [headerRow, headerRow - 1]) {
    if (r < 0) continue;
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const text = stripBracketed(compact(cellText(cell)));
      for (const key of Object.keys(META) as (keyof MetaColumns)[]) {
        if (found[key] === undefined && META[key].test(text)) found[key] = c;
      }
    });
  }
  const missing = (Object.keys(META) as (keyof MetaColumns)[]).filter((k) => found[k] === undefined);
  if (missing.length > 0) {
    throw badRequest(
      `历史数据表缺少“${missing.map((k) => META_LABELS[k]).join('”“')}”列：每行须写明填报单位、月份和报送时间（用于判定是否按时报送）`,
      'history_columns_missing',
    );
  }
  return found as MetaColumns;
}

interface Group {
  department: string;
  month: string;
  submittedAt: string;
  /** As typed on the group's first line, to quote back. */
  submittedAtText: string;
  lines: number[];
}

function groupLines(
  sheet: Sheet,
  headerRow: number,
  labelColumn: number,
  meta: MetaColumns,
  catalogue: Catalogue,
  matchLabel: LabelMatcher,
  problems: Problem[],
): Map<string, Group> {
  const departments = departmentMatcher(catalogue);
  const groups = new Map<string, Group>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (row.every((cell) => cellText(cell).trim() === '')) continue;
    const text = (c: number) => cellText(cellAt(sheet, r, c)).trim();
    const deptText = text(meta.department);
    const monthText = text(meta.month);
    const atText = text(meta.submittedAt);
    // A note or signature under the table ("填表人：…") fills no month, time or county.
    if (monthText === '' && atText === '' && text(labelColumn) === '') continue;
    if (deptText === '' && monthText === '') {
      // A 合计 line between groups is a subtotal the office kept; it is not a report line.
      if (matchLabel(text(labelColumn)).kind !== 'total')
        problems.push(lineProblem(r, meta.department, `第${r + 1}行没有填报单位和月份`));
      continue;
    }
    const department = departments(deptText);
    const month = parseMonth(monthText);
    const at = parseInstant(atText, catalogue.campaign.timeZone);
    if (!department)
      problems.push(
        lineProblem(r, meta.department, `${cellAddress(r, meta.department)}：无法识别的填报单位“${deptText}”`),
      );
    if (!month)
      problems.push(
        lineProblem(
          r,
          meta.month,
          `${cellAddress(r, meta.month)}：无法识别的月份“${monthText}”，应写为 2020-03 或 2020年3月${serialHint(monthText)}`,
        ),
      );
    if (!at)
      problems.push(
        lineProblem(
          r,
          meta.submittedAt,
          `${cellAddress(r, meta.submittedAt)}：无法识别的报送时间“${atText}”，` +
            `应写为 2020-04-08 或 2020-04-08 10:20${serialHint(atText)}`,
        ),
      );
    if (!department || !month || !at) continue;
    const key = `${department}/${month}`;
    const group = groups.get(key);
    if (!group) {
      // A month may be filed once it has begun ("Which months may be filed"), never before; said once per report.
      if (at < monthStart(month, catalogue.campaign.timeZone)) {
        problems.push(
          lineProblem(
            r,
            meta.submittedAt,
            `${cellAddress(r, meta.submittedAt)}：报送时间“${atText}”早于 ${month} 月初，月份尚未开始不能报送，请核对月份或报送时间`,
          ),
        );
      }
      groups.set(key, { department, month, submittedAt: at, submittedAtText: atText, lines: [r] });
    } else if (group.submittedAt !== at) {
      problems.push(
        lineProblem(
          r,
          meta.submittedAt,
          `${cellAddress(r, meta.submittedAt)}：同一单位同一月份的报送时间应相同` +
            `（第${(group.lines[0] ?? 0) + 1}行为“${group.submittedAtText}”）`,
        ),
      );
    } else group.lines.push(r);
  }
  return groups;
}

/**
 * A date cell whose format was cleared shows its Excel serial number (43929.5). It is refused rather than
 * read: the same digits typed as a count or an ID would otherwise become a date nobody wrote.
 */
function serialHint(text: string): string {
  return /^\d{5}(\.\d+)?$/u.test(text)
    ? '（这像是未设置日期格式的 Excel 日期序列号，请将该列设为日期格式后另存再导入）'
    : '';
}

function monthStart(month: string, timeZone: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return instantOfWallClock({ year, month: m, day: 1, hour: 0, minute: 0, second: 0 }, timeZone).toISOString();
}

function lineProblem(r: number, c: number, message: string): Problem {
  return { county: null, indicator: null, rule: 'history-line', cell: cellAddress(r, c), message };
}

function departmentName(catalogue: Catalogue, code: string): string {
  return catalogue.departments.find((d) => d.code === code)?.name ?? code;
}

/** A department by code (any case), full name, or name without the 市 prefix ("人力资源社会保障局"). */
function departmentMatcher(catalogue: Catalogue): (text: string) => string | null {
  const index = new Map<string, string>();
  for (const d of catalogue.departments) {
    for (const label of [
      d.code,
      d.name,
      d.name.replace(/^市/u, ''),
      `${catalogue.campaign.city}${d.name.replace(/^市/u, '')}`,
    ]) {
      index.set(compact(label).toLowerCase(), d.code);
    }
  }
  return (text) => index.get(compact(text).toLowerCase()) ?? null;
}

/** "2020-03", "2020/3", "2020.03", "2020年3月", "202003", or a date cell of that month ("2020-03-01"). */
export function parseMonth(text: string): string | null {
  const t = compact(text);
  const m = /^(\d{4})(?:[-/.年](\d{1,2})月?(?:[-/.]\d{1,2}日?)?|(\d{2}))$/u.exec(t);
  if (!m) return null;
  const month = `${m[1]}-${(m[2] ?? m[3] ?? '').padStart(2, '0')}`;
  return isMonth(month) ? month : null;
}

/**
 * "2020-04-08", "2020/4/8 10:20", "2020年4月8日", an ISO 8601 instant with offset, or a date cell.
 * A wall-clock time is read in the campaign's zone; a date without a time means noon that day, which
 * judges timeliness by the date alone (the deadline is the end of a day).
 */
export function parseInstant(text: string, timeZone: string): string | null {
  const t = text.normalize('NFKC').trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/u.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?秒?)?$/u.exec(
    t,
  );
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = m[4] === undefined ? [12, 0, 0] : [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const instant = instantOfWallClock({ year, month, day, hour, minute, second }, timeZone);
  // 2020-02-30 would roll over into March; a date that does not exist is a typo, not a date.
  const back = new Date(Date.UTC(year, month - 1, day));
  if (back.getUTCMonth() !== month - 1) return null;
  return instant.toISOString();
}
