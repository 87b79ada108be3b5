import { Select } from 'antd';
import { useI18n } from '../../lib/i18n/i18n';
import { useUrlParam } from '../../lib/url-state';
import { useTargets } from '../../lib/catalogue/get-catalogue';

/** The indicator a tracking page shows (`?indicator=E`), among those a cumulative target is set for. */
export function useIndicatorParam(): [string, (v: string | null) => void] {
  return useUrlParam('indicator', 'T');
}

export function IndicatorPicker() {
  const { t } = useI18n();
  const targets = useTargets();
  const [indicator, setIndicator] = useIndicatorParam();
  const options = (targets.data ?? []).flatMap((x) =>
    x.kind === 'cumulative' ? [{ value: x.indicator, label: x.name }] : [],
  );
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the antd Select inside is the control (and has its aria-label)
    <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <span className="muted">{t('indicator')}</span>
      <Select
        value={indicator}
        onChange={(v: string) => setIndicator(v)}
        loading={targets.isPending}
        style={{ width: 200 }}
        aria-label={t('indicator')}
        popupMatchSelectWidth={false}
        options={options.length ? options : [{ value: indicator, label: indicator }]}
      />
    </label>
  );
}
