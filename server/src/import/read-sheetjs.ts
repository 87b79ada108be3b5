/**
 * .xls (Excel 97–2003, WPS) and .ods (LibreOffice) to sheets through SheetJS, under the same budget as an
 * .xlsx: SheetJS reads at most `maxRows + 1` rows of each sheet (`sheetRows`), and the ranges and cells it
 * reports are checked before any cell is converted. Dense mode keeps a row array instead of an object
 * keyed by address per cell. The reading worker's heap and time ceiling (read-pool.ts) stays on top.
 */
import * as XLSX from '@e965/xlsx';
import { badRequest, tooLarge } from '../errors';
import { MAX_MERGES_PER_SHEET, type ReadBudget } from './budgets';
import type { Cell, Sheet } from './grid';

export type SheetJsFormat = 'xls' | 'ods';

const LABEL: Record<SheetJsFormat, string> = { xls: '.xls', ods: '.ods' };

export function readSheetJs(bytes: Uint8Array, format: SheetJsFormat, budget: ReadBudget): Sheet[] {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      sheetRows: budget.maxRows + 1,
      cellDates: true,
      cellFormula: true,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/iu.test(text)) {
      throw badRequest('文件已加密（设置了打开密码），请取消密码后再上传', 'encrypted_workbook');
    }
    throw badRequest(`无法读取该 ${LABEL[format]} 文件（文件可能已损坏），请重新保存后上传`, 'corrupt_workbook');
  }
  const hidden = new Set((workbook.Workbook?.Sheets ?? []).filter((s) => (s.Hidden ?? 0) > 0).map((s) => s.name));
  let cells = 0;
  const sheets: Sheet[] = [];
  for (const name of workbook.SheetNames) {
    const ws = workbook.Sheets[name];
    // Hidden sheets hold lookup lists and old versions, not the report a person filled in.
    if (!ws || hidden.has(name)) continue;
    const full = XLSX.utils.decode_range(ws['!fullref'] ?? ws['!ref'] ?? 'A1');
    if (full.e.r + 1 > budget.maxRows) {
      throw tooLarge(`工作表“${name}”超过 ${budget.maxRows} 行，不像是月报表；请删除多余的行后重新上传`);
    }
    if (full.e.c + 1 > budget.maxColumns) {
      throw tooLarge(`工作表“${name}”超过 ${budget.maxColumns} 列，请删除多余的列后重新上传`);
    }
    const merges = ws['!merges'] ?? [];
    if (merges.length > MAX_MERGES_PER_SHEET) {
      throw tooLarge(`工作表“${name}”合并单元格过多（${merges.length} 处），请取消多余的合并后重新上传`);
    }
    const data = ws['!data'] ?? [];
    for (const row of data) cells += row ? row.length : 0;
    if (cells > budget.maxCells) throw tooLarge(`工作簿单元格过多（超过 ${budget.maxCells} 个），请只保留月报表`);
    sheets.push(toSheet(name, data, merges));
  }
  return sheets;
}

function toSheet(name: string, data: (XLSX.CellObject | undefined)[][], merges: XLSX.Range[]): Sheet {
  const rows: Cell[][] = data.map((row) => Array.from(row ?? [], (c) => toCell(c)));
  const mergedCovered = new Set<string>();
  for (const m of merges) {
    const master = rows[m.s.r]?.[m.s.c] ?? { kind: 'empty' };
    for (let r = m.s.r; r <= m.e.r; r++) {
      for (let c = m.s.c; c <= m.e.c; c++) {
        if (r === m.s.r && c === m.s.c) continue;
        // A merged header reads as its top-left text in every covered cell, as in read-xlsx.ts.
        const row = rows[r] ?? [];
        rows[r] = row;
        row[c] = master;
        mergedCovered.add(`${r},${c}`);
      }
    }
  }
  return { name, rows: Array.from(rows, (r) => Array.from(r ?? [], (c) => c ?? { kind: 'empty' })), mergedCovered };
}

function toCell(cell: XLSX.CellObject | undefined): Cell {
  if (!cell) return { kind: 'empty' };
  if (cell.f !== undefined) return { kind: 'formula', result: resultOf(cell) };
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? { kind: 'number', value: cell.v } : { kind: 'empty' };
    case 's': {
      const text = String(cell.v ?? '');
      return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: text };
    }
    case 'b':
      return { kind: 'other', text: cell.v ? 'TRUE' : 'FALSE' };
    case 'e':
      return { kind: 'other', text: cell.w ?? '#ERROR' };
    case 'd':
      return { kind: 'other', text: cell.v instanceof Date ? dateText(cell.v) : String(cell.v ?? '') };
    default:
      return { kind: 'empty' };
  }
}

function resultOf(cell: XLSX.CellObject): number | string | null {
  if (cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  if (typeof cell.v === 'number' || typeof cell.v === 'string') return cell.v;
  return cell.v instanceof Date ? dateText(cell.v) : String(cell.v);
}

/** SheetJS hands dates over as wall-clock times in UTC (as exceljs does); the time is kept only when there is one. */
function dateText(value: Date): string {
  const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
