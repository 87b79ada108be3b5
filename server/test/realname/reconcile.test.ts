import { describe, expect, it } from 'vitest';
import { type Contribution, reconciliationSchema } from '@lz/shared/api/rosters';
import type { ReportRow } from '@lz/shared/report-body';
import { reconcile } from '../../src/realname/reconcile';

const rosters: Contribution[] = [
  { month: '2020-03', county: '450203', values: { K1: 30, X3: 28, F1: 51_000 } },
  { month: '2020-03', county: '450203', values: { K1: 10, K4: 5, X1: 5, F1: 17_000.5, F2: 1250 } },
  { month: '2020-03', county: '450222', values: { E2: 20, F1: 24_000 } },
  // Another month: not this reconciliation's.
  { month: '2020-04', county: '450222', values: { E2: 99 } },
];

describe('rosters against the monthly report', () => {
  it('compares per county and indicator and sums the month, by hand', () => {
    const reported: ReportRow[] = [
      { county: '450203', values: { K1: 40, K4: 5, X1: 5, X3: 28, F1: 68_000.5, F2: 1250, T: 45 } },
      { county: '450222', values: { E2: 32, F1: 38_400 } },
    ];
    const r = reconciliationSchema.parse(
      reconcile({ department: 'RSJ', month: '2020-03', rosters, reported, counties: ['450203', '450222'] }),
    );
    const cell = (county: string, indicator: string) =>
      r.cells.find((c) => c.county === county && c.indicator === indicator);
    expect(cell('450203', 'K1')).toEqual({
      county: '450203',
      indicator: 'K1',
      rosters: 40,
      reported: 40,
      difference: 0,
    });
    expect(cell('450203', 'F1')).toMatchObject({ rosters: 68_000.5, difference: 0 });
    // 柳城县 reported 32 enterprise person-times; its rosters hold 20: the report is 12 above them.
    expect(cell('450222', 'E2')).toEqual({
      county: '450222',
      indicator: 'E2',
      rosters: 20,
      reported: 32,
      difference: 12,
    });
    expect(r.cells).toHaveLength(2 * 19);
    // Person-times: rosters 30 + 15 + 20 = 65, reported 45 + 32 = 77; 65 / 77 = 0.8442.
    expect(r.summary.personTimes).toEqual({ rosters: 65, reported: 77, difference: 12, coverage: 0.8442 });
    // F1: 51,000 + 17,000.50 + 24,000 = 92,000.50 against 68,000.50 + 38,400 = 106,400.50.
    expect(r.summary.trainingSubsidy).toEqual({ rosters: 92_000.5, reported: 106_400.5, difference: 14_400 });
  });

  it('shows rosters without a report, and a report without rosters', () => {
    const none = reconcile({ department: 'FL', month: '2020-03', rosters, reported: null, counties: ['450203'] });
    // 鱼峰区 only: K1 30 + 10, K4 5 = 45.
    expect(none.summary.personTimes).toEqual({ rosters: 45, reported: null, difference: null, coverage: null });
    const bare = reconcile({
      department: 'FL',
      month: '2020-05',
      rosters,
      reported: [{ county: '450203', values: { K1: 8 } }],
      counties: ['450203'],
    });
    expect(bare.summary.personTimes).toEqual({ rosters: 0, reported: 8, difference: 8, coverage: 0 });
  });
});
