import type { Breakdown } from '@lz/shared/api/progress';
import { monthsInclusive } from '@lz/shared/months';
import { Button, Input, Space, Switch, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { canWriteFindings } from '@lz/shared/access-policy';
import { ExportButton } from '../../../components/export-button';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { formatInteger, formatPercent, formatPoints } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCarriedSearch, useUrlParam } from '../../../lib/url-state';
import { FindingForm } from './finding-form';
import { useBreakdown } from '../../../lib/progress/get-breakdown';
import { useCampaign, useCatalogue } from '../../../lib/catalogue/get-catalogue';
import { useUser } from '../../../lib/session/get-session';
import { laggingRows, type LaggingRow } from './lagging-model';

/**
 * Lagging counties or departments: how far behind time progress, by how many person-times, and where the trend
 * points.
 */
export function LaggingTable({
  by,
  indicator,
  asOf,
}: {
  by: 'county' | 'department';
  indicator: string;
  asOf?: string;
}) {
  const { t } = useI18n();
  const user = useUser();
  const search = useCarriedSearch();
  const campaign = useCampaign();
  const catalogue = useCatalogue();
  const indicatorInfo = catalogue.data?.indicators.find((i) => i.code === indicator);
  const indicatorName = indicatorInfo ? `${indicatorInfo.name}（${indicatorInfo.unit}）` : indicator;
  const breakdown = useBreakdown({ by, indicator, asOf });
  const [all, setAll] = useUrlParam(`${by}All`);
  const [q, setQ] = useState('');
  const [finding, setFinding] = useState<string | null>(null);
  const both = combineQueries(campaign, breakdown);

  const rows = useMemo(() => {
    if (!both.data) return [];
    const [c, b] = both.data as [NonNullable<typeof campaign.data>, Breakdown];
    const through = b.throughMonth;
    const elapsed = through ? monthsInclusive(c.start, through) : 0;
    const remaining = through ? monthsInclusive(through, c.end) - 1 : monthsInclusive(c.start, c.end);
    return laggingRows(b.rows, remaining, elapsed)
      .filter((r) => all === '1' || r.lagging)
      .filter((r) => !q || r.name.includes(q) || r.code.toLowerCase().includes(q.toLowerCase()))
      .sort((a, b2) => (a.gap ?? 0) - (b2.gap ?? 0));
  }, [both.data, all, q]);

  const title = by === 'county' ? t('laggingCounties') : t('laggingDepartments');
  const link = (r: LaggingRow) =>
    by === 'county' ? `/drill/county/${r.code}${search}` : `/drill/department/${r.code}${search}`;
  const trendTag = (r: LaggingRow) =>
    r.trend === 'none' ? (
      '—'
    ) : r.trend === 'missed' ? (
      <Tag color="volcano">{t('missedAtEnd')}</Tag>
    ) : r.trend === 'closing' ? (
      <Tag color="green">{t('catchingUp')}</Tag>
    ) : (
      <Tag color="red">{t('fallingBehind')}</Tag>
    );

  return (
    <QueryPanel
      query={both}
      title={title}
      testId={`lagging-${by}`}
      extra={
        <Space wrap>
          <Input.Search
            size="small"
            allowClear
            placeholder={t('search')}
            onSearch={setQ}
            onChange={(e) => !e.target.value && setQ('')}
            style={{ width: 150 }}
            aria-label={t('search')}
          />
          <span>
            <Switch
              size="small"
              checked={all !== '1'}
              onChange={(on) => setAll(on ? null : '1')}
              aria-label={t('onlyLagging')}
            />{' '}
            {t('onlyLagging')}
          </span>
          <ExportButton
            fileName={`${title}-${indicatorInfo?.name ?? indicator}`}
            heading={() => ({
              title: `${campaign.data?.city ?? ''}职业技能提升行动 ${title}`,
              asOf: breakdown.data?.asOf,
              filters: [
                { label: '指标', value: indicatorName },
                { label: '范围', value: all === '1' ? '全部' : '仅落后于时序进度的' },
                ...(q ? [{ label: '搜索', value: q }] : []),
              ],
            })}
            sheets={() => [
              {
                name: title,
                columns: [
                  { header: '代码', key: 'code', width: 10 },
                  { header: '名称', key: 'name', width: 26 },
                  { header: '分解目标', key: 'allocation' },
                  { header: '累计完成', key: 'actual' },
                  { header: '完成率(%)', key: 'rate' },
                  { header: '时序进度(%)', key: 'tp' },
                  { header: '差(百分点)', key: 'gap' },
                  { header: '差额(人次)', key: 'shortfall' },
                  { header: '近6个月', key: 'recent' },
                  { header: '近期月均', key: 'pace' },
                  { header: '需月均', key: 'needed' },
                  { header: '趋势', key: 'trend' },
                ],
                rows: rows.map((r) => ({
                  code: r.code,
                  name: r.name,
                  allocation: r.allocation,
                  actual: r.actual,
                  rate: r.completionRate === null ? null : Math.round(r.completionRate * 1000) / 10,
                  tp: Math.round(r.timeProgress * 1000) / 10,
                  gap: r.gap === null ? null : Math.round(r.gap * 1000) / 10,
                  shortfall: r.shortfall,
                  recent: r.recent,
                  pace: Math.round(r.pace),
                  needed: r.needed === null ? null : Math.round(r.needed),
                  trend: { closing: '可追上', widening: '进度不足', missed: '期满未完成', none: '' }[r.trend],
                })),
              },
            ]}
          />
        </Space>
      }
    >
      {() => (
        <>
          <Table<LaggingRow>
            rowKey="code"
            size="small"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('noLaggingUnits') }}
            columns={[
              {
                title: by === 'county' ? t('county') : t('department'),
                dataIndex: 'name',
                render: (n: string, r) => <Link to={link(r)}>{n}</Link>,
              },
              {
                title: t('allocation'),
                dataIndex: 'allocation',
                align: 'right',
                render: (v: number | null) => formatInteger(v),
              },
              {
                title: t('actual'),
                dataIndex: 'actual',
                align: 'right',
                render: (v: number, r) => (
                  <span data-testid={`lag-${by}-${r.code}`} data-value={v}>
                    {formatInteger(v)}
                  </span>
                ),
              },
              {
                title: t('completionRate'),
                dataIndex: 'completionRate',
                align: 'right',
                render: (v: number | null) => formatPercent(v),
              },
              {
                title: t('timeProgress'),
                dataIndex: 'timeProgress',
                align: 'right',
                render: (v: number) => formatPercent(v),
                responsive: ['md'],
              },
              {
                title: t('gap'),
                dataIndex: 'gap',
                align: 'right',
                sorter: (a, b) => (a.gap ?? 0) - (b.gap ?? 0),
                render: (v: number | null, r) =>
                  v === null ? '—' : <Tag color={r.lagging ? 'red' : 'green'}>{formatPoints(v)}</Tag>,
              },
              {
                title: t('behindBy'),
                dataIndex: 'shortfall',
                align: 'right',
                render: (v: number | null) => formatInteger(v),
              },
              {
                title: t('recent6'),
                dataIndex: 'recent',
                align: 'right',
                render: (v: number) => formatInteger(v),
                responsive: ['lg'],
              },
              { title: t('trend'), key: 'trend', render: (_, r) => trendTag(r) },
              ...(canWriteFindings(user)
                ? [
                    {
                      title: t('actions'),
                      key: 'f',
                      render: (_: unknown, r: LaggingRow) => (
                        <Button size="small" onClick={() => setFinding(r.code)}>
                          {t('recordFindingShort')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <FindingForm
            key={finding ?? ''}
            open={finding !== null}
            onClose={() => setFinding(null)}
            initial={finding ? { subjectKind: by, subject: finding } : undefined}
          />
        </>
      )}
    </QueryPanel>
  );
}
