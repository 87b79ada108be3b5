import type { Breakdown } from '@lz/shared/api/progress';
import { Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EChart } from '../../../charts/echart';
import { GapLegend } from '../../../charts/gap-legend';
import { gapColour, gapOf } from '../../../charts/options/gap-colour';
import { buildMapOption, type MapLabels } from '../../../charts/options/map-option';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { formatCount, formatPercent, formatPoints } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCarriedSearch } from '../../../lib/url-state';
import { useBreakdown } from '../../../lib/progress/get-breakdown';
import { useUnits } from '../../../lib/catalogue/get-catalogue';
import { AsOfPicker, useAsOf } from '../../../components/pickers/as-of-picker';
import { IndicatorPicker, useIndicatorParam } from '../../../components/pickers/indicator-picker';
import { COUNTY_MAP, useCountyMap } from '../api/get-county-map';

function CountyMap({ breakdown, onPick }: { breakdown: Breakdown; onPick: (code: string) => void }) {
  const { t, lang } = useI18n();
  const option = useMemo(() => {
    const labels: MapLabels = {
      completionRate: t('completionRate'),
      timeProgress: t('timeProgress'),
      gap: t('mapGap'),
    };
    return buildMapOption(breakdown.rows, COUNTY_MAP, labels, lang);
  }, [breakdown, t, lang]);
  return (
    <EChart
      option={option}
      label={t('mapTitle')}
      height={540}
      testId="county-map"
      onClick={(e) => {
        const code = (e.data as { code?: string } | undefined)?.code;
        if (code) onPick(code);
      }}
    />
  );
}

/** The county-level units coloured by completion against time progress; the two management zones as tiles beside. */
export function MapPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const search = useCarriedSearch();
  const { asOf } = useAsOf();
  const [indicator] = useIndicatorParam();
  const map = useCountyMap();
  const units = useUnits();
  const breakdown = useBreakdown({ by: 'county', indicator, asOf });
  const all = combineQueries(map, units, breakdown);
  const toCounty = (code: string) => navigate(`/drill/county/${code}${search}`);

  return (
    <>
      <PageToolbar title={t('navMap')}>
        <AsOfPicker />
        <IndicatorPicker />
      </PageToolbar>
      <QueryPanel query={all} title={t('mapTitle')} skeletonRows={10} testId="map-panel">
        {([, u, b]) => {
          const zones = u.filter((x) => x.managementZone);
          const zoneRows = b.rows.filter((r) => zones.some((z) => z.code === r.code));
          return (
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={18}>
                <CountyMap
                  breakdown={{ ...b, rows: b.rows.filter((r) => !zones.some((z) => z.code === r.code)) }}
                  onPick={toCounty}
                />
                <GapLegend />
              </Col>
              <Col xs={24} lg={6}>
                <Typography.Title level={2} style={{ fontSize: 15 }}>
                  {t('managementZones')}
                </Typography.Title>
                <Row gutter={[8, 8]}>
                  {zoneRows.map((r) => (
                    <Col key={r.code} xs={12} lg={24}>
                      <Link to={`/drill/county/${r.code}${search}`} data-testid={`zone-${r.code}`}>
                        <div
                          className="zone-tile"
                          style={{ background: gapColour(r.completionRate, r.timeProgress), color: '#fff' }}
                        >
                          <div style={{ fontWeight: 600 }}>{r.name}</div>
                          <div>
                            {formatCount(r.actual, lang)} / {formatCount(r.allocation, lang)}
                          </div>
                          <div>
                            {t('completionRate')} {formatPercent(r.completionRate)} ·{' '}
                            {formatPoints(gapOf(r.completionRate, r.timeProgress))}
                          </div>
                        </div>
                      </Link>
                    </Col>
                  ))}
                </Row>
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
                  {t('timeProgress')} {formatPercent(b.timeProgress)}
                </Typography.Paragraph>
                <ul className="map-list" aria-label={t('county')}>
                  {b.rows
                    .filter((r) => !zones.some((z) => z.code === r.code))
                    .map((r) => (
                      <li key={r.code}>
                        <span
                          className="map-swatch"
                          style={{ background: gapColour(r.completionRate, r.timeProgress) }}
                          aria-hidden="true"
                        />
                        <Link to={`/drill/county/${r.code}${search}`}>{r.name}</Link>
                        <span className="muted" data-testid={`map-rate-${r.code}`} data-value={r.completionRate ?? ''}>
                          {formatPercent(r.completionRate)}
                        </span>
                      </li>
                    ))}
                </ul>
              </Col>
            </Row>
          );
        }}
      </QueryPanel>
    </>
  );
}
