import { Col, Row } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCarriedSearch } from '../../../lib/url-state';
import { useBreakdown } from '../../../lib/progress/get-breakdown';
import { BreakdownTable } from '../../../components/progress/breakdown-table';
import { RankingPanel } from '../../../components/progress/ranking-panel';
import { AsOfPicker, useAsOf } from '../../../components/pickers/as-of-picker';
import { IndicatorPicker, useIndicatorParam } from '../../../components/pickers/indicator-picker';
import { DrillBreadcrumb } from '../../../components/drill-breadcrumb';

export function DrillCity() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { asOf } = useAsOf();
  const [indicator] = useIndicatorParam();
  const search = useCarriedSearch();
  const counties = useBreakdown({ by: 'county', indicator, asOf });
  const departments = useBreakdown({ by: 'department', indicator, asOf });
  return (
    <>
      <PageToolbar title={t('navDrill')}>
        <AsOfPicker />
        <IndicatorPicker />
      </PageToolbar>
      <DrillBreadcrumb path={{}} />
      <Row gutter={[12, 12]}>
        {/* Side by side only on wide screens: at 1366 px the county table needs the full width for all its columns. */}
        <Col xs={24} xxl={10}>
          <RankingPanel
            title={t('countiesRanked')}
            params={{ by: 'county', indicator, asOf }}
            onPick={(code) => navigate(`/drill/county/${code}${search}`)}
          />
        </Col>
        <Col xs={24} xxl={14}>
          <QueryPanel query={counties} title={t('county')} testId="drill-counties">
            {(b) => <BreakdownTable breakdown={b} linkOf={(r) => `/drill/county/${r.code}${search}`} />}
          </QueryPanel>
        </Col>
        <Col span={24}>
          <QueryPanel query={departments} title={t('department')} testId="drill-departments">
            {(b) => (
              <BreakdownTable
                breakdown={b}
                linkOf={(r) => `/drill/department/${r.code}${search}`}
                testIdPrefix="drill-dept"
              />
            )}
          </QueryPanel>
        </Col>
      </Row>
    </>
  );
}
