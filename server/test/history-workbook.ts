/**
 * History files as an office would assemble them from years of mailed reports, written with exceljs (a
 * title line, a header naming indicators by their short names) or as CSV text.
 */
import ExcelJS from 'exceljs';
import type { Catalogue } from '@lz/shared/catalogue';
import { formIndicators } from '@lz/shared/catalogue';
import type { ReportRow } from '@lz/shared/report-body';

export interface HistoryEntry {
  department: string;
  month: string;
  submittedAt: string;
  rows: ReportRow[];
}

/** Header and lines of a history table; departments by name, counties by name, indicators by short name. */
export function historyLines(catalogue: Catalogue, entries: HistoryEntry[]): (string | number)[][] {
  const indicators = formIndicators(catalogue, catalogue.campaign.leadDepartment);
  const header = ['填报单位', '月份', '报送时间', '县区', ...indicators.map((i) => i.shortName)];
  const lines: (string | number)[][] = [header];
  for (const e of entries) {
    const dept = catalogue.departments.find((d) => d.code === e.department)?.name ?? e.department;
    for (const row of e.rows) {
      const county = catalogue.units.find((u) => u.code === row.county)?.name ?? row.county;
      lines.push([dept, e.month, e.submittedAt, county, ...indicators.map((i) => row.values[i.code] ?? '')]);
    }
  }
  return lines;
}

export async function historyXlsx(catalogue: Catalogue, entries: HistoryEntry[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('历史数据');
  ws.addRow(['柳州市职业技能提升行动培训情况历史数据']);
  for (const line of historyLines(catalogue, entries)) ws.addRow(line);
  ws.addRow(['填表人：统计科']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function historyCsv(catalogue: Catalogue, entries: HistoryEntry[]): string {
  return historyLines(catalogue, entries)
    .map((l) => l.join(','))
    .join('\r\n');
}

export function historyForm(bytes: Uint8Array, name: string): FormData {
  const form = new FormData();
  form.append('file', new File([bytes.slice()], name));
  return form;
}
