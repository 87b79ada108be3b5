import { Col, Row, Tabs } from 'antd';
import { PageToolbar } from '../../../components/page-toolbar';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { FindingsPanel } from './findings-panel';
import { AsOfPicker, useAsOf } from '../../../components/pickers/as-of-picker';
import { IndicatorPicker, useIndicatorParam } from '../../../components/pickers/indicator-picker';
import { ComplianceMatrix } from './compliance-matrix';
import { LaggingTable } from './lagging-table';
import { AboveRostersPanel } from './above-rosters-panel';

/** 督查: lagging units and their trend, the reporting matrix, and findings followed to closure. */
export function InspectPage() {
  const { t } = useI18n();
  const [tab, setTab] = useUrlParam('tab', 'lagging');
  const { asOf, month } = useAsOf();
  const [indicator] = useIndicatorParam();
  return (
    <>
      <PageToolbar title={t('navInspect')}>
        <AsOfPicker />
        {tab === 'lagging' && <IndicatorPicker />}
      </PageToolbar>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'lagging',
            label: t('lagTables'),
            children: (
              <Row gutter={[12, 12]}>
                <Col span={24}>
                  <LaggingTable by="county" indicator={indicator} asOf={asOf} />
                </Col>
                <Col span={24}>
                  <LaggingTable by="department" indicator={indicator} asOf={asOf} />
                </Col>
              </Row>
            ),
          },
          { key: 'compliance', label: t('compliance'), children: <ComplianceMatrix asOf={asOf} /> },
          { key: 'findings', label: t('findings'), children: <FindingsPanel /> },
          { key: 'rosters', label: t('navReconciliation'), children: <AboveRostersPanel month={month} /> },
        ]}
      />
    </>
  );
}
