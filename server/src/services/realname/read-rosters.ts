/** Reading and withdrawing rosters, scoped by the access policy; trainees only ever leave masked. */
import { canReadRoster, canWithdrawRoster, scopeRosters } from '@lz/shared/access-policy';
import type { Contribution, RosterSummary, StoredFlag } from '@lz/shared/api/rosters';
import type { SessionUser } from '@lz/shared/api/session';
import { appendAudit } from '../../db/audit-log';
import { listFlagRows, type FlagRow } from '../../db/flag-store';
import { writeTransaction } from '../../db/open-database';
import { getReportState } from '../../db/report-store';
import {
  findRosterRow,
  listRosterRows,
  rosterLines,
  withdrawRosterRow,
  type RosterFilter,
  type RosterRow,
} from '../../db/roster-store';
import type { Deps } from '../../deps';
import { conflict, forbidden, notFound } from '../../errors';
import { maskedTrainee } from '../../realname/protect-trainee';
import { granted } from '../access';
import { levelName } from './open-realname';

export function toSummary(r: RosterRow): RosterSummary {
  const contributes: Contribution = {
    month: r.month,
    county: r.county,
    values: JSON.parse(r.contribution) as Record<string, number>,
  };
  return {
    id: String(r.id),
    department: r.department,
    institution: r.institution,
    trainingType: r.training_type,
    occupation: r.occupation,
    level: levelName(r.level),
    county: r.county,
    startDate: r.start_date,
    endDate: r.end_date,
    month: r.month,
    hours: r.hours,
    trainees: r.trainees,
    status: r.status,
    withdrawnReason: r.withdrawn_reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
    contributes,
  };
}

export function toStoredFlag(r: FlagRow): StoredFlag {
  return {
    id: r.id,
    kind: r.kind as StoredFlag['kind'],
    message: r.message,
    evidence: JSON.parse(r.evidence) as StoredFlag['evidence'],
    rosterId: String(r.roster_id),
    department: r.department,
    county: r.county,
    month: r.month,
    status: r.status,
    resolutionNote: r.resolution_note,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
    findingId: r.finding_id,
    createdAt: r.created_at,
  };
}

export async function listRosters(
  deps: Deps,
  viewer: SessionUser,
  q: RosterFilter & { page: number; pageSize: number },
) {
  const { page, pageSize, ...filter } = granted(scopeRosters(viewer, q));
  const { rows, total } = await listRosterRows(deps.db, filter, page, pageSize);
  return { items: rows.map(toSummary), total, page, pageSize };
}

async function readableRoster(deps: Deps, viewer: SessionUser, id: number): Promise<RosterRow> {
  const row = await findRosterRow(deps.db, id);
  // A roster the viewer may not read is answered as absent: its existence is not the viewer's to know.
  if (!row || !canReadRoster(viewer, row)) {
    if (viewer.role === 'leader') throw forbidden('市领导只查看汇总数据，不查看花名册');
    throw notFound('花名册不存在');
  }
  return row;
}

export async function getRoster(deps: Deps, viewer: SessionUser, id: number) {
  const row = await readableRoster(deps, viewer, id);
  const lines = await rosterLines(deps.db, id);
  const flags = await listFlagRows(deps.db, { rosterId: id });
  const report = await getReportState(deps.db, row.department, row.month);
  return {
    ...toSummary(row),
    reportAccepted: report?.status === 'accepted',
    traineeList: lines.map((l) => ({
      row: l.line + 1,
      ...maskedTrainee({ name: l.name, idMasked: l.id_masked, phoneMasked: l.phone_masked }),
      gender: l.gender,
      group: l.trainee_group,
      poor: l.poor === 1,
      certificateType: l.certificate_type,
      trainingSubsidy: l.training_subsidy,
      livingSubsidy: l.living_subsidy,
      assessmentSubsidy: l.assessment_subsidy,
    })),
    flags: flags.map(toStoredFlag),
  };
}

/** Withdrawn, the roster stays on record and stops counting (rules, flags, reconciliation); audited. */
export async function withdrawRoster(deps: Deps, viewer: SessionUser, id: number, reason: string, ip: string | null) {
  await writeTransaction(deps.db, async (trx) => {
    const row = await findRosterRow(trx, id);
    if (!row || !canReadRoster(viewer, row)) throw notFound('花名册不存在');
    if (row.status === 'withdrawn') throw conflict('该花名册已撤回');
    const report = await getReportState(trx, row.department, row.month);
    if (!canWithdrawRoster(viewer, row.department, report?.status === 'accepted'))
      throw forbidden(
        viewer.role === 'reporter'
          ? '本月报表已审核通过，撤回花名册请联系统计管理员'
          : '只有报送单位或统计管理员可以撤回花名册',
      );
    const now = deps.clock.now();
    await withdrawRosterRow(trx, id, { reason, at: now.toISOString(), by: viewer.username });
    await appendAudit(trx, now, {
      actor: viewer.username,
      action: 'roster.withdraw',
      target: `roster/${id}`,
      before: { status: 'active' },
      after: { status: 'withdrawn', reason },
      ip,
    });
  });
  return toSummary((await findRosterRow(deps.db, id)) as RosterRow);
}
