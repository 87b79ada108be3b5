import { Col, Row } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCarriedSearch } from '../../../lib/url-state';
import { useBreakdown } from '../../../lib/progress/get-breakdown';
import { BreakdownTable } from '../../../components/progress/breakdown-table';
import { CumulativePanel } from '../../../components/progress/cumulative-panel';
import { RankingPanel } from '../../../components/progress/ranking-panel';
import { useUnits } from '../../../lib/catalogue/get-catalogue';
import { AsOfPicker, useAsOf } from '../../../components/pickers/as-of-picker';
import { IndicatorPicker, useIndicatorParam } from '../../../components/pickers/indicator-picker';
import { DrillBreadcrumb } from '../../../components/drill-breadcrumb';

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
