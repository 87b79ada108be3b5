/** SQL of the flags (signs of fake training) inspectors adjudicate. */
import type { Db } from './open-database';
import type { Selectable } from 'kysely';
import type { Schema } from './schema';

export type FlagRow = Selectable<Schema['roster_flags']>;
type NewFlag = Omit<Schema['roster_flags'], 'id' | 'status' | 'resolution_note' | 'resolved_by' | 'resolved_at'>;

export async function insertFlags(db: Db, flags: Omit<NewFlag, 'finding_id'>[]): Promise<void> {
  for (let i = 0; i < flags.length; i += 200) {
    await db
      .insertInto('roster_flags')
      .values(flags.slice(i, i + 200).map((f) => ({ ...f, finding_id: null })))
      .execute();
  }
}

export interface FlagFilter {
  status?: string;
  kind?: string;
  department?: string;
  county?: string;
  rosterId?: number;
}

export async function listFlagRows(db: Db, f: FlagFilter): Promise<FlagRow[]> {
  let q = db.selectFrom('roster_flags').selectAll();
  if (f.status !== undefined) q = q.where('status', '=', f.status as FlagRow['status']);
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.department !== undefined) q = q.where('department', '=', f.department);
  if (f.county !== undefined) q = q.where('county', '=', f.county);
  if (f.rosterId !== undefined) q = q.where('roster_id', '=', f.rosterId);
  return (await q.orderBy('id').limit(2000).execute()) as FlagRow[];
}

/** The open flags of these classes, in one query (a person's lookup names every class they attended). */
export async function openFlagRowsOf(db: Db, rosterIds: readonly number[]): Promise<FlagRow[]> {
  if (rosterIds.length === 0) return [];
  return (await db
    .selectFrom('roster_flags')
    .selectAll()
    .where('roster_id', 'in', rosterIds)
    .where('status', '=', 'open')
    .orderBy('id')
    .execute()) as FlagRow[];
}

export async function findFlagRow(db: Db, id: number): Promise<FlagRow | undefined> {
  return (await db.selectFrom('roster_flags').selectAll().where('id', '=', id).executeTakeFirst()) as
    | FlagRow
    | undefined;
}

export async function resolveFlagRow(
  db: Db,
  id: number,
  r: { status: 'confirmed' | 'dismissed'; note: string; by: string; at: string; findingId: number | null },
): Promise<void> {
  await db
    .updateTable('roster_flags')
    .set({ status: r.status, resolution_note: r.note, resolved_by: r.by, resolved_at: r.at, finding_id: r.findingId })
    .where('id', '=', id)
    .execute();
}
