import { Alert } from 'antd';
import { formatDateTime, formatMonth } from '../lib/format';
import { useI18n } from '../lib/i18n/i18n';
import { useTimeZone } from '../lib/catalogue/use-time-zone';
import { useReminders } from '../lib/reminders/get-reminders';

/** A reporter's open reminders (催报), until it files each month; nothing for anyone else. */
export function ReminderNotice({ department }: { department: string }) {
  const { t, lang } = useI18n();
  const zone = useTimeZone();
  const reminders = useReminders();
  const open = (reminders.data ?? []).filter((r) => r.department === department && !r.filed);
  if (open.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="reminder-notice"
      title={t('remindedTitle', String(open.length))}
      description={open.map((r) => (
        <div key={r.id}>
          {t('remindedLine', formatMonth(r.month, lang), formatDateTime(r.at, zone))}
          {r.note ? `：${r.note}` : ''}
        </div>
      ))}
    />
  );
}
