import { canAdjudicateFlags } from '@lz/shared/access-policy';
import { Empty, Space, Tag } from 'antd';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';
import { formatDateTime } from '../../../lib/format';
import type { MessageKey } from '../../../lib/i18n/dictionary';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUser } from '../../../lib/session/get-session';
import type { FlagStatus, StoredFlag } from '../api/answers';
import { FlagEvidence } from './flag-evidence';
import { FlagResolve } from './flag-resolve';
import type { Names } from './use-names';

const statusLabel: Record<FlagStatus, { label: MessageKey; color: string }> = {
  open: { label: 'rnFlagOpen', color: 'orange' },
  confirmed: { label: 'rnFlagConfirmed', color: 'red' },
  dismissed: { label: 'rnFlagDismissed', color: 'default' },
};

/** Stored flags, each with its evidence; open ones take a decision from inspectors and the admin. */
export function FlagList({ flags, names, testId }: { flags: StoredFlag[]; names: Names; testId?: string }) {
  const { t } = useI18n();
  const zone = useTimeZone();
  const user = useUser();
  if (flags.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rnNoFlags')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      {flags.map((f) => (
        <article key={f.id} className="card" data-testid={`flag-${f.id}`} data-status={f.status}>
          <header style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8 }}>
            <Tag color={statusLabel[f.status].color}>{t(statusLabel[f.status].label)}</Tag>
            <span>{names.department(f.department)}</span>
            <span className="muted">{names.county(f.county)}</span>
            <span className="muted">{formatDateTime(f.createdAt, zone)}</span>
          </header>
          <FlagEvidence flag={f} names={names} />
          {f.resolvedBy !== null && f.resolvedAt !== null && (
            <p className="muted" data-testid={`flag-resolution-${f.id}`}>
              {t('rnResolvedBy', f.resolvedBy, formatDateTime(f.resolvedAt, zone))}：{f.resolutionNote ?? ''}
            </p>
          )}
          {f.status === 'open' && canAdjudicateFlags(user) && <FlagResolve flag={f} />}
        </article>
      ))}
    </Space>
  );
}
