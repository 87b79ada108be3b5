import { describe, expect, it } from 'vitest';
import { checkReportBody, totalsOf } from '../src/report-body';
import { realCatalogue } from './load-catalogue';

const c = realCatalogue();

/** A consistent row: T = E + K, E = E1..E5, K = K1..K7, X ≤ limits. */
function goodValues(): Record<string, number> {
  return {
    T: 200,
    E: 120,
    E1: 20,
    E2: 50,
    E3: 10,
    E4: 30,
    E5: 10,
    K: 80,
    K1: 30,
    K2: 20,
    K3: 10,
    K4: 10,
    K5: 5,
    K6: 3,
    K7: 2,
    X1: 15,
    X2: 5,
    X3: 150,
    X4: 12,
    F1: 180000.5,
    F2: 3750,
    F3: 22500,
    F4: 0,
    C1: 2,
    C2: 1,
    C3: 0,
    C4: 0,
    C5: 0,
    C6: 0,
  };
}
const allRows = () => c.units.map((u) => ({ county: u.code, values: goodValues() }));
const rulesOf = (body: ReturnType<typeof checkReportBody>) =>
  body.errors.map((e) => `${e.county}:${e.indicator}:${e.rule}`);

describe('hard rules of the report form', () => {
  it('accepts a consistent report and returns every county in display order', () => {
    const r = checkReportBody({ rows: allRows().reverse() }, 'GXJ', c);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.rows.map((x) => x.county)).toEqual(c.units.map((u) => u.code));
  });

  it('T must equal E + K, with the message naming county, column and both numbers', () => {
    const rows = allRows();
    rows[2]!.values.T = 201;
    const r = checkReportBody({ rows }, 'GXJ', c);
    expect(rulesOf(r)).toEqual(['450204:T:sum']);
    expect(r.errors[0]!.message).toBe(
      '柳南区: 补贴性培训合计(T) 应等于 企业职工培训小计 + 就业重点群体培训小计 (201 ≠ 200)',
    );
  });

  it('E must equal E1+E2+E3+E4+E5', () => {
    const rows = allRows();
    rows[2]!.values.E = 120;
    rows[2]!.values.E2 = 48;
    rows[2]!.values.T = 200;
    const r = checkReportBody({ rows }, 'GXJ', c);
    expect(r.errors.map((e) => e.message)).toEqual([
      '柳南区: 企业职工培训小计(E) 应等于 岗前培训 + 岗位技能提升培训 + 转岗转业培训 + 安全技能培训 + 学徒制培训 (120 ≠ 118)',
    ]);
  });

  it('K must equal K1+…+K7', () => {
    const rows = allRows();
    rows[0]!.values.K7 = 3;
    expect(rulesOf(checkReportBody({ rows }, 'GXJ', c))).toEqual(['450202:K:sum']);
  });

  it.each([
    ['X1', 'T'],
    ['X2', 'T'],
    ['X3', 'T'],
    ['X4', 'E'],
  ])('%s may not exceed %s', (code, limit) => {
    const rows = allRows();
    rows[1]!.values[code] = (rows[1]!.values[limit] ?? 0) + 1;
    const r = checkReportBody({ rows }, 'GXJ', c);
    expect(rulesOf(r)).toEqual([`450203:${code}:lte`]);
    expect(r.errors[0]!.message).toContain('不应大于');
  });

  it('S2 ≤ S1 and S3 ≤ S2 on the lead department form', () => {
    const rows = allRows().map((r) => ({ ...r, values: { ...r.values, S1: 1000, S2: 300, S3: 80 } }));
    expect(checkReportBody({ rows }, 'RSJ', c).errors).toEqual([]);
    rows[0]!.values.S2 = 1001;
    expect(rulesOf(checkReportBody({ rows }, 'RSJ', c))).toEqual(['450202:S2:lte']);
  });

  it('person-times are whole numbers ≥ 0; money has at most two decimals', () => {
    const rows = allRows();
    rows[0]!.values.E1 = -1;
    rows[1]!.values.K5 = 2.5;
    rows[2]!.values.F1 = 10.123;
    const r = checkReportBody({ rows }, 'GXJ', c);
    expect(rulesOf(r)).toEqual(['450202:E1:negative', '450203:K5:integer', '450204:F1:money-cents']);
  });

  it('rejects unknown counties, duplicate rows and unknown indicators', () => {
    const rows = [...allRows(), { county: '999999', values: {} }, { county: '450202', values: goodValues() }];
    rows[3]!.values.ZZ = 1;
    expect(rulesOf(checkReportBody({ rows }, 'GXJ', c))).toEqual([
      '450205:ZZ:unknown-indicator',
      '999999:null:unknown-county',
      '450202:null:duplicate-county',
    ]);
  });

  it('stock columns belong to the lead department only', () => {
    const rows = allRows();
    rows[0]!.values.S1 = 5;
    const r = checkReportBody({ rows }, 'GXJ', c);
    expect(rulesOf(r)).toEqual(['450202:S1:not-on-form']);
    rows[0]!.values.S1 = 0;
    expect(checkReportBody({ rows }, 'GXJ', c).errors).toEqual([]);
  });

  it('a missing county or blank column counts as 0 and warns', () => {
    const rows = allRows().slice(1);
    delete rows[0]!.values.F4;
    const r = checkReportBody({ rows }, 'GXJ', c);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => `${w.county}:${w.rule}`)).toEqual(['450202:missing-county', '450203:blank-cells']);
    expect(r.rows[0]!.values.T).toBe(0);
    expect(r.rows[1]!.values.F4).toBe(0);
  });

  it('totals add columns exactly, money to the cent', () => {
    const t = totalsOf(checkReportBody({ rows: allRows() }, 'GXJ', c).rows);
    expect(t.T).toBe(2400);
    expect(t.F1).toBe(2160006);
  });
});
