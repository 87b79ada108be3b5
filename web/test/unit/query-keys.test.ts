import { describe, expect, it } from 'vitest';
import { keyParams, queryKeys } from '../../src/lib/query-keys';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, i) => JSON.stringify(key[i]) === JSON.stringify(part));

describe('query keys', () => {
  it('keeps only parameters with a value, as the request does', () => {
    expect(keyParams({ asOf: undefined, indicator: 'T', county: '', department: null })).toEqual({ indicator: 'T' });
    expect(queryKeys.progress.summary({ asOf: undefined })).toEqual(queryKeys.progress.summary({}));
    expect(queryKeys.progress.series({ indicator: 'T', county: '' })).toEqual(
      queryKeys.progress.series({ indicator: 'T' }),
    );
  });
  it('tells different requests apart', () => {
    expect(queryKeys.progress.breakdown({ by: 'county' })).not.toEqual(
      queryKeys.progress.breakdown({ by: 'department' }),
    );
    expect(queryKeys.reports.latest('RSJ', '2020-08')).not.toEqual(queryKeys.reports.versions('RSJ', '2020-08'));
  });
  it('nests every report and figure under the prefix its invalidation uses', () => {
    for (const key of [
      queryKeys.reports.list({ status: 'submitted' }),
      queryKeys.reports.latest('RSJ', '2020-08'),
      queryKeys.reports.version('RSJ', '2020-08', 2),
      queryKeys.reports.events('RSJ', '2020-08'),
    ])
      expect(startsWith(key, queryKeys.reports.all)).toBe(true);
    for (const key of [
      queryKeys.progress.summary({}),
      queryKeys.progress.breakdown({ by: 'county' }),
      queryKeys.progress.series({}),
      queryKeys.progress.ratios({}),
      queryKeys.progress.compliance({}),
    ])
      expect(startsWith(key, queryKeys.progress.all)).toBe(true);
    expect(startsWith(queryKeys.reports.versions('RSJ', '2020-08'), queryKeys.reports.report('RSJ', '2020-08'))).toBe(
      true,
    );
    expect(startsWith(queryKeys.allocations.view({ target: 'T' }), queryKeys.allocations.all)).toBe(true);
  });
});
