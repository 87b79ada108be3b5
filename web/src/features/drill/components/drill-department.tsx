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
import { useDepartments } from '../../reference/api/get-departments';
import { AsOfPicker, useAsOf } from '../../reference/components/as-of-picker';
import { IndicatorPicker, useIndicatorParam } from '../../reference/components/indicator-picker';
import { DrillBreadcrumb } from './drill-breadcrumb';

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
