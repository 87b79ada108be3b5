import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../src/lib/sheet-safety';
import { headingLines } from '../../src/lib/export-xlsx';

describe('neutraliseCell (formula injection)', () => {
  it('prefixes a quote to text that Excel would evaluate', () => {
    for (const v of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(v)).toBe(`'${v}`);
  });
  it('leaves ordinary text and numbers alone', () => {
    expect(neutraliseCell('三江侗族自治县')).toBe('三江侗族自治县');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(-5.1)).toBe(-5.1);
    expect(neutraliseCell(null)).toBe(null);
  });
});

describe('headingLines (a workbook that stands alone)', () => {
  it('writes the title, the as-of date and every filter in full above the table', () => {
    expect(
      headingLines({
        title: '柳州市职业技能提升行动 县区进度',
        asOf: '2021-12-31',
        filters: [{ label: '指标', value: '补贴性职业技能培训（人次）' }],
      }),
    ).toEqual(['柳州市职业技能提升行动 县区进度', '数据截至：2021-12-31', '指标：补贴性职业技能培训（人次）', '']);
    expect(headingLines({ title: 'x' })).toEqual(['x', '数据截至：最新', '']);
  });
});
