import type { ReportVersion } from '@lz/shared/api/reports';
import { formIndicators, type Catalogue, type Indicator } from '@lz/shared/catalogue';
import type { Problem } from '@lz/shared/problems';
import { checkReportBody, totalsOf } from '@lz/shared/report-body';
import { Alert, Button, InputNumber, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { ApiRequestError } from '../../../lib/api-client';
import { formatCell } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { useSubmitReport } from '../api/submit-report';
import { prefillFromRosters } from '@lz/shared/realname/prefill';
import { useQueryClient } from '@tanstack/react-query';
import { reconciliationQuery, rosterContributions } from '../../../lib/realname/get-reconciliation';
import { bodyOf, cellBelow, computedCodes, fillSubtotals, gridFrom, type Grid, withRosterFigures } from './grid-state';
import { ProblemsTable } from '../../../components/upload/problems-table';
import { groupedIndicators, IndicatorHeader } from './report-columns';

const cellId = (county: string, code: string) => `cell-${county}-${code}`;

const Cell = memo(function Cell({
  county,
  ind,
  value,
  error,
  computed,
  onChange,
  onEnter,
}: {
  county: string;
  ind: Indicator;
  value: number | null;
  error?: string;
  computed: boolean;
  onChange: (county: string, code: string, v: number | null) => void;
  onEnter: (county: string, code: string) => void;
}) {
  const { t } = useI18n();
  if (computed) {
    // Subtotals and the total follow from their parts: shown, not typed.
    return (
      <span id={cellId(county, ind.code)} data-computed="true" title={`${ind.shortName}：${t('computedCell')}`}>
        {value === null ? '' : formatCell(value, ind.valueType)}
      </span>
    );
  }
  const input = (
    <InputNumber
      id={cellId(county, ind.code)}
      size="small"
      value={value}
      min={0}
      status={error ? 'error' : undefined}
      onChange={(v) => onChange(county, ind.code, typeof v === 'number' ? v : null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onEnter(county, ind.code);
        }
      }}
      style={{ width: ind.valueType === 'money' ? 112 : 80 }}
      aria-label={`${county} ${ind.code}`}
      aria-invalid={error ? true : undefined}
    />
  );
  return error ? <Tooltip title={error}>{input}</Tooltip> : input;
});

/**
 * In-browser entry: rows are counties, columns the form's indicators grouped like the paper form. Every
 * keystroke re-runs the same `checkReportBody` the server runs, and broken cells turn red.
 */
export function GridEntry({
  catalogue,
  department,
  month,
  latest,
  onSubmitted,
}: {
  catalogue: Catalogue;
  department: string;
  month: string;
  latest: ReportVersion | null;
  /** Called with the stored version's number, even when the new version has already remounted this grid. */
  onSubmitted: (version: number) => void;
}) {
  const { t } = useI18n();
  const form = useMemo(() => formIndicators(catalogue, department), [catalogue, department]);
  const groups = useMemo(() => groupedIndicators(catalogue, form), [catalogue, form]);
  const counties = useMemo(() => catalogue.units.map((u) => u.code), [catalogue]);
  const computed = useMemo(() => computedCodes(form), [form]);
  const [grid, setGrid] = useState<Grid>(() => fillSubtotals(gridFrom(counties, form, latest?.rows), form));
  const deferred = useDeferredValue(grid);
  const check = useMemo(
    () => checkReportBody(bodyOf(deferred), department, catalogue),
    [deferred, department, catalogue],
  );
  const totals = useMemo(() => totalsOf(check.rows), [check.rows]);
  const submit = useSubmitReport(department, month);
  const serverProblems = submit.error instanceof ApiRequestError ? submit.error.details : [];
  const client = useQueryClient();
  const [fromRosters, setFromRosters] = useState<
    { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; filled: number } | { kind: 'failed'; message: string }
  >({ kind: 'idle' });
  // 按花名册生成: the month's roster figures from the reconciliation, into the grid; submitted the usual way.
  const fillFromRosters = () => {
    setFromRosters({ kind: 'loading' });
    client.fetchQuery(reconciliationQuery({ department, month })).then(
      (rec) => {
        const rows = prefillFromRosters(catalogue, month, rosterContributions(rec));
        // Onto the grid as it is now: the clerk may have typed while the figures were on their way.
        setGrid((g) => withRosterFigures(g, rows, form).grid);
        setFromRosters({ kind: 'done', filled: withRosterFigures(grid, rows, form).filled });
      },
      (e: unknown) => setFromRosters({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };

  const errorAt = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of check.errors) if (p.county && p.indicator) map.set(`${p.county}|${p.indicator}`, p.message);
    return map;
  }, [check.errors]);

  const onChange = useCallback(
    (county: string, code: string, v: number | null) => {
      setGrid((g) => fillSubtotals({ ...g, [county]: { ...g[county], [code]: v } }, form));
    },
    [form],
  );
  const onEnter = useCallback(
    (county: string, code: string) => {
      const below = cellBelow(counties, county);
      if (below) document.getElementById(cellId(below, code))?.focus();
    },
    [counties],
  );

  const focus = (p: Problem) => {
    if (p.county && p.indicator) document.getElementById(cellId(p.county, p.indicator.split(',')[0] ?? ''))?.focus();
  };

  const unitName = new Map(catalogue.units.map((u) => [u.code, u.name]));
  type Row = { county: string };
  const columns: ColumnsType<Row> = [
    {
      title: t('county'),
      key: 'county',
      fixed: 'left',
      width: 120,
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{unitName.get(r.county)}</span>,
    },
    ...groups.map((g) => ({
      title: g.name,
      children: g.indicators.map((ind) => ({
        title: <IndicatorHeader indicator={ind} />,
        key: ind.code,
        render: (_: unknown, r: Row) => (
          <Cell
            county={r.county}
            ind={ind}
            value={grid[r.county]?.[ind.code] ?? null}
            error={errorAt.get(`${r.county}|${ind.code}`)}
            computed={computed.has(ind.code)}
            onChange={onChange}
            onEnter={onEnter}
          />
        ),
      })),
    })),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Button onClick={() => setGrid(fillSubtotals(gridFrom(counties, form, latest?.rows), form))}>
          {t('resetToLatest')}
        </Button>
        <Button onClick={fillFromRosters} loading={fromRosters.kind === 'loading'} data-testid="grid-from-rosters">
          {t('fillFromRosters')}
        </Button>
        <Button
          type="primary"
          disabled={check.errors.length > 0}
          loading={submit.isPending}
          data-testid="grid-submit"
          // mutateAsync, not mutate's own onSuccess: the new version remounts this grid (its key is the version)
          // as soon as the invalidated report arrives, and react-query drops the callbacks of a mutate()
          // whose component unmounted, so the page never switched to the data tab. The page says it instead.
          onClick={() =>
            submit.mutateAsync(bodyOf(grid)).then(
              (v) => onSubmitted(v.version),
              () => undefined, // shown by the error view below
            )
          }
        >
          {t('submit')}
        </Button>
        <Typography.Text type={check.errors.length ? 'danger' : 'success'} data-testid="grid-check">
          {check.errors.length ? t('ruleViolations', check.errors.length) : t('checksPass')}
          {check.warnings.length ? ` · ${check.warnings.length} ${t('warnings')}` : ''}
        </Typography.Text>
      </Space>
      {fromRosters.kind === 'done' && (
        <Alert
          type={fromRosters.filled ? 'info' : 'warning'}
          showIcon
          data-testid="grid-from-rosters-done"
          data-filled={fromRosters.filled}
          title={fromRosters.filled ? t('filledFromRosters', fromRosters.filled) : t('noRostersThisMonth')}
        />
      )}
      {fromRosters.kind === 'failed' && <Alert type="error" showIcon title={fromRosters.message} />}
      <Table<Row>
        rowKey="county"
        size="small"
        bordered
        columns={columns}
        dataSource={counties.map((county) => ({ county }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <b>{t('total')}</b>
            </Table.Summary.Cell>
            {form.map((ind, i) => (
              <Table.Summary.Cell key={ind.code} index={i + 1} align="right">
                <b data-testid={`grid-total-${ind.code}`}>{formatCell(totals[ind.code] ?? 0, ind.valueType)}</b>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
      {submit.error && <Alert type="error" showIcon title={submit.error.message} />}
      {serverProblems.length > 0 && <ProblemsTable problems={serverProblems} catalogue={catalogue} onPick={focus} />}
      {check.errors.length > 0 && (
        <ProblemsTable problems={check.errors} catalogue={catalogue} onPick={focus} testId="grid-errors" />
      )}
      {check.errors.length === 0 && check.warnings.length > 0 && (
        // One short line per county ("柳南区: 3 项未填写，按 0 计"), not a table of every blank cell.
        <Alert
          type="warning"
          showIcon
          data-testid="grid-warnings"
          title={check.warnings.map((w) => <div key={`${w.county}-${w.rule}`}>{w.message}</div>)}
        />
      )}
    </Space>
  );
}
