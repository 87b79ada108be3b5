import { describe, expect, it } from 'vitest';
import { completionRate, forecastAtEnd, isLagging, ratio, timeProgress } from '../src/progress';

const w = { start: '2019-08', end: '2021-12' };

describe('time progress (时序进度)', () => {
  it('is elapsed window months over all 29: through 2020-08 → 13/29', () => {
    expect(timeProgress('2020-08', w)).toBeCloseTo(13 / 29, 12);
    expect(timeProgress('2019-08', w)).toBeCloseTo(1 / 29, 12);
    expect(timeProgress('2021-12', w)).toBe(1);
    expect(timeProgress(null, w)).toBe(0);
    expect(timeProgress('2019-07', w)).toBe(0);
    expect(timeProgress('2022-05', w)).toBe(1);
  });

  it('follows an annual split where configured: each year accrues over its own window months', () => {
    const split = { 2019: 30000, 2020: 80000, 2021: 80000 };
    // Through 2020-08: all of 2019 (30,000) + 8/12 of 2020 (53,333.3) = 83,333.3 of 190,000.
    expect(timeProgress('2020-08', w, split)).toBeCloseTo((30000 + (80000 * 8) / 12) / 190000, 12);
    // Through 2019-10: 3 of 2019's 5 window months.
    expect(timeProgress('2019-10', w, split)).toBeCloseTo((30000 * 3) / 5 / 190000, 12);
    expect(timeProgress('2021-12', w, split)).toBeCloseTo(1, 12);
  });
});

describe('completion, lagging, forecast, ratios', () => {
  it('completion rate = actual / target; none without a target', () => {
    expect(completionRate(74000, 190000)).toBeCloseTo(0.38947, 5);
    expect(completionRate(5, 0)).toBeNull();
  });

  it('lagging is completion below time progress; equal is on track', () => {
    expect(isLagging(0.4, 0.448)).toBe(true);
    expect(isLagging(0.5, 0.5)).toBe(false);
    expect(isLagging(null, 0.9)).toBe(false);
  });

  it('forecast = cumulative + mean of the last six months × months remaining', () => {
    const monthly = [100, 100, 100, 100, 100, 100, 200, 200, 200, 200, 200, 200, 200];
    // Through 2020-08 (13th month): 16 months remain; pace = 200.
    expect(forecastAtEnd(2100, monthly, '2020-08', w)).toBe(2100 + 200 * 16);
    // Fewer than six months elapsed: the mean of those there are.
    expect(forecastAtEnd(300, [100, 200], '2019-09', w)).toBe(300 + 150 * 27);
    expect(forecastAtEnd(500, [1, 2, 3], '2021-12', w)).toBe(500);
    expect(forecastAtEnd(0, [], null, w)).toBe(0);
  });

  it('ratio is null without a denominator', () => {
    expect(ratio(28, 100)).toBe(0.28);
    expect(ratio(1, 0)).toBeNull();
  });
});
