import { FLAG_KINDS, type FlagKind } from '@lz/shared/api/rosters';
import { Segmented, Select, Tag } from 'antd';
import { PageToolbar } from '../../../components/page-toolbar';
import { QueryPanel } from '../../../components/query-panel';
import { useI18n } from '../../../lib/i18n/i18n';
import { useUrlParam } from '../../../lib/url-state';
import type { FlagStatus } from '../api/answers';
import { useFlags } from '../api/get-flags';
import { flagKindLabel } from './flag-kind';
import { FlagList } from './flag-list';
import { useNames } from './use-names';

const STATUSES: readonly FlagStatus[] = ['open', 'confirmed', 'dismissed'];
const isStatus = (s: string): s is FlagStatus => (STATUSES as readonly string[]).includes(s);
const isKind = (s: string): s is FlagKind => (FLAG_KINDS as readonly string[]).includes(s);

/**
 * 疑点核查: the flags queue for inspectors and the admin, open ones first, filtered by kind, county and
 * department; each flag shows its evidence side by side and takes a confirm or dismiss with a note.
 */
export function FlagsPage() {
  const { t } = useI18n();
  const names = useNames();
  const catalogue = names.catalogue.data;
  const [statusParam, setStatus] = useUrlParam('status', 'open');
  const [kindParam, setKind] = useUrlParam('kind');
  const [department, setDepartment] = useUrlParam('department');
  const [county, setCounty] = useUrlParam('county');
  const status = isStatus(statusParam) ? statusParam : 'open';
  const kind = isKind(kindParam) ? kindParam : undefined;
  // Counts by kind come from the same list without the kind filter, so each tag says what choosing it shows.
  const all = useFlags({ status, department, county });
  const flags = useFlags({ status, kind, department, county });
  const countOf = (k: FlagKind) => all.data?.filter((f) => f.kind === k).length;
  return (
    <>
      <PageToolbar title={t('navFlags')}>
        <Segmented<FlagStatus>
          value={status}
          onChange={(v) => setStatus(v)}
          data-testid="flags-filter-status"
          options={[
            { value: 'open', label: t('rnFlagOpen') },
            { value: 'confirmed', label: t('rnFlagConfirmed') },
            { value: 'dismissed', label: t('rnFlagDismissed') },
          ]}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          value={department || undefined}
          placeholder={t('department')}
          onChange={(v: string | undefined) => setDepartment(v ?? null)}
          style={{ width: 200 }}
          aria-label={t('department')}
          data-testid="flags-filter-department"
          options={(catalogue?.departments ?? [])
            .filter((d) => d.owesReports)
            .map((d) => ({ value: d.code, label: d.name }))}
        />
        <Select
          allowClear
          value={county || undefined}
          placeholder={t('county')}
          onChange={(v: string | undefined) => setCounty(v ?? null)}
          style={{ width: 150 }}
          aria-label={t('county')}
          data-testid="flags-filter-county"
          options={(catalogue?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
        />
      </PageToolbar>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }} data-testid="flags-kinds">
        <Tag.CheckableTag checked={kind === undefined} onChange={() => setKind(null)}>
          {t('rnAllKinds')} {all.data ? `(${all.data.length})` : ''}
        </Tag.CheckableTag>
        {FLAG_KINDS.map((k) => (
          <Tag.CheckableTag
            key={k}
            checked={kind === k}
            onChange={(on) => setKind(on ? k : null)}
            data-testid={`flags-kind-${k}`}
            data-count={countOf(k) ?? ''}
          >
            {t(flagKindLabel[k])} {countOf(k) === undefined ? '' : `(${countOf(k)})`}
          </Tag.CheckableTag>
        ))}
      </div>
      <QueryPanel query={flags} testId="flags-queue" isEmpty={(l) => l.length === 0} emptyText={t('rnNoFlags')}>
        {(list) => <FlagList flags={list} names={names} />}
      </QueryPanel>
    </>
  );
}
