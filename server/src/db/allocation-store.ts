import type { Db } from './open-database';

export interface AllocationRow {
  target: string;
  department: string;
  county: string | null;
  year: number | null;
  value: number;
}

export const listAllocations = (db: Db, target?: string) =>
  (target
    ? db
        .prepare(
          'SELECT target, department, county, year, value FROM allocations WHERE target = ? ORDER BY ' +
            'department, county, year',
        )
        .all(target)
    : db
        .prepare(
          'SELECT target, department, county, year, value FROM allocations ORDER BY target, department, county, year',
        )
        .all()) as AllocationRow[];

/** Replaces one level of allocations (a target's department shares, or one department's county shares). */
export function replaceAllocations(
  db: Db,
  level: { target: string; department: string | null },
  items: AllocationRow[],
  at: string,
  by: string,
): void {
  if (level.department === null)
    db.prepare('DELETE FROM allocations WHERE target = ? AND county IS NULL').run(level.target);
  else
    db.prepare('DELETE FROM allocations WHERE target = ? AND department = ? AND county IS NOT NULL').run(
      level.target,
      level.department,
    );
  const insert = db.prepare(
    'INSERT INTO allocations (target, department, county, year, value, updated_at, updated_by) VALUES ' +
      '(@target, @department, @county, @year, @value, @at, @by)',
  );
  for (const item of items) insert.run({ ...item, at, by });
}

export const listSplits = (db: Db) =>
  db.prepare('SELECT target, year, value FROM target_splits ORDER BY target, year').all() as {
    target: string;
    year: number;
    value: number;
  }[];

export function replaceSplit(db: Db, target: string, years: Record<string, number>, at: string, by: string): void {
  db.prepare('DELETE FROM target_splits WHERE target = ?').run(target);
  const insert = db.prepare(
    'INSERT INTO target_splits (target, year, value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)',
  );
  for (const [year, value] of Object.entries(years)) insert.run(target, Number(year), value, at, by);
}
