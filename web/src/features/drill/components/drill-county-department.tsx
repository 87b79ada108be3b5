import type { ReportMonth } from '@lz/shared/api/reports';
import type { Series } from '@lz/shared/api/progress';
import { Col, Row, Table } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { StatusTag } from '../../../components/status-tag';
import { formatCount, formatInteger, formatMonth } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCarriedSearch } from '../../../lib/url-state';
import { useSeries } from '../../../lib/progress/get-series';
import { CumulativePanel } from '../../../components/progress/cumulative-panel';
import { useDepartments, useUnits } from '../../../lib/catalogue/get-catalogue';
import { AsOfPicker, useAsOf } from '../../../components/pickers/as-of-picker';
import { IndicatorPicker, useIndicatorParam } from '../../../components/pickers/indicator-picker';
import { useReportMonths } from '../../../lib/reports/get-report-months';
import { DrillBreadcrumb } from '../../../components/drill-breadcrumb';

interface MonthRow {
  month: string;
  /** null: no report (未报), not a zero. */
  value: number | null;
  cumulative: number | null;
  expected: number | null;
  report: ReportMonth | undefined;
}

/** Every month through the last ended one, a month without a report kept as 未报. */
function monthRows(series: Series, reports: ReportMonth[]): MonthRow[] {
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  return series.points
    .flatMap((p) =>
      p.reports === null
        ? []
        : [
            {
              month: p.month,
              value: p.value,
              cumulative: p.cumulative,
              expected: p.expected,
              report: byMonth.get(p.month),
            },
          ],
    )
    .reverse();
}

/** One department in one county, month by month; a month leads to that month's report. */
export function DrillCountyDepartment({ county, department }: { county: string; department: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { asOf } = useAsOf();
  const [indicator] = useIndicatorParam();
  const units = useUnits();
  const departments = useDepartments();
  const countyName = units.data?.find((u) => u.code === county)?.name ?? county;
  const deptName = departments.data?.find((d) => d.code === department)?.name ?? department;
  const series = useSeries({ indicator, county, department, asOf });
  const reports = useReportMonths({ department });
  const both = combineQueries(series, reports);
  // The as-of month and indicator ride along, so the report's breadcrumb leads back to the same view.
  const carried = useCarriedSearch().replace(/^\?/u, '&');
  const reportLink = (month: string) => `/reports/${department}/${month}?county=${county}${carried}`;
  const rows = useMemo(() => (both.data ? monthRows(both.data[0], both.data[1]) : []), [both.data]);

  return (
    <>
      <PageToolbar title={`${countyName} · ${deptName}`}>
        <AsOfPicker />
        <IndicatorPicker />
      </PageToolbar>
      <DrillBreadcrumb path={{ county, department }} />
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <CumulativePanel
            params={{ indicator, county, department, asOf }}
            monthly
            onMonth={(m) => navigate(reportLink(m))}
          />
        </Col>
        <Col span={24}>
          <QueryPanel query={both} title={t('month')} isEmpty={() => rows.length === 0} testId="drill-months">
            {() => (
              <Table<MonthRow>
                rowKey="month"
                size="small"
                dataSource={rows}
                pagination={{ pageSize: 12, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    title: t('month'),
                    dataIndex: 'month',
                    render: (m: string) => <Link to={reportLink(m)}>{formatMonth(m, lang)}</Link>,
                  },
                  {
                    title: t('monthly'),
                    dataIndex: 'value',
                    align: 'right',
                    render: (v: number | null, r) => (
                      <span data-testid={`month-value-${r.month}`} data-value={v ?? ''}>
                        {v === null ? <span className="muted">{t('notReported')}</span> : formatInteger(v)}
                      </span>
                    ),
                  },
                  {
                    title: t('cumulative'),
                    dataIndex: 'cumulative',
                    align: 'right',
                    render: (v: number | null) => formatInteger(v),
                  },
                  {
                    title: t('expected'),
                    dataIndex: 'expected',
                    align: 'right',
                    render: (v: number | null) => formatCount(v, lang),
                    responsive: ['md'],
                  },
                  {
                    title: t('status'),
                    key: 'status',
                    render: (_, r) => (r.report ? <StatusTag status={r.report.status} /> : '—'),
                  },
                  {
                    title: t('version'),
                    key: 'version',
                    render: (_, r) => r.report?.version ?? '—',
                    responsive: ['md'],
                  },
                ]}
              />
            )}
          </QueryPanel>
        </Col>
      </Row>
    </>
  );
}
