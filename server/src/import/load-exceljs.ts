/**
 * exceljs takes about 0.3 s to load, more than the rest of the server's libraries together. It is loaded on
 * the first workbook read or written, not at start: a server that never sees an .xlsx never pays for it.
 */
import type ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

let loading: Promise<ExcelJS> | undefined;

export function loadExcelJs(): Promise<ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
