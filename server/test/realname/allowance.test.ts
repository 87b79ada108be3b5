import { describe, expect, it } from 'vitest';
import { allowanceByYear } from '../../src/realname/allowance';
import { prior, training } from './roster-fixtures';

describe('subsidies used and left per year', () => {
  it('counts subsidised trainings by 结业日期, unsubsidised ones not at all', () => {
    const trainings = [
      prior({ classId: 'a', startDate: '2019-12-16', endDate: '2020-01-03' }),
      prior({ classId: 'b', startDate: '2019-09-02', endDate: '2019-09-20' }),
      prior({ classId: 'c', startDate: '2020-05-04', endDate: '2020-05-22' }),
      prior({ classId: 'd', startDate: '2020-06-01', endDate: '2020-06-19', trainingSubsidy: 0 }),
    ];
    expect(allowanceByYear(trainings, training.rules)).toEqual([
      { year: '2019', used: 1, left: 2, classIds: ['b'] },
      { year: '2020', used: 2, left: 1, classIds: ['a', 'c'] },
    ]);
    expect(allowanceByYear(trainings, { ...training.rules, countingDate: 'startDate' })[0]).toEqual({
      year: '2019',
      used: 2,
      left: 1,
      classIds: ['a', 'b'],
    });
  });
});
