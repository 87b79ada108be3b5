/**
 * Uploading real office files through the API: each quirk stored correctly, each bad file refused with nothing written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@lz/shared/api/errors';
import { reportVersionSchema } from '@lz/shared/api/reports';
import { addMonths } from '@lz/shared/months';
import { buildTemplate } from '../src/import/template';
import { body, makeTestApp, tableCounts } from './test-app';

const fixtures = join(__dirname, 'fixtures');
const dataset = JSON.parse(readFileSync(join(fixtures, 'dataset.json'), 'utf8')) as {
  rows: Record<string, Record<string, number>>;
};
const expectedTotal = (code: string) =>
  Math.round(Object.values(dataset.rows).reduce((s, r) => s + (r[code] ?? 0), 0) * 100) / 100;

function upload(name: string, extra: Record<string, string> = {}) {
  return formOf(new Uint8Array(readFileSync(join(fixtures, name))), name, extra);
}

function formOf(bytes: Uint8Array, name: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return form;
}

/** The official form of that department and month, filled with a consistent body (its title names both). */
async function filledTemplate(
  deps: Parameters<typeof body>[0],
  department: string,
  month: string,
  extra: Record<string, string> = {},
) {
  const bytes = await buildTemplate({ catalogue: deps.catalogue, department, month, rows: body(deps).rows });
  return formOf(new Uint8Array(bytes), `${department}-${month}.xlsx`, extra);
}

describe('POST /api/reports/:department/:month/file', () => {
  // Each fixture's title names its month (填报月份：2020年3月 …); it is uploaded for that month, before its deadline.
  it.each([
    ['gbk.csv', 'JYJ', '2020-03'],
    ['utf8-bom.csv', 'JYJ', '2020-04'],
    ['utf8-quirks.csv', 'JYJ', '2020-05'],
    ['openpyxl-two-row.xlsx', 'JYJ', '2020-03'],
    ['wps-style.xlsx', 'JYJ', '2020-08'],
    ['libreoffice-multisheet.xlsx', 'JYJ', '2020-06'],
    ['libreoffice-formulas.xlsx', 'RSJ', '2020-06'],
    // The same workbook saved by LibreOffice as .xls (Excel 97–2003) and as .ods.
    ['old-format.xls', 'RSJ', '2020-06'],
    ['report.ods', 'RSJ', '2020-06'],
  ])('stores %s as a new version with the figures it holds', async (name, dept, month) => {
    const t = await makeTestApp(`${addMonths(month, 1)}-05T10:00:00+08:00`);
    const admin = await t.login('admin');
    const res = await admin.post(`/api/reports/${dept}/${month}/file`, upload(name));
    expect(res.status, await res.clone().text()).toBe(201);
    const v = reportVersionSchema.parse(await res.json());
    expect(v).toMatchObject({ version: 1, source: 'file', fileName: name, onTime: true });
    for (const code of ['T', 'E', 'K', 'X1', 'F1', 'F3'])
      expect(v.totals[code], `${name} ${code}`).toBe(expectedTotal(code));
    if (dept === 'RSJ') expect(v.totals.S1).toBe(expectedTotal('S1'));
    expect(v.rows.find((r) => r.county === '450206')?.values.T).toBe(dataset.rows['450206']?.T);
  });

  it.each([
    ['total-mismatch.xlsx', 422, 'rules_broken'],
    ['openpyxl-formulas-no-cache.xlsx', 422, 'rules_broken'],
    ['gbk.csv', 422, 'title_mismatch'],
    ['corrupt-truncated.xlsx', 400, 'corrupt_workbook'],
    ['zip-bomb.xlsx', 413, 'too_large'],
    ['encrypted.xls', 400, 'encrypted_workbook'],
    ['encrypted-ooxml.xlsx', 400, 'encrypted_workbook'],
    ['pdf-renamed.xlsx', 400, 'not_a_spreadsheet'],
    ['png-renamed.xlsx', 400, 'not_a_spreadsheet'],
  ])('refuses %s with %i %s and writes nothing', async (name, status, code) => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const before = await tableCounts(t.deps);
    // The month of each fixture's title, so only the quirk under test can refuse it (gbk.csv says 2020年3月).
    const month = { 'total-mismatch.xlsx': '2020-07', 'openpyxl-formulas-no-cache.xlsx': '2020-06' }[name] ?? '2020-11';
    const res = await admin.post(`/api/reports/JYJ/${month}/file`, upload(name));
    expect(res.status).toBe(status);
    const err = apiErrorSchema.parse(await res.json()).error;
    expect(err.code).toBe(code);
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('a 合计 mismatch names the cell', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const err = apiErrorSchema.parse(
      await (await admin.post('/api/reports/JYJ/2020-07/file', upload('total-mismatch.xlsx'))).json(),
    ).error;
    expect(err.details?.[0]).toMatchObject({ rule: 'total-mismatch', cell: 'D16' });
  });

  it('a file over the size limit is a 413 and changes nothing', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const before = await tableCounts(t.deps);
    const form = new FormData();
    form.append('file', new File([new Uint8Array(6 * 1024 * 1024)], 'huge.csv'));
    const res = await admin.post('/api/reports/JYJ/2020-11/file', form);
    expect(res.status).toBe(413);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('a reporter uploads for its own department only, and only the admin may add submittedAt', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const gxj = await t.login('gxj');
    expect(
      (await gxj.post('/api/reports/JYJ/2020-11/file', await filledTemplate(t.deps, 'JYJ', '2020-11'))).status,
    ).toBe(403);
    expect(
      (
        await gxj.post(
          '/api/reports/GXJ/2020-11/file',
          await filledTemplate(t.deps, 'GXJ', '2020-11', { submittedAt: '2020-12-01T10:00:00+08:00' }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await gxj.post('/api/reports/GXJ/2020-11/file', await filledTemplate(t.deps, 'GXJ', '2020-11'))).status,
    ).toBe(201);
    const admin = await t.login('admin');
    // Back-filled from paper: one second after the 2020-10 deadline (2020-11-10 23:59:59 Asia/Shanghai) is late.
    const lateRes = await admin.post(
      '/api/reports/JYJ/2020-10/file',
      await filledTemplate(t.deps, 'JYJ', '2020-10', { submittedAt: '2020-11-11T00:00:00+08:00' }),
    );
    expect(lateRes.status, await lateRes.clone().text()).toBe(201);
    expect(reportVersionSchema.parse(await lateRes.json()).onTime).toBe(false);
    const inTime = await admin.post(
      '/api/reports/JYJ/2020-09/file',
      await filledTemplate(t.deps, 'JYJ', '2020-09', { submittedAt: '2020-10-10T23:59:59+08:00' }),
    );
    expect(reportVersionSchema.parse(await inTime.json()).onTime).toBe(true);
    expect((await admin.post('/api/reports/JYJ/2020-08/file', new FormData())).status).toBe(400);
  });

  it('the template downloads as .xlsx, prefilled with the latest figures, and uploads back unchanged', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const first = reportVersionSchema.parse(
      await (await admin.post('/api/reports/JYJ/2020-03/file', upload('gbk.csv'))).json(),
    );
    const tpl = await admin.get('/api/reports/JYJ/2020-03/template.xlsx');
    expect(tpl.status).toBe(200);
    expect(tpl.headers.get('content-type')).toContain('spreadsheetml');
    const form = new FormData();
    form.append('file', new File([new Uint8Array(await tpl.arrayBuffer())], 'template.xlsx'));
    // Read back to the same figures, it is no new version (issue #13: "与上一版本相同，未生成新版本").
    const second = await admin.post('/api/reports/JYJ/2020-03/file', form);
    expect(second.status).toBe(409);
    expect(apiErrorSchema.parse(await second.json()).error.code).toBe('unchanged');
    expect(first.version).toBe(1);
  });

  it('points a broken report rule at the cell it was read from, so the reporter finds it in Excel', async () => {
    const t = await makeTestApp('2020-12-05T10:00:00+08:00');
    const rows = body(t.deps).rows;
    rows[3]!.values.X1 = 777; // X1 (贫困劳动力) above T for the fourth county
    const bytes = await buildTemplate({ catalogue: t.deps.catalogue, department: 'JYJ', month: '2020-11', rows });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).slice().buffer);
    let address = '';
    wb.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === 777) address = cell.address;
      }),
    );
    expect(address).toMatch(/^[A-Z]+\d+$/u);
    const admin = await t.login('admin');
    const res = await admin.post('/api/reports/JYJ/2020-11/file', formOf(new Uint8Array(bytes), 'JYJ-2020-11.xlsx'));
    expect(res.status).toBe(422);
    const details = apiErrorSchema.parse(await res.json()).error.details ?? [];
    const x1 = details.find((d) => d.county === rows[3]!.county && d.indicator === 'X1');
    expect(x1?.cell).toBe(address);
  });
});
