/**
 * The one access policy: what each role may see and write. Pure functions of the signed-in user, called by
 * the server's services (which enforce them) and by the web (which only hides what would be refused).
 *
 * | role      | reports                         | figures                              | other                      |
 * | --------- | ------------------------------- | ------------------------------------ | -------------------------- |
 * | admin     | read and write every one        | everything                           | review, users, audit, import |
 * | leader    | read                            | everything                           | —                          |
 * | inspector | read                            | everything                           | findings                   |
 * | reporter  | read and write its department's | its department and the city total    | its counties' allocations  |
 * | county    | read its own county's row       | its county and the city total        | —                          |
 *
 * @example
 * if (!canWriteReport(user, 'RSJ')) throw forbidden('只能填报本单位的报表');
 */
import type { Role, SessionUser } from './api/session';

type Who = Pick<SessionUser, 'role' | 'department' | 'county'>;

/** Roles that read reports and dashboards; every signed-in role does, each within its own scope. */
export const READER_ROLES: readonly Role[] = ['admin', 'leader', 'inspector', 'reporter', 'county'];

/** A reporter reads only its own department's reports; a county user reads every department, its own row only. */
export function canReadReport(user: Who, department: string): boolean {
  return user.role !== 'reporter' || user.department === department;
}

/** Admin may write any department's report; a reporter only its own. */
export function canWriteReport(user: Who, department: string): boolean {
  return user.role === 'admin' || (user.role === 'reporter' && user.department === department);
}

/** Accept, return and unlock are the statistics office's alone. */
export function canReviewReports(user: Who): boolean {
  return user.role === 'admin';
}

/** Back-filled submission times (history import, `submittedAt`) are the statistics office's alone. */
export function canBackfill(user: Who): boolean {
  return user.role === 'admin';
}

/** Inspectors record and close findings; the statistics office may too; leaders only read. */
export function canWriteFindings(user: Who): boolean {
  return user.role === 'inspector' || user.role === 'admin';
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

/** A reporter reads only its own department's split; county users see no allocations. */
export function canReadAllocation(user: Who, department: string | null): boolean {
  if (user.role === 'county') return false;
  return user.role !== 'reporter' || user.department === department;
}
