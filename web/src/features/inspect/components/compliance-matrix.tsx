import type { Compliance, ComplianceStatus } from '@lz/shared/api/progress';
import { Select, Space, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ExportButton } from '../../../components/export-button';
import { QueryPanel } from '../../../components/query-panel';
import { statusStyle } from '../../../components/status-tag';
import { formatPercent } from '../../../lib/format';
import type { MessageKey } from '../../../lib/i18n/dictionary';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useCompliance } from '../../../lib/progress/get-compliance';

type Cell = Compliance['cells'][number];
interface Row {
  department: string;
  name: string;
  cells: Map<string, Cell>;
  reportingRate: number | null;
  onTimeRate: number | null;
}

const zhStatus: Record<ComplianceStatus, string> = {
  not_due: '未到期',
  missing: '缺报',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已审核',
};
const statusKey: Record<ComplianceStatus, MessageKey> = {
  not_due: 'statusNotDue',
  missing: 'statusMissing',
  submitted: 'statusSubmitted',
  returned: 'statusReturned',
  accepted: 'statusAccepted',
};
const letters: Record<'zh' | 'en', Record<ComplianceStatus, string>> = {
  zh: { not_due: '·', missing: '缺', submitted: '报', returned: '退', accepted: '审' },
  en: { not_due: '·', missing: 'M', submitted: 'S', returned: 'R', accepted: 'A' },
};

/** Department × month: one colour per status, ✓ for on time and ! for late; rates per department and per month. */
export function ComplianceMatrix({ asOf }: { asOf?: string }) {
  const { t, lang } = useI18n();
  const [year, setYear] = useUrlParam('year');
  const compliance = useCompliance(asOf, true, year || undefined);
  const [only, setOnly] = useUrlParam('cstatus');

  const view = useMemo(() => {
    const c = compliance.data;
    if (!c) return null;
    const months = c.months.filter((m) => !year || m.startsWith(year));
    const rows: Row[] = c.byDepartment.map((d) => ({
      department: d.department,
      name: d.name,
      reportingRate: d.reportingRate,
      onTimeRate: d.onTimeRate,
      cells: new Map(c.cells.filter((x) => x.department === d.department).map((x) => [x.month, x])),
    }));
    const shown = only
      ? rows.filter((r) =>
          months.some((m) => r.cells.get(m)?.status === only || (only === 'late' && r.cells.get(m)?.onTime === false)),
        )
      : rows;
    return { c, months, rows: shown, years: [...new Set(c.months.map((m) => m.slice(0, 4)))] };
  }, [compliance.data, year, only]);

  const label = (s: ComplianceStatus) => t(statusKey[s]);
  const columns: ColumnsType<Row> = view
    ? [
        {
          title: t('department'),
          dataIndex: 'name',
          fixed: 'left',
          width: 150,
          render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span>,
        },
        ...view.months.map((m) => ({
          title: <span style={{ fontSize: 11 }}>{m.slice(2)}</span>,
          key: m,
          width: 46,
          align: 'center' as const,
          render: (_: unknown, r: Row) => {
            const cell = r.cells.get(m);
            if (!cell) return null;
            const s = statusStyle[cell.status];
            const mark = cell.onTime === true ? '✓' : cell.onTime === false ? '!' : '';
            const timing = cell.onTime === false ? `（${t('late')}）` : cell.onTime ? `（${t('onTime')}）` : '';
            const text = `${r.name} ${m}: ${label(cell.status)}${timing}`;
            const box = (
              <span
                className="matrix-cell"
                style={{ background: s.bg, fontWeight: cell.onTime === false ? 700 : 400 }}
                data-status={cell.status}
              >
                {letters[lang][cell.status]}
                {mark}
              </span>
            );
            return (
              <Tooltip title={text}>
                {cell.status === 'not_due' || cell.status === 'missing' ? (
                  box
                ) : (
                  <Link to={`/reports/${r.department}/${m}`} aria-label={text}>
                    {box}
                  </Link>
                )}
              </Tooltip>
            );
          },
        })),
        {
          title: t('reportingRate'),
          dataIndex: 'reportingRate',
          width: 80,
          align: 'right' as const,
          render: (v: number | null) => formatPercent(v),
        },
        {
          title: t('onTimeRate'),
          dataIndex: 'onTimeRate',
          width: 80,
          align: 'right' as const,
          render: (v: number | null) => formatPercent(v),
        },
      ]
    : [];

  return (
    <QueryPanel
      query={compliance}
      title={t('compliance')}
      testId="compliance-matrix"
      extra={
        <Space wrap>
          <Select
            size="small"
            value={year}
            onChange={(v: string) => setYear(v)}
            style={{ width: 100 }}
            aria-label={t('allYears')}
            options={[{ value: '', label: t('allYears') }, ...(view?.years ?? []).map((y) => ({ value: y, label: y }))]}
          />
          <Select
            size="small"
            value={only}
            onChange={(v: string) => setOnly(v)}
            style={{ width: 120 }}
            aria-label={t('status')}
            options={[
              { value: '', label: t('allStatuses') },
              ...(['missing', 'returned', 'submitted'] as const).map((s) => ({ value: s, label: label(s) })),
              { value: 'late', label: t('late') },
            ]}
          />
          <ExportButton
            fileName={year ? `报送情况-${year}年` : '报送情况'}
            disabled={!view}
            heading={() => ({
              title: '柳州市职业技能提升行动 责任单位报送情况',
              asOf: view?.c.asOf,
              filters: [
                { label: '年度', value: year ? `${year}年（报送率、及时率按该年计算）` : '全部年度' },
                {
                  label: '状态',
                  value: only ? (only === 'late' ? '迟报' : zhStatus[only as ComplianceStatus]) : '全部',
                },
              ],
            })}
            sheets={() =>
              view
                ? [
                    {
                      name: '报送情况',
                      columns: [
                        { header: '责任单位', key: 'name', width: 24 },
                        ...view.months.map((m) => ({ header: m, key: m, width: 10 })),
                        { header: '报送率(%)', key: 'rr' },
                        { header: '及时率(%)', key: 'otr' },
                      ],
                      rows: view.rows.map((r) => ({
                        name: r.name,
                        ...Object.fromEntries(
                          view.months.map((m) => {
                            const cell = r.cells.get(m);
                            return [m, cell ? `${zhStatus[cell.status]}${cell.onTime === false ? '(迟报)' : ''}` : ''];
                          }),
                        ),
                        rr: r.reportingRate === null ? null : Math.round(r.reportingRate * 1000) / 10,
                        otr: r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 10,
                      })),
                    },
                  ]
                : []
            }
          />
        </Space>
      }
    >
      {(c) => (
        <>
          <Space wrap size={[12, 4]} style={{ marginBottom: 8, fontSize: 12 }}>
            {(Object.keys(zhStatus) as ComplianceStatus[]).map((s) => (
              <span key={s}>
                <span className="matrix-cell" style={{ background: statusStyle[s].bg }}>
                  {letters[lang][s]}
                </span>{' '}
                {label(s)}
              </span>
            ))}
            <span>✓ {t('onTime')}</span>
            <span>! {t('late')}</span>
            <span>
              {t('reportingRate')} <b>{formatPercent(c.total.reportingRate)}</b> · {t('onTimeRate')}{' '}
              <b data-testid="compliance-ontime" data-value={c.total.onTimeRate ?? ''}>
                {formatPercent(c.total.onTimeRate)}
              </b>
            </span>
          </Space>
          <Table<Row>
            className="matrix-table"
            rowKey="department"
            size="small"
            bordered
            columns={columns}
            dataSource={view?.rows ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </>
      )}
    </QueryPanel>
  );
}
