/** 催报: the statistics office reminds late departments; a reminder shows to them until they file that month. */
import { canSendReminders, reminderDepartment } from '@lz/shared/access-policy';
import type { Reminder, SendReminder } from '@lz/shared/api/reminders';
import type { SessionUser } from '@lz/shared/api/session';
import { deadlineOf } from '@lz/shared/deadline';
import type { Problem } from '@lz/shared/problems';
import { appendAudit } from '../../db/audit-log';
import { writeTransaction } from '../../db/open-database';
import { insertReminder, listReminderRows } from '../../db/reminder-store';
import { getReportState } from '../../db/report-store';
import type { Deps } from '../../deps';
import { forbidden, unprocessable } from '../../errors';
import { assertReportable } from './report-scope';

/**
 * Records one reminder per department, each audited, in one transaction. Only a report that is overdue (past
 * its deadline and not filed) can be chased; otherwise nothing is sent and every such department is named.
 */
export function sendReminders(deps: Deps, input: SendReminder, actor: SessionUser, ip: string | null): Promise<number> {
  if (!canSendReminders(actor)) throw forbidden('只有统计管理员可以催报');
  const departments = [...new Set(input.departments)];
  for (const d of departments) assertReportable(deps, actor, d, input.month, 'read');
  const now = deps.clock.now();
  const { campaign } = deps.catalogue;
  const note = input.note || null;
  return writeTransaction(deps.db, async (trx) => {
    const problems: Problem[] = [];
    for (const d of departments) {
      const name = deps.catalogue.departments.find((x) => x.code === d)?.name ?? d;
      if (await getReportState(trx, d, input.month))
        problems.push({ county: null, indicator: null, rule: 'filed', message: `${name} 已报送 ${input.month}` });
      else if (now.getTime() <= deadlineOf(input.month, campaign).getTime())
        problems.push({
          county: null,
          indicator: null,
          rule: 'not_overdue',
          message: `${name} ${input.month} 尚未逾期`,
        });
    }
    if (problems.length > 0) throw unprocessable(`${problems.length} 个单位不需要催报，未发送`, problems);
    for (const department of departments) {
      await insertReminder(trx, { at: now.toISOString(), actor: actor.username, department, month: input.month, note });
      await appendAudit(trx, now, {
        actor: actor.username,
        action: 'report.remind',
        target: `${department}/${input.month}`,
        after: { note },
        ip,
      });
    }
    return departments.length;
  });
}

/** A reporter's open reminders (months not yet filed); everyone else sees every reminder, filed or not. */
export async function listReminders(deps: Deps, user: SessionUser): Promise<Reminder[]> {
  const department = reminderDepartment(user);
  const rows = (await listReminderRows(deps.db, department)).map((r) => ({ ...r, filed: r.filed === 1 }));
  return department === null ? rows : rows.filter((r) => !r.filed);
}
