import { describe, expect, test } from 'vitest';
import { noticePeriod } from '../../src/disclosure/notice-period';

const none = { holidays: [], workdays: [] };
// 2020-09-28 is a Monday; 2020-10-01..08 were the National Day holidays, 2020-10-10 (Saturday) a workday.
const nationalDay2020 = {
  holidays: ['2020-10-01', '2020-10-02', '2020-10-05', '2020-10-06', '2020-10-07', '2020-10-08'],
  workdays: ['2020-09-27', '2020-10-10'],
};
const at = (iso: string) => new Date(iso);

describe('noticePeriod', () => {
  test('five working days from a Wednesday skip the weekend', () => {
    expect(noticePeriod('2020-09-02', 5, at('2020-09-02T02:00:00Z'), none)).toEqual({
      noticeStart: '2020-09-02',
      noticeEnd: '2020-09-08',
      open: true,
    });
  });

  test('published on a Saturday, it starts on Monday', () => {
    expect(noticePeriod('2020-09-05', 5, at('2020-09-05T02:00:00Z'), none)).toMatchObject({
      noticeStart: '2020-09-07',
      noticeEnd: '2020-09-11',
    });
  });

  test('holidays are skipped and a worked Saturday counts', () => {
    expect(noticePeriod('2020-09-29', 5, at('2020-09-29T02:00:00Z'), nationalDay2020)).toMatchObject({
      noticeStart: '2020-09-29',
      // 29, 30 Sep; 9 Oct (Fri); 10 Oct (worked Saturday); 12 Oct (Mon).
      noticeEnd: '2020-10-12',
    });
  });

  test('open until 23:59:59 of the last day in Shanghai, whatever the server zone', () => {
    // 2020-09-08T23:59:59+08:00 = 15:59:59Z
    expect(noticePeriod('2020-09-02', 5, at('2020-09-08T15:59:59Z'), none).open).toBe(true);
    expect(noticePeriod('2020-09-02', 5, at('2020-09-08T16:00:00Z'), none).open).toBe(false);
  });

  test('not open before its publication day', () => {
    // 2020-09-01T23:00+08:00 is still the day before.
    expect(noticePeriod('2020-09-02', 5, at('2020-09-01T15:00:00Z'), none).open).toBe(false);
    expect(noticePeriod('2020-09-02', 5, at('2020-09-01T16:00:00Z'), none).open).toBe(true);
  });

  test('seven days when the office sets seven', () => {
    expect(noticePeriod('2020-09-02', 7, at('2020-09-02T02:00:00Z'), none).noticeEnd).toBe('2020-09-10');
  });
});
