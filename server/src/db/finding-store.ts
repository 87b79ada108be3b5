/** SQL for inspection findings (督查). */
import type { Finding } from '@lz/shared/api/findings';
import { prepared, type Db } from './open-database';

export interface FindingRow {
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
  closed_by: string | null;
  response: string | null;
  responded_at: string | null;
  responded_by: string | null;
}

export function listFindingRows(db: Db): FindingRow[] {
  return prepared(db, 'SELECT * FROM findings ORDER BY status DESC, due_date, id').all() as FindingRow[];
}

export function findFindingRow(db: Db, id: number): FindingRow | undefined {
  return prepared(db, 'SELECT * FROM findings WHERE id = @id').get({ id }) as FindingRow | undefined;
}

export type NewFinding = Pick<
  FindingRow,
  'subject_kind' | 'subject' | 'inspection' | 'period' | 'finding' | 'rectification' | 'due_date' | 'created_at'
> & { created_by: string };

/** Inserts an open finding; returns its id. */
export function insertFinding(db: Db, f: NewFinding): number {
  const info = prepared(
    db,
    `INSERT INTO findings
       (subject_kind, subject, inspection, period, finding, rectification, due_date, status, created_at, created_by)
     VALUES (@subject_kind, @subject, @inspection, @period, @finding, @rectification, @due_date, 'open',
       @created_at, @created_by)`,
  ).run(f);
  return Number(info.lastInsertRowid);
}

export function closeFindingRow(
  db: Db,
  c: { id: number; closingNote: string; closedAt: string; closedBy: string },
): void {
  prepared(
    db,
    `UPDATE findings SET status = 'closed', closing_note = @closingNote, closed_at = @closedAt, closed_by = @closedBy
     WHERE id = @id`,
  ).run(c);
}

export function respondFindingRow(db: Db, r: { id: number; response: string; at: string; by: string }): void {
  prepared(db, 'UPDATE findings SET response = @response, responded_at = @at, responded_by = @by WHERE id = @id').run(
    r,
  );
}
