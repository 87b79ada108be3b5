import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors';
import { MAX_UPLOAD_BYTES } from '../../src/import/parse-report-file';
import { csv, dataset, expectAppError, fixture, parse, parseFixture } from './helpers';

/** Deterministic bytes (a linear congruential generator), so a failure reproduces. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** Rewrites a central-directory field of one entry (offset inside the 46-byte header). */
function patchCentralEntry(zip: Uint8Array, name: string, field: number, value: number, size: 2 | 4): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const target = new TextEncoder().encode(name);
  for (let p = 0; p + 46 < zip.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(p + 28, true);
    const found = zip.subarray(p + 46, p + 46 + nameLength);
    if (found.length === target.length && found.every((b, i) => b === target[i])) {
      if (size === 4) view.setUint32(p + field, value, true);
      else view.setUint16(p + field, value, true);
      return;
    }
  }
  throw new Error(`no entry ${name}`);
}

const xlsxShell = (sheet: Uint8Array) =>
  zipSync(
    {
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/worksheets/sheet1.xml': sheet,
    },
    { level: 9 },
  );

describe('files that are not spreadsheets → 400 not_a_spreadsheet', () => {
  it.each([
    ['an empty file', new Uint8Array()],
    ['random bytes', pseudoRandomBytes(4096, 7)],
    ['a PDF renamed .xlsx', fixture('pdf-renamed.xlsx')],
    ['a PNG renamed .xlsx', fixture('png-renamed.xlsx')],
    [
      'a zip that is a Word document',
      zipSync({ 'word/document.xml': strToU8('<w:document/>'), '[Content_Types].xml': strToU8('<Types/>') }),
    ],
    [
      'an HTML table saved as .xls',
      new TextEncoder().encode('<html><body><table><tr><td>县区</td><td>T</td></tr></table></body></html>'),
    ],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46])],
  ])('%s', async (_label, bytes) => {
    await expectAppError(parse(bytes), 400, 'not_a_spreadsheet');
  });

  it('an OpenDocument text document (not a spreadsheet) names the formats it takes', async () => {
    const odt = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8('<office:document-content/>'),
    });
    const err = await expectAppError(parse(odt), 400, 'not_a_spreadsheet');
    expect(err.message).toContain('.ods');
  });
});

describe('encrypted workbooks → 400 encrypted_workbook', () => {
  it('a password-protected .xls written by LibreOffice', async () => {
    await expectAppError(parseFixture('encrypted.xls'), 400, 'encrypted_workbook');
  });

  it('an OLE2 container with an EncryptionInfo stream is named as encrypted', async () => {
    const err = await expectAppError(parseFixture('encrypted-ooxml.xlsx'), 400, 'encrypted_workbook');
    expect(err.message).toContain('加密');
    expect(err.message).toContain('取消密码');
  });

  it('a zip whose entries use zip encryption', async () => {
    const zip = xlsxShell(strToU8('<worksheet/>'));
    patchCentralEntry(zip, 'xl/workbook.xml', 8, 1, 2);
    await expectAppError(parse(zip), 400, 'encrypted_workbook');
  });
});

describe('corrupt workbooks → 400 corrupt_workbook', () => {
  it('a truncated .xlsx', async () => {
    await expectAppError(parseFixture('corrupt-truncated.xlsx'), 400, 'corrupt_workbook');
  });

  it('a well-formed zip whose XML exceljs cannot read', async () => {
    await expectAppError(parse(xlsxShell(strToU8('<worksheet><sheetData><row r="x"'))), 400, 'corrupt_workbook');
  });

  it('a zip whose declared size differs from its content', async () => {
    const zip = xlsxShell(strToU8('<worksheet></worksheet>'));
    patchCentralEntry(zip, 'xl/worksheets/sheet1.xml', 24, 5, 4);
    await expectAppError(parse(zip), 400, 'corrupt_workbook');
  });

  it('damaged bytes anywhere in a real file never escape as anything but an AppError', async () => {
    const good = fixture('libreoffice-formulas.xlsx');
    for (let k = 0; k < 24; k++) {
      const bytes = good.slice();
      const noise = pseudoRandomBytes(16, k + 1);
      for (let j = 0; j < 8; j++)
        bytes[(noise[j]! * 997 + noise[j + 8]! * 31 + k * 409) % bytes.length] = noise[j + 4]!;
      const cut = k % 3 === 0 ? bytes.subarray(0, bytes.length - k * 50) : bytes;
      const outcome = await parse(cut, 'RSJ').then(
        () => 'parsed',
        (e: unknown) => e,
      );
      if (outcome !== 'parsed') expect(outcome).toBeInstanceOf(AppError);
    }
  });
});

describe('size limits → 413 too_large', () => {
  it(`an upload over MAX_UPLOAD_BYTES (${MAX_UPLOAD_BYTES})`, async () => {
    expect(MAX_UPLOAD_BYTES).toBe(5 * 1024 * 1024);
    await expectAppError(parse(new Uint8Array(MAX_UPLOAD_BYTES + 1)), 413, 'too_large');
  });

  it('a zip bomb: 60 MiB of XML in a 60 KiB part (fixture)', async () => {
    expect(fixture('zip-bomb.xlsx').length).toBeLessThan(100 * 1024);
    await expectAppError(parseFixture('zip-bomb.xlsx'), 413, 'too_large');
  });

  it('a zip bomb whose central directory lies about the size is caught while inflating', async () => {
    const zip = xlsxShell(new Uint8Array(52 * 1024 * 1024).fill(0x20));
    patchCentralEntry(zip, 'xl/worksheets/sheet1.xml', 24, 4096, 4);
    await expectAppError(parse(zip), 413, 'too_large');
  });

  it('a part with an extreme compression ratio even under the total limit', async () => {
    await expectAppError(parse(xlsxShell(new Uint8Array(8 * 1024 * 1024).fill(0x20))), 413, 'too_large');
  });
});

describe('no table → 400 no_table_found', () => {
  it.each([
    ['plain text', '请查收本月报表。\n谢谢'],
    ['a header without any county rows', '县区,T,E\n备注,说明,无'],
    ['a table of unrelated columns', '姓名,年龄\n张三,30'],
  ])('%s', async (_label, text) => {
    await expectAppError(parse(new TextEncoder().encode(text), 'JYJ', 'x.csv'), 400, 'no_table_found');
  });
});

describe('problems inside the table → 422 rules_broken with the cell of each', () => {
  const header = ['县区', 'T', 'E', 'E1'];

  it('an unknown county name', async () => {
    const err = await expectAppError(
      parse(csv([header, ['城中区', 1, 1, 1], ['柳州新区', 2, 2, 2]])),
      422,
      'rules_broken',
    );
    expect(err.details).toEqual([expect.objectContaining({ rule: 'unknown-county', cell: 'A3', county: null })]);
    expect(err.details![0]!.message).toContain('柳州新区');
  });

  it('numbers in a row without a county name', async () => {
    const err = await expectAppError(parse(csv([header, ['城中区', 1, 1, 1], ['', 2, 2, 2]])), 422, 'rules_broken');
    expect(err.details).toEqual([expect.objectContaining({ rule: 'unknown-county', cell: 'A3' })]);
  });

  it("values that are not numbers ('十二', 'abc', '1,5', '12人')", async () => {
    const err = await expectAppError(
      parse(csv([header, ['城中区', '十二', 'abc', 1], ['鱼峰区', '1,5', '12人', 3]])),
      422,
      'rules_broken',
    );
    expect(err.details!.map((p) => [p.rule, p.cell, p.county, p.indicator])).toEqual([
      ['not-a-number', 'B2', '450202', 'T'],
      ['not-a-number', 'C2', '450202', 'E'],
      ['not-a-number', 'B3', '450203', 'T'],
      ['not-a-number', 'C3', '450203', 'E'],
    ]);
    expect(err.details![0]!.message).toContain('十二');
  });

  it('a 合计 row that does not add up (fixture): the mismatching cell only', async () => {
    const err = await expectAppError(parseFixture('total-mismatch.xlsx'), 422, 'rules_broken');
    expect(err.details).toEqual([
      expect.objectContaining({
        rule: 'total-mismatch',
        indicator: 'E1',
        cell: dataset.totalMismatchCell,
        county: null,
      }),
    ]);
  });

  it('a 合计 row in money with cents is compared to the cent', async () => {
    const ok = csv([
      ['县区', 'F1'],
      ['城中区', '0.10'],
      ['鱼峰区', '0.20'],
      ['合计', '0.30'],
    ]);
    expect((await parse(ok)).rows).toHaveLength(2);
    const off = csv([
      ['县区', 'F1'],
      ['城中区', '0.10'],
      ['鱼峰区', '0.20'],
      ['合计', '0.31'],
    ]);
    const err = await expectAppError(parse(off), 422, 'rules_broken');
    expect(err.details).toEqual([expect.objectContaining({ rule: 'total-mismatch', cell: 'B4' })]);
  });

  it('the same county twice (by name and by old code)', async () => {
    const err = await expectAppError(
      parse(csv([header, ['柳江区', 1, 1, 1], ['450221', 1, 1, 1]])),
      422,
      'rules_broken',
    );
    expect(err.details).toEqual([expect.objectContaining({ rule: 'duplicate-county', cell: 'A3', county: '450206' })]);
  });

  it('a non-zero value in a column of another department', async () => {
    const err = await expectAppError(
      parse(
        csv([
          ['县区', 'T', 'S1'],
          ['城中区', 1, 5000],
        ]),
      ),
      422,
      'rules_broken',
    );
    expect(err.details).toEqual([expect.objectContaining({ rule: 'not-on-form', cell: 'C2', indicator: 'S1' })]);
    expect(err.details![0]!.message).toContain('市人力资源社会保障局');
  });

  it('the same indicator in two columns', async () => {
    const err = await expectAppError(
      parse(
        csv([
          ['县区', 'T', '补贴性培训合计'],
          ['城中区', 1, 1],
        ]),
      ),
      422,
      'rules_broken',
    );
    expect(err.details).toEqual([expect.objectContaining({ rule: 'duplicate-column', cell: 'C1', indicator: 'T' })]);
  });

  it('lists at most 100 problems, saying how many there were', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`未知县${i}`, 1, 1, 1]);
    const err = await expectAppError(parse(csv([header, ['城中区', 1, 1, 1], ...rows])), 422, 'rules_broken');
    expect(err.details).toHaveLength(100);
    expect(err.details![0]!.cell).toBe('A3');
    expect(err.message).toContain('150');
  });

  it('collects every problem of the file in one answer', async () => {
    const err = await expectAppError(
      parse(csv([header, ['城中区', 'x', 1, 1], ['某某县', 1, 1, 1], ['鱼峰区', 1, 'y', 1]])),
      422,
      'rules_broken',
    );
    expect(err.details!.map((p) => p.cell)).toEqual(['B2', 'A3', 'C4']);
    expect(err.details!.every((p) => typeof p.cell === 'string')).toBe(true);
  });
});
