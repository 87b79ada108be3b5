import type { TargetProgress } from '@lz/shared/api/progress';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { GAP_COLOURS, gapColour } from '../../../charts/options/gap-colour';
import { formatCount, formatCountAgainst, formatInteger, formatPercent } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';

/** A bar of completion with a tick at time progress: the two numbers the plan's convention compares. */
function ProgressBar({ rate, timeProgress, colour }: { rate: number | null; timeProgress: number; colour: string }) {
  const fill = Math.max(0, Math.min(1, rate ?? 0)) * 100;
  return (
    <div
      style={{ position: 'relative', height: 10, background: '#e2e8f0', borderRadius: 5, margin: '8px 0' }}
      aria-hidden="true"
    >
      <div style={{ width: `${fill}%`, height: '100%', background: colour, borderRadius: 5 }} />
      <div
        style={{
          position: 'absolute',
          top: -3,
          bottom: -3,
          left: `calc(${Math.min(1, timeProgress) * 100}% - 1px)`,
          width: 2,
          background: '#0f172a',
        }}
      />
    </div>
  );
}

export function TargetCard({ target: x, year }: { target: TargetProgress; year?: number }) {
  const { t, lang } = useI18n();
  const ratio = x.kind === 'ratio';
  // A ratio is met or not (its level against the floor, not against time progress), as its tag says.
  const colour = ratio
    ? x.actual === null
      ? GAP_COLOURS.none
      : x.lagging
        ? GAP_COLOURS.slightly
        : GAP_COLOURS.ahead
    : gapColour(x.completionRate, x.timeProgress);
  const show = (n: number | null) => (ratio ? formatPercent(n) : formatCount(n, lang));
  return (
    <div className="card" style={{ borderTop: `3px solid ${colour}` }} data-testid={`target-${x.code}`}>
      <Typography.Text strong ellipsis={{ tooltip: x.name }} style={{ display: 'block' }}>
        {x.name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {x.paragraph}
        {x.kind === 'per-year' && year ? ` · ${year}${t('annualSuffix')}` : ''}
      </Typography.Text>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 6, marginTop: 4, flexWrap: 'wrap' }}>
        <Tooltip title={ratio ? formatPercent(x.actual) : `${formatInteger(x.actual)} ${x.unit}`}>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so a keyboard shows the exact figure */}
          <span className="figure" data-testid={`target-${x.code}-actual`} data-value={x.actual ?? ''} tabIndex={0}>
            {show(x.actual)}
          </span>
        </Tooltip>
        <span className="muted">
          / {ratio ? `≥ ${formatPercent(x.target)}` : `${formatCount(x.target, lang)} ${x.unit}`}
        </span>
      </div>
      {ratio ? (
        <div style={{ height: 26 }} />
      ) : (
        <ProgressBar rate={x.completionRate} timeProgress={x.timeProgress} colour={colour} />
      )}
      <Space size={[12, 4]} wrap style={{ fontSize: 13 }}>
        {!ratio && (
          <span>
            {t('completionRate')}{' '}
            <b data-testid={`target-${x.code}-rate`} data-value={x.completionRate ?? ''}>
              {formatPercent(x.completionRate)}
            </b>
          </span>
        )}
        {!ratio && (
          <span>
            {t('timeProgress')} <b>{formatPercent(x.timeProgress)}</b>
          </span>
        )}
        {!ratio && (
          <span>
            {t('forecast')}{' '}
            <b data-testid={`target-${x.code}-forecast`} data-value={x.forecast ?? ''}>
              {formatCountAgainst(x.forecast, x.target, lang)}
            </b>
          </span>
        )}
      </Space>
      <div style={{ marginTop: 6 }}>
        {ratio ? (
          x.actual === null ? (
            <Tag>{t('empty')}</Tag>
          ) : (
            <Tag color={x.lagging ? 'orange' : 'green'}>{x.lagging ? t('ratioNotMet') : t('ratioMet')}</Tag>
          )
        ) : (
          <>
            <Tag color={x.lagging ? 'red' : 'green'}>{x.lagging ? t('lagging') : t('onTrack')}</Tag>
            {x.forecastMeetsTarget !== null && (
              <Tag color={x.forecastMeetsTarget ? 'blue' : 'orange'}>
                {x.forecastMeetsTarget ? t('forecastMeets') : t('forecastMisses')}
              </Tag>
            )}
          </>
        )}
      </div>
    </div>
  );
}
