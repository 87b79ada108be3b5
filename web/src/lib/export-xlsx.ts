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

/** What makes a workbook stand alone once it leaves the screen: what it is, as of when, and under which filters. */
export interface SheetHeading {
  title: string;
  asOf?: string | null;
  /** Each filter as label and value in full ("指标：补贴性职业技能培训（人次）"), never a code. */
  filters?: { label: string; value: string }[];
}

/** The lines written above a sheet's table: its title, the as-of date and every filter, then a blank line. */
export function headingLines(heading: SheetHeading): string[] {
  const lines = [heading.title, `数据截至：${heading.asOf ?? '最新'}`];
  for (const f of heading.filters ?? []) lines.push(`${f.label}：${f.value}`);
  return [...lines, ''];
}

export async function exportXlsx(fileName: string, sheets: SheetSpec[], heading?: SheetHeading): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    ws.columns = sheet.columns.map((c) => ({ key: c.key, width: c.width ?? 14 }));
    const lines = heading ? headingLines(heading) : [];
    for (const line of lines) ws.addRow([neutraliseCell(line)]);
    if (lines.length) ws.getRow(1).font = { bold: true, size: 14 };
    const headerRow = ws.addRow(sheet.columns.map((c) => neutraliseCell(c.header)));
    headerRow.font = { bold: true };
    for (const row of sheet.rows) {
      const safe: Record<string, unknown> = {};
      for (const c of sheet.columns) {
        const v = row[c.key];
        safe[c.key] =
          v === undefined || v === null ? null : neutraliseCell(typeof v === 'boolean' ? (v ? '是' : '否') : v);
      }
      ws.addRow(safe);
    }
    ws.views = [{ state: 'frozen', ySplit: headerRow.number }];
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
