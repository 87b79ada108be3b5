import type { Series, SeriesQuery } from '@lz/shared/api/progress';
import { useMemo } from 'react';
import { EChart } from '../../charts/echart';
import { buildCumulativeOption } from '../../charts/options/cumulative-option';
import { QueryPanel } from '../query-panel';
import { useI18n } from '../../lib/i18n/i18n';
import { useSeries } from '../../lib/progress/get-series';

function CumulativeChart({
  series,
  monthly,
  onMonth,
}: {
  series: Series;
  monthly?: boolean;
  onMonth?: (month: string) => void;
}) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () =>
      buildCumulativeOption(series, {
        monthly,
        lang,
        labels: {
          cumulative: t('cumulative'),
          expected: t('expected'),
          forecast: t('forecast'),
          monthly: t('monthly'),
          target: t('target'),
          notReported: t('notReported'),
        },
      }),
    [series, monthly, t, lang],
  );
  return (
    <EChart
      option={option}
      label={t('cumulativeTitle')}
      height={300}
      testId="cumulative-chart"
      onClick={onMonth ? (e) => (typeof e.name === 'string' ? onMonth(e.name) : undefined) : undefined}
    />
  );
}

/** The cumulative line against the expected pace, forecast dashed to the window's end. */
export function CumulativePanel({
  params,
  title,
  monthly,
  onMonth,
}: {
  params: SeriesQuery;
  title?: string;
  monthly?: boolean;
  onMonth?: (month: string) => void;
}) {
  const { t } = useI18n();
  const series = useSeries(params);
  return (
    <QueryPanel
      query={series}
      title={title ?? t('cumulativeTitle')}
      isEmpty={(s) => s.points.length === 0}
      skeletonRows={7}
    >
      {(s) => <CumulativeChart series={s} monthly={monthly} onMonth={onMonth} />}
    </QueryPanel>
  );
}
