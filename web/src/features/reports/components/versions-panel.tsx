import type { Catalogue } from '@lz/shared/catalogue';
import type { VersionSummary } from '@lz/shared/api/reports';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryPanel } from '../../../components/query-panel';
import { combineQueries } from '../../../components/query-state';
import { formatDateTime, formatInteger } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import { useReportVersion } from '../api/get-report-version';
import { useVersions } from '../api/get-versions';
import { ReportTable } from './report-table';
import { changedCells } from './version-diff';
import { useTimeZone } from '../../../lib/catalogue/use-time-zone';

/** Every version of the month, and a diff between any two (`?a=1&b=3` in the URL) with changed cells highlighted. */
export function VersionsPanel({
  catalogue,
  department,
  month,
  highlightCounty,
}: {
  catalogue: Catalogue;
  department: string;
  month: string;
  highlightCounty?: string;
}) {
  const { t } = useI18n();
  const zone = useTimeZone();
  const versions = useVersions(department, month);
  const latest = versions.data?.at(-1)?.version ?? null;
  const [aParam, setA] = useUrlParam('a');
  const [bParam, setB] = useUrlParam('b');
  const b = Number(bParam) || latest;
  const a = Number(aParam) || (b !== null && b > 1 ? b - 1 : null);
  const va = useReportVersion(department, month, a);
  const vb = useReportVersion(department, month, b);
  const [params] = useSearchParams();
  // A version's link keeps the rest of the view (the county the drill-down came through, for the breadcrumb).
  const versionLink = (n: number) => {
    const next = new URLSearchParams(params);
    for (const k of ['a', 'b']) next.delete(k);
    next.set('tab', 'data');
    next.set('v', String(n));
    return `?${next.toString()}`;
  };
  const options = (versions.data ?? []).map((v) => ({
    value: String(v.version),
    label: `${t('version')} ${v.version} · ${formatDateTime(v.submittedAt, zone)}`,
  }));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <QueryPanel query={versions} title={t('versions')} isEmpty={(v) => v.length === 0}>
        {(list) => (
          <Table<VersionSummary>
            rowKey="version"
            size="small"
            dataSource={[...list].reverse()}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('version'),
                dataIndex: 'version',
                render: (n: number) => <Link to={versionLink(n)}>{`${t('version')} ${n}`}</Link>,
              },
              {
                title: t('submittedAt'),
                dataIndex: 'submittedAt',
                render: (v: string | null) => formatDateTime(v, zone),
              },
              { title: t('submittedBy'), dataIndex: 'submittedBy' },
              {
                title: t('source'),
                dataIndex: 'source',
                render: (s: string, v) =>
                  s === 'file'
                    ? `${t('sourceFile')} ${v.fileName ?? ''}`
                    : s === 'form'
                      ? t('sourceForm')
                      : t('sourceDemo'),
              },
              { title: t('subsidisedTotal'), key: 'T', align: 'right', render: (_, v) => formatInteger(v.totals.T) },
              {
                title: t('warnings'),
                key: 'w',
                render: (_, v) => (v.warnings.length ? <Tag color="orange">{v.warnings.length}</Tag> : '—'),
              },
            ]}
          />
        )}
      </QueryPanel>
      {(versions.data?.length ?? 0) > 1 && (
        <QueryPanel
          query={combineQueries(va, vb)}
          title={t('compare')}
          extra={
            <Space wrap>
              <Select
                size="small"
                value={a ? String(a) : undefined}
                options={options}
                onChange={(v: string) => setA(v)}
                style={{ width: 220 }}
                aria-label="version a"
              />
              <span>→</span>
              <Select
                size="small"
                value={b ? String(b) : undefined}
                options={options}
                onChange={(v: string) => setB(v)}
                style={{ width: 220 }}
                aria-label="version b"
              />
            </Space>
          }
        >
          {([x, y]) => (
            <>
              <Typography.Paragraph type="secondary" data-testid="diff-count">
                {t('cellsChanged', changedCells(x, y).size)}
              </Typography.Paragraph>
              <ReportTable catalogue={catalogue} version={y} compareTo={x} highlightCounty={highlightCounty} />
            </>
          )}
        </QueryPanel>
      )}
    </Space>
  );
}
