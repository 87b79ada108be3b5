/**
 * .xlsx to sheets through exceljs, whichever program wrote it (Excel, WPS, LibreOffice). Only the values a
 * reporter sees are kept: cached formula results, merged header text, rich text joined.
 */
import type { Cell as ExcelCell, Worksheet } from 'exceljs';
import { zipSync } from 'fflate';
import { badRequest } from '../errors';
import { MONTHLY_BUDGET, type ReadBudget } from './budgets';
import { loadExcelJs } from './load-exceljs';
import type { Cell, Sheet } from './grid';
import { scanWorkbook } from './xlsx-scan';
import type { InflatedEntry } from './zip-guard';

/** `entries` as `guardZip` unpacked and checked them; they are scanned against `budget` before exceljs reads any. */
export async function readXlsxSheets(entries: InflatedEntry[], budget: ReadBudget = MONTHLY_BUDGET): Promise<Sheet[]> {
  const parts = scanWorkbook(entries, budget);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    // Stored, not deflated: the parts were inflated once already and exceljs only needs to find them.
    const zip = zipSync(Object.fromEntries(parts.map((e) => [e.name, e.data])), { level: 0 });
    // exceljs types its input as an ArrayBuffer-like "Buffer"; the fresh zip's ArrayBuffer satisfies it and JSZip.
    await workbook.xlsx.load(zip.buffer as ArrayBuffer);
  } catch {
    // exceljs throws plain Errors (and sometimes strings) from its XML and zip layers; none may leave.
    throw badRequest(
      '无法读取该 .xlsx 文件（文件可能已损坏），请在 Excel/WPS 中重新另存为 .xlsx 后上传',
      'corrupt_workbook',
    );
  }
  // Hidden sheets hold lookup lists and old versions, not the report a person filled in.
  return workbook.worksheets
    .filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden')
    .map((ws) => toSheet(ws, budget, ExcelJS.ValueType.Formula));
}

/** `formula`: exceljs's ValueType.Formula, from the module loaded on demand. */
function toSheet(ws: Worksheet, { maxRows, maxColumns }: ReadBudget, formula: number): Sheet {
  const rows: Cell[][] = [];
  const mergedCovered = new Set<string>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // Only format-only cells lie past the budget by now (xlsx-scan refuses content there).
    if (rowNumber > maxRows) return;
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (colNumber > maxColumns) return;
      const covered = cell.isMerged && cell.master.address !== cell.address;
      if (covered) mergedCovered.add(`${rowNumber - 1},${colNumber - 1}`);
      cells[colNumber - 1] = toCell(covered ? cell.master : cell, formula);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? { kind: 'empty' });
  });
  return { name: ws.name, rows: Array.from(rows, (r) => r ?? []), mergedCovered };
}

function toCell(cell: ExcelCell, formula: number): Cell {
  // `cell.value` of a formula drops a cached result of 0 (exceljs copies only truthy fields); `cell.result` keeps it.
  if (cell.type === formula) return { kind: 'formula', result: toResult(cell.result) };
  const value = cell.value;
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'other', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'other', text: dateText(value) };
  if ('formula' in value || 'sharedFormula' in value) return { kind: 'formula', result: toResult(cell.result) };
  if ('richText' in value) return textCell(value.richText.map((part) => part.text).join(''));
  if ('error' in value) return { kind: 'other', text: String(value.error) };
  if ('text' in value && typeof value.text === 'string') return textCell(value.text);
  return { kind: 'other', text: '' };
}

function textCell(text: string): Cell {
  return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: text };
}

function toResult(result: unknown): number | string | null {
  if (result === null || result === undefined) return null;
  if (typeof result === 'number' || typeof result === 'string') return result;
  if (typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
  // A date or boolean result is no count; its text makes the not-a-number message readable.
  return result instanceof Date ? result.toISOString().slice(0, 10) : String(result);
}

/** Excel stores wall-clock dates; exceljs hands them over as UTC. The time is kept only when there is one. */
function dateText(value: Date): string {
  // A serial day fraction (43960.6979166667) can land a millisecond short of the minute typed.
  const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
