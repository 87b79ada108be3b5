import type { ReportEvent } from '@lz/shared/api/reports';
import { Timeline } from 'antd';
import { QueryPanel } from '../../../components/query-panel';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useEvents } from '../api/get-events';

const colours: Record<ReportEvent['action'], string> = {
  submit: 'blue',
  accept: 'green',
  return: 'red',
  unlock: 'orange',
};
const zhNames: Record<ReportEvent['action'], string> = {
  submit: '报送',
  accept: '审核通过',
  return: '退回',
  unlock: '解锁',
};

export function EventsPanel({ department, month }: { department: string; month: string }) {
  const { t, lang } = useI18n();
  const events = useEvents(department, month);
  return (
    <QueryPanel query={events} title={t('events')} isEmpty={(e) => e.length === 0}>
      {(list) => (
        <Timeline
          items={list.map((e) => ({
            color: colours[e.action],
            content: (
              <>
                <b>{lang === 'zh' ? zhNames[e.action] : e.action}</b>
                {e.version ? ` · ${t('version')} ${e.version}` : ''} · {e.actor} · {formatDateTime(e.at)}
                {e.reason && <div className="muted">{e.reason}</div>}
              </>
            ),
          }))}
        />
      )}
    </QueryPanel>
  );
}
