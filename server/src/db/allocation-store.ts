import { sql } from 'kysely';
import type { Db } from './open-database';

export interface AllocationRow {
  target: string;
  department: string;
  county: string | null;
  year: number | null;
  value: number;
}

export function listAllocations(db: Db, target?: string): Promise<AllocationRow[]> {
  const all = db.selectFrom('allocations').select(['target', 'department', 'county', 'year', 'value']);
  return (
    (target ? all.where('target', '=', target) : all.orderBy('target'))
      .orderBy('department')
      // A department's own share (county and year NULL) first on both engines: PostgreSQL sorts NULL last.
      .orderBy(sql`coalesce(county, '')`)
      .orderBy(sql`coalesce(year, 0)`)
      .execute()
  );
}

/** Replaces one level of allocations (a target's department shares, or one department's county shares). */
export async function replaceAllocations(
  db: Db,
  level: { target: string; department: string | null },
  items: AllocationRow[],
  at: string,
  by: string,
): Promise<void> {
  if (level.department === null)
    await db.deleteFrom('allocations').where('target', '=', level.target).where('county', 'is', null).execute();
  else
    await db
      .deleteFrom('allocations')
      .where('target', '=', level.target)
      .where('department', '=', level.department)
      .where('county', 'is not', null)
      .execute();
  if (items.length > 0)
    await db
      .insertInto('allocations')
      .values(items.map((item) => ({ ...item, updated_at: at, updated_by: by })))
      .execute();
}

export const listSplits = (db: Db): Promise<{ target: string; year: number; value: number }[]> =>
  db.selectFrom('target_splits').select(['target', 'year', 'value']).orderBy('target').orderBy('year').execute();

export async function replaceSplit(
  db: Db,
  target: string,
  years: Record<string, number>,
  at: string,
  by: string,
): Promise<void> {
  await db.deleteFrom('target_splits').where('target', '=', target).execute();
  const rows = Object.entries(years).map(([year, value]) => ({
    target,
    year: Number(year),
    value,
    updated_at: at,
    updated_by: by,
  }));
  if (rows.length > 0) await db.insertInto('target_splits').values(rows).execute();
}
