import { describe, expect, it } from 'vitest';
import { median, softWarnings } from '../src/soft-rules';
import { realCatalogue } from './load-catalogue';

const c = realCatalogue();
const zeroRows = () =>
  c.units.map((u) => ({ county: u.code, values: { T: 0, E: 0, K: 0, F1: 0 } as Record<string, number> }));

describe('soft rules (accepted with warnings)', () => {
  it('median', () => {
    expect(median([])).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('flags a figure over five times the county median of earlier non-zero months', () => {
    const rows = zeroRows();
    rows[0]!.values = { T: 600, E: 600, K: 0, F1: 600 * 900 };
    const history = { byCounty: { '450202': { T: [0, 0, 100, 110, 0, 90, 0], E: [100, 110, 90] } }, totals: {} };
    const w = softWarnings(rows, history, c);
    expect(w.map((x) => `${x.county}:${x.indicator}:${x.rule}`)).toEqual([
      '450202:T:history-outlier',
      '450202:E:history-outlier',
    ]);
    expect(w[0]!.message).toContain('中位数 100');
  });

  it('is robust to months of zeros: too little non-zero history gives no warning', () => {
    const rows = zeroRows();
    rows[0]!.values = { T: 600, E: 600, K: 0, F1: 600 * 900 };
    const history = { byCounty: { '450202': { T: [0, 0, 0, 0, 0, 100, 100] } }, totals: {} };
    expect(softWarnings(rows, history, c)).toEqual([]);
  });

  it('does not flag a figure within five times the median', () => {
    const rows = zeroRows();
    rows[0]!.values = { T: 480, E: 0, K: 480, F1: 480 * 900 };
    const history = { byCounty: { '450202': { T: [100, 100, 100] } }, totals: {} };
    expect(softWarnings(rows, history, c)).toEqual([]);
  });

  it('flags training subsidy per person-time outside 50–6000 yuan, and money without trainees', () => {
    const rows = zeroRows();
    rows[0]!.values = { T: 10, E: 10, K: 0, F1: 70000 };
    rows[1]!.values = { T: 0, E: 0, K: 0, F1: 500 };
    rows[2]!.values = { T: 100, E: 100, K: 0, F1: 100 * 900 };
    const w = softWarnings(rows, { byCounty: {}, totals: {} }, c);
    expect(w.map((x) => `${x.county}:${x.rule}`)).toEqual(['450202:per-capita', '450203:per-capita']);
    expect(w[0]!.message).toContain('7,000 元/人次');
  });

  it('flags an all-zero report from a department that usually trains', () => {
    const active = { byCounty: {}, totals: { T: [0, 50, 60, 70, 80, 90] } };
    expect(softWarnings(zeroRows(), active, c).map((x) => x.rule)).toEqual(['zero-report-from-active']);
    const quiet = { byCounty: {}, totals: { T: [0, 0, 0, 10, 0, 0] } };
    expect(softWarnings(zeroRows(), quiet, c)).toEqual([]);
  });
});
