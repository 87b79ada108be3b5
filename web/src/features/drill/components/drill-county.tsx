import { Col, Row } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCarriedSearch } from '../../../lib/url-state';
import { useBreakdown } from '../../progress/api/get-breakdown';
import { BreakdownTable } from '../../progress/components/breakdown-table';
import { CumulativePanel } from '../../progress/components/cumulative-panel';
import { RankingPanel } from '../../progress/components/ranking-panel';
import { useUnits } from '../../reference/api/get-units';
import { AsOfPicker, useAsOf } from '../../reference/components/as-of-picker';
import { IndicatorPicker, useIndicatorParam } from '../../reference/components/indicator-picker';
import { DrillBreadcrumb } from './drill-breadcrumb';

/** One county: its cumulative line and the departments that train in it. */
export function DrillCounty({ county }: { county: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { asOf } = useAsOf();
  const [indicator] = useIndicatorParam();
  const search = useCarriedSearch();
  const units = useUnits();
  const name = units.data?.find((u) => u.code === county)?.name ?? county;
  const departments = useBreakdown({ by: 'department', county, indicator, asOf });
  const toDept = (code: string) => `/drill/county/${county}/department/${code}${search}`;
  return (
    <>
      <PageToolbar title={name}>
        <AsOfPicker />
        <IndicatorPicker />
      </PageToolbar>
      <DrillBreadcrumb path={{ county }} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <CumulativePanel params={{ indicator, county, asOf }} title={`${name} · ${t('cumulativeTitle')}`} />
        </Col>
        <Col xs={24} xl={10}>
          <RankingPanel
            title={t('departmentsRanked')}
            params={{ by: 'department', county, indicator, asOf }}
            onPick={(code) => navigate(toDept(code))}
          />
        </Col>
        <Col span={24}>
          <QueryPanel query={departments} title={t('department')} testId="drill-departments">
            {(b) => <BreakdownTable breakdown={b} linkOf={(r) => toDept(r.code)} testIdPrefix="drill-dept" />}
          </QueryPanel>
        </Col>
      </Row>
    </>
  );
}
