/**
 * POST /api/reports/import: the statistics office moves a year of mailed reports in with one file. Every
 * report goes through the same rules as a monthly submission; the import is all or nothing.
 */
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@lz/shared/api/errors';
import { progressSchema } from '@lz/shared/api/progress';
import { historyImportResultSchema, reportVersionSchema } from '@lz/shared/api/reports';
import { parseInstant, parseMonth } from '../src/import/history-file';
import { historyCsv, historyForm, historyLines, historyXlsx, type HistoryEntry } from './history-workbook';
import { body, makeTestApp, tableCounts } from './test-app';

type T = Awaited<ReturnType<typeof makeTestApp>>;

/** JYJ and GXJ, 2020-01 … 2020-03; body(k) gives T = 30k per county, so twelve counties give 360k. */
function year(t: T, k = (i: number) => i + 1): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  ['2020-01', '2020-02', '2020-03'].forEach((month, i) => {
    const due = `2020-0${i + 2}`;
    entries.push({ department: 'JYJ', month, submittedAt: `${due}-08`, rows: body(t.deps, k(i)).rows });
    // GXJ sent March's report on the 11th: late.
    entries.push({
      department: 'GXJ',
      month,
      submittedAt: i === 2 ? `${due}-11 09:30` : `${due}-10 23:59`,
      rows: body(t.deps, 2 * k(i)).rows,
    });
  });
  return entries;
}

/** Signs in first, then counts rows, so a refused import can be checked to have written nothing. */
async function importFile(t: T, bytes: Uint8Array, name: string, user = 'admin') {
  const client = await t.login(user);
  const before = await tableCounts(t.deps);
  const res = await client.post('/api/reports/import', historyForm(bytes, name));
  return Object.assign(res, { unchanged: async () => expect(await tableCounts(t.deps)).toEqual(before) });
}

describe('GET /api/reports/import/sample.xlsx', () => {
  it('offers a sample built from the catalogue, which imports as it is', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const res = await admin.get('/api/reports/import/sample.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('history-sample.xlsx');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const imported = await importFile(t, bytes, 'history-sample.xlsx');
    expect(imported.status, await imported.clone().text()).toBe(201);
    expect(historyImportResultSchema.parse(await imported.json()).reports).toHaveLength(1);
    expect((await (await t.login('rsj')).get('/api/reports/import/sample.xlsx')).status).toBe(403);
  });
});

describe('POST /api/reports/import', () => {
  it('stores every report of an xlsx with its figures, its submission time and timeliness', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const res = await importFile(t, await historyXlsx(t.deps.catalogue, year(t)), '2020年历史数据.xlsx');
    expect(res.status, await res.clone().text()).toBe(201);
    const result = historyImportResultSchema.parse(await res.json());
    expect(result.reports).toHaveLength(6);
    expect(result.lines).toBe(6 * 12);
    // Month order, departments alphabetical within a month.
    expect(result.reports.map((r) => `${r.department}/${r.month}`)).toEqual([
      'GXJ/2020-01',
      'JYJ/2020-01',
      'GXJ/2020-02',
      'JYJ/2020-02',
      'GXJ/2020-03',
      'JYJ/2020-03',
    ]);
    expect(result.reports.filter((r) => !r.onTime).map((r) => `${r.department}/${r.month}`)).toEqual(['GXJ/2020-03']);

    const admin = await t.login('admin');
    const v = reportVersionSchema.parse(await (await admin.get('/api/reports/GXJ/2020-03')).json());
    // k = 3 for March, doubled for GXJ: 30 × 6 = 180 per county, 2,160 for twelve.
    expect(v.totals.T).toBe(2160);
    expect(v.rows.find((r) => r.county === '450202')?.values.E1).toBe(4 * 6);
    expect(v).toMatchObject({
      version: 1,
      source: 'file',
      onTime: false,
      submittedBy: 'admin',
      submittedAt: '2020-04-11T09:30:00+08:00',
    });
    // A date without a time is noon that day in Beijing time.
    const jyj = reportVersionSchema.parse(await (await admin.get('/api/reports/JYJ/2020-01')).json());
    expect(jyj.submittedAt).toBe('2020-02-08T12:00:00+08:00');

    // The figures count at once: T over the window = 360 × (1+2+3) for JYJ + 720 × (1+2+3) for GXJ.
    const p = progressSchema.parse(await (await admin.get('/api/progress?asOf=2020-09-05')).json());
    expect(p.targets.find((x) => x.code === 'T')?.actual).toBe(360 * 6 + 720 * 6);
  });

  it('reads a CSV with departments by name and months written 2020年1月', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const csv = historyCsv(t.deps.catalogue, year(t)).replace(/2020-0(\d),/gu, '2020年$1月,');
    const res = await importFile(t, new TextEncoder().encode(`\ufeff${csv}`), 'history.csv');
    expect(res.status, await res.clone().text()).toBe(201);
    expect(historyImportResultSchema.parse(await res.json()).reports.map((r) => r.month)).toContain('2020-03');
  });

  it('refuses the whole file when one report breaks a rule, listing it by department and month', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const entries = year(t);
    entries[3]!.rows[1]!.values.T = 1; // GXJ 2020-02, second county
    const beforeProgress = await (await (await t.login('admin')).get('/api/progress?asOf=2020-09-05')).json();
    const res = await importFile(t, await historyXlsx(t.deps.catalogue, entries), 'bad.xlsx');
    expect(res.status).toBe(422);
    const err = apiErrorSchema.parse(await res.json()).error;
    expect(err.message).toContain('未导入任何数据');
    // Title on row 1, header on row 2: GXJ 2020-02's second county is data line 3 × 12 + 2, row 40; T is column E.
    expect(
      err.details?.find((d) => d.message.startsWith('市工业和信息化局 2020-02') && d.indicator === 'T')?.cell,
    ).toBe('E40');
    expect(err.details?.every((d) => d.message.includes('2020-02'))).toBe(true);
    await res.unchanged();
    // Reports tried before the broken one were rolled back, in memory too.
    expect(await (await (await t.login('admin')).get('/api/progress?asOf=2020-09-05')).json()).toEqual(beforeProgress);
  });

  it('refuses a file holding a month that is accepted and locked', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const admin = await t.login('admin');
    expect(
      (
        await admin.post('/api/reports/JYJ/2020-02', {
          rows: body(t.deps, 9).rows,
          submittedAt: '2020-03-05T10:00:00+08:00',
        })
      ).status,
    ).toBe(201);
    expect((await admin.post('/api/reports/JYJ/2020-02/accept', { version: 1 })).status).toBe(200);
    const res = await importFile(t, await historyXlsx(t.deps.catalogue, year(t)), 'h.xlsx');
    expect(res.status).toBe(422);
    const err = apiErrorSchema.parse(await res.json()).error;
    expect(err.details?.map((d) => d.rule)).toEqual(['month_locked']);
    // The administrator is the one who unlocks: the message tells it where, not to contact itself.
    expect(JSON.stringify(err)).not.toContain('联系统计管理员');
    expect(err.details?.[0]?.message).toContain('审核页解锁');
    await res.unchanged();
  });

  it('adds a version after an earlier one and keeps the first submission for timeliness', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const admin = await t.login('admin');
    await admin.post('/api/reports/JYJ/2020-01', {
      rows: body(t.deps, 5).rows,
      submittedAt: '2020-02-05T10:00:00+08:00',
    });
    const entries = year(t).filter((e) => e.department === 'JYJ' && e.month === '2020-01');
    entries[0]!.submittedAt = '2020-03-01';
    expect((await importFile(t, await historyXlsx(t.deps.catalogue, entries), 'fix.xlsx')).status).toBe(201);
    const v = reportVersionSchema.parse(await (await admin.get('/api/reports/JYJ/2020-01')).json());
    expect(v).toMatchObject({ version: 2, onTime: true, firstSubmittedAt: '2020-02-05T10:00:00+08:00' });
    expect(v.totals.T).toBe(360);
  });

  it.each([
    [
      'an unknown department, a bad month and a bad time, each at its cell',
      (l: (string | number)[][]) => {
        l[2]![0] = '市气象局';
        l[3]![1] = '2020-13';
        l[4]![2] = '上周三';
      },
      ['市气象局', '2020-13', '上周三'],
    ],
    [
      'two submission times for one report',
      (l: (string | number)[][]) => {
        l[3]![2] = '2020-02-09';
      },
      ['报送时间应相同', '第2行为“2020-02-08”'],
    ],
  ])('refuses %s', async (_name, spoil, words) => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const { historyLines } = await import('./history-workbook');
    const lines = historyLines(t.deps.catalogue, year(t));
    spoil(lines);
    const res = await importFile(t, new TextEncoder().encode(lines.map((l) => l.join(',')).join('\n')), 'h.csv');
    expect(res.status).toBe(422);
    const text = JSON.stringify(await res.json());
    for (const w of words) expect(text).toContain(w);
    await res.unchanged();
  });

  it('asks for the 报送时间 column rather than guessing when reports arrived', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const csv = historyCsv(t.deps.catalogue, year(t)).replace('报送时间', '备注');
    const res = await importFile(t, new TextEncoder().encode(csv), 'h.csv');
    expect(res.status).toBe(400);
    const err = apiErrorSchema.parse(await res.json()).error;
    expect(err.code).toBe('history_columns_missing');
    expect(err.message).toContain('报送时间');
  });

  it('is the admin’s alone: a reporter gets 403 and nothing is written', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const res = await importFile(t, await historyXlsx(t.deps.catalogue, year(t)), 'h.xlsx', 'rsj');
    expect(res.status).toBe(403);
    await res.unchanged();
  });

  it('refuses a file that is not a spreadsheet with a 400 and writes nothing', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const res = await importFile(t, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 3, 0xff]), 'h.xlsx');
    expect(res.status).toBe(400);
    await res.unchanged();
  });
});

describe('hostile and untidy history files', () => {
  const one = (t: T, department: string, month: string, submittedAt: string): HistoryEntry[] => [
    { department, month, submittedAt, rows: body(t.deps, 1).rows },
  ];
  const csvOf = (l: (string | number)[][]) => new TextEncoder().encode(l.map((x) => x.join(',')).join('\n'));

  it('refuses a 报送时间 before the month began, at its cell, but takes one early in the month', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const res = await importFile(
      t,
      await historyXlsx(t.deps.catalogue, [
        ...one(t, 'JYJ', '2020-03', '2020-02-29 23:59'),
        ...one(t, 'GXJ', '2020-03', '2020-03-05'),
      ]),
      'h.xlsx',
    );
    expect(res.status).toBe(422);
    const err = apiErrorSchema.parse(await res.json()).error;
    expect(err.details).toHaveLength(1);
    expect(err.details?.[0]).toMatchObject({ cell: 'C3' });
    expect(err.details?.[0]?.message).toContain('早于 2020-03 月初');
    await res.unchanged();
    const ok = await importFile(
      t,
      await historyXlsx(t.deps.catalogue, one(t, 'GXJ', '2020-03', '2020-03-05')),
      'h.xlsx',
    );
    expect(ok.status).toBe(201);
  });

  it.each([
    ['a 报送时间 in the future', 'JYJ', '2020-01', '2020-12-01', 'submitted_at_in_future', 'C3'],
    ['a month before the campaign window', 'JYJ', '2019-05', '2019-06-05', 'month_outside_window', 'B3'],
    ['a department that owes no reports', 'CZJ', '2020-01', '2020-02-05', 'department_not_reporting', 'A3'],
  ])('refuses %s with the cell to fix', async (_n, dept, month, at, rule, cell) => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const res = await importFile(t, await historyXlsx(t.deps.catalogue, one(t, dept, month, at)), 'h.xlsx');
    expect(res.status).toBe(422);
    const d = apiErrorSchema.parse(await res.json()).error.details ?? [];
    expect(d.map((p) => [p.rule, p.cell])).toEqual([[rule, cell]]);
    expect(d[0]?.message).toMatch(/[\u4e00-\u9fff]/u);
    await res.unchanged();
  });

  it('refuses Excel serial numbers without a date format, saying what they are', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const l = historyLines(t.deps.catalogue, one(t, 'JYJ', '2020-01', '2020-02-05'));
    l.slice(1).forEach((r) => {
      r[2] = 43866.5;
    });
    const res = await importFile(t, csvOf(l), 'h.csv');
    expect(res.status).toBe(422);
    const d = apiErrorSchema.parse(await res.json()).error.details ?? [];
    expect(d[0]).toMatchObject({ cell: 'C2' });
    expect(d[0]?.message).toContain('日期序列号');
    await res.unchanged();
  });

  it(
    'reads codes in lower case, the 柳州市 prefix, old county codes, short forms, split and blank-separated lines ' +
      'and 合计 lines',
    async () => {
      const t = await makeTestApp('2020-09-05T10:00:00+08:00');
      const l = historyLines(t.deps.catalogue, [
        ...one(t, 'JYJ', '2020-01', '2020-02-05'),
        ...one(t, 'GXJ', '2020-01', '2020-02-06'),
      ]);
      l.slice(1).forEach((r, i) => {
        if (i < 12) r[0] = i % 2 ? 'jyj' : '柳州市教育局';
        if (r[3] === '柳江区') r[3] = '450221';
        if (r[3] === '融水苗族自治县') r[3] = '融水县';
      });
      const [header, a, b] = [l[0]!, l.slice(1, 13), l.slice(13, 25)];
      const total = (x: (string | number)[]) => ['', '', '', '合计', ...x.slice(4).map((v) => Number(v) * 12)];
      const res = await importFile(
        t,
        csvOf([
          header,
          ...a.slice(0, 6),
          ...b.slice(0, 6),
          [],
          ...a.slice(6),
          total(a[0]!),
          [],
          ...b.slice(6),
          ['GXJ', '2020-01', '2020-02-06', '合计', ...total(b[0]!).slice(4)],
        ]),
        'h.csv',
      );
      expect(res.status, await res.clone().text()).toBe(201);
      expect(
        historyImportResultSchema.parse(await res.json()).reports.map((r) => `${r.department}/${r.month}`),
      ).toEqual(['GXJ/2020-01', 'JYJ/2020-01']);
      const v = reportVersionSchema.parse(
        await (await (await t.login('admin')).get('/api/reports/JYJ/2020-01')).json(),
      );
      expect(v.totals.T).toBe(360);
    },
  );

  it('refuses a duplicate county line within one report, and a wrong 合计 line', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const l = historyLines(t.deps.catalogue, one(t, 'JYJ', '2020-01', '2020-02-05'));
    const res = await importFile(t, csvOf([...l, [...l[1]!]]), 'h.csv');
    expect(res.status).toBe(422);
    expect(apiErrorSchema.parse(await res.json()).error.details?.map((d) => [d.rule, d.cell])).toEqual([
      ['duplicate-county', 'D14'],
    ]);
    await res.unchanged();
    const bad = await importFile(t, csvOf([...l, ['JYJ', '2020-01', '2020-02-05', '合计', 1]]), 'h.csv');
    expect(bad.status).toBe(422);
    expect(apiErrorSchema.parse(await bad.json()).error.details?.map((d) => [d.rule, d.cell])).toEqual([
      ['total-mismatch', 'E14'],
    ]);
    await bad.unchanged();
  });

  it('answers a file of 20,001 lines with a quick 413', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const l = historyLines(t.deps.catalogue, one(t, 'JYJ', '2020-01', '2020-02-05'));
    while (l.length < 20_002) l.push([...l[1]!]);
    const started = Date.now();
    const res = await importFile(t, csvOf(l), 'h.csv');
    expect(res.status).toBe(413);
    expect(apiErrorSchema.parse(await res.json()).error.message).toContain('20,000 行');
    expect(Date.now() - started).toBeLessThan(15_000);
    await res.unchanged();
  });

  it('refuses all of 50 reports when the 30th breaks a rule, naming department, month and cell', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const months = [
      '2019-08',
      '2019-09',
      '2019-10',
      '2019-11',
      '2019-12',
      '2020-01',
      '2020-02',
      '2020-03',
      '2020-04',
      '2020-05',
    ];
    const entries = ['JYJ', 'GXJ', 'RSJ', 'SWJ', 'JTJ'].flatMap((d) => months.flatMap((m) => one(t, d, m, `${m}-28`)));
    entries[29]!.rows[3]!.values.E1 = 999; // RSJ 2020-05, 柳北区; title on row 1, so lines 2 + 29 × 12 + 3 = row 354
    const res = await importFile(t, await historyXlsx(t.deps.catalogue, entries), 'h.xlsx');
    expect(res.status).toBe(422);
    const err = apiErrorSchema.parse(await res.json()).error;
    expect(err.message).toContain('50 份报表');
    expect(err.details?.map((d) => [d.indicator, d.cell])).toEqual([['E', 'F354']]);
    expect(err.details?.[0]?.message).toContain('市人力资源社会保障局 2020-05');
    await res.unchanged();
  });

  it('finds the table on the second sheet, with months and times as date cells', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填表说明').addRow(['填表说明：每个县区一行']);
    const ws = wb.addWorksheet('历史数据');
    historyLines(t.deps.catalogue, one(t, 'JYJ', '2020-01', '')).forEach((l, i) => {
      ws.addRow(
        i === 0 ? l : [l[0], new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 1, 8, 10, 20)), ...l.slice(3)],
      );
    });
    const res = await importFile(t, new Uint8Array(await wb.xlsx.writeBuffer()), 'h.xlsx');
    expect(res.status, await res.clone().text()).toBe(201);
    expect(historyImportResultSchema.parse(await res.json()).reports[0]).toMatchObject({
      month: '2020-01',
      submittedAt: '2020-02-08T02:20:00.000Z',
    });
  });
});

describe('a history workbook with a two-row merged header', () => {
  it('reads 填报单位/月份/报送时间 merged down and 企业职工培训 merged over 小计 and E1–E5', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('历史数据');
    const [header, ...lines] = historyLines(t.deps.catalogue, [
      { department: 'JYJ', month: '2020-01', submittedAt: '2020-02-05', rows: body(t.deps, 1).rows },
    ]);
    const upper = header!.map((h, c) => (c < 5 ? h : ''));
    const lower = header!.map((h, c) => (c < 5 ? '' : h));
    upper[5] = '企业职工培训';
    lower[5] = '小计';
    ws.addRow(upper);
    ws.addRow(lower);
    for (let c = 1; c <= 5; c++) ws.mergeCells(1, c, 2, c);
    ws.mergeCells(1, 6, 1, 11);
    for (const l of lines) ws.addRow(l);
    const res = await importFile(t, new Uint8Array(await wb.xlsx.writeBuffer()), 'h.xlsx');
    expect(res.status, await res.clone().text()).toBe(201);
    const v = reportVersionSchema.parse(await (await (await t.login('admin')).get('/api/reports/JYJ/2020-01')).json());
    expect(v.totals).toMatchObject({ T: 360, E: 240, E1: 48 });
  });
});

describe('a history CSV saved by Excel on Chinese Windows (GBK)', () => {
  it('reads Chinese names from GBK bytes and stores both reports', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const { readFileSync } = await import('node:fs');
    const res = await importFile(
      t,
      new Uint8Array(readFileSync(`${__dirname}/fixtures/history-gbk.csv`)),
      'history-gbk.csv',
    );
    expect(res.status, await res.clone().text()).toBe(201);
    expect(historyImportResultSchema.parse(await res.json()).reports.map((r) => `${r.department}/${r.month}`)).toEqual([
      'GXJ/2020-03',
      'JYJ/2020-03',
    ]);
    const v = reportVersionSchema.parse(await (await (await t.login('admin')).get('/api/reports/GXJ/2020-03')).json());
    expect(v.totals.T).toBe(360);
  });
});

describe('history cells', () => {
  it('reads months the ways offices write them', () => {
    expect(['2020-03', '2020/3', '2020.03', '2020年3月', '202003', '2020-03-01'].map(parseMonth)).toEqual(
      Array(6).fill('2020-03'),
    );
    expect(['2020-13', '20-03', '三月', ''].map(parseMonth)).toEqual([null, null, null, null]);
  });

  it('reads submission times in Beijing time whatever the process zone', () => {
    const tz = 'Asia/Shanghai';
    expect(parseInstant('2020-04-10 23:59:59', tz)).toBe('2020-04-10T15:59:59.000Z');
    expect(parseInstant('2020年4月8日', tz)).toBe('2020-04-08T04:00:00.000Z');
    expect(parseInstant('2020/4/8 9:05', tz)).toBe('2020-04-08T01:05:00.000Z');
    expect(parseInstant('2020-04-11T00:00:00+08:00', tz)).toBe('2020-04-10T16:00:00.000Z');
    expect(['2020-02-30', '2020-04-08 25:00', 'yesterday'].map((x) => parseInstant(x, tz))).toEqual([null, null, null]);
  });
});

describe('a history workbook saved by LibreOffice Calc', () => {
  // Made by typing the CSV into LibreOffice 7 (soffice --convert-to xlsx): 报送时间 became date-time cells
  // (serial numbers with a date format), the header says 所属月份, and a title line sits above it.
  it('reads date-time cells as Beijing wall-clock times and stores each report', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const { readFileSync } = await import('node:fs');
    const bytes = new Uint8Array(readFileSync(`${__dirname}/fixtures/history-libreoffice.xlsx`));
    const res = await importFile(t, bytes, 'history-libreoffice.xlsx');
    expect(res.status, await res.clone().text()).toBe(201);
    const result = historyImportResultSchema.parse(await res.json());
    expect(result.reports.map((r) => [r.department, r.month, r.submittedAt, r.onTime])).toEqual([
      ['JYJ', '2020-04', '2020-05-09T08:45:00.000Z', true],
      ['JYJ', '2020-05', '2020-06-12T04:00:00.000Z', false],
      ['SWJ', '2020-05', '2020-06-10T15:59:59.000Z', true],
    ]);
    const admin = await t.login('admin');
    const swj = reportVersionSchema.parse(await (await admin.get('/api/reports/SWJ/2020-05')).json());
    expect(swj.totals.T).toBe(30 * 3 * 12);
  });
});

describe('a history workbook too big to read safely', () => {
  it('is refused from its zip directory with a 413 before exceljs reads it, and nothing is written', async () => {
    const { strToU8, zipSync } = await import('fflate');
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    // 17 MiB of cell XML compresses to a few dozen KiB: small to upload, ruinous to parse.
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(17 * 1024 * 1024).fill(0x20),
    });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const res = await importFile(t, bytes, 'huge.xlsx');
    expect(res.status).toBe(413);
    expect(apiErrorSchema.parse(await res.json()).error.message).toContain('CSV');
    await res.unchanged();
  });
});

describe('a history workbook with a sheet per year', () => {
  it('is refused with a 400 naming the sheets, rather than importing the first sheet only', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { historyLines } = await import('./history-workbook');
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const wb = new ExcelJS.Workbook();
    const entries = year(t);
    for (const [name, part] of [
      ['2020年1月', entries.slice(0, 2)],
      ['2020年2-3月', entries.slice(2)],
    ] as const) {
      const ws = wb.addWorksheet(name);
      for (const line of historyLines(t.deps.catalogue, [...part])) ws.addRow(line);
    }
    const res = await importFile(t, new Uint8Array(await wb.xlsx.writeBuffer()), 'by-month.xlsx');
    expect(res.status).toBe(400);
    const err = apiErrorSchema.parse(await res.json()).error;
    expect(err.code).toBe('history_many_sheets');
    expect(err.message).toContain('“2020年2-3月”');
    await res.unchanged();
  });
});
