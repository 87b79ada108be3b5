/** The statistics office's verbs on a submitted report: accept (locks the month), return, unlock. */
import { canReviewReports } from '@lz/shared/access-policy';
import type { SessionUser } from '@lz/shared/api/session';
import type { ReportVersion } from '@lz/shared/api/reports';
import { appendAudit } from '../../db/audit-log';
import { appendReportEvent, getReportState, upsertReportState } from '../../db/report-store';
import type { Deps } from '../../deps';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { getLatestReport } from './read-reports';
import { assertReportable } from './report-scope';

type Verb = 'accept' | 'return' | 'unlock';

const allowedFrom: Record<Verb, 'submitted' | 'accepted'> = {
  accept: 'submitted',
  return: 'submitted',
  unlock: 'accepted',
};
const resulting: Record<Verb, 'accepted' | 'returned' | 'submitted'> = {
  accept: 'accepted',
  return: 'returned',
  unlock: 'submitted',
};
const refusal: Record<Verb, Record<string, string>> = {
  accept: { accepted: '该报表已审核通过', returned: '该报表已退回，待填报单位重新提交后再审核' },
  return: { accepted: '该报表已审核通过并锁定，须先解锁才能退回', returned: '该报表已退回' },
  unlock: { submitted: '该报表未锁定', returned: '该报表未锁定' },
};

export function reviewReport(
  deps: Deps,
  r: {
    department: string;
    month: string;
    verb: Verb;
    reason: string | null;
    version?: number;
    actor: SessionUser;
    ip?: string | null;
  },
): ReportVersion {
  const { db, clock } = deps;
  if (!canReviewReports(r.actor)) throw forbidden('只有统计管理员可以审核、退回或解锁报表');
  assertReportable(deps, r.actor, r.department, r.month, 'read');
  const now = clock.now();
  deps.figures.commit(() => {
    const state = getReportState(db, r.department, r.month);
    if (!state) throw notFound(`${r.department} ${r.month} 尚未报送`);
    if (r.version !== undefined && r.version !== state.latest_version) {
      throw new AppError(
        409,
        'stale_version',
        `您查看的是第 ${r.version} 版，填报单位已报送第 ${state.latest_version} 版，请先查看最新版本再审核`,
        [{ county: null, indicator: null, rule: 'stale_version', message: `最新版本：第 ${state.latest_version} 版` }],
      );
    }
    if (state.status !== allowedFrom[r.verb])
      throw conflict(refusal[r.verb][state.status] ?? '当前状态不允许此操作', 'bad_state');
    upsertReportState(db, { ...state, status: resulting[r.verb], status_reason: r.reason });
    appendReportEvent(db, {
      department: r.department,
      month: r.month,
      atMs: now.getTime(),
      actor: r.actor.username,
      action: r.verb,
      version: state.latest_version,
      reason: r.reason,
    });
    appendAudit(db, now, {
      actor: r.actor.username,
      action: `report.${r.verb}`,
      target: `${r.department}/${r.month}`,
      before: { status: state.status, version: state.latest_version },
      after: { status: resulting[r.verb], version: state.latest_version, reason: r.reason },
      ip: r.ip ?? null,
    });
  });
  const stored = getLatestReport(deps, r.department, r.month);
  if (!stored) throw notFound();
  return stored;
}
