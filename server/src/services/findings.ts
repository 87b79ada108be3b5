/** Inspection findings (督查): recorded by inspectors against a county or department, closed when rectified. */
import { canWriteFindings } from '@lz/shared/access-policy';
import { writeTransaction } from '../db/open-database';
import type { CreateFinding, Finding } from '@lz/shared/api/findings';
import type { SessionUser } from '@lz/shared/api/session';
import { dateInZone } from '@lz/shared/zoned-time';
import { appendAudit } from '../db/audit-log';
import type { Deps } from '../deps';
import { badRequest, conflict, forbidden, notFound } from '../errors';

interface Row {
  id: number;
  subject_kind: 'county' | 'department';
  subject: string;
  inspection: Finding['inspection'];
  period: string;
  finding: string;
  rectification: string;
  due_date: string;
  status: 'open' | 'closed';
  closing_note: string | null;
  created_at: string;
  created_by: string;
  closed_at: string | null;
}

function toFinding(deps: Deps, r: Row): Finding {
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
    overdue: r.status === 'open' && r.due_date < today,
  };
}

export function listFindings(deps: Deps): Finding[] {
  return (deps.db.prepare('SELECT * FROM findings ORDER BY status DESC, due_date, id').all() as Row[]).map((r) =>
    toFinding(deps, r),
  );
}

export function createFinding(deps: Deps, input: CreateFinding, actor: SessionUser, ip: string | null): Finding {
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
  const id = writeTransaction(deps.db, () => {
    const info = deps.db
      .prepare(
        `INSERT INTO findings (subject_kind, subject, inspection, period, finding, rectification, due_date, status, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      )
      .run(
        input.subjectKind,
        input.subject,
        input.inspection,
        input.period,
        input.finding,
        input.rectification,
        input.dueDate,
        now,
        actor.username,
      );
    const newId = Number(info.lastInsertRowid);
    appendAudit(deps.db, deps.clock.now(), {
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

export function getFinding(deps: Deps, id: number): Finding {
  const row = deps.db.prepare('SELECT * FROM findings WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw notFound('督查记录不存在');
  return toFinding(deps, row);
}

export function closeFinding(
  deps: Deps,
  id: number,
  closingNote: string,
  actor: SessionUser,
  ip: string | null,
): Finding {
  if (!canWriteFindings(actor)) throw forbidden('只有督查员和统计管理员可以销号');
  writeTransaction(deps.db, () => {
    const before = getFinding(deps, id);
    if (before.status === 'closed') throw conflict('该问题已销号');
    const now = deps.clock.now().toISOString();
    deps.db
      .prepare("UPDATE findings SET status = 'closed', closing_note = ?, closed_at = ? WHERE id = ?")
      .run(closingNote, now, id);
    appendAudit(deps.db, deps.clock.now(), {
      actor: actor.username,
      action: 'finding.close',
      target: `finding/${id}`,
      before: { status: 'open' },
      after: { status: 'closed', closingNote },
      ip,
    });
  });
  return getFinding(deps, id);
}
