/** Who may read or write which department's report for which month (the rule is shared/access-policy.ts). */
import { canReadReport, canWriteReport } from '@lz/shared/access-policy';
import type { SessionUser } from '@lz/shared/api/session';
import { isMonth } from '@lz/shared/months';
import type { Deps } from '../../deps';
import { AppError, badRequest, forbidden } from '../../errors';

/**
 * The department and month name a report of the window that the user may read (or write): 404 / 400 for
 * an unknown department or a month outside the window, 403 where the policy refuses. Call it once per
 * request, in the service verb the route calls.
 */
export function assertReportable(
  deps: Deps,
  user: SessionUser,
  department: string,
  month: string,
  mode: 'read' | 'write',
): void {
  const { catalogue } = deps;
  const dept = catalogue.departments.find((d) => d.code === department);
  // Its own code: a client tells "no such department" from "not submitted yet" (a plain not_found).
  if (!dept) throw new AppError(404, 'unknown_department', `未知的责任单位代码 ${department}`);
  if (!isMonth(month)) throw badRequest('月份格式应为 YYYY-MM', 'bad_month');
  if (month < catalogue.campaign.start || month > catalogue.campaign.end) {
    throw badRequest(
      `${month} 不在行动期 ${catalogue.campaign.start} 至 ${catalogue.campaign.end} 内`,
      'month_outside_window',
    );
  }
  if (!dept.owesReports) throw badRequest(`${dept.name} 不承担培训任务，无需报送月报`, 'department_not_reporting');
  if (mode === 'read' && !canReadReport(user, department)) throw forbidden('只能查看本单位的报表');
  if (mode === 'write' && !canWriteReport(user, department))
    throw forbidden(user.role === 'reporter' ? '只能填报本单位的报表' : '当前角色不能填报报表');
}
