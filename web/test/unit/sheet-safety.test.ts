import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../src/lib/sheet-safety';

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
