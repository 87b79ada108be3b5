/** Who may read or write which department's report for which month. */
import type { SessionUser } from '@lz/shared/api/session';
import { isMonth } from '@lz/shared/months';
import type { Deps } from '../../deps';
import { badRequest, forbidden, notFound } from '../../errors';

export function assertReportable(
  deps: Deps,
  user: SessionUser,
  department: string,
  month: string,
  mode: 'read' | 'write',
): void {
  const { catalogue } = deps;
  const dept = catalogue.departments.find((d) => d.code === department);
  if (!dept) throw notFound(`未知的责任单位代码 ${department}`);
  if (!isMonth(month)) throw badRequest('月份格式应为 YYYY-MM', 'bad_month');
  if (month < catalogue.campaign.start || month > catalogue.campaign.end) {
    throw badRequest(
      `${month} 不在行动期 ${catalogue.campaign.start} 至 ${catalogue.campaign.end} 内`,
      'month_outside_window',
    );
  }
  if (!dept.owesReports) throw badRequest(`${dept.name} 不承担培训任务，无需报送月报`, 'department_not_reporting');
  if (user.role === 'reporter' && user.department !== department) {
    throw forbidden(mode === 'write' ? '只能填报本单位的报表' : '只能查看本单位的报表');
  }
  if (mode === 'write' && user.role !== 'reporter' && user.role !== 'admin') throw forbidden('当前角色不能填报报表');
}
