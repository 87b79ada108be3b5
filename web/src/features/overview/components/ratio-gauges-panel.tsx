import { Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../../charts/echart';
import { buildRatioGaugeOption } from '../../../charts/options/gauge-option';
import { QueryPanel } from '../../../components/query-panel';
import { formatInteger, formatMonth, formatPercent } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useRatios } from '../../../lib/progress/get-ratios';

function Gauge({
  value,
  target,
  name,
  testId,
}: {
  value: number | null;
  target: number;
  name: string;
  testId: string;
}) {
  const option = useMemo(() => buildRatioGaugeOption(value, target, name), [value, target, name]);
  return (
    <div data-testid={testId} data-value={value ?? ''}>
      <EChart option={option} label={`${name} ${formatPercent(value)}`} height={200} />
    </div>
  );
}

/** 技能劳动者/就业人员 against 28% and 高技能人才/技能劳动者 against 26%, city-wide. */
export function RatioGaugesPanel({ asOf }: { asOf?: string }) {
  const { t, lang } = useI18n();
  const ratios = useRatios(asOf);
  return (
    <QueryPanel query={ratios} title={t('ratios')} isEmpty={(r) => r.city.s1 === null} skeletonRows={6}>
      {(r) => (
        <>
          <Row gutter={8}>
            <Col span={12}>
              <Gauge
                value={r.city.r1}
                target={r.targets.r1}
                name={t('ratioSkilled', formatPercent(r.targets.r1))}
                testId="ratio-r1"
              />
            </Col>
            <Col span={12}>
              <Gauge
                value={r.city.r2}
                target={r.targets.r2}
                name={t('ratioHighSkilled', formatPercent(r.targets.r2))}
                testId="ratio-r2"
              />
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatMonth(r.city.month, lang)} · S1 {formatInteger(r.city.s1)} · S2 {formatInteger(r.city.s2)} · S3{' '}
            {formatInteger(r.city.s3)}
          </Typography.Text>
        </>
      )}
    </QueryPanel>
  );
}
