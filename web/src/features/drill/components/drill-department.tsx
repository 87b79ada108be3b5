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
import { useDepartments } from '../../../lib/catalogue/get-catalogue';
import { AsOfPicker, useAsOf } from '../../../components/pickers/as-of-picker';
import { IndicatorPicker, useIndicatorParam } from '../../../components/pickers/indicator-picker';
import { DrillBreadcrumb } from '../../../components/drill-breadcrumb';

/** One department city-wide: its cumulative line and its counties. */
export function DrillDepartment({ department }: { department: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { asOf } = useAsOf();
  const [indicator] = useIndicatorParam();
  const search = useCarriedSearch();
  const departments = useDepartments();
  const name = departments.data?.find((d) => d.code === department)?.name ?? department;
  const counties = useBreakdown({ by: 'county', department, indicator, asOf });
  const toCounty = (code: string) => `/drill/county/${code}/department/${department}${search}`;
  return (
    <>
      <PageToolbar title={name}>
        <AsOfPicker />
        <IndicatorPicker />
      </PageToolbar>
      <DrillBreadcrumb path={{ department }} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <CumulativePanel params={{ indicator, department, asOf }} title={`${name} · ${t('cumulativeTitle')}`} />
        </Col>
        <Col xs={24} xl={10}>
          <RankingPanel
            title={t('countiesRanked')}
            params={{ by: 'county', department, indicator, asOf }}
            onPick={(code) => navigate(toCounty(code))}
          />
        </Col>
        <Col span={24}>
          <QueryPanel query={counties} title={t('county')} testId="drill-counties">
            {(b) => <BreakdownTable breakdown={b} linkOf={(r) => toCounty(r.code)} />}
          </QueryPanel>
        </Col>
      </Row>
    </>
  );
}
