/**
 * The findings of the security test of uploads, each reproduced on the department's own template (or a
 * valid CSV) with one hostile change, and the budgets that now refuse them while the file is read: a 4xx
 * naming what was too large and the limit, quickly, with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@lz/shared/api/errors';
import { formIndicators } from '@lz/shared/catalogue';
import { MAX_MERGES_PER_SHEET } from '../../src/import/budgets';
import { buildTemplate } from '../../src/import/template';
import { addMerges, addRow, colName, editSheet, unzipParts, zipParts } from '../fuzz/hostile-files';
import { body, makeTestApp, tableCounts } from '../test-app';

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

const URL_RSJ = '/api/reports/RSJ/2020-08/file';

async function setup() {
  const t = await makeTestApp('2020-09-05T10:00:00+08:00');
  const admin = await t.login('admin');
  const template = new Uint8Array(
    await buildTemplate({ catalogue: t.deps.catalogue, department: 'RSJ', month: '2020-08', rows: body(t.deps).rows }),
  );
  return { t, admin, template };
}

function formOf(bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  return form;
}

/** Posts, then checks the answer is this refusal, came within `ms`, and wrote nothing. */
async function expectRefusal(
  t: TestApp,
  admin: Awaited<ReturnType<TestApp['login']>>,
  bytes: Uint8Array,
  name: string,
  status: number,
  code: string,
  // Before the scan these files froze the server for 28–100 s; the bound leaves room for a cold worker on a busy CI
  // machine. Speed itself is measured by `pnpm bench` and `pnpm fuzz`, not here.
  ms = 10_000,
) {
  const before = await tableCounts(t.deps);
  const started = performance.now();
  const res = await admin.post(URL_RSJ, formOf(bytes, name));
  const elapsed = performance.now() - started;
  expect(res.status, await res.clone().text()).toBe(status);
  const err = apiErrorSchema.parse(await res.json()).error;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(/[\u4e00-\u9fa5]/u);
  expect(elapsed).toBeLessThan(ms);
  expect(await tableCounts(t.deps)).toEqual(before);
  return err.message;
}

function csvOf(t: TestApp): string {
  const codes = formIndicators(t.deps.catalogue, 'RSJ').map((i) => i.code);
  return [
    ['县区', ...codes].join(','),
    ...body(t.deps).rows.map((r) =>
      [r.county, ...codes.map((c) => r.values[c as keyof typeof r.values] ?? 0)].join(','),
    ),
  ].join('\r\n');
}

describe('finding 1: a merge reaching far past the table (exceljs expands every covered cell)', () => {
  it(
    'the template with <mergeCell ref="A1:XFD1048576"/> is a ' + 'quick 413 naming the merge and the reading range',
    async () => {
      const { t, admin, template } = await setup();
      const bytes = editSheet(template, (x) => addMerges(x, ['A1:XFD1048576']));
      expect(bytes.length).toBeLessThan(20 * 1024);
      const message = await expectRefusal(t, admin, bytes, 'RSJ.xlsx', 413, 'too_large');
      expect(message).toContain('A1:XFD1048576');
      expect(message).toContain('1,000 行 × 200 列');
      // The same template without the merge is accepted: the refusal is the merge's, not the form's.
      expect((await admin.post(URL_RSJ, formOf(template, 'RSJ.xlsx'))).status).toBe(201);
    },
  );

  it('D5:D5000000 (past Excel’s grid) and D5:D1048576 (past the row budget) are refused the same way', async () => {
    const { t, admin, template } = await setup();
    expect(
      await expectRefusal(
        t,
        admin,
        editSheet(template, (x) => addMerges(x, ['D5:D5000000'])),
        'a.xlsx',
        413,
        'too_large',
      ),
    ).toContain('1,048,576');
    expect(
      await expectRefusal(
        t,
        admin,
        editSheet(template, (x) => addMerges(x, ['D5:D1048576'])),
        'b.xlsx',
        413,
        'too_large',
      ),
    ).toContain('D5:D1048576');
  });

  it(
    'a merge of more cells than a form needs, and more merges ' + 'than a form has, are refused inside the budget',
    async () => {
      const { t, admin, template } = await setup();
      expect(
        await expectRefusal(
          t,
          admin,
          editSheet(template, (x) => addMerges(x, ['B30:CV90'])),
          'a.xlsx',
          413,
          'too_large',
        ),
      ).toContain('5,000');
      const tiny = Array.from({ length: MAX_MERGES_PER_SHEET }, (_, i) => {
        const row = 30 + Math.floor(i / 90);
        return `${colName(2 * (i % 90) + 1)}${row}:${colName(2 * (i % 90) + 2)}${row}`;
      });
      expect(
        await expectRefusal(
          t,
          admin,
          editSheet(template, (x) => addMerges(x, tiny)),
          'b.xlsx',
          413,
          'too_large',
        ),
      ).toContain(`${MAX_MERGES_PER_SHEET} 处`);
    },
  );
});

describe('finding 2: a row index far past the table (exceljs loops to it)', () => {
  it('<row r="2147483648"> with a cell is a quick 413 naming the row and Excel’s limit', async () => {
    const { t, admin, template } = await setup();
    const message = await expectRefusal(
      t,
      admin,
      editSheet(template, (x) => addRow(x, '2147483648', 'A2147483648')),
      'RSJ.xlsx',
      413,
      'too_large',
    );
    expect(message).toContain('2,147,483,648');
    expect(message).toContain('1,048,576');
  });

  it('content past the monthly row budget is refused, not cut off; a format-only row there is harmless', async () => {
    const { t, admin, template } = await setup();
    expect(
      await expectRefusal(
        t,
        admin,
        editSheet(template, (x) => addRow(x, '1001', 'A1001')),
        'a.xlsx',
        413,
        'too_large',
      ),
    ).toContain('A1001');
    const formatted = editSheet(template, (x) =>
      x.replace('</sheetData>', '<row r="5000" ht="20" customHeight="1"><c r="B5000" s="1"/></row></sheetData>'),
    );
    expect((await admin.post(URL_RSJ, formOf(formatted, 'RSJ.xlsx'))).status).toBe(201);
  });

  it('a negative or garbage row index is a 400 corrupt_workbook', async () => {
    const { t, admin, template } = await setup();
    for (const r of ['-1', 'abc', '1'.repeat(100_000)]) {
      await expectRefusal(
        t,
        admin,
        editSheet(template, (x) => addRow(x, r)),
        'a.xlsx',
        400,
        'corrupt_workbook',
      );
    }
  });

  it('a shared-string table far larger than a form is refused', async () => {
    const { t, admin, template } = await setup();
    const flood = editSheet(
      template,
      (x) =>
        x.replace(
          '</sst>',
          `${Array.from({ length: 210_000 }, (_, i) => `<si><t>${i.toString(36)}</t></si>`).join('')}</sst>`,
        ),
      'xl/sharedStrings.xml',
    );
    expect(await expectRefusal(t, admin, flood, 'a.xlsx', 413, 'too_large')).toContain('200,000');
  });

  it(
    'expansion bait the import never reads (a validation over the whole grid, a column range to 2^31) is ' +
      'dropped, and the file accepted',
    async () => {
      const { admin, template } = await setup();
      const bait = editSheet(template, (x) =>
        x
          .replace(/<cols>[\s\S]*?<\/cols>/u, '<cols><col min="1" max="2147483647" width="9"/></cols>')
          .replace(
            '</mergeCells>',
            '</mergeCells><dataValidations count="1"><dataValidation type="list" ' +
              'sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
          ),
      );
      const started = performance.now();
      const res = await admin.post(URL_RSJ, formOf(bait, 'RSJ.xlsx'));
      expect(res.status, await res.clone().text()).toBe(201);
      expect(performance.now() - started).toBeLessThan(10_000);
    },
  );
});

describe('finding 3: CSVs of blank lines (the splitter ran over the whole text three times)', () => {
  it(
    '4,000,000 newlines before a valid table are a quick 413 naming the blank lines and the limit, without the ' +
      'memory',
    async () => {
      const { t, admin } = await setup();
      const bytes = new TextEncoder().encode(`${'\n'.repeat(4_000_000)}${csvOf(t)}`);
      const rss = process.memoryUsage().rss;
      const message = await expectRefusal(t, admin, bytes, 'RSJ.csv', 413, 'too_large');
      expect(message).toContain('空行');
      expect(message).toContain('200');
      expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
    },
  );

  it(
    'a million "," lines after the table are refused; so are rows past the budget, a giant line and an ' +
      'unclosed quote',
    async () => {
      const { t, admin } = await setup();
      const table = csvOf(t);
      const enc = (s: string) => new TextEncoder().encode(s);
      await expectRefusal(t, admin, enc(`${table}\r\n${',\r\n'.repeat(1_000_000)}`), 'a.csv', 413, 'too_large');
      const lines = table.split('\r\n');
      const long = [...lines, ...Array.from({ length: 1000 }, () => lines[1]!)].join('\r\n');
      expect(await expectRefusal(t, admin, enc(long), 'b.csv', 413, 'too_large')).toContain('1,000 行');
      expect(await expectRefusal(t, admin, enc('1,'.repeat(1_000_000)), 'c.csv', 413, 'too_large')).toContain('65,536');
      expect(
        await expectRefusal(t, admin, enc(`${table}\r\n"${'x'.repeat(10_000)}`), 'd.csv', 413, 'too_large'),
      ).toContain('引号');
      // The valid table alone is still accepted.
      expect((await admin.post(URL_RSJ, formOf(enc(table), 'RSJ.csv'))).status).toBe(201);
    },
  );
});

describe('finding 4: zip CRC-32', () => {
  it(
    'a stored sheet with four digits changed is a 400 ' + 'corrupt_workbook; the same file unaltered is accepted',
    async () => {
      const { t, admin, template } = await setup();
      const stored = zipParts(unzipParts(template), true);
      const altered = stored.slice();
      const latin = new TextDecoder('latin1').decode(stored);
      let changed = 0;
      for (let p = latin.indexOf('<v>30</v>'); p >= 0 && changed < 4; p = latin.indexOf('<v>30</v>', p + 1), changed++)
        altered[p + 3] = 0x39;
      expect(changed).toBe(4);
      await expectRefusal(t, admin, altered, 'RSJ.xlsx', 400, 'corrupt_workbook');
      expect((await admin.post(URL_RSJ, formOf(stored, 'RSJ.xlsx'))).status).toBe(201);
    },
  );
});
