/** /api/reminders: 催报 of late reports. */
import { z } from 'zod';
import { reminderSchema, sendReminderResultSchema, sendReminderSchema } from '@lz/shared/api/reminders';
import { allow, defineRoutes, userOf } from '../../http/define-routes';
import { listReminders, sendReminders } from '../../services/reports/reminders';

export function reminderRoutes() {
  const r = defineRoutes('/api/reminders');
  r.get(
    '/',
    {
      summary: '催报记录（填报单位只见本单位尚未报送月份的催报）',
      access: allow('admin', 'leader', 'inspector', 'reporter'),
      response: z.array(reminderSchema),
    },
    async (c) => c.json(await listReminders(c.get('deps'), userOf(c))),
  );
  r.post(
    '/',
    {
      summary: '催报：提醒一个或多个逾期单位报送某月报表',
      access: allow('admin'),
      body: sendReminderSchema,
      response: sendReminderResultSchema,
    },
    async (c, { body }) => c.json({ sent: await sendReminders(c.get('deps'), body, userOf(c), c.get('ip')) }, 201),
  );
  return r;
}
