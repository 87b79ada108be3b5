/**
 * GET /api/compliance: each reporting department × window month as of a date — not_due, missing,
 * submitted, returned or accepted — with DHIS2's reporting rate and reporting rate on time.
 * Expected reports are those whose deadline has passed by the end of the date; a report already in
 * before its deadline counts as submitted (and expected), so rates never exceed 100%.
 */
import type { Compliance, ComplianceStatus, RateSummary } from '@lz/shared/api/progress';
import { deadlineOf } from '@lz/shared/deadline';
import { monthRange } from '@lz/shared/months';
import { endOfDayInZone } from '@lz/shared/zoned-time';
import { listReportEventsUntil } from '../../db/report-store';
import type { Deps } from '../../deps';
import { badRequest } from '../../errors';
import { resolveAsOf } from './as-of';

export type ComplianceQuery = { asOf?: string; departments?: string[]; from?: string; to?: string };

export function getCompliance(deps: Deps, q: ComplianceQuery): Promise<Compliance> {
  const { asOf } = resolveAsOf(deps, q.asOf);
  const { start, end } = deps.catalogue.campaign;
  const from = q.from && q.from > start ? q.from : start;
  const to = q.to && q.to < end ? q.to : end;
  if (from > to) throw badRequest(`月份范围 ${from} 至 ${to} 无效`, 'bad_range');
  const question = `compliance|${asOf}|${q.departments?.join(',') ?? '*'}|${from}|${to}`;
  return deps.figures.answer(question, () => computeCompliance(deps, asOf, q.departments, { from, to }));
}

async function computeCompliance(
  deps: Deps,
  asOf: string,
  only: string[] | undefined,
  range: { from: string; to: string },
): Promise<Compliance> {
  const { catalogue, db } = deps;
  const endMs = endOfDayInZone(asOf, catalogue.campaign.timeZone).getTime();
  const months = monthRange(catalogue.campaign.start, catalogue.campaign.end);
  const inRange = (m: string) => m >= range.from && m <= range.to;
  const departments = catalogue.departments.filter((d) => d.owesReports && (!only || only.includes(d.code)));

  // Replaying the lifecycle events up to the date gives each report's status then.
  const events = await listReportEventsUntil(db, endMs);
  const state = new Map<string, { status: ComplianceStatus; firstAt: number }>();
  for (const e of events) {
    const key = `${e.department}/${e.month}`;
    const s = state.get(key);
    const status: ComplianceStatus =
      e.action === 'accept' ? 'accepted' : e.action === 'return' ? 'returned' : 'submitted';
    state.set(key, { status, firstAt: s?.firstAt ?? e.at_ms });
  }

  const cells: Compliance['cells'] = [];
  const blank = (): Omit<RateSummary, 'reportingRate' | 'onTimeRate'> => ({ expected: 0, submitted: 0, onTime: 0 });
  const byMonth = new Map(months.map((m) => [m, blank()]));
  const byDept = new Map(departments.map((d) => [d.code, blank()]));
  const total = blank();
  const deadlines = new Map(months.map((m) => [m, deadlineOf(m, catalogue.campaign).getTime()]));
  for (const d of departments) {
    for (const m of months) {
      const deadline = deadlines.get(m) ?? 0;
      const s = state.get(`${d.code}/${m}`);
      const due = deadline < endMs;
      const status: ComplianceStatus = s ? s.status : due ? 'missing' : 'not_due';
      const onTime = s ? s.firstAt <= deadline : null;
      cells.push({ department: d.code, month: m, status, onTime });
      if ((!due && !s) || !inRange(m)) continue;
      for (const agg of [byMonth.get(m), byDept.get(d.code), total]) {
        if (!agg) continue;
        agg.expected++;
        if (s) agg.submitted++;
        if (onTime) agg.onTime++;
      }
    }
  }
  const rates = (a: ReturnType<typeof blank>): RateSummary => ({
    ...a,
    reportingRate: a.expected ? a.submitted / a.expected : null,
    onTimeRate: a.expected ? a.onTime / a.expected : null,
  });
  return {
    asOf,
    ...range,
    months,
    cells,
    byMonth: months.filter(inRange).map((m) => ({ month: m, ...rates(byMonth.get(m) ?? blank()) })),
    byDepartment: departments.map((d) => ({
      department: d.code,
      name: d.name,
      ...rates(byDept.get(d.code) ?? blank()),
    })),
    total: rates(total),
  };
}
