import { describe, expect, it } from 'vitest';
import { csv, dataset, expectedRows, parse, parseFixture, sortRows } from './helpers';

describe('CSV uploads', () => {
  it('reads a GBK CSV with title lines, a header of names with units, 合计 and footer', async () => {
    const { rows, warnings } = await parseFixture('gbk.csv');
    expect(rows).toEqual(expectedRows('JYJ'));
    expect(warnings).toEqual([]);
    // Spot checks against the figures written into the file.
    const chengzhong = rows.find((r) => r.county === '450202')!;
    expect(chengzhong.values).toMatchObject({ T: 1230, E: 779, E1: 295, K: 451, F1: 473152.8 });
    expect(rows.find((r) => r.county === '450203')!.values.F1).toBe(1963781.75);
  });

  it('reads UTF-8 with BOM, a header of codes, county codes (450221 → 柳江区), 序号 and 备注 columns', async () => {
    const { rows, warnings } = await parseFixture('utf8-bom.csv');
    expect(rows).toEqual(expectedRows('JYJ'));
    expect(rows.map((r) => r.county)).toContain('450206');
    expect(warnings).toEqual([]);
  });

  it('reads ; separated UTF-8 with a two-row header, thousands separators, full-width digits and padding', async () => {
    const { rows } = await parseFixture('utf8-quirks.csv');
    expect(sortRows(rows)).toEqual(expectedRows('JYJ'));
    expect(rows.find((r) => r.county === '450204')!.values.T).toBe(dataset.rows['450204']!.T);
  });

  it("turns '-', '—' and blank cells into 0 with a blank-cells warning naming each cell", async () => {
    const { warnings } = await parseFixture('utf8-quirks.csv');
    expect(dataset.quirkBlankCells.length).toBeGreaterThan(5);
    for (const blank of dataset.quirkBlankCells) {
      const w = warnings.find((p) => p.county === blank.county);
      expect(w, `${blank.county} ${blank.cell}`).toBeDefined();
      expect(w!.rule).toBe('blank-cells');
      expect(w!.indicator!.split(',')).toContain(blank.indicator);
      expect(w!.message).toMatch(/^\S+: \d+ 项未填写(（.+）)?，按 0 计$/u);
    }
    expect(warnings.every((w) => w.cell && /^[A-Z]+\d+$/u.test(w.cell))).toBe(true);
  });

  it('detects tab and semicolon separators, quoted fields with commas and line breaks, CR-only lines', async () => {
    const body = [
      ['"柳州市职业技能提升行动\n月报表, 2020年"'],
      ['县区', 'T', 'E', 'E1', 'K', 'K1'],
      ['城中区', '"1,200"', '1000', '1000', '200', '200'],
    ];
    for (const sep of ['\t', ';']) {
      const text = body.map((r) => r.join(sep)).join('\r\n');
      const { rows } = await parse(new TextEncoder().encode(text), 'JYJ', 'x.csv');
      expect(rows).toEqual([{ county: '450202', values: { T: 1200, E: 1000, E1: 1000, K: 200, K1: 200 } }]);
    }
    const cr = new TextEncoder().encode('县区,T,E,E1\r鱼峰区,5,5,5\r');
    expect((await parse(cr, 'JYJ', 'x.csv')).rows).toEqual([{ county: '450203', values: { T: 5, E: 5, E1: 5 } }]);
  });

  it('reads UTF-16 "Unicode text" (tab separated, with BOM) as Excel saves it', async () => {
    const text = '\ufeff县区\tT\tE\tE1\r\n柳北区\t7\t7\t7\r\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect((await parse(le, 'JYJ', 'x.txt')).rows).toEqual([{ county: '450205', values: { T: 7, E: 7, E1: 7 } }]);
  });

  it('matches county names in every usual form', async () => {
    const names: [string, string][] = [
      ['柳州市柳南区', '450204'],
      ['柳州柳北区', '450205'],
      ['融水县', '450225'],
      ['三江县', '450226'],
      ['柳东', 'LD'],
      ['北部新区', 'BB'],
      ['阳和工业新区', 'BB'],
      ['北部生态新区（阳和工业新区）', 'BB'],
      ['450221', '450206'],
      ['鱼 峰 区', '450203'],
      ['ld', 'LD'],
      ['柳江区（原柳江县）', '450206'],
      ['鹿寨县\u3000', '450223'],
    ];
    for (const [label, code] of names) {
      const { rows } = await parse(
        csv([
          ['县区', 'T', 'E', 'E1'],
          [label, 1, 1, 1],
        ]),
        'JYJ',
        'x.csv',
      );
      expect(
        rows.map((r) => r.county),
        label,
      ).toEqual([code]);
    }
  });

  it('never imports the city total row, whatever it is called, and accepts it when it adds up', async () => {
    for (const label of ['合计', '总计', '全市合计', '柳州市', '合  计', '全市']) {
      const file = csv([
        ['县区', 'T', 'E', 'E1'],
        [label, 3, 3, 3],
        ['城中区', 1, 1, 1],
        ['鱼峰区', 2, 2, 2],
      ]);
      const { rows } = await parse(file, 'JYJ', 'x.csv');
      expect(
        rows.map((r) => r.county),
        label,
      ).toEqual(['450202', '450203']);
    }
  });

  it('skips blank rows inside the table and stops at footer lines', async () => {
    const file = csv([
      ['县区', 'T', 'E', 'E1'],
      ['城中区', 1, 1, 1],
      ['', '', '', ''],
      ['鱼峰区', 2, 2, 2],
      [],
      ['填表人：张三', '', '联系电话：123'],
      ['柳南区', 9, 9, 9],
    ]);
    expect((await parse(file, 'JYJ', 'x.csv')).rows.map((r) => r.county)).toEqual(['450202', '450203']);
  });

  it(
    'matches a header by code in any case, by short name, or ' + 'by full name with brackets and quotes removed',
    async () => {
      const file = csv([
        [
          '县区',
          't',
          '企业职工培训小计（人次）',
          '其中：岗前培训',
          '“两后生”等青年',
          'K',
          '安全技能培训 (高危行业、特种作业)',
          '其中: 贫困劳动力【人次】',
        ],
        ['城中区', 10, 10, 6, 0, 0, 4, 2],
      ]);
      const { rows } = await parse(file, 'JYJ', 'x.csv');
      expect(rows[0]!.values).toEqual({ T: 10, E: 10, E1: 6, K3: 0, K: 0, E4: 4, X1: 2 });
    },
  );

  it('ignores columns of indicators that are not on this form while they are empty or zero', async () => {
    const file = csv([
      ['县区', 'T', 'E', 'E1', '就业人员数', 'S2'],
      ['城中区', 1, 1, 1, '', 0],
    ]);
    expect((await parse(file, 'JYJ', 'x.csv')).rows).toEqual([{ county: '450202', values: { T: 1, E: 1, E1: 1 } }]);
    // The lead department's form carries them.
    const rsj = csv([
      ['县区', 'T', 'S1', 'S2'],
      ['城中区', 1, 100000, 20000],
    ]);
    expect((await parse(rsj, 'RSJ', 'x.csv')).rows[0]!.values).toEqual({ T: 1, S1: 100000, S2: 20000 });
  });
});
