/**
 * An uploaded monthly report (.xlsx or .csv) to report rows keyed by county and indicator codes. The file
 * is whatever a department's clerk made in Excel, WPS or LibreOffice, so the importer finds the table
 * itself; hard rules (T = E + K …) are checked afterwards by `checkReportBody`, not here.
 *
 * @example
 * const { rows, warnings } = await parseReportFile({
 *   bytes, fileName: 'JYJ-2020-03.xlsx', department: 'JYJ', catalogue,
 * });
 */
import type { Catalogue } from '@lz/shared/catalogue';
import type { Problem } from '@lz/shared/problems';
import type { ReportRow } from '@lz/shared/report-body';
import { AppError, badRequest, tooLarge } from '../errors';
import { MONTHLY_BUDGET, type ReadBudget } from './budgets';
import { locateTable } from './find-table';
import type { Sheet } from './grid';
import { buildLabelMatcher } from './match-county';
import { buildHeaderIndex } from './match-header';
import { locateIn, readTable } from './read-table';
import { readSheetsIsolated } from './read-isolated';
import type { WorkerPool } from './read-pool';
import { checkTitle } from './title-check';
import { sniffFile } from './sniff';
import { sheetXmlBytes } from './zip-guard';

/** Uploads larger than this are refused before any parsing; a real monthly form is well under 100 KiB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/**
 * exceljs builds an object per cell of every sheet: 46 MB of worksheet XML (a 4 MB upload of plain cells,
 * inside every zip limit) blocked the event loop for 12 s and took 1 GB of memory. A monthly form is a few
 * dozen KiB of sheet XML; 4 MiB (about 1 s) leaves room for a roster sheet kept in the same workbook.
 */
export const MAX_SHEET_XML_BYTES = 4 * 1024 * 1024;

export interface ParseReportFileInput {
  bytes: Uint8Array;
  fileName: string;
  department: string;
  catalogue: Catalogue;
  /** YYYY-MM the upload is filed for; when given, a title naming another month refuses the file. */
  month?: string;
  /** The reading workers (tests pass their own); the process's shared pool when absent. */
  pool?: WorkerPool;
}

export interface ParsedReportFile {
  rows: ReportRow[];
  warnings: Problem[];
  /** What is wrong with the file's cells (text in a number cell, a wrong 合计 …), reported with the rules. */
  problems: Problem[];
  /** "county|indicator" of unreadable cells, exempt from the column relations. */
  unreadable: ReadonlySet<string>;
  /** Adds the file's cell to a problem found later by the report rules. */
  locate: (p: Problem) => Problem;
}

/**
 * Throws only `AppError`: 400 (not_a_spreadsheet, encrypted_workbook, corrupt_workbook, no_table_found), 413
 * (a size or budget), 422 (title_mismatch, file_too_complex), 503 busy (every reader occupied). Problems of
 * single cells are returned in `problems`, to be refused together with the report rules' by `submitReport`.
 */
export async function parseReportFile(input: ParseReportFileInput): Promise<ParsedReportFile> {
  try {
    return await parse(input);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // A parser bug or an exotic file must still answer as a refused upload, never as a 500 with a stack.
    throw badRequest('无法读取该文件，请在 Excel/WPS 中另存为 .xlsx 后重新上传', 'corrupt_workbook');
  }
}

async function parse({
  bytes,
  fileName,
  department,
  catalogue,
  month,
  pool,
}: ParseReportFileInput): Promise<ParsedReportFile> {
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw tooLarge(`文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，月报表不应这么大`);
  const cellXml = sniffFile(bytes) === 'zip' ? sheetXmlBytes(bytes) : 0;
  if (cellXml > MAX_SHEET_XML_BYTES) {
    const sizes = `解压后约 ${Math.ceil(cellXml / 1024 / 1024)} MB，上限 ${MAX_SHEET_XML_BYTES / 1024 / 1024} MB`;
    throw tooLarge(`工作表内容过多（${sizes}），不像是月报表；请只保留月报表所在的工作表、删除多余的行列后重新上传`);
  }
  const sheets = await readSheets(bytes, fileName, MONTHLY_BUDGET, pool);
  const headerIndex = buildHeaderIndex(catalogue);
  const matchLabel = buildLabelMatcher(catalogue);
  for (const sheet of sheets) {
    const table = locateTable(sheet, headerIndex, matchLabel);
    if (!table) continue;
    // The first sheet holding a recognisable table is the report; 填表说明 sheets before it are skipped.
    const title = checkTitle(sheet, table.header.row, { catalogue, department, month });
    if (title.length > 0) {
      throw new AppError(
        422,
        'title_mismatch',
        title.map((p) => p.message.replace(/^[A-Z]+\d+：/u, '')).join('；'),
        title,
      );
    }
    const content = readTable(table, matchLabel, catalogue, department);
    return {
      rows: content.rows,
      warnings: content.warnings,
      problems: content.problems,
      unreadable: content.unreadable,
      locate: locateIn(content.cells),
    };
  }
  throw badRequest(
    '文件中没有找到报表：表头应写指标名称或代码（如“补贴性培训合计”“岗前培训”或 T、E1），每行第一列写县区名称',
    'no_table_found',
  );
}

/**
 * The sheets of an uploaded .xlsx or .csv, read in the reading worker under `budget`; refuses everything
 * else with a 4xx naming what the file is (read-upload.ts), and a file too costly to read with a 4xx naming the limit.
 */
export function readSheets(
  bytes: Uint8Array,
  fileName: string,
  budget: ReadBudget = MONTHLY_BUDGET,
  pool?: WorkerPool,
): Promise<Sheet[]> {
  return readSheetsIsolated(bytes, fileName, budget, pool);
}
