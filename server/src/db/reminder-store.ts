/** SQL for reminders (催报). */
import { sql } from 'kysely';
import type { Db } from './open-database';

export interface ReminderRow {
  id: number;
  at: string;
  actor: string;
  department: string;
  month: string;
  note: string | null;
  /** Whether the department has filed that month since (a report exists). */
  filed: number;
}

export async function insertReminder(
  db: Db,
  r: { at: string; actor: string; department: string; month: string; note: string | null },
): Promise<number> {
  const row = await db.insertInto('reminders').values(r).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Every reminder, newest first, with whether its month has been filed since; one department's when given. */
export function listReminderRows(db: Db, department: string | null): Promise<ReminderRow[]> {
  let query = db
    .selectFrom('reminders as m')
    .selectAll('m')
    // 0/1 on both engines (PostgreSQL's EXISTS is a boolean).
    .select(
      sql<number>`case when exists (select 1 from reports r where r.department = m.department and r.month = m.month)
        then 1 else 0 end`.as('filed'),
    );
  if (department !== null) query = query.where('m.department', '=', department);
  return query.orderBy('m.id', 'desc').execute();
}
