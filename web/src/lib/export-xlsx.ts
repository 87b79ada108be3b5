/** Table → .xlsx in the browser. exceljs is loaded only when someone exports. */
import { neutraliseCell } from './sheet-safety';

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Record<string, string | number | boolean | null | undefined>[];
}

export async function exportXlsx(fileName: string, sheets: SheetSpec[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    ws.columns = sheet.columns.map((c) => ({ header: neutraliseCell(c.header), key: c.key, width: c.width ?? 14 }));
    for (const row of sheet.rows) {
      const safe: Record<string, unknown> = {};
      for (const c of sheet.columns) {
        const v = row[c.key];
        safe[c.key] =
          v === undefined || v === null ? null : neutraliseCell(typeof v === 'boolean' ? (v ? '是' : '否') : v);
      }
      ws.addRow(safe);
    }
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buffer = await book.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
