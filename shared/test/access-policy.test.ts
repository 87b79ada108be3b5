import { describe, expect, it } from 'vitest';
import {
  allocationDepartment,
  canReadAllocation,
  canReadFigures,
  canReadVersions,
  reportListDepartments,
  scopeBreakdown,
  scopeFigures,
  visibleDepartment,
  canReadReport,
  canReviewReports,
  canSendReminders,
  reminderDepartment,
  canWriteAllocation,
  canReadFinding,
  canRespondToFinding,
  canWriteFindings,
  canWriteReport,
  visibleCounty,
  canLookUpPeople,
  canAdjudicateFlags,
  canFileRoster,
  canWithdrawRoster,
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

  it('reminders: only the office chases; a reporter reads its own department’s, the others all', () => {
    expect([admin, leader, inspector, rsj, sanjiang].map(canSendReminders)).toEqual([true, false, false, false, false]);
    expect([admin, leader, inspector, rsj].map(reminderDepartment)).toEqual([null, null, null, 'RSJ']);
  });

  it('rows: a county user sees its own county only; everyone else every county', () => {
    expect(visibleCounty(sanjiang)).toBe('450226');
    expect([admin, leader, inspector, rsj].map(visibleCounty)).toEqual([null, null, null, null]);
    // A county user without a county binding sees no row rather than every row.
    expect(visibleCounty({ role: 'county', department: null, county: null })).toBe('');
  });

  it('a county user reads and answers the findings about its own county only', () => {
    const own = { subjectKind: 'county', subject: sanjiang.county } as const;
    const other = { subjectKind: 'county', subject: '450202' } as const;
    const dept = { subjectKind: 'department', subject: 'RSJ' } as const;
    const all = [admin, leader, inspector, rsj, sanjiang];
    expect(all.map((u) => canReadFinding(u, own))).toEqual([true, true, true, false, true]);
    expect(all.map((u) => canReadFinding(u, other))).toEqual([true, true, true, false, false]);
    expect(canReadFinding(sanjiang, dept)).toBe(false);
    expect(all.map((u) => canRespondToFinding(u, own))).toEqual([false, false, false, false, true]);
    expect(canRespondToFinding(sanjiang, other)).toBe(false);
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

  it('version history: every reader within its reports, except county users (it shows every county)', () => {
    expect([admin, leader, inspector, rsj, sanjiang].map((u) => canReadVersions(u, 'RSJ'))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(canReadVersions(rsj, 'GXJ')).toBe(false);
  });

  it('report lists: a reporter its own department; others what they ask for, or every reporting department', () => {
    const reporting = ['RSJ', 'GXJ'];
    expect(reportListDepartments(rsj, undefined, reporting)).toEqual(['RSJ']);
    expect(reportListDepartments(rsj, 'RSJ', reporting)).toEqual(['RSJ']);
    expect(reportListDepartments(rsj, 'GXJ', reporting)).toEqual({ refused: '只能查看本单位的报表' });
    expect(reportListDepartments(sanjiang, undefined, reporting)).toEqual(reporting);
    expect(reportListDepartments(leader, 'GXJ', reporting)).toEqual(['GXJ']);
    expect([admin, rsj, sanjiang].map(visibleDepartment)).toEqual([null, 'RSJ', null]);
  });

  it('figures: city totals for everyone; a reporter its department, a county user its county', () => {
    const city = {};
    expect([admin, leader, inspector, rsj, sanjiang].map((u) => canReadFigures(u, city))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(canReadFigures(rsj, { department: 'RSJ', county: '450202' })).toBe(true);
    expect(canReadFigures(rsj, { county: '450202' })).toBe(false);
    expect(canReadFigures(rsj, { department: 'GXJ' })).toBe(false);
    expect(canReadFigures(sanjiang, { department: 'GXJ', county: '450226' })).toBe(true);
    expect(canReadFigures(sanjiang, { department: 'GXJ' })).toBe(false);
    expect(canReadFigures(sanjiang, { county: '450202' })).toBe(false);
    expect(scopeFigures(sanjiang, { indicator: 'T', county: '450202' })).toEqual({
      refused: '只能查看本县区数据和全市合计',
    });
    expect(scopeFigures(rsj, { indicator: 'T', department: 'RSJ' })).toEqual({ indicator: 'T', department: 'RSJ' });
  });

  it('breakdowns: a reporter its department by county, a county user its county by department', () => {
    expect(scopeBreakdown(rsj, { by: 'county' })).toEqual({ by: 'county', department: 'RSJ' });
    expect(scopeBreakdown(rsj, { by: 'department' })).toHaveProperty('refused');
    expect(scopeBreakdown(rsj, { by: 'county', department: 'GXJ' })).toHaveProperty('refused');
    expect(scopeBreakdown(sanjiang, { by: 'department' })).toEqual({ by: 'department', county: '450226' });
    expect(scopeBreakdown(sanjiang, { by: 'county' })).toHaveProperty('refused');
    expect(scopeBreakdown(sanjiang, { by: 'department', county: '450202' })).toHaveProperty('refused');
    expect(scopeBreakdown(leader, { by: 'department', county: '450202' })).toEqual({
      by: 'department',
      county: '450202',
    });
  });

  it('allocations read by default: a reporter its own split, others the city level', () => {
    expect(allocationDepartment(rsj, undefined)).toBe('RSJ');
    expect(allocationDepartment(admin, undefined)).toBeNull();
    expect(allocationDepartment(admin, 'GXJ')).toBe('GXJ');
  });

  it('rosters (#15): filed and withdrawn by their department until reviewed, the admin always; flags, people', () => {
    const all = [admin, leader, inspector, rsj, sanjiang];
    expect(all.map((u) => canFileRoster(u, 'RSJ'))).toEqual([true, false, false, true, false]);
    expect(canFileRoster(rsj, 'GXJ')).toBe(false);
    const open = { department: 'RSJ', reviewed: false };
    const reviewed = { department: 'RSJ', reviewed: true };
    expect(all.map((u) => canWithdrawRoster(u, open.department, open.reviewed))).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(all.map((u) => canWithdrawRoster(u, reviewed.department, reviewed.reviewed))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(canWithdrawRoster(rsj, 'GXJ', false)).toBe(false);
    expect(all.map((u) => canAdjudicateFlags(u))).toEqual([true, false, true, false, false]);
    expect(all.map((u) => canLookUpPeople(u))).toEqual([true, false, true, false, false]);
  });
});
