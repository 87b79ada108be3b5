import { describe, expect, it } from 'vitest';
import { addMonths, compareMonths, isMonth, monthRange, monthsInclusive, yearOf } from '../src/months';

describe('month arithmetic', () => {
  it('the window 2019-08 … 2021-12 has 29 months', () => {
    expect(monthsInclusive('2019-08', '2021-12')).toBe(29);
    const all = monthRange('2019-08', '2021-12');
    expect(all).toHaveLength(29);
    expect(all[0]).toBe('2019-08');
    expect(all[5]).toBe('2020-01');
    expect(all.at(-1)).toBe('2021-12');
  });

  it('adds across year ends both ways', () => {
    expect(addMonths('2019-12', 1)).toBe('2020-01');
    expect(addMonths('2020-01', -1)).toBe('2019-12');
    expect(addMonths('2019-08', 28)).toBe('2021-12');
    expect(addMonths('2020-03', -15)).toBe('2018-12');
  });

  it('counts nothing when the end is before the start', () => {
    expect(monthsInclusive('2020-05', '2020-04')).toBe(0);
    expect(monthRange('2020-05', '2020-04')).toEqual([]);
  });

  it('compares, validates and gives the year', () => {
    expect(compareMonths('2019-12', '2020-01')).toBeLessThan(0);
    expect(isMonth('2020-13')).toBe(false);
    expect(isMonth('2020-00')).toBe(false);
    expect(isMonth('2020-1')).toBe(false);
    expect(isMonth('2020-10')).toBe(true);
    expect(yearOf('2021-03')).toBe(2021);
  });
});
