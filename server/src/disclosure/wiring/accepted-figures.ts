/**
 * The figures a fund-use publication shows: for each report of the quarter, the version the office had
 * accepted as of the publication instant, provided the report was still accepted then (an unlock reopens
 * it, and its figures leave the page until a version is accepted again). Read from the in-memory figures
 * (`deps.figures`, every version) and the review events; county rows as `aggregateFundUse` sums them.
 */
import type { Month } from '@lz/shared/catalogue';
import { listReviewEventsUntil } from '../../db/disclosure-store';
import type { Deps } from '../../deps';
import type { FactStore } from '../../services/progress/fact-store';
import { type AcceptedRow, fundLines } from '../fund-use';

/** The indicators a fund-use row reads. */
const fundIndicators = [
  ...new Set(Object.values(fundLines).flatMap((l) => (l.personTimes ? [l.amount, l.personTimes] : [l.amount]))),
];

/** department|month → the version accepted and still accepted at `untilMs`. */
async function acceptedVersions(deps: Deps, untilMs: number): Promise<Map<string, number>> {
  const accepted = new Map<string, number>();
  for (const e of await listReviewEventsUntil(deps.db, untilMs)) {
    const key = `${e.department}|${e.month}`;
    if (e.action === 'accept' && e.version !== null) accepted.set(key, e.version);
    else accepted.delete(key); // a new submission, a return or an unlock: not accepted any more
  }
  return accepted;
}

/** The county rows of the accepted versions in force at `untilMs` for the given report months. */
export async function acceptedRows(deps: Deps, months: readonly Month[], untilMs: number): Promise<AcceptedRow[]> {
  const store = await deps.figures.store();
  const accepted = await acceptedVersions(deps, untilMs);
  const rows: AcceptedRow[] = [];
  for (const [di, department] of store.departments.entries()) {
    for (const month of months) {
      const version = accepted.get(`${department}|${month}`);
      if (version === undefined) continue;
      const stored = versionOf(store, di, month, version);
      if (!stored) continue;
      rows.push(...countyRows(store, department, month, stored.values));
    }
  }
  return rows;
}

function versionOf(store: FactStore, di: number, month: string, version: number) {
  const mi = store.months.indexOf(month);
  if (mi < 0) return undefined;
  return store.reports[di * store.months.length + mi]?.find((v) => v.version === version);
}

function countyRows(store: FactStore, department: string, month: Month, values: Float64Array): AcceptedRow[] {
  const nC = store.counties.length;
  return store.counties.map((county, ci) => {
    const picked: Record<string, number> = {};
    for (const code of fundIndicators) {
      const ii = store.indicators.indexOf(code);
      picked[code] = ii < 0 ? 0 : (values[ii * nC + ci] ?? 0);
    }
    return { department, county, month, values: picked };
  });
}

/** The three report months of a quarter (`2020-Q3` → 2020-07, 2020-08, 2020-09). */
export function monthsOfQuarter(quarter: string): Month[] {
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${year}-${String(first + i).padStart(2, '0')}` as Month);
}
