import { describe, expect, it } from 'vitest';
import { deadlineOf, isOnTime, lastEndedMonth, monthsDueBy } from '../src/deadline';
import { dateInZone, endOfDayInZone, formatInZone } from '../src/zoned-time';

const rule = { deadlineDayOfNextMonth: 10, timeZone: 'Asia/Shanghai' };

describe('deadline of a month (the 10th of the next month, 23:59:59 Asia/Shanghai)', () => {
  it('runs in UTC, so nothing below depends on the machine zone', () => {
    expect(new Date('2020-01-01T00:00:00').getTimezoneOffset()).toBe(0);
  });

  it('is the 10th of the next month at 23:59:59 Beijing time = 15:59:59 UTC', () => {
    expect(deadlineOf('2020-08', rule).toISOString()).toBe('2020-09-10T15:59:59.999Z');
    expect(formatInZone(deadlineOf('2020-08', rule), 'Asia/Shanghai')).toBe('2020-09-10T23:59:59+08:00');
  });

  it('crosses the year end: December is due on 10 January of the next year', () => {
    expect(deadlineOf('2019-12', rule).toISOString()).toBe('2020-01-10T15:59:59.999Z');
    expect(deadlineOf('2021-12', rule).toISOString()).toBe('2022-01-10T15:59:59.999Z');
  });

  it('handles February and leap years without drifting', () => {
    expect(deadlineOf('2020-01', rule).toISOString()).toBe('2020-02-10T15:59:59.999Z');
    expect(deadlineOf('2020-02', rule).toISOString()).toBe('2020-03-10T15:59:59.999Z');
  });

  it('23:59:59 on the 10th is on time; 00:00:00 on the 11th is late', () => {
    expect(isOnTime('2020-08', new Date('2020-09-10T23:59:59+08:00'), rule)).toBe(true);
    expect(isOnTime('2020-08', new Date('2020-09-10T23:59:59.999+08:00'), rule)).toBe(true);
    expect(isOnTime('2020-08', new Date('2020-09-11T00:00:00+08:00'), rule)).toBe(false);
    // Same instants written in UTC: 15:59:59Z is on time, 16:00:00Z is late.
    expect(isOnTime('2020-08', new Date('2020-09-10T15:59:59Z'), rule)).toBe(true);
    expect(isOnTime('2020-08', new Date('2020-09-10T16:00:00Z'), rule)).toBe(false);
  });

  it('a submission before the month ends is on time', () => {
    expect(isOnTime('2020-08', new Date('2020-08-31T10:00:00+08:00'), rule)).toBe(true);
  });

  it('gives the same answers with the process in another zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date('2020-07-01T00:00:00').getTimezoneOffset()).toBe(420);
      expect(deadlineOf('2019-12', rule).toISOString()).toBe('2020-01-10T15:59:59.999Z');
      expect(isOnTime('2020-08', new Date('2020-09-11T00:00:00+08:00'), rule)).toBe(false);
      expect(dateInZone(new Date('2020-09-10T16:30:00Z'), 'Asia/Shanghai')).toBe('2020-09-11');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('calendar helpers in the campaign zone', () => {
  it('the Beijing date flips at 16:00 UTC', () => {
    expect(dateInZone(new Date('2020-09-10T15:59:59Z'), 'Asia/Shanghai')).toBe('2020-09-10');
    expect(dateInZone(new Date('2020-09-10T16:00:00Z'), 'Asia/Shanghai')).toBe('2020-09-11');
  });

  it('end of a day is its last millisecond in Beijing', () => {
    expect(endOfDayInZone('2020-09-15', 'Asia/Shanghai').toISOString()).toBe('2020-09-15T15:59:59.999Z');
  });

  it('the last ended month: 2020-09-15 → 2020-08; before the window → null; after → the window end', () => {
    const w = { start: '2019-08', end: '2021-12' };
    expect(lastEndedMonth('2020-09-15', w)).toBe('2020-08');
    expect(lastEndedMonth('2020-01-01', w)).toBe('2019-12');
    expect(lastEndedMonth('2019-08-31', w)).toBeNull();
    expect(lastEndedMonth('2019-09-01', w)).toBe('2019-08');
    expect(lastEndedMonth('2026-11-28', w)).toBe('2021-12');
  });

  it('months due by an instant are those whose deadline has passed', () => {
    const c = { start: '2019-08', end: '2021-12', ...rule };
    expect(monthsDueBy(new Date('2019-09-10T15:59:59Z'), c)).toEqual([]);
    expect(monthsDueBy(new Date('2019-09-10T16:00:00Z'), c)).toEqual(['2019-08']);
  });
});
