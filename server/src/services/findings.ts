/** Inspection findings (督查): recorded by inspectors against a county or department, closed when rectified. */
import { canReadFinding, canRespondToFinding, canWriteFindings } from '@lz/shared/access-policy';
import { writeTransaction, type Db } from '../db/open-database';
import type { CreateFinding, Finding } from '@lz/shared/api/findings';
import type { SessionUser } from '@lz/shared/api/session';
import { dateInZone } from '@lz/shared/zoned-time';
import { appendAudit } from '../db/audit-log';
import {
  closeFindingRow,
  findFindingRow,
  insertFinding,
  listFindingRows,
  respondFindingRow,
  type FindingRow,
} from '../db/finding-store';
import type { Deps } from '../deps';
import { badRequest, conflict, forbidden, notFound } from '../errors';

function toFinding(deps: Deps, r: FindingRow): Finding {
  const today = dateInZone(deps.clock.now(), deps.catalogue.campaign.timeZone);
  return {
    id: r.id,
    subjectKind: r.subject_kind,
    subject: r.subject,
    inspection: r.inspection,
    period: r.period,
    finding: r.finding,
    rectification: r.rectification,
    dueDate: r.due_date,
    status: r.status,
    closingNote: r.closing_note,
    createdAt: r.created_at,
    createdBy: r.created_by,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    response: r.response,
    respondedAt: r.responded_at,
    respondedBy: r.responded_by,
    overdue: r.status === 'open' && r.due_date < today,
  };
}

/** The findings the viewer may read: all of them, or a county user's own county's. */
export async function listFindings(deps: Deps, viewer: SessionUser): Promise<Finding[]> {
  return (await listFindingRows(deps.db)).map((r) => toFinding(deps, r)).filter((f) => canReadFinding(viewer, f));
}

/** A county user's 整改说明 on a finding about its county; may be revised while the finding is open. */
export async function respondToFinding(
  deps: Deps,
  id: number,
  response: string,
  actor: SessionUser,
  ip: string | null,
): Promise<Finding> {
  await writeTransaction(deps.db, async (trx) => {
    const before = await getFinding(deps, id, trx);
    if (!canRespondToFinding(actor, before)) throw forbidden('只能答复本县区的督查问题');
    if (before.status === 'closed') throw conflict('该问题已销号');
    await respondFindingRow(trx, { id, response, at: deps.clock.now().toISOString(), by: actor.username });
    await appendAudit(trx, deps.clock.now(), {
      actor: actor.username,
      action: 'finding.respond',
      target: `finding/${id}`,
      before: { response: before.response },
      after: { response },
      ip,
    });
  });
  return getFinding(deps, id);
}

export async function createFinding(
  deps: Deps,
  input: CreateFinding,
  actor: SessionUser,
  ip: string | null,
): Promise<Finding> {
  if (!canWriteFindings(actor)) throw forbidden('只有督查员和统计管理员可以记录督查问题');
  const known =
    input.subjectKind === 'county'
      ? deps.catalogue.units.some((u) => u.code === input.subject)
      : deps.catalogue.departments.some((d) => d.code === input.subject);
  if (!known)
    throw badRequest(
      `未知的${input.subjectKind === 'county' ? '县区' : '责任单位'} ${input.subject}`,
      'unknown_subject',
    );
  const now = deps.clock.now().toISOString();
  const id = await writeTransaction(deps.db, async (trx) => {
    const newId = await insertFinding(trx, {
      subject_kind: input.subjectKind,
      subject: input.subject,
      inspection: input.inspection,
      period: input.period,
      finding: input.finding,
      rectification: input.rectification,
      due_date: input.dueDate,
      created_at: now,
      created_by: actor.username,
    });
    await appendAudit(trx, deps.clock.now(), {
      actor: actor.username,
      action: 'finding.create',
      target: `finding/${newId}`,
      after: input,
      ip,
    });
    return newId;
  });
  return getFinding(deps, id);
}

export async function getFinding(deps: Deps, id: number, db: Db = deps.db): Promise<Finding> {
  const row = await findFindingRow(db, id);
  if (!row) throw notFound('督查记录不存在');
  return toFinding(deps, row);
}

export async function closeFinding(
  deps: Deps,
  id: number,
  closingNote: string,
  actor: SessionUser,
  ip: string | null,
): Promise<Finding> {
  if (!canWriteFindings(actor)) throw forbidden('只有督查员和统计管理员可以销号');
  await writeTransaction(deps.db, async (trx) => {
    const before = await getFinding(deps, id, trx);
    if (before.status === 'closed') throw conflict('该问题已销号');
    const now = deps.clock.now().toISOString();
    await closeFindingRow(trx, { id, closingNote, closedAt: now, closedBy: actor.username });
    await appendAudit(trx, deps.clock.now(), {
      actor: actor.username,
      action: 'finding.close',
      target: `finding/${id}`,
      before: { status: 'open' },
      after: { status: 'closed', closingNote, closedBy: actor.username },
      ip,
    });
  });
  return getFinding(deps, id);
}
