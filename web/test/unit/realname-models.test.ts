import type { Reconciliation } from '@lz/shared/api/rosters';
import type { Indicator } from '@lz/shared/catalogue';
import { prefillFromRosters } from '@lz/shared/realname/prefill';
import { describe, expect, it } from 'vitest';
import { columnNumber, rosterProblems } from '../../src/features/realname/components/problem-cells';
import { reconciliationTable } from '../../src/features/realname/components/reconciliation-model';
import { withRosterFigures } from '../../src/features/reports/components/grid-state';
import { rosterContributions } from '../../src/lib/realname/get-reconciliation';
import { differenceLevel, openingMonth } from '../../src/lib/realname/reconciliation-levels';

describe('roster problems at their cells', () => {
  it('numbers columns as Excel does', () => {
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('Z')).toBe(26);
    expect(columnNumber('AA')).toBe(27);
    expect(columnNumber('BC')).toBe(2 * 26 + 3);
  });

  it('puts each problem at its sheet cell, whole-file ones first, then row by row and Z before AA', () => {
    const list = rosterProblems([
      { row: 9, column: 'AA', rule: 'x', message: '补贴超标' },
      { row: 9, column: 'Z', rule: 'x', message: '电话' },
      { row: 7, column: 'D', rule: 'id-number', message: '身份证号校验位错误' },
      { row: null, column: null, rule: 'total', message: '合计行不符' },
      { row: 12, column: 'idNumber', rule: 'dup', message: '同一人重复' },
    ]);
    expect(list.map((p) => [p.cell, p.message])).toEqual([
      [null, '合计行不符'],
      ['D7', '身份证号校验位错误'],
      ['Z9', '电话'],
      ['AA9', '补贴超标'],
      // A JSON roster names a field: no sheet cell, the row stays.
      [null, '同一人重复'],
    ]);
    expect(list[4]?.row).toBe(12);
  });

  it('keeps server order within one cell and drops details of another shape', () => {
    const list = rosterProblems([
      { row: 3, column: 'C', rule: 'a', message: '一' },
      { county: '450202', indicator: 'E1', rule: 'r', message: '报表问题' },
      { row: 3, column: 'C', rule: 'b', message: '二' },
    ]);
    expect(list.map((p) => p.message)).toEqual(['一', '二']);
  });
});

describe('reconciliation', () => {
  it('opens on the month before the server day, inside the window', () => {
    expect(openingMonth('2020-06-15T02:00:00Z', '2019-05', '2021-12')).toBe('2020-05');
    expect(openingMonth('2020-01-03T02:00:00Z', '2019-05', '2021-12')).toBe('2019-12');
    expect(openingMonth('2026-12-02T04:00:00Z', '2019-05', '2021-12')).toBe('2021-12');
    expect(openingMonth('2019-05-20T04:00:00Z', '2019-05', '2021-12')).toBe('2019-05');
    expect(openingMonth(undefined, '2019-05', '2021-12')).toBe('2021-12');
  });

  it('marks a report above its rosters, below them, equal (within half a fen) and unreported', () => {
    expect(differenceLevel({ reported: 45, difference: 5 })).toBe('over');
    expect(differenceLevel({ reported: 38, difference: -2 })).toBe('under');
    expect(differenceLevel({ reported: 48000, difference: 0.004 })).toBe('equal');
    expect(differenceLevel({ reported: null, difference: null })).toBe('unreported');
  });

  const rec: Reconciliation = {
    department: 'RSJ',
    month: '2020-05',
    cells: [
      { county: '450205', indicator: 'F1', rosters: 48000, reported: 48000, difference: 0 },
      { county: '450205', indicator: 'E2', rosters: 40, reported: 45, difference: 5 },
      { county: '450202', indicator: 'E2', rosters: 12, reported: null, difference: null },
      { county: '450202', indicator: 'E1', rosters: 3, reported: 1, difference: -2 },
    ],
    summary: {
      personTimes: { rosters: 55, reported: 46, difference: -9, coverage: null },
      trainingSubsidy: { rosters: 48000, reported: 48000, difference: 0 },
    },
  };
  const catalogue = {
    units: [
      { code: '450205', name: '柳北区', order: 2, population: null, aliases: [] },
      { code: '450202', name: '城中区', order: 1, population: null, aliases: [] },
    ],
    indicators: [
      {
        code: 'E1',
        name: '就业技能培训(农村)',
        shortName: 'E1',
        unit: '人次',
        kind: 'flow',
        valueType: 'integer',
        group: 'E',
      },
      {
        code: 'E2',
        name: '就业技能培训(城镇)',
        shortName: 'E2',
        unit: '人次',
        kind: 'flow',
        valueType: 'integer',
        group: 'E',
      },
      { code: 'F1', name: '培训补贴', shortName: 'F1', unit: '元', kind: 'flow', valueType: 'money', group: 'F' },
    ],
  } satisfies Parameters<typeof reconciliationTable>[1];

  it('lays out counties in unit order, indicators in catalogue order, and counts cells reported above rosters', () => {
    const table = reconciliationTable(rec, catalogue);
    expect(table.indicators).toEqual(['E1', 'E2', 'F1']);
    expect(table.rows.map((r) => r.county)).toEqual(['450202', '450205']);
    expect(table.rows[1]?.cells.E2).toEqual({ rosters: 40, reported: 45, difference: 5, level: 'over' });
    expect(table.rows[0]?.cells.E2?.level).toBe('unreported');
    expect(table.rows[0]?.cells.F1).toBeUndefined();
    expect(table.overCount).toBe(1);
  });

  it('turns the roster side into contributions that 按花名册生成 fills the form from, subtotals by the sum rules', () => {
    const contributions = rosterContributions(rec);
    expect(contributions).toEqual([
      { month: '2020-05', county: '450205', values: { F1: 48000, E2: 40 } },
      { month: '2020-05', county: '450202', values: { E2: 12, E1: 3 } },
    ]);
    const withSum = {
      units: catalogue.units,
      indicators: [
        ...catalogue.indicators,
        {
          code: 'E',
          name: '就业技能培训',
          shortName: 'E',
          unit: '人次',
          kind: 'flow' as const,
          valueType: 'integer' as const,
          group: 'E',
          hardRules: [{ type: 'sum' as const, of: ['E1', 'E2'] }],
        },
      ],
    };
    const rows = prefillFromRosters(withSum, '2020-05', contributions);
    // 城中区: E = 3 + 12; 柳北区: E = 0 + 40; the reported side never enters the form.
    expect(rows.find((r) => r.county === '450202')?.values).toEqual({ E1: 3, E2: 12, E: 15 });
    expect(rows.find((r) => r.county === '450205')?.values).toEqual({ F1: 48000, E2: 40, E: 40 });
  });
});

describe('按花名册生成 into the entry grid', () => {
  const ind = (code: string, hardRules?: Indicator['hardRules']): Indicator => ({
    code,
    name: code,
    shortName: code,
    unit: '人次',
    kind: 'flow',
    valueType: 'integer',
    group: 'E',
    hardRules,
  });
  const form = [ind('E1'), ind('E2'), ind('E', [{ type: 'sum', of: ['E1', 'E2'] }]), ind('Z9')];

  it('overwrites roster-covered cells, keeps what the clerk typed elsewhere and recomputes subtotals', () => {
    const grid = {
      '450202': { E1: 7, E2: 1, E: 8, Z9: 4 },
      '450205': { E1: null, E2: null, E: null, Z9: null },
    };
    const { grid: next, filled } = withRosterFigures(
      grid,
      [
        // The prefill's own subtotal E is ignored: the grid computes it from its parts.
        { county: '450202', values: { E1: 3, E: 3 } },
        { county: '450205', values: { E1: 2, E2: 5, E: 7 } },
        // A county not on the form is skipped.
        { county: '999999', values: { E1: 1 } },
      ],
      form,
    );
    expect(next['450202']).toEqual({ E1: 3, E2: 1, E: 4, Z9: 4 });
    expect(next['450205']).toEqual({ E1: 2, E2: 5, E: 7, Z9: null });
    expect(filled).toBe(3);
    expect(grid['450202'].E1).toBe(7);
  });
});
