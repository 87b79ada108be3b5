import { describe, expect, it } from 'vitest';
import { inspectionPeriods, periodLabel } from '../src/inspection-periods';

describe('督查期间', () => {
  it('names each stored period in Chinese', () => {
    expect(periodLabel('2021-Q4')).toBe('2021年第四季度');
    expect(periodLabel('2020-Q1')).toBe('2020年第一季度');
    expect(periodLabel('2021-H1')).toBe('2021年上半年');
    expect(periodLabel('2019-H2')).toBe('2019年下半年');
    expect(periodLabel('2021')).toBe('2021年度');
    expect(periodLabel('anything')).toBe('anything');
  });

  it('lists the periods that overlap the campaign window, latest first', () => {
    const q = inspectionPeriods('quarterly', '2019-08', '2021-12').map((p) => p.value);
    expect(q[0]).toBe('2021-Q4');
    expect(q.at(-1)).toBe('2019-Q3'); // August 2019 is in the third quarter; Q1 and Q2 of 2019 are before
    expect(q).toHaveLength(10);
    expect(inspectionPeriods('half-year', '2019-08', '2021-12').map((p) => p.value)).toEqual([
      '2021-H2',
      '2021-H1',
      '2020-H2',
      '2020-H1',
      '2019-H2',
    ]);
    expect(inspectionPeriods('annual', '2019-08', '2021-12')).toEqual([
      { value: '2021', label: '2021年度' },
      { value: '2020', label: '2020年度' },
      { value: '2019', label: '2019年度' },
    ]);
    expect(inspectionPeriods('quarterly', '2019-08', '2021-02').map((p) => p.value)[0]).toBe('2021-Q1');
  });
});
