import { describe, expect, it } from 'vitest';
import {
  canReadAllocation,
  canReadReport,
  canReviewReports,
  canWriteAllocation,
  canWriteFindings,
  canWriteReport,
  visibleCounty,
} from '../src/access-policy';

const admin = { role: 'admin', department: null, county: null } as const;
const leader = { role: 'leader', department: null, county: null } as const;
const inspector = { role: 'inspector', department: null, county: null } as const;
const rsj = { role: 'reporter', department: 'RSJ', county: null } as const;
const sanjiang = { role: 'county', department: null, county: '450226' } as const;

describe('the access policy', () => {
  it('reports: a reporter reads and writes its own department only; readers read; only the admin reviews', () => {
    expect([admin, leader, inspector, rsj, sanjiang].map((u) => canReadReport(u, 'RSJ'))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([admin, leader, inspector, rsj, sanjiang].map((u) => canReadReport(u, 'GXJ'))).toEqual([
      true,
      true,
      true,
      false,
      true,
    ]);
    expect([admin, leader, inspector, rsj, sanjiang].map((u) => canWriteReport(u, 'RSJ'))).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(canWriteReport(rsj, 'GXJ')).toBe(false);
    expect([admin, leader, inspector, rsj, sanjiang].map(canReviewReports)).toEqual([true, false, false, false, false]);
  });

  it('rows: a county user sees its own county only; everyone else every county', () => {
    expect(visibleCounty(sanjiang)).toBe('450226');
    expect([admin, leader, inspector, rsj].map(visibleCounty)).toEqual([null, null, null, null]);
    // A county user without a county binding sees no row rather than every row.
    expect(visibleCounty({ role: 'county', department: null, county: null })).toBe('');
  });

  it('findings and allocations', () => {
    expect([admin, leader, inspector, rsj, sanjiang].map(canWriteFindings)).toEqual([true, false, true, false, false]);
    expect([admin, leader, inspector, rsj, sanjiang].map((u) => canWriteAllocation(u, null))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect([admin, rsj].map((u) => canWriteAllocation(u, 'RSJ'))).toEqual([true, true]);
    expect(canWriteAllocation(rsj, 'GXJ')).toBe(false);
    expect([admin, leader, inspector, rsj, sanjiang].map((u) => canReadAllocation(u, 'RSJ'))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(canReadAllocation(rsj, null)).toBe(false);
  });
});
