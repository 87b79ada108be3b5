import { fundUseSchema } from '@lz/shared/api/disclosure';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/catalogue';
import { type AcceptedRow, aggregateFundUse, fundLines, quarterOf } from '../../src/disclosure/fund-use';

const counties = [
  { code: '450203', name: '鱼峰区' },
  { code: '450204', name: '柳南区' },
  { code: '450205', name: '柳北区' },
];
const departments = [
  { code: 'RSJ', name: '市人力资源社会保障局' },
  { code: 'GXJ', name: '市工业和信息化局' },
];
const row = (department: string, county: string, month: string, values: Record<string, number>): AcceptedRow => ({
  department,
  county,
  month,
  values,
});
const rows = [
  row('RSJ', '450203', '2020-07', { F1: 10000.1, F2: 500, F3: 300, F4: 2000, T: 20, X1: 5, X3: 8 }),
  row('RSJ', '450204', '2020-08', { F1: 0.2, T: 1 }),
  row('GXJ', '450203', '2020-09', { F1: 5000, F2: 0, F3: 100.5, F4: 0, T: 10, X1: 0, X3: 2 }),
  row('GXJ', '450205', '2020-09', { F1: 0.1 }),
  row('RSJ', '450205', '2020-09', { F1: 0.2 }),
  // 2020-Q4 is not published: none of this may appear anywhere.
  row('GXJ', '450203', '2020-10', { F1: 99999, T: 77 }),
  row('RSJ', '450204', '2020-01', { F1: 1000, F4: 12.34, T: 4 }),
];
const publications = [
  { quarter: '2020-Q3', publishedAt: '2020-10-25' },
  { quarter: '2020-Q1', publishedAt: '2020-04-20' },
];
const result = aggregateFundUse({ rows, publications, counties, departments });
const find = (period: string, dimension: 'county' | 'department', code: string) =>
  result.rows.find((r) => r.period === period && r.dimension === dimension && r.code === code);

describe('aggregateFundUse', () => {
  test('a quarter by county adds every department there (hand-computed)', () => {
    expect(find('2020-Q3', 'county', '450203')).toEqual({
      period: '2020-Q3',
      dimension: 'county',
      code: '450203',
      name: '鱼峰区',
      training: { amount: 15000.1, personTimes: 30 },
      living: { amount: 500, personTimes: 5 },
      assessment: { amount: 400.5, personTimes: 10 },
      workTraining: { amount: 2000, personTimes: null },
    });
    // 0.1 + 0.2 in floating point is 0.30000000000000004; summed in fen it is 0.3.
    expect(find('2020-Q3', 'county', '450205')?.training.amount).toBe(0.3);
  });

  test('a quarter by department adds its counties', () => {
    expect(find('2020-Q3', 'department', 'RSJ')?.training).toEqual({ amount: 10000.5, personTimes: 21 });
    expect(find('2020-Q3', 'department', 'GXJ')?.assessment).toEqual({ amount: 100.5, personTimes: 2 });
  });

  test('a year sums its published quarters only, and says which', () => {
    expect(result.years).toEqual([{ year: '2020', quarters: ['2020-Q1', '2020-Q3'] }]);
    expect(find('2020', 'county', '450204')?.training).toEqual({ amount: 1000.2, personTimes: 5 });
    expect(find('2020', 'county', '450204')?.workTraining.amount).toBe(12.34);
    expect(find('2020', 'county', '450203')?.training).toEqual({ amount: 15000.1, personTimes: 30 });
    expect(find('2020', 'department', 'GXJ')?.training.amount).toBe(5000.1);
  });

  test('an unpublished quarter shows nowhere', () => {
    expect(result.rows.some((r) => r.period === '2020-Q4')).toBe(false);
    expect(JSON.stringify(result)).not.toContain('99999');
    expect(result.rows.map((r) => r.period)).not.toContain('2020-Q2');
  });

  test('every unit listed gets a row, zeros where it had none, in the order given', () => {
    const q1 = result.rows.filter((r) => r.period === '2020-Q1');
    expect(q1.map((r) => r.code)).toEqual(['450203', '450204', '450205', 'RSJ', 'GXJ']);
    expect(q1[0]?.training).toEqual({ amount: 0, personTimes: 0 });
    expect(result.rows.map((r) => r.period).filter((p, i, a) => a.indexOf(p) === i)).toEqual([
      '2020-Q1',
      '2020-Q3',
      '2020',
    ]);
  });

  test('the publication date is the latest, and the answer fits the contract', () => {
    expect(result.publishedAt).toBe('2020-10-25');
    expect(fundUseSchema.parse(result)).toEqual(result);
    expect(aggregateFundUse({ rows, publications: [], counties, departments })).toMatchObject({
      publishedAt: null,
      rows: [],
    });
  });

  test('a month counts in the quarter of the report month', () => {
    expect(['2020-01', '2020-03', '2020-04', '2020-09', '2020-10', '2020-12'].map(quarterOf)).toEqual([
      '2020-Q1',
      '2020-Q1',
      '2020-Q2',
      '2020-Q3',
      '2020-Q4',
      '2020-Q4',
    ]);
  });

  test('the subsidy lines name money indicators and the person-times name people of the real form', () => {
    const byCode = new Map(loadCatalogue().indicators.map((i) => [i.code, i]));
    for (const line of Object.values(fundLines)) {
      expect(byCode.get(line.amount)?.unit).toBe('元');
      if (line.personTimes) expect(['人次', '人']).toContain(byCode.get(line.personTimes)?.unit);
    }
  });
});
