import type { AllocationView } from '@lz/shared/api/progress';
import { Alert, message as antMessage, Button, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useBlocker } from 'react-router-dom';
import { formatInteger } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n';
import { usePutAllocations } from '../api/put-allocations';

type Draft = Record<string, { total: number | null; years: Record<string, number | null> }>;

function draftOf(view: AllocationView): Draft {
  return Object.fromEntries(view.items.map((i) => [i.code, { total: i.total, years: { ...i.years } }]));
}

/** Editable split of one target: a total per unit and, optionally, per calendar year; shortfalls warned. */
export function AllocationEditor({
  view,
  years,
  editable,
  onPick,
}: {
  view: AllocationView;
  years: number[];
  editable: boolean;
  onPick?: (code: string) => void;
}) {
  const { t } = useI18n();
  const [toast, toastHolder] = antMessage.useMessage();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const save = usePutAllocations();
  const sum = useMemo(() => Object.values(draft).reduce((s, d) => s + (d.total ?? 0), 0), [draft]);
  const parent = view.parentValue;
  const localWarning =
    parent !== null && sum < parent
      ? t('allocationShort', formatInteger(sum), formatInteger(parent), formatInteger(parent - sum))
      : parent !== null && sum > parent
        ? t('allocationOver', formatInteger(sum), formatInteger(parent), formatInteger(sum - parent))
        : null;
  const [saved, setSaved] = useState<Draft>(() => draftOf(view));
  const dirty = editable && JSON.stringify(draft) !== JSON.stringify(saved);
  // Leaving with unsaved shares asks first: inside the app (the router) and when closing or reloading the tab.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation !== nextLocation);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const set = (code: string, year: string | null, v: number | null) =>
    setDraft((d) => {
      const cur = d[code] ?? { total: null, years: {} };
      return { ...d, [code]: year === null ? { ...cur, total: v } : { ...cur, years: { ...cur.years, [year]: v } } };
    });

  const submit = () => {
    const items = Object.entries(draft).flatMap(([code, d]) => [
      ...(d.total !== null ? [{ code, year: null, value: d.total }] : []),
      ...Object.entries(d.years).flatMap(([y, v]) =>
        v !== null && v !== undefined ? [{ code, year: Number(y), value: v }] : [],
      ),
    ]);
    save.mutate(
      { target: view.target, department: view.department ?? undefined, items },
      {
        onSuccess: () => {
          setSaved(draft);
          toast.success(t('saved'));
        },
        onError: (e) => toast.error(e.message),
      },
    );
  };

  type Row = AllocationView['items'][number];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {toastHolder}
      <Modal
        open={blocker.state === 'blocked'}
        title={t('unsavedTitle')}
        okText={t('leaveWithoutSaving')}
        cancelText={t('stayHere')}
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
        data-testid="unsaved-guard"
      >
        {t('unsavedBody')}
      </Modal>
      {(view.warnings.length > 0 || localWarning) && (
        <Alert
          type="warning"
          showIcon
          data-testid="allocation-warnings"
          title={[...new Set([...(localWarning ? [localWarning] : []), ...view.warnings])].map((w) => (
            <div key={w}>{w}</div>
          ))}
        />
      )}
      <Table<Row>
        rowKey="code"
        size="small"
        dataSource={view.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: view.department ? t('county') : t('department'),
            dataIndex: 'name',
            render: (n: string, r) =>
              onPick ? (
                <Button type="link" className="table-link" onClick={() => onPick(r.code)}>
                  {n}
                </Button>
              ) : (
                n
              ),
          },
          {
            title: t('wholeWindow'),
            key: 'total',
            render: (_, r) =>
              editable ? (
                <InputNumber
                  min={0}
                  value={draft[r.code]?.total ?? null}
                  onChange={(v) => set(r.code, null, typeof v === 'number' ? v : null)}
                  aria-label={`${r.name} total`}
                  style={{ width: 120 }}
                />
              ) : (
                formatInteger(r.total)
              ),
          },
          ...years.map((y) => ({
            title: `${y}${t('yearSuffix')}`,
            key: String(y),
            render: (_: unknown, r: Row) =>
              editable ? (
                <InputNumber
                  min={0}
                  value={draft[r.code]?.years[String(y)] ?? null}
                  onChange={(v) => set(r.code, String(y), typeof v === 'number' ? v : null)}
                  aria-label={`${r.name} ${y}`}
                  style={{ width: 100 }}
                />
              ) : (
                formatInteger(r.years[String(y)])
              ),
          })),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <b>{t('total')}</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1}>
              <b data-testid="allocation-sum" data-value={sum}>
                {formatInteger(sum)}
              </b>
              {parent !== null && <Typography.Text type="secondary"> / {formatInteger(parent)}</Typography.Text>}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={years.length} />
          </Table.Summary.Row>
        )}
      />
      {editable && (
        <Button type="primary" onClick={submit} loading={save.isPending} data-testid="allocation-save">
          {t('save')}
        </Button>
      )}
    </Space>
  );
}
