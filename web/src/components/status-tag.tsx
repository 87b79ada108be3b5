import type { ComplianceStatus } from '@lz/shared/api/progress';
import type { ReportMonth } from '@lz/shared/api/reports';
import { Tag } from 'antd';
import type { MessageKey } from '../lib/i18n/dictionary';
import { useI18n } from '../lib/i18n/i18n';

export type AnyStatus = ReportMonth['status'] | ComplianceStatus;

/** One colour per status, shared by the workspace, the review queue and the compliance matrix. */
export const statusStyle: Record<AnyStatus, { color: string; bg: string; label: MessageKey }> = {
  not_due: { color: 'default', bg: '#f1f5f9', label: 'statusNotDue' },
  due: { color: 'blue', bg: '#dbeafe', label: 'statusDue' },
  overdue: { color: 'red', bg: '#fee2e2', label: 'statusOverdue' },
  missing: { color: 'red', bg: '#fecaca', label: 'statusMissing' },
  submitted: { color: 'gold', bg: '#fef3c7', label: 'statusSubmitted' },
  returned: { color: 'volcano', bg: '#fed7aa', label: 'statusReturned' },
  accepted: { color: 'green', bg: '#bbf7d0', label: 'statusAccepted' },
};

export function StatusTag({ status }: { status: AnyStatus }) {
  const { t } = useI18n();
  const s = statusStyle[status];
  return <Tag color={s.color}>{t(s.label)}</Tag>;
}
