/**
 * The one query-key factory: every hook's `queryOptions` and every invalidation builds its key here, so a key
 * is spelt once. Keys are hierarchical (`['reports', department, month, 'versions']`): invalidating a prefix
 * (`queryKeys.reports.all`) refreshes everything below it.
 *
 * @example
 * queryOptions({ queryKey: queryKeys.progress.series({ indicator: 'T', county }), queryFn: … });
 * client.invalidateQueries({ queryKey: queryKeys.progress.all });
 */
import type { AuditQueryInput } from '@lz/shared/api/audit';
import type { AllocationQuery, AsOfQuery, BreakdownQuery, ComplianceQuery, SeriesQuery } from '@lz/shared/api/progress';
import type { ReportListQuery } from '@lz/shared/api/reports';

type Params = Record<string, unknown>;
type RosterListParams = { department?: string; month?: string; county?: string; page?: number };
type FlagListParams = { status?: string; kind?: string; department?: string; county?: string };

/**
 * Query parameters as a key part: only the ones with a value, so `{ asOf: undefined }`, `{ asOf: '' }` and `{}`
 * are one cache entry (they are one request: `apiUrl` drops the same values).
 */
export function keyParams<P extends Params>(params: P): Partial<P> {
  const out: Partial<P> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') out[key as keyof P] = value as P[keyof P];
  }
  return out;
}

const report = (department: string, month: string) => ['reports', department, month] as const;

export const queryKeys = {
  session: ['session'] as const,
  catalogue: ['catalogue'] as const,
  countyMap: (name: string) => ['map', name] as const,
  progress: {
    /** Every figure computed from reports and allocations. */
    all: ['progress'] as const,
    summary: (p: AsOfQuery) => ['progress', 'summary', keyParams(p)] as const,
    breakdown: (p: BreakdownQuery) => ['progress', 'breakdown', keyParams(p)] as const,
    series: (p: SeriesQuery) => ['progress', 'series', keyParams(p)] as const,
    ratios: (p: AsOfQuery) => ['progress', 'ratios', keyParams(p)] as const,
    compliance: (p: ComplianceQuery) => ['progress', 'compliance', keyParams(p)] as const,
  },
  allocations: {
    all: ['allocations'] as const,
    view: (p: AllocationQuery) => ['allocations', keyParams(p)] as const,
  },
  reports: {
    all: ['reports'] as const,
    list: (p: ReportListQuery) => ['reports', 'list', keyParams(p)] as const,
    /** One department × month: its latest version, versions and events sit below this. */
    report,
    latest: (department: string, month: string) => [...report(department, month), 'latest'] as const,
    versions: (department: string, month: string) => [...report(department, month), 'versions'] as const,
    version: (department: string, month: string, version: number) =>
      [...report(department, month), 'version', version] as const,
    events: (department: string, month: string) => [...report(department, month), 'events'] as const,
  },
  findings: { all: ['findings'] as const },
  reminders: { all: ['reminders'] as const },
  disclosure: {
    all: ['disclosure'] as const,
    fundUse: ['disclosure', 'fund-use'] as const,
    notices: ['disclosure', 'notices'] as const,
    objections: ['disclosure', 'objections'] as const,
    candidates: (department: string, from: string, to: string) =>
      ['disclosure', 'notice-classes', department, from, to] as const,
  },
  clock: ['clock'] as const,
  users: { all: ['users'] as const },
  /** 实名制 (#15): rosters, flags and reconciliation; a stored or withdrawn roster refreshes all of them. */
  realname: {
    all: ['realname'] as const,
    rosters: (p: RosterListParams) => ['realname', 'rosters', keyParams(p)] as const,
    roster: (id: string) => ['realname', 'roster', id] as const,
    flags: (p: FlagListParams) => ['realname', 'flags', keyParams(p)] as const,
    reconciliation: (p: { department: string; month: string; asOf?: string }) =>
      ['realname', 'reconciliation', keyParams(p)] as const,
    reconciliationSummary: (p: { month: string; asOf?: string }) =>
      ['realname', 'reconciliation-summary', keyParams(p)] as const,
  },
  /** 目录清单 (#15): institutions and training projects, as the office edits them. */
  trainingCatalogue: {
    all: ['training-catalogue'] as const,
    institutions: ['training-catalogue', 'institutions'] as const,
    projects: ['training-catalogue', 'projects'] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (p: AuditQueryInput) => ['audit', keyParams(p)] as const,
  },
};
