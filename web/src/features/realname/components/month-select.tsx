import { monthRange } from '@lz/shared/months';
import { Select } from 'antd';
import { useCampaign } from '../../../lib/catalogue/get-catalogue';
import { formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';

/** A month of the campaign window, latest first; `allowClear` for filters where "every month" is a choice. */
export function MonthSelect({
  value,
  onChange,
  allowClear,
  testId,
}: {
  value: string;
  onChange: (month: string | null) => void;
  allowClear?: boolean;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const campaign = useCampaign();
  const months = campaign.data ? monthRange(campaign.data.start, campaign.data.end).reverse() : [];
  return (
    <Select
      value={value || undefined}
      onChange={(v: string | undefined) => onChange(v ?? null)}
      allowClear={allowClear}
      placeholder={t('month')}
      loading={campaign.isPending}
      style={{ width: 132 }}
      aria-label={t('month')}
      data-testid={testId}
      options={months.map((m) => ({ value: m, label: formatMonth(m, lang) }))}
    />
  );
}
