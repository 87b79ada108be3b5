import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../../charts/echart';
import { buildCumulativeOption } from '../../../charts/options/cumulative-option';
import { buildRankingOption } from '../../../charts/options/ranking-option';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { asOfForMonth } from '../../../lib/as-of';
import { formatBulletinIssue, formatCount, formatInteger, formatMonth, formatPercent } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useBreakdown } from '../../../lib/progress/get-breakdown';
import { useCompliance } from '../../../lib/progress/get-compliance';
import { useProgress } from '../../../lib/progress/get-progress';
import { useSeries } from '../../../lib/progress/get-series';
import { useCampaign, useDepartments } from '../../../lib/catalogue/get-catalogue';
import { AsOfPicker, useAsOf } from '../../../components/pickers/as-of-picker';
import { LateMissing, RankTable, TargetsTable, UnacceptedNote } from './bulletin-tables';
import './bulletin.css';

/**
 * 月报: the month's figures, charts, rankings and late or missing units, laid out to print on A4. The bulletin
 * is always in Chinese: it goes to the province.
 */
export function BulletinPage() {
  const { t } = useI18n();
  const { asOf } = useAsOf();
  const all = combineQueries(
    useCampaign(),
    useDepartments(),
    useProgress(asOf),
    useSeries({ indicator: 'T', asOf }),
    useBreakdown({ by: 'county', indicator: 'T', asOf }),
    useBreakdown({ by: 'department', indicator: 'T', asOf }),
    useCompliance(asOf),
  );
  const charts = useMemo(() => {
    if (!all.data) return null;
    const [, , , series, counties] = all.data;
    return {
      cumulative: buildCumulativeOption(series, { monthly: true, animation: false }),
      ranking: { ...buildRankingOption(counties.rows, counties.timeProgress), animation: false },
    };
  }, [all.data]);

  return (
    <>
      <div className="no-print">
        <PageToolbar title={t('navBulletin')}>
          <AsOfPicker />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('print')}
          </Button>
        </PageToolbar>
      </div>
      <QueryPanel query={all} skeletonRows={14} testId="bulletin-panel" bare>
        {([campaign, departments, progress, series, counties, depts, compliance]) => {
          const month = progress.throughMonth;
          if (!month) return <p>行动期尚未开始</p>;
          const point = series.points.find((p) => p.month === month);
          const total = progress.targets.find((x) => x.code === 'T');
          const names = new Map(departments.map((d) => [d.code, d.name]));
          const lagging = counties.rows.filter((r) => r.lagging).map((r) => r.name);
          // The bulletin month's own cut-off (the end of the month its reports were due in), not today's date
          // when "latest" is chosen; while that month is still open, the request date.
          const monthEnd = asOfForMonth(month);
          const dataAsOf = monthEnd && monthEnd < progress.asOf ? monthEnd : progress.asOf;
          return (
            <article className="bulletin" data-testid="bulletin">
              <h1>{campaign.city}职业技能提升行动统计月报</h1>
              <div className="bulletin-sub">
                <span data-testid="bulletin-issue">{formatBulletinIssue(month)}</span>
                {` · ${formatMonth(month)} · 数据截至 `}
                <span data-testid="bulletin-as-of">{dataAsOf}</span> · {campaign.plan} · 市人力资源社会保障局编
              </div>
              <section className="bulletin-section">
                <h2>一、总体情况</h2>
                <p>
                  {formatMonth(month)}，全市开展补贴性职业技能培训{' '}
                  <b data-testid="bulletin-month-T" data-value={point?.value ?? ''}>
                    {point?.reports === 0 ? '（未报）' : formatInteger(point?.value)}
                  </b>{' '}
                  人次
                  {point?.reports !== null && point?.reports !== undefined && point.reports < series.reporters
                    ? `（${series.reporters} 个责任单位中 ${point.reports} 个已报，未报的不计为 0）`
                    : ''}
                  ；行动以来累计 <b>{formatInteger(total?.actual)}</b> 人次（{formatCount(total?.actual)}
                  ），完成目标 {formatCount(total?.target)} 人次的 {formatPercent(total?.completionRate)}，时序进度{' '}
                  {formatPercent(total?.timeProgress)}，{total?.lagging ? '落后于时序进度' : '达到时序进度要求'}
                  。按近六个月进度，预计期末完成 {formatInteger(total?.forecast)} 人次。
                  {lagging.length ? `落后于时序进度的县区：${lagging.join('、')}。` : '各县区均达到时序进度。'}
                </p>
                <TargetsTable progress={progress} />
              </section>
              <section className="bulletin-section bulletin-chart">
                <h2>二、累计完成与应完成进度</h2>
                {charts && <EChart option={charts.cumulative} label="累计完成与应完成进度" height={260} />}
              </section>
              <section className="bulletin-section">
                <h2>三、县区与责任单位排名</h2>
                <div className="bulletin-chart">
                  {charts && <EChart option={charts.ranking} label="县区完成率排名" height={300} />}
                </div>
                <div className="two-col">
                  <RankTable breakdown={counties} label="县区" />
                  <RankTable breakdown={depts} label="责任单位" />
                </div>
              </section>
              <section className="bulletin-section">
                <h2>四、报送情况</h2>
                <LateMissing compliance={compliance} month={month} names={names} />
              </section>
              <UnacceptedNote compliance={compliance} month={month} names={names} />
            </article>
          );
        }}
      </QueryPanel>
    </>
  );
}
