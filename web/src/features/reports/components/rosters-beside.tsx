import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { formatInteger } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useReconciliation } from '../../../lib/realname/get-reconciliation';
import { differenceLevel } from '../../../lib/realname/reconciliation-levels';

/**
 * Beside a report, its rosters (#15): the person-times they show against the report's, red when the report
 * claims more. A secondary line: when the reconciliation cannot be read it says nothing, the report stands.
 */
export function RostersBeside({ department, month }: { department: string; month: string }) {
  const { t } = useI18n();
  const rec = useReconciliation({ department, month });
  if (!rec.data) return null;
  const f = rec.data.summary.personTimes;
  const level = differenceLevel(f);
  const text = t(
    'rostersBeside',
    formatInteger(f.rosters),
    formatInteger(f.reported),
    f.difference === null ? '—' : `${f.difference > 0 ? '+' : ''}${formatInteger(f.difference)}`,
  );
  return (
    <Alert
      type={level === 'over' ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="report-rosters"
      data-level={level}
      title={level === 'over' ? `${t('reportAboveRosters')} ${text}` : text}
      action={<Link to={`/reconciliation?department=${department}&month=${month}`}>{t('navReconciliation')}</Link>}
    />
  );
}
