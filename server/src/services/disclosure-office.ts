/**
 * The statistics office's 信息公开 (#16): publishing and withdrawing fund-use quarters and notice batches,
 * and answering the objections the public files. Every write is audited in its own transaction.
 */
import { canManageDisclosure } from '@lz/shared/access-policy';
import type { FundUseRow } from '@lz/shared/api/disclosure';
import {
  type CreateNoticeBatch,
  createNoticeBatchSchema,
  type FundTotals,
  type NoticeCandidateQuery,
  type NoticeCandidates,
  objectionReference,
  type OfficeFundUse,
  type OfficeNoticeBatch,
  type OfficeObjection,
} from '@lz/shared/api/disclosure-office';
import type { SessionUser } from '@lz/shared/api/session';
import { monthRange } from '@lz/shared/months';
import { dateInZone } from '@lz/shared/zoned-time';
import { appendAudit } from '../db/audit-log';
import * as store from '../db/disclosure-store';
import { activeRosterSummaries, rosterSummaries } from '../db/notice-class-store';
import { type Db, writeTransaction } from '../db/open-database';
import type { Deps } from '../deps';
import { acceptedRows, monthsOfQuarter } from '../disclosure/wiring/accepted-figures';
import { publishedFundUse } from '../disclosure/wiring/db-source';
import { classSummary, type NoticeClassSource, rosterIdsOf } from '../disclosure/wiring/notice-classes';
import { publishedRosterIds } from '../disclosure/wiring/public-catalogue';
import { aggregateFundUse, quarterOf } from '../disclosure/fund-use';
import { badRequest, conflict, forbidden, notFound } from '../errors';

function requireOffice(user: SessionUser) {
  if (!canManageDisclosure(user)) throw forbidden('只有统计管理员可以管理信息公开');
}

/** The campaign's quarters, oldest first. */
function campaignQuarters(deps: Deps): string[] {
  const { start, end } = deps.catalogue.campaign;
  return [...new Set(monthRange(start, end).map(quarterOf))];
}

/** A quarter may be published once it has ended (its last month is over), in the campaign's zone. */
function quarterEnded(deps: Deps, quarter: string): boolean {
  const last = monthsOfQuarter(quarter)[2] ?? '';
  return dateInZone(deps.clock.now(), deps.catalogue.campaign.timeZone).slice(0, 7) > last;
}

/** Sums of one period's county rows (every county once, so each yuan once). */
function totalsOf(rows: readonly FundUseRow[], period: string): FundTotals {
  const of = rows.filter((r) => r.period === period && r.dimension === 'county');
  const sum = (key: 'training' | 'living' | 'assessment' | 'workTraining') =>
    Math.round(of.reduce((s, r) => s + Math.round(r[key].amount * 100), 0)) / 100;
  return {
    training: sum('training'),
    living: sum('living'),
    assessment: sum('assessment'),
    workTraining: sum('workTraining'),
  };
}

export async function officeFundUse(deps: Deps, user: SessionUser): Promise<OfficeFundUse> {
  requireOffice(user);
  const published = await publishedFundUse(deps);
  const rows = new Map((await store.listFundQuarterRows(deps.db)).map((r) => [r.quarter, r]));
  const now = deps.clock.now().getTime();
  const figures = await deps.figures.store();
  const counties = deps.catalogue.units.map((u) => ({ code: u.code, name: u.name }));
  const quarters = [];
  for (const quarter of campaignQuarters(deps)) {
    const months = monthsOfQuarter(quarter);
    const accepted = await acceptedRows(deps, months, now);
    const wouldPublish = aggregateFundUse({
      rows: accepted,
      publications: [{ quarter, publishedAt: '2000-01-01' }],
      counties,
      departments: [],
    });
    const acceptedReports = new Set(accepted.map((r) => `${r.department}|${r.month}`));
    const filed = figures.departments.flatMap((d, di) =>
      months
        .filter((m) => {
          const mi = figures.months.indexOf(m);
          return mi >= 0 && (figures.reports[di * figures.months.length + mi]?.length ?? 0) > 0;
        })
        .map((m) => `${d}|${m}`),
    );
    const row = rows.get(quarter);
    const live = row && row.withdrawn_at === null ? row : null;
    quarters.push({
      quarter,
      publishedOn: live ? dateInZone(new Date(live.published_at), deps.catalogue.campaign.timeZone) : null,
      publishedBy: live?.published_by ?? null,
      withdrawnAt: row?.withdrawn_at ?? null,
      published: live ? totalsOf(published.rows, quarter) : null,
      wouldPublish: totalsOf(wouldPublish.rows, quarter),
      unaccepted: filed.filter((k) => !acceptedReports.has(k)).length,
    });
  }
  return { quarters };
}

export async function publishQuarter(deps: Deps, quarter: string, user: SessionUser, ip: string | null) {
  requireOffice(user);
  if (!campaignQuarters(deps).includes(quarter)) throw notFound('该季度不在行动期内');
  if (!quarterEnded(deps, quarter)) throw conflict('该季度尚未结束，不能公布', 'quarter_open');
  const at = deps.clock.now();
  await writeTransaction(deps.db, async (trx) => {
    const before = await store.findFundQuarterRow(trx, quarter);
    await store.publishFundQuarter(trx, quarter, at.toISOString(), user.username);
    await appendAudit(trx, at, {
      actor: user.username,
      action: 'disclosure.fund.publish',
      target: `fund-use/${quarter}`,
      before: before && { publishedAt: before.published_at, withdrawnAt: before.withdrawn_at },
      after: { publishedAt: at.toISOString() },
      ip,
    });
  });
  return officeFundUse(deps, user);
}

export async function withdrawQuarter(deps: Deps, quarter: string, user: SessionUser, ip: string | null) {
  requireOffice(user);
  const at = deps.clock.now();
  await writeTransaction(deps.db, async (trx) => {
    const before = await store.findFundQuarterRow(trx, quarter);
    if (!before || before.withdrawn_at !== null) throw conflict('该季度未公布，无需撤回', 'not_published');
    await store.withdrawFundQuarter(trx, quarter, at.toISOString(), user.username);
    await appendAudit(trx, at, {
      actor: user.username,
      action: 'disclosure.fund.withdraw',
      target: `fund-use/${quarter}`,
      before: { publishedAt: before.published_at },
      after: { withdrawnAt: at.toISOString() },
      ip,
    });
  });
  return officeFundUse(deps, user);
}

function batchStatus(r: store.NoticeBatchRow): OfficeNoticeBatch['status'] {
  if (r.withdrawn_at !== null) return 'withdrawn';
  return r.published_at === null ? 'draft' : 'published';
}

export async function listNoticeBatches(
  deps: Deps,
  classes: NoticeClassSource,
  user: SessionUser,
): Promise<OfficeNoticeBatch[]> {
  requireOffice(user);
  const objections = await store.listObjectionRows(deps.db);
  const rows = await store.listNoticeBatchRows(deps.db);
  return Promise.all(
    rows.map(async (r) => {
      const ids = JSON.parse(r.class_ids) as string[];
      return {
        id: String(r.id),
        title: r.title,
        department: r.department,
        classIds: ids,
        classCount: (await classes.classes(ids)).length,
        noticeDays: r.notice_days,
        createdAt: r.created_at,
        createdBy: r.created_by,
        status: batchStatus(r),
        publishedAt: r.published_at,
        publishedBy: r.published_by,
        withdrawnAt: r.withdrawn_at,
        withdrawnBy: r.withdrawn_by,
        objections: objections.filter((o) => o.batch_id === r.id).length,
      };
    }),
  );
}

/** As many classes as one batch may list (createNoticeBatchSchema). */
const BATCH_MAX = 500;

/**
 * The classes the office may put in a new batch: stored rosters not withdrawn and not already in a published
 * batch (a class is announced once), filtered by department and 结业日期, newest first.
 */
export async function noticeCandidates(
  deps: Deps,
  query: NoticeCandidateQuery,
  user: SessionUser,
): Promise<NoticeCandidates> {
  requireOffice(user);
  const taken = await publishedRosterIds(deps.db);
  const { items, total } = await activeRosterSummaries(deps.db, query, taken, BATCH_MAX);
  return {
    total,
    items: items.map((r) => ({ ...classSummary(r), department: r.department })),
  };
}

/** The ids among `classIds` that name no active roster of `department` (a typo, a withdrawn class, another's). */
async function notClassesOf(db: Db, department: string, classIds: readonly string[]) {
  const active = new Set(
    (await rosterSummaries(db, rosterIdsOf(classIds)))
      .filter((r) => r.status === 'active' && r.department === department)
      .map((r) => String(r.id)),
  );
  return classIds.filter((id) => !active.has(id));
}

/** The classes of `classIds` already announced by a published batch (a class is announced once), or null. */
async function alreadyAnnounced(db: Db, classIds: readonly string[]) {
  const taken = await publishedRosterIds(db);
  const again = rosterIdsOf(classIds).filter((id) => taken.has(id));
  return again.length > 0 ? `培训班 ${again.join('、')} 已在已发布的公示批次中，不能重复公示` : null;
}
export async function createNoticeBatch(deps: Deps, input: CreateNoticeBatch, user: SessionUser, ip: string | null) {
  requireOffice(user);
  const b = createNoticeBatchSchema.parse(input);
  if (!deps.catalogue.departments.some((d) => d.code === b.department && d.owesReports))
    throw badRequest('未知的部门', 'unknown_department');
  const at = deps.clock.now();
  return writeTransaction(deps.db, async (trx) => {
    const classIds = [...new Set(b.classIds)];
    const strangers = await notClassesOf(trx, b.department, classIds);
    if (strangers.length > 0)
      throw badRequest(
        `培训班 ${strangers.join('、')} 不是该部门在册的培训班（不存在、已撤回或属于其他部门），不能公示`,
        'unknown_class',
      );
    const again = await alreadyAnnounced(trx, classIds);
    if (again) throw badRequest(again, 'class_already_published');
    const id = await store.insertNoticeBatch(trx, { ...b, classIds, at: at.toISOString(), by: user.username });
    await appendAudit(trx, at, {
      actor: user.username,
      action: 'disclosure.notice.create',
      target: `notice/${id}`,
      after: { title: b.title, department: b.department, classIds, noticeDays: b.noticeDays },
      ip,
    });
    return id;
  });
}

export async function setNoticeBatchState(
  deps: Deps,
  id: number,
  verb: 'publish' | 'withdraw',
  user: SessionUser,
  ip: string | null,
) {
  requireOffice(user);
  const at = deps.clock.now();
  await writeTransaction(deps.db, async (trx) => {
    const before = await store.findNoticeBatchRow(trx, id);
    if (!before) throw notFound('公示批次不存在');
    const status = batchStatus(before);
    if (verb === 'publish') {
      if (status === 'published') throw conflict('该批次已发布', 'already_published');
      const again = await alreadyAnnounced(trx, JSON.parse(before.class_ids) as string[]);
      if (again) throw conflict(again, 'class_already_published');
      await store.setNoticeBatchPublished(trx, id, at.toISOString(), user.username);
    } else {
      if (status !== 'published') throw conflict('该批次未发布，无需撤回', 'not_published');
      await store.setNoticeBatchWithdrawn(trx, id, at.toISOString(), user.username);
    }
    await appendAudit(trx, at, {
      actor: user.username,
      action: `disclosure.notice.${verb}`,
      target: `notice/${id}`,
      before: { status },
      after: { status: verb === 'publish' ? 'published' : 'withdrawn' },
      ip,
    });
  });
}

export async function listObjections(deps: Deps, user: SessionUser): Promise<OfficeObjection[]> {
  requireOffice(user);
  const titles = new Map((await store.listNoticeBatchRows(deps.db)).map((b) => [b.id, b.title]));
  return (await store.listObjectionRows(deps.db)).map((o) => ({
    id: o.id,
    reference: objectionReference(o.id),
    batchId: String(o.batch_id),
    batchTitle: titles.get(o.batch_id) ?? '',
    classId: o.class_id,
    name: o.name,
    contact: o.contact,
    text: o.text,
    submittedAt: o.submitted_at,
    answer: o.answer,
    answeredBy: o.answered_by,
    answeredAt: o.answered_at,
  }));
}

export async function answerObjection(deps: Deps, id: number, answer: string, user: SessionUser, ip: string | null) {
  requireOffice(user);
  const at = deps.clock.now();
  await writeTransaction(deps.db, async (trx) => {
    const before = await store.findObjectionRow(trx, id);
    if (!before) throw notFound('异议不存在');
    if (before.answer !== null) throw conflict('该异议已答复', 'already_answered');
    await store.answerObjectionRow(trx, id, answer, at.toISOString(), user.username);
    // The answer is the office's own words; the objection's name and contact stay out of the log.
    await appendAudit(trx, at, {
      actor: user.username,
      action: 'disclosure.objection.answer',
      target: `objection/${id}`,
      before: { answered: false },
      after: { answer },
      ip,
    });
  });
  const found = (await listObjections(deps, user)).find((o) => o.id === id);
  if (!found) throw notFound('异议不存在');
  return found;
}
