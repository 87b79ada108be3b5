/** The small pieces the importer is built from, tested on their own. */
import { describe, expect, it } from 'vitest';
import { splitRecords } from '../../src/import/csv';
import { decodeText } from '../../src/import/decode-text';
import { cellAddress } from '../../src/import/grid';
import { buildLabelMatcher } from '../../src/import/match-county';
import { buildHeaderIndex } from '../../src/import/match-header';
import { headerKey } from '../../src/import/normalise';
import { parseCell, parseNumberText } from '../../src/import/parse-number';
import { sniffFile } from '../../src/import/sniff';
import { guardZip } from '../../src/import/zip-guard';
import { catalogue, fixture } from './helpers';

describe('parseNumberText', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['１２３', 123],
    ['１，２３４．５', 1234.5],
    ['  45 ', 45],
    ['\u300045\u3000', 45],
    ['0.5', 0.5],
    ['-3', -3],
    ['1.2E+05', 120000],
    ['¥1,234.00', 1234],
  ])('%j → %d', (text, value) => {
    expect(parseNumberText(text)).toEqual({ kind: 'number', value });
  });

  it.each(['', '  ', '-', '—', '——', '－', '/'])('%j is blank', (text) => {
    expect(parseNumberText(text)).toEqual({ kind: 'blank' });
  });

  it.each(['十二', 'abc', '1,5', '12,34', '1.2.3', '12人', 'NaN', 'Infinity'])('%j is invalid', (text) => {
    expect(parseNumberText(text).kind).toBe('invalid');
  });

  it('reads cells: numbers, cached formula results, missing results', () => {
    expect(parseCell({ kind: 'number', value: 7 })).toEqual({ kind: 'number', value: 7 });
    expect(parseCell({ kind: 'formula', result: 9 })).toEqual({ kind: 'number', value: 9 });
    expect(parseCell({ kind: 'formula', result: ' 1,000 ' })).toEqual({ kind: 'number', value: 1000 });
    expect(parseCell({ kind: 'formula', result: null })).toEqual({ kind: 'no-result' });
    expect(parseCell({ kind: 'other', text: '2020-03-01' }).kind).toBe('invalid');
    expect(parseCell({ kind: 'empty' })).toEqual({ kind: 'blank' });
  });
});

describe('header matching', () => {
  const index = buildHeaderIndex(catalogue);
  it.each([
    ['T', 'T'],
    ['e1', 'E1'],
    ['岗前培训（人次）', 'E1'],
    ['其中：贫困劳动力', 'X1'],
    ['其中:创业培训(人次)', 'X2'],
    ['“两后生”等青年', 'K3'],
    ['"两后生"等青年', 'K3'],
    ['岗位技能提升培训 (在岗/脱产/研修/练兵/线上)', 'E2'],
    ['岗位技能提升培训\n（在岗/脱产/研修/练兵/线上）', 'E2'],
    ['企业新型学徒制、现代学徒制培训【人次】', 'E5'],
    ['培训补贴支出[元]', 'F1'],
    ['补贴性培训 合计', 'T'],
  ])('%j → %s', (label, code) => {
    expect(index.get(headerKey(label))).toBe(code);
  });

  it('does not match columns that are not indicators', () => {
    for (const label of ['序号', '备注', '县（区）', '企业职工培训', '小计'])
      expect(index.get(headerKey(label))).toBeUndefined();
  });
});

describe('county matching', () => {
  const match = buildLabelMatcher(catalogue);
  it.each([
    ['城中区', '450202'],
    ['柳州市城中区', '450202'],
    ['450221', '450206'],
    ['450206', '450206'],
    ['融水苗族自治县', '450225'],
    ['融水县', '450225'],
    ['三江县', '450226'],
    ['柳东新区', 'LD'],
    ['北部生态新区(阳和工业新区)', 'BB'],
    ['北部生态新区（阳和工业新区）', 'BB'],
    ['阳和工业新区', 'BB'],
    ['1、柳城县', '450222'],
  ])('%j → %s', (label, code) => {
    expect(match(label)).toMatchObject({ kind: 'county', code });
  });

  it.each(['合计', '总计', '全市合计', '柳州市', '柳州市合计', '合 计', '450200'])('%j is the total row', (label) => {
    expect(match(label)).toEqual({ kind: 'total' });
  });

  it.each(['', '柳州新区', '南宁市', '填表人'])('%j is unknown', (label) => {
    expect(match(label)).toEqual({ kind: 'unknown' });
  });
});

describe('csv records', () => {
  it('handles quotes, doubled quotes, separators and line breaks inside quotes, CRLF', () => {
    expect(splitRecords('a,"b,c","say ""hi""\r\nthere"\r\nd,e\r\n', ',')).toEqual([
      ['a', 'b,c', 'say "hi"\r\nthere'],
      ['d', 'e'],
    ]);
  });
});

describe('text decoding', () => {
  it('tells UTF-8, UTF-8 with BOM and GBK apart', () => {
    const text = '县区,岗前培训';
    expect(decodeText(new TextEncoder().encode(text))).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
    // "县区" in GBK: CF D8 C7 F8
    expect(decodeText(new Uint8Array([0xcf, 0xd8, 0xc7, 0xf8]))).toBe('县区');
  });
});

describe('file sniffing and the zip guard', () => {
  it('recognises containers by their first bytes', () => {
    expect(sniffFile(fixture('libreoffice-formulas.xlsx'))).toBe('zip');
    expect(sniffFile(fixture('old-format.xls'))).toBe('ole2');
    expect(sniffFile(fixture('pdf-renamed.xlsx'))).toBe('binary');
    expect(sniffFile(fixture('gbk.csv'))).toBe('text');
    expect(sniffFile(new Uint8Array())).toBe('empty');
  });

  it('lists the parts of a genuine workbook', () => {
    const names = guardZip(fixture('libreoffice-formulas.xlsx')).map((e) => e.name);
    expect(names).toContain('xl/workbook.xml');
  });

  it('gives spreadsheet addresses', () => {
    expect([cellAddress(0, 0), cellAddress(6, 3), cellAddress(0, 25), cellAddress(0, 26), cellAddress(9, 701)]).toEqual(
      ['A1', 'D7', 'Z1', 'AA1', 'ZZ10'],
    );
  });
});
