/** SQL for inspection findings (督查). */
import type { Selectable } from 'kysely';
import type { Db } from './open-database';
import type { Schema } from './schema';

/** A findings row as stored: the table's own type in schema.ts, not a second copy of it. */
export type FindingRow = Selectable<Schema['findings']>;

export function listFindingRows(db: Db): Promise<FindingRow[]> {
  return db.selectFrom('findings').selectAll().orderBy('status', 'desc').orderBy('due_date').orderBy('id').execute();
}

export function findFindingRow(db: Db, id: number): Promise<FindingRow | undefined> {
  return db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
}

export type NewFinding = Pick<
  FindingRow,
  'subject_kind' | 'subject' | 'inspection' | 'period' | 'finding' | 'rectification' | 'due_date' | 'created_at'
> & { created_by: string };

/** Inserts an open finding; returns its id. */
export async function insertFinding(db: Db, f: NewFinding): Promise<number> {
  const row = await db
    .insertInto('findings')
    .values({ ...f, status: 'open' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function closeFindingRow(
  db: Db,
  c: { id: number; closingNote: string; closedAt: string; closedBy: string },
): Promise<void> {
  await db
    .updateTable('findings')
    .set({ status: 'closed', closing_note: c.closingNote, closed_at: c.closedAt, closed_by: c.closedBy })
    .where('id', '=', c.id)
    .execute();
}

export async function respondFindingRow(
  db: Db,
  r: { id: number; response: string; at: string; by: string },
): Promise<void> {
  await db
    .updateTable('findings')
    .set({ response: r.response, responded_at: r.at, responded_by: r.by })
    .where('id', '=', r.id)
    .execute();
}
