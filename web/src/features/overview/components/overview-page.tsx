import { Col, Row } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCarriedSearch } from '../../../lib/url-state';
import { useI18n } from '../../../lib/i18n/i18n';
import { PageToolbar } from '../../../components/page-toolbar';
import { AsOfPicker, useAsOf } from '../../../components/pickers/as-of-picker';
import { IndicatorPicker, useIndicatorParam } from '../../../components/pickers/indicator-picker';
import { useUser } from '../../../lib/session/get-session';
import { CountyHeatmapPanel, withMonth } from './county-heatmap-panel';
import { CumulativePanel } from '../../../components/progress/cumulative-panel';
import { RankingPanel } from '../../../components/progress/ranking-panel';
import { RatioGaugesPanel } from './ratio-gauges-panel';
import { TargetCardsPanel } from './target-cards-panel';

/**
 * 总览: "are we on track" on one screen. Reporters and county users see the city totals only (the API
 * narrows their breakdowns to their own unit, which the drill-down and workspace show instead).
 */
export function OverviewPage() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { asOf } = useAsOf();
  const [indicator] = useIndicatorParam();
  const carried = useCarriedSearch();
  const cityWide = user.role === 'admin' || user.role === 'leader' || user.role === 'inspector';

  return (
    <>
      <PageToolbar title={t('navOverview')}>
        <AsOfPicker />
        <IndicatorPicker />
      </PageToolbar>
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <TargetCardsPanel asOf={asOf} />
        </Col>
        <Col xs={24} xl={16}>
          <CumulativePanel params={{ indicator, asOf }} />
        </Col>
        <Col xs={24} xl={8}>
          <RatioGaugesPanel asOf={asOf} />
        </Col>
        {cityWide && (
          <>
            <Col xs={24} lg={12}>
              <RankingPanel
                title={t('countiesRanked')}
                params={{ by: 'county', indicator, asOf }}
                onPick={(code) => navigate(`/drill/county/${code}${carried}`)}
              />
            </Col>
            <Col xs={24} lg={12}>
              <RankingPanel
                title={t('departmentsRanked')}
                params={{ by: 'department', indicator, asOf }}
                onPick={(code) => navigate(`/drill/department/${code}${carried}`)}
              />
            </Col>
            <Col span={24}>
              <CountyHeatmapPanel
                indicator={indicator}
                asOf={asOf}
                countyMonthLink={(county, month) => `/drill/county/${county}${withMonth(carried, month)}`}
              />
            </Col>
          </>
        )}
      </Row>
    </>
  );
}
