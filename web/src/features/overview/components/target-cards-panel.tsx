import { Col, Row } from 'antd';
import { QueryPanel } from '../../../components/query-panel';
import { formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useProgress } from '../../../lib/progress/get-progress';
import { TargetCard } from './target-card';

export function TargetCardsPanel({ asOf }: { asOf?: string }) {
  const { t, lang } = useI18n();
  const progress = useProgress(asOf);
  return (
    <QueryPanel
      query={progress}
      title={t('targetsTitle')}
      extra={
        progress.data ? (
          <span className="muted">{`${t('asOfMonth')} ${formatMonth(progress.data.throughMonth, lang)}`}</span>
        ) : null
      }
      isEmpty={(p) => p.targets.length === 0}
      skeletonRows={6}
      testId="targets-panel"
    >
      {(p) => (
        <Row gutter={[12, 12]}>
          {p.targets.map((x) => (
            <Col key={x.code} xs={24} sm={12} lg={8} xxl={6}>
              <TargetCard target={x} year={p.throughMonth ? Number(p.throughMonth.slice(0, 4)) : undefined} />
            </Col>
          ))}
        </Row>
      )}
    </QueryPanel>
  );
}
