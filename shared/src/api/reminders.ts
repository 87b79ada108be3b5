import { z } from 'zod';
import { monthSchema } from '../catalogue';

/** 催报: remind late departments of one month's report (one, several, or every late one the queue shows). */
export const sendReminderSchema = z.object({
  month: monthSchema,
  departments: z.array(z.string().min(1)).min(1).max(100),
  note: z.string().trim().max(200).optional(),
});
export type SendReminder = z.infer<typeof sendReminderSchema>;

export const reminderSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  department: z.string(),
  month: monthSchema,
  note: z.string().nullable(),
  /** The department has filed that month since: the reminder no longer shows to it. */
  filed: z.boolean(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const sendReminderResultSchema = z.object({ sent: z.number().int() });
