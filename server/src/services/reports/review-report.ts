/** The statistics office's verbs on a submitted report: accept (locks the month; also in a batch), return, unlock. */
import { canReviewReports } from '@lz/shared/access-policy';
import type { SessionUser } from '@lz/shared/api/session';
import type { ReportVersion } from '@lz/shared/api/reports';
import type { Problem } from '@lz/shared/problems';
import { appendAudit } from '../../db/audit-log';
import { lockReport } from '../../db/open-database';
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

interface Review {
  department: string;
  month: string;
  verb: Verb;
  reason: string | null;
  version?: number;
  actor: SessionUser;
  ip?: string | null;
}

/** Checks one review against the report's state inside the caller's write transaction, and records it. */
async function applyReview(db: Deps['db'], now: Date, r: Review): Promise<void> {
  const state = await getReportState(db, r.department, r.month);
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
  await upsertReportState(db, { ...state, status: resulting[r.verb], status_reason: r.reason });
  await appendReportEvent(db, {
    department: r.department,
    month: r.month,
    atMs: now.getTime(),
    actor: r.actor.username,
    action: r.verb,
    version: state.latest_version,
    reason: r.reason,
  });
  await appendAudit(db, now, {
    actor: r.actor.username,
    action: `report.${r.verb}`,
    target: `${r.department}/${r.month}`,
    before: { status: state.status, version: state.latest_version },
    after: { status: resulting[r.verb], version: state.latest_version, reason: r.reason },
    ip: r.ip ?? null,
  });
}

/**
 * Accepts several reports in one transaction, all or nothing (docs/decisions.md): every item is checked
 * first, and when any is stale or no longer acceptable the batch is refused with each such item listed.
 */
export async function acceptReports(
  deps: Deps,
  b: { items: { department: string; month: string; version: number }[]; actor: SessionUser; ip?: string | null },
): Promise<{ accepted: number }> {
  const { clock } = deps;
  if (!canReviewReports(b.actor)) throw forbidden('只有统计管理员可以审核、退回或解锁报表');
  for (const i of b.items) assertReportable(deps, b.actor, i.department, i.month, 'read');
  const now = clock.now();
  await deps.figures.commit(async ({ trx }) => {
    const problems: Problem[] = [];
    for (const i of b.items) {
      // Under the report's lock, so an accept and a resubmission of one report never interleave.
      await lockReport(trx, i.department, i.month);
      const state = await getReportState(trx, i.department, i.month);
      const where = `${i.department} ${i.month}`;
      if (!state) problems.push(problem('not_submitted', `${where}：尚未报送`));
      else if (state.latest_version !== i.version)
        problems.push(
          problem('stale_version', `${where}：已有第 ${state.latest_version} 版，您看的是第 ${i.version} 版`),
        );
      else if (state.status !== 'submitted')
        problems.push(problem('bad_state', `${where}：${refusal.accept[state.status] ?? '当前状态不能审核'}`));
    }
    if (problems.length > 0) {
      throw new AppError(
        409,
        'stale_version',
        `${problems.length} 份报表已变化或不能审核，本次一份也未通过，请刷新后再试`,
        problems,
      );
    }
    for (const i of b.items)
      await applyReview(trx, now, { ...i, verb: 'accept', reason: null, actor: b.actor, ip: b.ip });
  });
  return { accepted: b.items.length };
}

const problem = (rule: string, message: string): Problem => ({ county: null, indicator: null, rule, message });

export async function reviewReport(deps: Deps, r: Review): Promise<ReportVersion> {
  const { clock } = deps;
  if (!canReviewReports(r.actor)) throw forbidden('只有统计管理员可以审核、退回或解锁报表');
  assertReportable(deps, r.actor, r.department, r.month, 'read');
  const now = clock.now();
  await deps.figures.commit(async ({ trx }) => {
    await lockReport(trx, r.department, r.month);
    await applyReview(trx, now, r);
  });
  const stored = await getLatestReport(deps, r.department, r.month);
  if (!stored) throw notFound();
  return stored;
}
