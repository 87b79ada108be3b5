import { monthRange } from '@lz/shared/months';
import { Select } from 'antd';
import { asOfForMonth } from '../../../lib/as-of';
import { formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useCampaign } from '../api/get-campaign';

/** The as-of month from the URL (`?month=2020-08`) and the API date it stands for. */
export function useAsOf(): { month: string; asOf: string | undefined; setMonth: (m: string | null) => void } {
  const [month, setMonth] = useUrlParam('month');
  return { month, asOf: asOfForMonth(month), setMonth };
}

/** Picks "data through month M" among the window's months; empty means the latest. */
export function AsOfPicker() {
  const { t, lang } = useI18n();
  const campaign = useCampaign();
  const { month, setMonth } = useAsOf();
  const months = campaign.data ? monthRange(campaign.data.start, campaign.data.end).reverse() : [];
  return (
    <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <span className="muted">{t('asOfMonth')}</span>
      <Select
        value={month}
        onChange={(v: string) => setMonth(v)}
        loading={campaign.isPending}
        style={{ width: 132 }}
        aria-label={t('asOfMonth')}
        data-testid="as-of-picker"
        options={[{ value: '', label: t('latest') }, ...months.map((m) => ({ value: m, label: formatMonth(m, lang) }))]}
      />
    </label>
  );
}
