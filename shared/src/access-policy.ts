/**
 * The one access policy: what each role may see and write. Pure functions of the signed-in user, called by
 * the server's services (which enforce them) and by the web (which only hides what would be refused).
 *
 * | role      | reports                         | figures                              | other                      |
 * | --------- | ------------------------------- | ------------------------------------ | -------------------------- |
 * | admin     | read and write every one        | everything                           | review, users, audit, import |
 * |           |                                 |                                      | 信息公开 (publish, answer)   |
 * | leader    | read                            | everything                           | —                          |
 * | inspector | read                            | everything                           | findings                   |
 * | reporter  | read and write its department's | its department and the city total    | its counties' allocations  |
 * | county    | read its own county's row       | its county and the city total        | —                          |
 *
 * Functions that narrow a query return the narrowed query, or a `Refusal` the server answers with 403.
 *
 * @example
 * if (!canWriteReport(user, 'RSJ')) throw forbidden('只能填报本单位的报表');
 */
import type { Role, SessionUser } from './api/session';

type Who = Pick<SessionUser, 'role' | 'department' | 'county'>;

/** Roles that read reports and dashboards; every signed-in role does, each within its own scope. */
export const READER_ROLES: readonly Role[] = ['admin', 'leader', 'inspector', 'reporter', 'county'];

/** Why a request is refused, in words for the user (the server answers 403 with it). */
export interface Refusal {
  refused: string;
}

/** A reporter reads only its own department's reports; a county user reads every department, its own row only. */
export function canReadReport(user: Who, department: string): boolean {
  return user.role !== 'reporter' || user.department === department;
}

/**
 * A report's version history (every version's totals and warnings) shows every county, so a county user
 * may not read it, nor any single earlier version: it reads the latest version's own row only.
 */
export function canReadVersions(user: Who, department: string): boolean {
  return user.role !== 'county' && canReadReport(user, department);
}

/**
 * The departments whose report months a user lists: a reporter its own, others the one asked for or all.
 * A county user gets every department's months, with figures of its own row (see `visibleCounty`).
 */
export function reportListDepartments(
  user: Who,
  asked: string | undefined,
  reporting: readonly string[],
): string[] | Refusal {
  if (user.role === 'reporter') {
    if (asked !== undefined && asked !== user.department) return { refused: '只能查看本单位的报表' };
    return [user.department ?? ''];
  }
  return asked === undefined ? [...reporting] : [asked];
}

/** The one department whose figures a user is limited to: a reporter's own, or null (no such limit). */
export function visibleDepartment(user: Who): string | null {
  return user.role === 'reporter' ? (user.department ?? '') : null;
}

/**
 * Whether a user may read figures of one department and/or county (undefined: summed over all). Everyone
 * reads city totals; a reporter reads its own department (in any county), a county user its own county (of
 * any department); other readers read everything.
 */
export function canReadFigures(user: Who, of: { department?: string; county?: string }): boolean {
  const cityTotal = of.department === undefined && of.county === undefined;
  if (user.role === 'reporter') return cityTotal || of.department === user.department;
  if (user.role === 'county') return cityTotal || of.county === user.county;
  return true;
}

/** A figures query (a series) as asked, or refused when it names a department or county the user may not read. */
export function scopeFigures<Q extends { department?: string; county?: string }>(user: Who, q: Q): Q | Refusal {
  if (canReadFigures(user, q)) return q;
  return { refused: user.role === 'county' ? '只能查看本县区数据和全市合计' : '只能查看本单位数据和全市合计' };
}

/**
 * A breakdown narrowed to what the user may see: a reporter its own department by county, a county user its
 * own county by department (the missing filter is filled in); other readers any breakdown as asked.
 */
export function scopeBreakdown<Q extends { by: 'county' | 'department'; department?: string; county?: string }>(
  user: Who,
  q: Q,
): Q | Refusal {
  if (user.role === 'reporter') {
    if (q.by !== 'county' || (q.department && q.department !== user.department))
      return { refused: '只能查看本单位按县区的完成情况' };
    return { ...q, department: user.department ?? undefined };
  }
  if (user.role === 'county') {
    if (q.by !== 'department' || (q.county && q.county !== user.county)) return { refused: '只能查看本县区的完成情况' };
    return { ...q, county: user.county ?? undefined };
  }
  return q;
}

/** Admin may write any department's report; a reporter only its own. */
export function canWriteReport(user: Who, department: string): boolean {
  return user.role === 'admin' || (user.role === 'reporter' && user.department === department);
}

/** Accept, return and unlock are the statistics office's alone. */
export function canReviewReports(user: Who): boolean {
  return user.role === 'admin';
}

/** Chasing late reports (催报) is the statistics office's. */
export function canSendReminders(user: Who): boolean {
  return user.role === 'admin';
}

/** Whose reminders a user reads: a reporter its own department's, the office, leaders and inspectors all. */
export function reminderDepartment(user: Who): string | null {
  return user.role === 'reporter' ? (user.department ?? '') : null;
}

/** Back-filled submission times (history import, `submittedAt`) are the statistics office's alone. */
export function canBackfill(user: Who): boolean {
  return user.role === 'admin';
}

/** Inspectors record and close findings; the statistics office may too; leaders only read. */
export function canWriteFindings(user: Who): boolean {
  return user.role === 'inspector' || user.role === 'admin';
}

/** A finding's subject, as the policy needs it. */
type FindingSubject = { subjectKind: 'county' | 'department'; subject: string };

/**
 * Findings: the office, leaders and inspectors read all of them; a county user reads those about its own
 * county, so the rectification loop reaches the people who must rectify.
 */
export function canReadFinding(user: Who, f: FindingSubject): boolean {
  if (user.role === 'county') return f.subjectKind === 'county' && f.subject === user.county;
  return user.role === 'admin' || user.role === 'leader' || user.role === 'inspector';
}

/** A county user answers (整改说明) the findings about its own county. */
export function canRespondToFinding(user: Who, f: FindingSubject): boolean {
  return user.role === 'county' && canReadFinding(user, f);
}

/** The county rows of a report a user may see: all of them, or a county user's own. */
export function visibleCounty(user: Who): string | null {
  return user.role === 'county' ? (user.county ?? '') : null;
}

/**
 * Allocations: the admin splits targets among departments; a reporter splits its own department's share
 * among counties. `department` null means the city-level split.
 */
export function canWriteAllocation(user: Who, department: string | null): boolean {
  if (department === null) return user.role === 'admin';
  return user.role === 'admin' || (user.role === 'reporter' && user.department === department);
}

/** The split a user reads when it names none: a reporter its own department's, others the city-level one. */
export function allocationDepartment(user: Who, asked: string | undefined): string | null {
  return asked ?? (user.role === 'reporter' ? user.department : null) ?? null;
}

/** A reporter reads only its own department's split; county users see no allocations. */
export function canReadAllocation(user: Who, department: string | null): boolean {
  if (user.role === 'county') return false;
  return user.role !== 'reporter' || user.department === department;
}

/** 信息公开: publishing fund use and notices, and answering the public's objections, is the statistics office's. */
export function canManageDisclosure(user: Who): boolean {
  return user.role === 'admin';
}

/**
 * 实名制 (#15): the office files any department's rosters, a reporter its own department's; leaders and
 * county users file none.
 */
export function canFileRoster(user: Who, department: string): boolean {
  return canWriteReport(user, department);
}

/**
 * The rosters a user lists or opens: a reporter its own department's, a county user its own county's, the
 * office and inspectors all; leaders see only aggregates (reconciliation), never a roster.
 */
export function scopeRosters<Q extends { department?: string; county?: string }>(user: Who, q: Q): Q | Refusal {
  if (user.role === 'leader') return { refused: '市领导只查看汇总数据，不查看花名册' };
  if (user.role === 'reporter') {
    if (q.department !== undefined && q.department !== user.department) return { refused: '只能查看本单位的花名册' };
    return { ...q, department: user.department ?? '' };
  }
  if (user.role === 'county') {
    if (q.county !== undefined && q.county !== user.county) return { refused: '只能查看本县区的花名册' };
    return { ...q, county: user.county ?? '' };
  }
  return q;
}

/** Whether one stored roster is within `scopeRosters`. */
export function canReadRoster(user: Who, roster: { department: string; county: string }): boolean {
  if (user.role === 'leader') return false;
  if (user.role === 'reporter') return roster.department === user.department;
  if (user.role === 'county') return roster.county === user.county;
  return true;
}

/** A roster is withdrawn by the office, or by its department while that month's report is not yet accepted. */
export function canWithdrawRoster(user: Who, department: string, reportAccepted: boolean): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'reporter' && user.department === department && !reportAccepted;
}

/** Flags (signs of fake training) and person lookups are the inspectors' and the office's. */
export function canAdjudicateFlags(user: Who): boolean {
  return user.role === 'inspector' || user.role === 'admin';
}

/** The training catalogues (institutions, projects) are the statistics office's to edit. */
export function canEditTrainingCatalogue(user: Who): boolean {
  return user.role === 'admin';
}

/**
 * Rosters against reports: aggregates, so leaders read them too; a reporter its own department's; county
 * users none (a department's figure spans counties).
 */
export function scopeReconciliation<Q extends { department?: string }>(user: Who, q: Q): Q | Refusal {
  if (user.role === 'county') return { refused: '县区用户不查看花名册核对' };
  if (user.role === 'reporter') {
    if (q.department !== undefined && q.department !== user.department)
      return { refused: '只能查看本单位的花名册核对' };
    return { ...q, department: user.department ?? '' };
  }
  return q;
}

/** Looking a person up by ID number is for the statistics office and inspectors only (every lookup is audited). */
export function canLookUpPeople(user: Who): boolean {
  return user.role === 'admin' || user.role === 'inspector';
}
