/**
 * A sample history file built from the catalogue: the layout the history import reads (one line per
 * department × month × county, indicators by short name), with one department's first month of zeros,
 * so an office sees the columns it must fill and the file imports as it is.
 */
import { loadExcelJs } from '../../import/load-exceljs';
import { formIndicators } from '@lz/shared/catalogue';
import { addMonths } from '@lz/shared/months';
import type { Deps } from '../../deps';

export async function buildHistorySample(deps: Deps): Promise<Buffer> {
  const { catalogue } = deps;
  const { campaign } = catalogue;
  const indicators = formIndicators(catalogue, campaign.leadDepartment);
  const lead = catalogue.departments.find((d) => d.code === campaign.leadDepartment);
  const month = campaign.start;
  const filed = `${addMonths(month, 1)}-08 10:00`;
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = campaign.name;
  const ws = wb.addWorksheet('历史数据');
  ws.addRow([`${campaign.name}培训情况历史数据（样例：每行一个单位、一个月份、一个县区）`]);
  ws.addRow(['填报单位', '月份', '报送时间', '县区', ...indicators.map((i) => i.shortName)]).font = { bold: true };
  for (const unit of catalogue.units) {
    ws.addRow([lead?.name ?? campaign.leadDepartment, month, filed, unit.name, ...indicators.map(() => 0)]);
  }
  ws.getColumn(1).width = 24;
  ws.getColumn(3).width = 18;
  ws.getColumn(4).width = 20;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
