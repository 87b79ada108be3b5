import { monthRange } from '@lz/shared/months';
import { Select } from 'antd';
import { useEffect } from 'react';
import { asOfForMonth, clampMonth } from '../../lib/as-of';
import { formatMonth } from '../../lib/format';
import { useI18n } from '../../lib/i18n/i18n';
import { useUrlParam } from '../../lib/url-state';
import { useCampaign } from '../../lib/catalogue/get-catalogue';

/**
 * The as-of month from the URL (`?month=2020-08`) and the API date it stands for. A month outside the
 * campaign window (a hand-edited or old link) is clamped to the window, where there are figures to show.
 */
export function useAsOf(): { month: string; asOf: string | undefined; setMonth: (m: string | null) => void } {
  const [raw, setMonth] = useUrlParam('month');
  const campaign = useCampaign();
  const month = campaign.data ? clampMonth(raw, campaign.data.start, campaign.data.end) : raw;
  return { month, asOf: asOfForMonth(month), setMonth };
}

/** Picks "data through month M" among the window's months; empty means the latest. */
export function AsOfPicker() {
  const { t, lang } = useI18n();
  const campaign = useCampaign();
  const { month, setMonth } = useAsOf();
  const [raw] = useUrlParam('month');
  // Puts the clamped month back into the URL, so the picker and a copied link say what is shown.
  useEffect(() => {
    if (campaign.data && raw !== month) setMonth(month);
  }, [campaign.data, raw, month, setMonth]);
  const months = campaign.data ? monthRange(campaign.data.start, campaign.data.end).reverse() : [];
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the antd Select inside is the control (and has its aria-label)
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
