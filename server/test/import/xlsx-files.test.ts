import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dataset, expectAppError, expectedRows, fixture, parse, parseFixture, sortRows } from './helpers';

async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sheet1'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('xlsx uploads', () => {
  it('reads an openpyxl file: title lines, two-row merged header, text numbers, 合计, footer', async () => {
    const { rows, warnings } = await parseFixture('openpyxl-two-row.xlsx');
    expect(rows).toEqual(expectedRows('JYJ'));
    expect(warnings).toEqual([]);
    expect(rows.find((r) => r.county === 'BB')!.values.T).toBe(dataset.rows.BB!.T);
  });

  it('ignores the empty stock columns (S1–S3) of another department in that file', async () => {
    const { rows } = await parseFixture('openpyxl-two-row.xlsx');
    expect(Object.keys(rows[0]!.values)).not.toContain('S1');
  });

  it.each(['old-format.xls', 'report.ods'])('reads %s (LibreOffice) to the same figures as the .xlsx', async (name) => {
    const { rows, warnings, problems } = await parseFixture(name, 'RSJ');
    expect(problems).toEqual([]);
    expect(sortRows(rows)).toEqual(expectedRows('RSJ'));
    expect(warnings).toEqual([]);
  });

  it('reads formulas through the results LibreOffice cached (T, E, K and 合计 are formulas)', async () => {
    const { rows, warnings } = await parseFixture('libreoffice-formulas.xlsx', 'RSJ');
    expect(sortRows(rows)).toEqual(expectedRows('RSJ'));
    expect(warnings).toEqual([]);
    const liunan = rows.find((r) => r.county === '450204')!.values;
    expect(liunan.T).toBe(dataset.rows['450204']!.T);
    expect(liunan.S1).toBe(dataset.rows['450204']!.S1);
  });

  it('reads a county given as the number 450221 (柳江区) and names like 柳州市柳南区, 北部生态新区（阳和工业新区）', async () => {
    const { rows } = await parseFixture('libreoffice-formulas.xlsx', 'RSJ');
    expect(rows.map((r) => r.county).sort()).toEqual(Object.keys(dataset.rows).sort());
  });

  it('takes the first visible sheet holding a table: skips a 填表说明 sheet and a hidden old sheet', async () => {
    const { rows } = await parseFixture('libreoffice-multisheet.xlsx');
    expect(sortRows(rows)).toEqual(expectedRows('JYJ'));
    expect(rows.some((r) => r.values.E1 === 999)).toBe(false);
  });

  it(
    'reads a WPS-style form: 序号 column, 其中： prefixes, full-width ' +
      'brackets, 栏次 row, 总计 first, full-width digits',
    async () => {
      const { rows, warnings } = await parseFixture('wps-style.xlsx');
      expect(sortRows(rows)).toEqual(expectedRows('JYJ'));
      expect(warnings).toEqual([]);
    },
  );

  it('refuses formulas saved without results (openpyxl) with the cell of each', async () => {
    const err = await expectAppError(parseFixture('openpyxl-formulas-no-cache.xlsx'), 422, 'rules_broken');
    expect(err.details!.every((p) => p.rule === 'formula-without-result')).toBe(true);
    expect(err.details!.map((p) => p.cell)).toContain('B5');
    expect(err.details!.find((p) => p.cell === 'B5')).toMatchObject({ county: '450202', indicator: 'T' });
  });

  it('uses the cached result of formulas, and treats error results as not a number', async () => {
    const ok = await xlsx((ws) => {
      ws.addRow(['县区', 'T', 'E', 'E1']);
      ws.addRow(['城中区', { formula: 'C2', result: 8 }, { formula: 'D2', result: 8 }, 8]);
    });
    expect((await parse(ok)).rows).toEqual([{ county: '450202', values: { T: 8, E: 8, E1: 8 } }]);
    const bad = await xlsx((ws) => {
      ws.addRow(['县区', 'T', 'E', 'E1']);
      ws.addRow(['城中区', { formula: '1/0', result: { error: '#DIV/0!' } }, 0, 0]);
    });
    const err = await expectAppError(parse(bad), 422, 'rules_broken');
    expect(err.details).toEqual([
      expect.objectContaining({ rule: 'not-a-number', cell: 'B2', county: '450202', indicator: 'T' }),
    ]);
  });

  it('keeps a cached formula result of 0 (exceljs drops it from cell.value)', async () => {
    const file = await xlsx((ws) => {
      ws.addRow(['县区', 'T', 'E', 'E1']);
      ws.addRow(['城中区', { formula: 'C2', result: 0 }, { formula: 'D2', result: 0 }, 0]);
      ws.addRow(['合计', { formula: 'SUM(B2:B2)', result: 0 }, 0, 0]);
    });
    expect((await parse(file)).rows).toEqual([{ county: '450202', values: { T: 0, E: 0, E1: 0 } }]);
  });

  it('reads rich text and numbers stored as text with separators', async () => {
    const file = await xlsx((ws) => {
      ws.addRow(['县区', 'T', 'E', 'E1', 'F1']);
      ws.addRow([{ richText: [{ text: '柳州市' }, { text: '鱼峰区' }] }, ' 1,234 ', '１２３４', 1234, '12,345.60']);
    });
    expect((await parse(file)).rows).toEqual([
      { county: '450203', values: { T: 1234, E: 1234, E1: 1234, F1: 12345.6 } },
    ]);
  });

  it('finds no table in a workbook without one', async () => {
    const file = await xlsx((ws) => {
      ws.addRow(['会议通知']);
      ws.addRow(['请各单位按时报送。']);
    });
    await expectAppError(parse(file), 400, 'no_table_found');
  });

  it('reads the same figures from every writer', async () => {
    const files = [
      'gbk.csv',
      'utf8-bom.csv',
      'utf8-quirks.csv',
      'openpyxl-two-row.xlsx',
      'libreoffice-multisheet.xlsx',
      'wps-style.xlsx',
    ];
    for (const name of files) {
      const { rows } = await parse(fixture(name), 'JYJ', name);
      expect(sortRows(rows), name).toEqual(expectedRows('JYJ'));
    }
  });
});
