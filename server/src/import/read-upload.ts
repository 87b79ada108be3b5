/**
 * An uploaded file's bytes to sheets, under a budget: what runs inside the reading worker (read-worker.mjs
 * loads this module), so everything here must take and return structured-cloneable values only. Refuses
 * what is not a spreadsheet with a 4xx naming what the file is.
 */
import { badRequest } from '../errors';
import type { ReadBudget } from './budgets';
import { parseCsv } from './csv';
import { decodeText } from './decode-text';
import type { Sheet } from './grid';
import { readSheetJs } from './read-sheetjs';
import { readXlsxSheets } from './read-xlsx';
import { isEncryptedOle2, sniffFile } from './sniff';
import { guardZip } from './zip-guard';

const SAVE_AS_XLSX = '请上传 .xlsx、.xls、.ods 或 .csv 格式的报表';

export async function readUpload(bytes: Uint8Array, fileName: string, budget: ReadBudget): Promise<Sheet[]> {
  const name = `“${fileName}”`;
  switch (sniffFile(bytes)) {
    case 'empty':
      throw badRequest(`${name}是空文件`, 'not_a_spreadsheet');
    case 'binary':
      throw badRequest(`${name}不是电子表格（可能是 PDF 或图片），${SAVE_AS_XLSX}`, 'not_a_spreadsheet');
    case 'ole2':
      // Both a password-protected .xlsx and a pre-2007 .xls are OLE2 containers; SheetJS reads the .xls and
      // refuses a password-protected one (read-sheetjs.ts).
      if (isEncryptedOle2(bytes)) {
        throw badRequest('文件已加密（设置了打开密码），请取消密码后再上传', 'encrypted_workbook');
      }
      return readSheetJs(bytes, 'xls', budget);
    case 'zip': {
      const entries = guardZip(bytes);
      const names = new Set(entries.map((e) => e.name));
      if (names.has('content.xml') && names.has('mimetype')) {
        if (!entries.some((e) => e.name === 'mimetype' && isOdsMimetype(e.data))) {
          throw badRequest(`${name}是 OpenDocument 文件，但不是电子表格，${SAVE_AS_XLSX}`, 'not_a_spreadsheet');
        }
        return readSheetJs(bytes, 'ods', budget);
      }
      if (!names.has('xl/workbook.xml')) {
        throw badRequest(`${name}是压缩包，但不是 Excel 工作簿，${SAVE_AS_XLSX}`, 'not_a_spreadsheet');
      }
      return readXlsxSheets(entries, budget);
    }
    case 'text': {
      const text = decodeText(bytes);
      // Many systems export an HTML table or Excel 2003 XML and name it .xls; Excel opens it, we cannot.
      // (trimStart, not /^\s*</: four million leading newlines took a regular expression 300 ms.)
      if (text.trimStart().startsWith('<')) {
        throw badRequest(
          `${name}是网页或 XML 格式的表格，请在 Excel/WPS 中打开后另存为 .xlsx 再上传`,
          'not_a_spreadsheet',
        );
      }
      return [parseCsv(text, 'CSV', budget)];
    }
  }
}

function isOdsMimetype(data: Uint8Array): boolean {
  return new TextDecoder().decode(data).trim() === 'application/vnd.oasis.opendocument.spreadsheet';
}
