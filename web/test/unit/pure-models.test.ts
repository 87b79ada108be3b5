import type { BreakdownRow } from '@lz/shared/api/progress';
import type { ReportVersion } from '@lz/shared/api/reports';
import type { SessionUser } from '@lz/shared/api/session';
import type { Indicator } from '@lz/shared/catalogue';
import { describe, expect, it } from 'vitest';
import { canManageDisclosure, canWriteFindings, canWriteReport } from '@lz/shared/access-policy';
import { canSee, homePath, navItems } from '../../src/app/access';
import { laggingRows } from '../../src/features/inspect/components/lagging-model';
import {
  bodyOf,
  cellBelow,
  computedCodes,
  fillSubtotals,
  gridFrom,
} from '../../src/features/reports/components/grid-state';
import { changedCells } from '../../src/features/reports/components/version-diff';

const user = (role: SessionUser['role'], extra: Partial<SessionUser> = {}): SessionUser => ({
  id: 1,
  username: role,
  displayName: role,
  role,
  department: null,
  county: null,
  ...extra,
});

describe('access', () => {
  it('lands each role on its home page', () => {
    expect(homePath(user('admin'))).toBe('/review');
    expect(homePath(user('leader'))).toBe('/overview');
    expect(homePath(user('inspector'))).toBe('/inspect');
    expect(homePath(user('reporter', { department: 'RSJ' }))).toBe('/workspace');
    expect(homePath(user('county', { county: '450226' }))).toBe('/drill/county/450226');
  });
  it('shows each role only its pages', () => {
    const pages = (u: SessionUser) => navItems(u).map((i) => i.page);
    expect(pages(user('admin'))).toHaveLength(19);
    expect(pages(user('admin'))).toContain('institutions');
    expect(pages(user('admin'))).toContain('trainingProjects');
    expect(pages(user('admin'))).toContain('disclosure');
    expect(pages(user('admin'))).toContain('import');
    expect(pages(user('leader'))).toEqual(['overview', 'map', 'drill', 'inspect', 'bulletin', 'reconciliation']);
    expect(pages(user('inspector'))).toEqual([
      'overview',
      'map',
      'drill',
      'inspect',
      'bulletin',
      'reconciliation',
      'flags',
      'people',
      'rosters',
    ]);
    expect(pages(user('reporter'))).toEqual([
      'overview',
      'reconciliation',
      'workspace',
      'rosters',
      'rosterUpload',
      'allocations',
    ]);
    expect(pages(user('county', { county: '450226' }))).toEqual(['overview', 'drill', 'findings', 'rosters']);
    // 实名制: leaders read aggregates only; a person's record is for the office and inspectors.
    expect(canSee('leader', 'rosters')).toBe(false);
    expect(canSee('reporter', 'people')).toBe(false);
    expect(canSee('county', 'rosterUpload')).toBe(false);
    expect(canSee('leader', 'users')).toBe(false);
    expect(canSee('leader', 'disclosure')).toBe(false);
    expect(canManageDisclosure(user('admin'))).toBe(true);
    expect(canManageDisclosure(user('leader'))).toBe(false);
    expect(canWriteFindings(user('leader'))).toBe(false);
    expect(canWriteFindings(user('inspector'))).toBe(true);
    expect(canWriteReport(user('reporter', { department: 'RSJ' }), 'GXJ')).toBe(false);
    expect(canWriteReport(user('reporter', { department: 'RSJ' }), 'RSJ')).toBe(true);
  });
});

const ind = (code: string, of?: string[]): Indicator => ({
  code,
  name: code,
  shortName: code,
  unit: '人次',
  kind: 'flow',
  valueType: 'integer',
  group: 'G',
  ...(of ? { hardRules: [{ type: 'sum' as const, of }] } : {}),
});

describe('entry grid', () => {
  const form = [ind('T', ['E', 'K']), ind('E', ['E1', 'E2']), ind('E1'), ind('E2'), ind('K', ['K1']), ind('K1')];
  it('starts blank or from the latest version', () => {
    const g = gridFrom(['a', 'b'], form, [{ county: 'a', values: { T: 3, E: 3, E1: 1, E2: 2, K: 0, K1: 0 } }]);
    expect(g.a?.T).toBe(3);
    expect(g.b?.T).toBeNull();
    expect(bodyOf(g).rows[1]).toEqual({ county: 'b', values: {} });
  });
  it('fills nested subtotals from their parts', () => {
    const g = fillSubtotals({ a: { T: null, E: null, E1: 2, E2: 5, K: null, K1: 4 } }, form);
    expect(g.a).toEqual({ T: 11, E: 7, E1: 2, E2: 5, K: 4, K1: 4 });
  });
  it('computes subtotals, not typed: blank parts give a blank subtotal, a typed subtotal is replaced', () => {
    const g = fillSubtotals({ a: { T: 99, E: 5, E1: null, E2: null, K: 1, K1: 3 } }, form);
    expect(g.a).toEqual({ T: 3, E: null, E1: null, E2: null, K: 3, K1: 3 });
    expect([...computedCodes(form)].sort()).toEqual(['E', 'K', 'T']);
  });
  it('Enter moves to the cell below, and nowhere from the last row', () => {
    expect(cellBelow(['a', 'b', 'c'], 'a')).toBe('b');
    expect(cellBelow(['a', 'b', 'c'], 'c')).toBeNull();
  });
});

describe('version diff', () => {
  const v = (rows: ReportVersion['rows']) => ({ rows }) as ReportVersion;
  it('lists the cells that changed, including cells only one side has', () => {
    const a = v([{ county: 'x', values: { T: 1, E: 1 } }]);
    const b = v([
      { county: 'x', values: { T: 2, E: 1 } },
      { county: 'y', values: { T: 0, E: 3 } },
    ]);
    expect([...changedCells(a, b)].sort()).toEqual(['x|T', 'y|E']);
  });
});

describe('lagging model', () => {
  const r = (over: Partial<BreakdownRow>): BreakdownRow => ({
    code: 'c',
    name: 'C',
    allocation: 1200,
    actual: 400,
    completionRate: 1 / 3,
    timeProgress: 0.5,
    lagging: true,
    rank: 1,
    recent: 600,
    ...over,
  });
  it('measures the gap, the shortfall against the pace and whether the recent pace closes it', () => {
    const [x] = laggingRows([r({})], 12, 12);
    expect(x?.gap).toBeCloseTo(-1 / 6);
    expect(x?.shortfall).toBe(200);
    expect(x?.pace).toBe(100);
    expect(x?.needed).toBeCloseTo(800 / 12);
    expect(x?.trend).toBe('closing');
    expect(laggingRows([r({ recent: 60 })], 12, 12)[0]?.trend).toBe('widening');
  });
  it('says "missed" once the window is over short of the allocation', () => {
    expect(laggingRows([r({})], 0, 29)[0]?.trend).toBe('missed');
    expect(laggingRows([r({ allocation: null, completionRate: null })], 0, 29)[0]?.trend).toBe('none');
  });
});
