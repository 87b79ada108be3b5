/**
 * Uploads that used to be stored, or to tie the server up, and must not: a title naming another month or
 * another department (last month's file re-uploaded, or another unit's filled template), and an .xlsx
 * whose few MB unpack into tens of MB of cells. Each is a clear 4xx and writes nothing.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@lz/shared/api/errors';
import { formIndicators } from '@lz/shared/catalogue';
import { reportVersionSchema } from '@lz/shared/api/reports';
import { buildTemplate } from '../src/import/template';
import { body, makeTestApp, tableCounts } from './test-app';
import { minimalWorkbook } from './import/minimal-workbook';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

function formOf(bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  return form;
}

async function template(t: TestApp, department: string, month: string, k = 1) {
  return new Uint8Array(
    await buildTemplate({ catalogue: t.deps.catalogue, department, month, rows: body(t.deps, k).rows }),
  );
}

/** A plain sheet by indicator codes with the month as a date cell beside a 填报月份 label (Excel's date type). */
async function withDateMonth(t: TestApp, department: string, monthStart: Date) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('月报');
  const codes = formIndicators(t.deps.catalogue, department).map((i) => i.code);
  ws.addRow(['柳州市职业技能提升行动培训情况月报表']);
  ws.addRow(['填报月份', monthStart]);
  ws.addRow(['县区', ...codes]);
  for (const row of body(t.deps).rows)
    ws.addRow([row.county, ...codes.map((c) => row.values[c as keyof typeof row.values] ?? 0)]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function expectRefused(t: TestApp, res: Response, status: number, code: string, before: Record<string, number>) {
  expect(res.status, await res.clone().text()).toBe(status);
  const err = apiErrorSchema.parse(await res.json()).error;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(/[\u4e00-\u9fa5]/u);
  expect(await tableCounts(t.deps)).toEqual(before);
  return err;
}

describe('the title lines must agree with the department and month uploaded for', () => {
  it(
    'last month’s filled form uploaded for this month is a 422 ' + 'title_mismatch naming both months and the cell',
    async () => {
      const t = await makeTestApp('2020-12-05T10:00:00+08:00');
      const admin = await t.login('admin');
      const before = await tableCounts(t.deps);
      const res = await admin.post(
        '/api/reports/JYJ/2020-11/file',
        formOf(await template(t, 'JYJ', '2020-10'), 'JYJ-2020-10.xlsx'),
      );
      const err = await expectRefused(t, res, 422, 'title_mismatch', before);
      expect(err.message).toContain('2020年10月');
      expect(err.message).toContain('2020年11月');
      expect(err.details?.[0]).toMatchObject({
        rule: 'title-month-mismatch',
        cell: expect.stringMatching(/^[A-Z]+2$/u),
      });
      // The same file for its own month is accepted.
      expect(
        (await admin.post('/api/reports/JYJ/2020-10/file', formOf(await template(t, 'JYJ', '2020-10'), 'x.xlsx')))
          .status,
      ).toBe(201);
    },
  );

  it('a month given as a date cell is read as that month', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const before = await tableCounts(t.deps);
    const wrong = await admin.post(
      '/api/reports/JYJ/2020-11/file',
      formOf(await withDateMonth(t, 'JYJ', new Date(Date.UTC(2020, 9, 1))), 'd.xlsx'),
    );
    await expectRefused(t, wrong, 422, 'title_mismatch', before);
    const right = await admin.post(
      '/api/reports/JYJ/2020-11/file',
      formOf(await withDateMonth(t, 'JYJ', new Date(Date.UTC(2020, 10, 1))), 'd.xlsx'),
    );
    expect(right.status, await right.clone().text()).toBe(201);
  });

  it('another department’s filled template is refused, for its reporter and for the admin alike', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const clients = [await t.login('gxj'), await t.login('admin')];
    const before = await tableCounts(t.deps);
    for (const client of clients) {
      const res = await client.post(
        '/api/reports/GXJ/2020-11/file',
        formOf(await template(t, 'JYJ', '2020-11'), 'JYJ-2020-11.xlsx'),
      );
      const err = await expectRefused(t, res, 422, 'title_mismatch', before);
      expect(err.message).toContain('市教育局');
      expect(err.message).toContain('市工业和信息化局');
      expect(err.details?.[0]).toMatchObject({ rule: 'title-department-mismatch', cell: 'A2' });
    }
    expect(await tableCounts(t.deps)).toEqual(before);
    const own = await clients[0]!.post(
      '/api/reports/GXJ/2020-11/file',
      formOf(await template(t, 'GXJ', '2020-11'), 'GXJ.xlsx'),
    );
    expect(own.status).toBe(201);
  });

  it('a title naming no month, or a range of months, is not checked', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const codes = formIndicators(t.deps.catalogue, 'JYJ').map((i) => i.code);
    const lines = [
      '柳州市职业技能提升行动（2019年8月—2021年12月）培训情况月报表',
      '填报单位：柳州市教育局,填报日期：2020年12月3日',
      ['县区', ...codes].join(','),
      ...body(t.deps).rows.map((r) =>
        [r.county, ...codes.map((c) => r.values[c as keyof typeof r.values] ?? 0)].join(','),
      ),
    ];
    const res = await admin.post(
      '/api/reports/JYJ/2020-11/file',
      formOf(new TextEncoder().encode(lines.join('\r\n')), 'r.csv'),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    expect(reportVersionSchema.parse(await res.json()).totals.T).toBe(30 * t.deps.catalogue.units.length);
  });
});

describe('an .xlsx whose cells unpack far beyond a monthly form', () => {
  it('is a 413 before exceljs builds its cells, and writes nothing', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const before = await tableCounts(t.deps);
    // ~8 MB of plain numeric cells compress to well under the 5 MB upload limit and 200× ratio.
    const rows: string[] = [];
    for (let r = 1; r <= 52_000; r++) {
      rows.push(
        `<row ` +
          `r="${r}">${['A', 'B', 'C', 'D', 'E'].map((c, i) => `<c r="${c}${r}"><v>${i + 1}</v></c>`).join('')}</row>`,
      );
    }
    const zip = minimalWorkbook(rows, 9);
    expect(zip.length).toBeLessThan(5 * 1024 * 1024);
    const started = Date.now();
    const err = await expectRefused(
      t,
      await admin.post('/api/reports/JYJ/2020-11/file', formOf(zip, 'big.xlsx')),
      413,
      'too_large',
      before,
    );
    expect(err.message).toContain('工作表');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a title saying where the form is sent (“报柳州市人力资源和社会保障局”) is not taken for who fills it', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template(t, 'GXJ', '2020-11')).slice().buffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('A1').value = `${String(ws.getCell('A1').value ?? '')}（报柳州市人力资源和社会保障局）`;
    ws.getCell('A2').value = null; // no 填报单位 line: the title's only department is the one it is sent to
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const gxj = await t.login('gxj');
    const res = await gxj.post('/api/reports/GXJ/2020-11/file', formOf(bytes, 'GXJ-2020-11.xlsx'));
    expect(res.status, await res.clone().text()).toBe(201);
  });
});
