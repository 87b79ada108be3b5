import { describe, expect, it } from 'vitest';
import {
  formatBulletinIssue,
  formatCell,
  formatCount,
  formatCountAgainst,
  formatDateTime,
  formatDateTimeSeconds,
  formatInteger,
  formatMonth,
  formatPercent,
  formatPoints,
  formatYuan,
} from '../../src/lib/format';

describe('formatCount (person-times the Chinese way)', () => {
  it('keeps small numbers exact with separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9876)).toBe('9,876');
  });
  it('switches to 万 from ten thousand, one decimal, no trailing .0', () => {
    expect(formatCount(195228)).toBe('19.5万');
    expect(formatCount(190000)).toBe('19万');
    expect(formatCount(10000)).toBe('1万');
    expect(formatCount(-25000)).toBe('-2.5万');
  });
  it('uses 亿 for hundreds of millions', () => {
    expect(formatCount(123_456_789)).toBe('1.23亿');
  });
  it('uses k and M in English', () => {
    expect(formatCount(195228, 'en')).toBe('195.2k');
    expect(formatCount(2_500_000, 'en')).toBe('2.5M');
    expect(formatCount(950, 'en')).toBe('950');
  });
  it('shows a dash for missing values', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
  });
});

describe('formatPercent / formatPoints', () => {
  it('one decimal', () => {
    expect(formatPercent(1.0275157894736842)).toBe('102.8%');
    expect(formatPercent(0.28)).toBe('28.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
  });
  it('signed percentage points', () => {
    expect(formatPoints(0.0275)).toBe('+2.8');
    expect(formatPoints(-0.051)).toBe('-5.1');
    expect(formatPoints(0)).toBe('0.0');
    expect(formatPoints(null)).toBe('—');
  });
});

describe('money and cells', () => {
  it('yuan with thousands separators and cents', () => {
    expect(formatYuan(1234567.5)).toBe('1,234,567.50 元');
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuan(1234567.5, 'en')).toBe('¥1,234,567.50');
  });
  it('report cells by value type', () => {
    expect(formatCell(376543.16, 'money')).toBe('376,543.16');
    expect(formatCell(60172, 'integer')).toBe('60,172');
    expect(formatInteger(195228)).toBe('195,228');
  });
});

describe('dates', () => {
  it('months', () => {
    expect(formatMonth('2020-08')).toBe('2020年8月');
    expect(formatMonth('2021-12', 'en')).toBe('Dec 2021');
    expect(formatMonth(null)).toBe('—');
  });
  it('keeps the server wall-clock time of an offset instant', () => {
    expect(formatDateTime('2022-01-10T23:59:59+08:00', 'Asia/Shanghai')).toBe('2022-01-10 23:59');
  });
  it('shows a UTC instant as Shanghai wall-clock time, not the UTC text', () => {
    expect(formatDateTime('2026-11-28T12:05:55.734Z', 'Asia/Shanghai')).toBe('2026-11-28 20:05');
    expect(formatDateTimeSeconds('2020-12-10T20:00:00Z', 'Asia/Shanghai')).toBe('2020-12-11 04:00:00');
    expect(formatDateTime(null, 'Asia/Shanghai')).toBe('—');
    expect(formatDateTime('not a time', 'Asia/Shanghai')).toBe('not a time');
  });
});

describe('formatCountAgainst (a forecast beside its target)', () => {
  it('shows enough digits that a shortfall hidden by rounding is visible', () => {
    expect(formatCount(19_995)).toBe('2万');
    expect(formatCountAgainst(19_995, 20_000)).toBe('1.9995万');
    expect(formatCountAgainst(189_960, 190_000)).toBe('18.996万');
    expect(formatCountAgainst(19_995, 20_000, 'en')).toBe('19.995k');
  });
  it('keeps the short form when it already differs or the numbers are equal', () => {
    expect(formatCountAgainst(150_000, 190_000)).toBe('15万');
    expect(formatCountAgainst(20_000.2, 20_000)).toBe('2万');
    expect(formatCountAgainst(null, 20_000)).toBe('—');
    expect(formatCountAgainst(9_876, null)).toBe('9,876');
  });
});

describe('formatBulletinIssue (期号)', () => {
  it('numbers a monthly bulletin by its month within the year', () => {
    expect(formatBulletinIssue('2021-11')).toBe('2021年第11期');
    expect(formatBulletinIssue('2020-01')).toBe('2020年第1期');
    expect(formatBulletinIssue(null)).toBe('—');
  });
});
