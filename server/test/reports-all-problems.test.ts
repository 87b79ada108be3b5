/**
 * A file with several kinds of mistakes is refused once, listing all of them at their cells: the reader's
 * (text in a number cell, a 合计 that does not add up) and the report rules' (a negative, a broken subtotal).
 */
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@lz/shared/api/errors';
import { formIndicators } from '@lz/shared/catalogue';
import { historyCsv, historyForm } from './history-workbook';
import { body, makeTestApp, tableCounts } from './test-app';

function csvForm(lines: (string | number)[][], name: string): FormData {
  const form = new FormData();
  const text = lines.map((l) => l.join(',')).join('\r\n');
  form.append('file', new File([new TextEncoder().encode(text)], name));
  return form;
}

describe('every problem of an upload in one answer', () => {
  it('a monthly file with text, a wrong 合计, a negative and a broken subtotal → one 422 with four cells', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const { catalogue } = t.deps;
    const codes = formIndicators(catalogue, 'RSJ').map((i) => i.code);
    const rows = body(t.deps).rows.map((r) => ({ ...r, values: { ...r.values } as Record<string, number> }));
    const [a, b, c] = rows;
    if (!a || !b || !c) throw new Error('too few counties');
    b.values.X1 = -5; // negative
    c.values.K1 = (c.values.K1 ?? 0) + 1; // K ≠ K1 + … + K7
    const total = (code: string) => rows.reduce((s, r) => s + (r.values[code] ?? 0), 0);
    const name = (code: string) => catalogue.units.find((u) => u.code === code)?.name ?? code;
    const lines: (string | number)[][] = [
      ['县区', ...codes],
      ...rows.map((r) => [name(r.county), ...codes.map((code) => r.values[code] ?? 0)]),
      ['合计', ...codes.map((code) => (code === 'F1' ? total(code) + 1 : total(code)))],
    ];
    const e1 = codes.indexOf('E1') + 1;
    const line = lines[1];
    if (!line) throw new Error('no county line');
    line[e1] = 'abc'; // text in a number cell
    const before = await tableCounts(t.deps);

    const res = await admin.post('/api/reports/RSJ/2020-08/file', csvForm(lines, 'RSJ-2020-08.csv'));
    expect(res.status).toBe(422);
    const { error } = apiErrorSchema.parse(await res.json());
    const found = (error.details ?? []).map((p) => ({ rule: p.rule, indicator: p.indicator, cell: p.cell }));
    const col = (code: string) => String.fromCharCode(65 + codes.indexOf(code) + 1);
    expect(found).toEqual(
      expect.arrayContaining([
        { rule: 'not-a-number', indicator: 'E1', cell: `${col('E1')}2` },
        { rule: 'total-mismatch', indicator: 'F1', cell: `${col('F1')}${rows.length + 2}` },
        { rule: 'negative', indicator: 'X1', cell: `${col('X1')}3` },
        { rule: 'sum', indicator: 'K', cell: `${col('K')}4` },
      ]),
    );
    expect(found).toHaveLength(4);
    const sum = (error.details ?? []).find((p) => p.rule === 'sum');
    expect(sum?.message).toContain('应等于 农村转移就业劳动者 + 高校毕业生 + 两后生等青年');
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('a history file with text, a negative and a broken subtotal → one 422 listing all three', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const admin = await t.login('admin');
    const rows = body(t.deps).rows.map((r) => ({ ...r, values: { ...r.values } as Record<string, number> }));
    const [a, b, c] = rows;
    if (!a || !b || !c) throw new Error('too few counties');
    b.values.X1 = -5;
    c.values.K1 = (c.values.K1 ?? 0) + 1;
    const text = historyCsv(t.deps.catalogue, [
      { department: 'RSJ', month: '2020-03', submittedAt: '2020-04-08T10:00:00+08:00', rows },
    ]).replace(/(\r\n[^,]+,2020-03,[^,]+,[^,]+,30,20,)4,/u, '$1abc,');
    expect(text).toContain('abc');
    const res = await admin.post('/api/reports/import', historyForm(new TextEncoder().encode(text), 'history.csv'));
    expect(res.status).toBe(422);
    const { error } = apiErrorSchema.parse(await res.json());
    expect((error.details ?? []).map((p) => p.rule).sort()).toEqual(['negative', 'not-a-number', 'sum']);
    expect((error.details ?? []).every((p) => p.cell)).toBe(true);
  });
});

describe('an unchanged re-submission', () => {
  it('is answered 409 unchanged and stores no version; a changed one is stored', async () => {
    const t = await makeTestApp('2020-09-05T10:00:00+08:00');
    const admin = await t.login('admin');
    expect((await admin.post('/api/reports/RSJ/2020-08', body(t.deps))).status).toBe(201);
    const before = await tableCounts(t.deps);
    const again = await admin.post('/api/reports/RSJ/2020-08', body(t.deps));
    expect(again.status).toBe(409);
    const { error } = apiErrorSchema.parse(await again.json());
    expect(error).toMatchObject({ code: 'unchanged', message: '与上一版本相同，未生成新版本' });
    expect(await tableCounts(t.deps)).toEqual(before);
    const changed = await admin.post('/api/reports/RSJ/2020-08', body(t.deps, 2));
    expect(changed.status).toBe(201);
  });
});
