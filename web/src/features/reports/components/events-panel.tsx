import type { ReportEvent } from '@lz/shared/api/reports';
import { Timeline } from 'antd';
import { QueryPanel } from '../../../components/query-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useEvents } from '../api/get-events';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';

const colours: Record<ReportEvent['action'], string> = {
  submit: 'blue',
  accept: 'green',
  return: 'red',
  unlock: 'orange',
};
export function EventsPanel({ department, month }: { department: string; month: string }) {
  const { t } = useI18n();
  const zone = useTimeZone();
  const events = useEvents(department, month);
  return (
    <QueryPanel query={events} title={t('events')} isEmpty={(e) => e.length === 0}>
      {(list) => (
        <Timeline
          items={list.map((e) => ({
            color: colours[e.action],
            content: (
              <>
                <b>{t('eventActionName', e.action)}</b>
                {e.version ? ` · ${t('version')} ${e.version}` : ''} · {e.actor} · {formatDateTime(e.at, zone)}
                {e.reason && <div className="muted">{e.reason}</div>}
              </>
            ),
          }))}
        />
      )}
    </QueryPanel>
  );
}
