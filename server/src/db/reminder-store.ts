/** SQL for reminders (催报). */
import { prepared, type Db } from './open-database';

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

export function insertReminder(
  db: Db,
  r: { at: string; actor: string; department: string; month: string; note: string | null },
): number {
  const info = prepared(
    db,
    'INSERT INTO reminders (at, actor, department, month, note) VALUES (@at, @actor, @department, @month, @note)',
  ).run(r);
  return Number(info.lastInsertRowid);
}

/** Every reminder, newest first, with whether its month has been filed since; one department's when given. */
export function listReminderRows(db: Db, department: string | null): ReminderRow[] {
  return prepared(
    db,
    `SELECT m.*, EXISTS (SELECT 1 FROM reports r WHERE r.department = m.department AND r.month = m.month) AS filed
       FROM reminders m
      WHERE @department IS NULL OR m.department = @department
      ORDER BY m.id DESC`,
  ).all({ department }) as ReminderRow[];
}
