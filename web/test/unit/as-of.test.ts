import { describe, expect, it } from 'vitest';
import { asOfForMonth, clampMonth } from '../../src/lib/as-of';
import { apiUrl, toApiError } from '../../src/lib/api-client';
import { dayBounds } from '../../src/features/audit/api/get-audit';

describe('asOfForMonth', () => {
  it('is the last day of the following month, when every report of the month was due', () => {
    expect(asOfForMonth('2020-08')).toBe('2020-09-30');
    expect(asOfForMonth('2021-12')).toBe('2022-01-31');
    expect(asOfForMonth('2020-01')).toBe('2020-02-29');
  });
  it('is undefined without a month (the server then uses today)', () => {
    expect(asOfForMonth('')).toBeUndefined();
    expect(asOfForMonth('2020-8')).toBeUndefined();
    expect(asOfForMonth('2020-13')).toBeUndefined();
  });
});

describe('clampMonth', () => {
  it('keeps a month inside the campaign window', () => {
    expect(clampMonth('2020-08', '2019-08', '2021-12')).toBe('2020-08');
  });
  it('clamps a month outside the window to its edge, where there are figures', () => {
    expect(clampMonth('2018-06', '2019-08', '2021-12')).toBe('2019-08');
    expect(clampMonth('2023-05', '2019-08', '2021-12')).toBe('2021-12');
  });
  it('reads anything that is not a month as the latest', () => {
    expect(clampMonth('2020-13', '2019-08', '2021-12')).toBe('');
    expect(clampMonth('abc', '2019-08', '2021-12')).toBe('');
    expect(clampMonth(null, '2019-08', '2021-12')).toBe('');
  });
});

describe('api client helpers', () => {
  it('drops empty params', () => {
    expect(apiUrl('/series', { indicator: 'T', county: undefined, department: '', asOf: null })).toBe(
      '/api/series?indicator=T',
    );
  });
  it('reads the error envelope, details included', () => {
    const e = toApiError(422, {
      error: {
        code: 'rules_broken',
        message: '校验未通过',
        details: [{ county: '450226', indicator: 'T', rule: 'sum', message: 'x', cell: 'D7' }],
      },
    });
    expect(e.status).toBe(422);
    expect(e.code).toBe('rules_broken');
    expect(e.details[0]?.cell).toBe('D7');
  });
  it('falls back on the status when the body is not the envelope', () => {
    expect(toApiError(401, null).code).toBe('unauthorized');
    expect(toApiError(502, '<html>').message).toContain('服务器');
  });
});

describe('audit day bounds', () => {
  it('sends a Shanghai day as its UTC instants', () => {
    expect(dayBounds({ from: '2022-01-09', to: '2022-01-09' }, 'Asia/Shanghai')).toEqual({
      from: '2022-01-08T16:00:00.000Z',
      to: '2022-01-09T15:59:59.999Z',
    });
    expect(dayBounds({ actor: 'admin' }, 'Asia/Shanghai')).toEqual({ actor: 'admin', from: undefined, to: undefined });
  });
});
