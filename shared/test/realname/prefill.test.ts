import { describe, expect, it } from 'vitest';
import { prefillFromRosters } from '../../src/realname/prefill';
import { realCatalogue } from '../load-catalogue';

describe('按花名册生成', () => {
  it('fills leaves from the month’s rosters and subtotals by the form’s sum rules', () => {
    const catalogue = realCatalogue();
    const rows = prefillFromRosters(catalogue, '2020-03', [
      { month: '2020-03', county: '450203', values: { K1: 30, X3: 28, F1: 51_000 } },
      { month: '2020-03', county: '450203', values: { E2: 12, X4: 3, F1: 20_400.5 } },
      { month: '2020-04', county: '450203', values: { K1: 99 } },
    ]);
    expect(rows).toHaveLength(catalogue.units.length);
    const yufeng = rows.find((r) => r.county === '450203')!.values;
    // E = 12, K = 30, T = E + K = 42; F1 = 51,000 + 20,400.50.
    expect(yufeng).toMatchObject({ K1: 30, E2: 12, E: 12, K: 30, T: 42, X3: 28, X4: 3, F1: 71_400.5 });
    expect(rows.find((r) => r.county === '450222')!.values).toMatchObject({ T: 0, E: 0, K: 0 });
  });
});
