import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formIndicators } from '@lz/shared/catalogue';
import { checkReportBody } from '@lz/shared/report-body';
import { buildTemplate } from '../../src/import/template';
import { catalogue, expectedRows, parse } from './helpers';

async function open(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(buffer).buffer);
  return wb.worksheets[0]!;
}

describe('buildTemplate', () => {
  it.each(['JYJ', 'RSJ'])('round-trips prefilled rows through parseReportFile (%s)', async (department) => {
    const rows = expectedRows(department);
    const xlsx = await buildTemplate({ catalogue, department, month: '2020-03', rows });
    const parsed = await parse(new Uint8Array(xlsx), department);
    expect(parsed.rows).toEqual(rows);
    expect(parsed.warnings).toEqual([]);
    // The rows are a valid report (the fixture data satisfies the hard rules).
    expect(checkReportBody({ rows: parsed.rows }, department, catalogue).errors).toEqual([]);
  });

  it('lays out an official form: title, 填报单位, 填报月份, merged groups, units, counties, 合计, footer', async () => {
    const ws = await open(await buildTemplate({ catalogue, department: 'JYJ', month: '2020-03' }));
    const form = formIndicators(catalogue, 'JYJ');
    expect(ws.getCell('A1').value).toBe('柳州市职业技能提升行动培训情况月报表');
    expect(ws.getCell('A2').value).toBe('填报单位：市教育局');
    expect(String(ws.getRow(2).values)).toContain('填报月份：2020年3月');
    expect(ws.getCell('A3').value).toBe('县（区）');
    // 企业职工培训 spans E, E1…E5 (columns C–H) in the group row.
    expect(ws.getCell('C3').value).toBe('企业职工培训');
    expect(ws.getCell('H3').isMerged && ws.getCell('H3').master.address).toBe('C3');
    expect(ws.getCell('D4').value).toBe('岗前培训\n（人次）');
    expect(ws.getRow(4).cellCount).toBe(form.length + 1);
    const counties = catalogue.units.map((_, i) => ws.getCell(5 + i, 1).value);
    expect(counties).toEqual(catalogue.units.map((u) => u.name));
    const totalRow = 5 + catalogue.units.length;
    expect(ws.getCell(totalRow, 1).value).toBe('合计');
    expect(ws.getCell(totalRow, 2).formula).toBe(`SUM(B5:B${totalRow - 1})`);
    const text = ws.getSheetValues().flat().map(String).join('\n');
    expect(text).toContain('填表人');
    expect(text).toContain('联系电话');
    expect(text).toContain('填报日期');
    expect(text).toContain('次月10日前');
  });

  it('has subtotal formulas (T = E + K, E = E1+…+E5) with cached results', async () => {
    const rows = expectedRows('JYJ');
    const ws = await open(await buildTemplate({ catalogue, department: 'JYJ', month: '2021-12', rows }));
    expect(ws.getCell('B5').formula).toBe('C5+I5');
    expect(ws.getCell('C5').formula).toBe('D5+E5+F5+G5+H5');
    expect(ws.getCell('B5').result).toBe(rows[0]!.values.T);
  });

  it('gives the stock columns only to the lead department', async () => {
    const jyj = await open(await buildTemplate({ catalogue, department: 'JYJ', month: '2020-03' }));
    const rsj = await open(await buildTemplate({ catalogue, department: 'RSJ', month: '2020-03' }));
    expect(jyj.getRow(4).cellCount).toBe(formIndicators(catalogue, 'JYJ').length + 1);
    expect(rsj.getRow(4).cellCount).toBe(formIndicators(catalogue, 'RSJ').length + 1);
    expect(String(rsj.getRow(4).values)).toContain('就业人员数');
  });

  it('uploaded back empty, reads every county as zeros with blank-cell warnings', async () => {
    const parsed = await parse(new Uint8Array(await buildTemplate({ catalogue, department: 'JYJ', month: '2020-03' })));
    expect(parsed.rows.map((r) => r.county)).toEqual(catalogue.units.map((u) => u.code));
    expect(parsed.rows.every((r) => Object.values(r.values).every((v) => v === 0))).toBe(true);
    expect(parsed.warnings).toHaveLength(catalogue.units.length);
    expect(parsed.warnings.every((w) => w.rule === 'blank-cells')).toBe(true);
  });

  it('leaves counties without a prefilled row blank', async () => {
    const rows = expectedRows('JYJ').slice(0, 2);
    const parsed = await parse(
      new Uint8Array(await buildTemplate({ catalogue, department: 'JYJ', month: '2020-03', rows })),
    );
    expect(parsed.rows.slice(0, 2)).toEqual(rows);
    expect(parsed.warnings.map((w) => w.county)).toEqual(catalogue.units.slice(2).map((u) => u.code));
  });
});
