/**
 * Every stored report version's figures, held in memory: one Float64Array (indicator × county) per version
 * plus its column totals. Loaded from the database once from the packed copy each version keeps in
 * `version_arrays` — one read per version instead of one row per value — and then kept current by the
 * figures module (figures.ts), whose commit hook adds each version the write path stores. These are the
 * plain data and functions; the store's lifetime and freshness belong to figures.ts.
 *
 * At province scale (≈3 million values) the store is ≈25 MB, and the as-of views built on it
 * (fact-cube.ts) pick versions by pointer, so no dashboard call scans the values table.
 */
import { createHash } from 'node:crypto';
import type { Catalogue } from '@lz/shared/catalogue';
import { monthRange } from '@lz/shared/months';
import type { NormalizedRows } from '@lz/shared/report-body';
import type { Db } from '../../db/open-database';
import { listVersionValueTriples, versionArrayBatches } from '../../db/version-arrays';

export interface StoredVersion {
  version: number;
  submittedAtMs: number;
  /** [indicator × county] */
  values: Float64Array;
  /** [indicator]: sums over counties, cents kept exact. */
  totals: Float64Array;
}

export interface FactStore {
  months: string[];
  indicators: string[];
  departments: string[];
  counties: string[];
  /** [department × month]: that report's versions, oldest first (submission times never go backwards). */
  reports: (StoredVersion[] | undefined)[];
  /** Bumped by every change, so derived views can be cached against it. */
  generation: number;
  /** The data state (db/data-state.ts) these figures are as of. */
  dataVersion: number;
}

/** A version just stored, as the write path hands it to the read model. */
export interface NewFigures {
  department: string;
  month: string;
  version: number;
  submittedAtMs: number;
  values: Float64Array;
}

/** The order figures are packed in; a different catalogue gives a different layout key. */
export function layoutKey(catalogue: Catalogue): string {
  // Which departments fill an indicator is part of the layout: a version is read back as its form's columns.
  const indicators = catalogue.indicators.map(
    (i) => `${i.code}${i.onlyDepartments ? `:${i.onlyDepartments.join('+')}` : ''}`,
  );
  const codes = `${indicators.join(',')}|${catalogue.units.map((u) => u.code).join(',')}`;
  return createHash('sha256').update(codes).digest('hex').slice(0, 16);
}

/** A version's rows packed as [indicator × county] in catalogue order (blanks and missing counties 0). */
export function packRows(catalogue: Catalogue, rows: NormalizedRows): Float64Array {
  const counties = new Map(catalogue.units.map((u, i) => [u.code, i]));
  const nC = catalogue.units.length;
  const values = new Float64Array(catalogue.indicators.length * nC);
  for (const row of rows) {
    const ci = counties.get(row.county);
    if (ci === undefined) continue;
    catalogue.indicators.forEach((ind, ii) => {
      values[ii * nC + ci] = row.values[ind.code] ?? 0;
    });
  }
  return values;
}

/** Call inside one snapshot (`readSnapshot`) with the data state read in it, so the two agree. */
export async function loadFactStore(
  db: Db,
  catalogue: Catalogue,
  at: { layout: string; dataVersion: number; generation: number },
): Promise<FactStore> {
  const store: FactStore = {
    months: monthRange(catalogue.campaign.start, catalogue.campaign.end),
    indicators: catalogue.indicators.map((i) => i.code),
    departments: catalogue.departments.map((d) => d.code),
    counties: catalogue.units.map((u) => u.code),
    reports: [],
    generation: at.generation,
    dataVersion: at.dataVersion,
  };
  store.reports = new Array(store.departments.length * store.months.length);
  const size = store.indicators.length * store.counties.length;
  const unpacked: { id: number; v: StoredVersion }[] = [];
  // Page by page: each page's bytes are decoded into the versions' arrays and dropped before the next is read.
  for await (const page of versionArrayBatches(db, { layout: at.layout, size })) {
    for (const head of page) {
      const slot = slotOf(store, head.department, head.month);
      if (slot < 0) continue;
      const v: StoredVersion = {
        version: head.version,
        submittedAtMs: head.submittedAtMs,
        values: head.values ?? new Float64Array(size),
        totals: new Float64Array(store.indicators.length),
      };
      if (!head.values) unpacked.push({ id: head.id, v });
      getOrCreate(store, slot).push(v);
    }
  }
  // Pages come in id order; a report's versions are kept oldest first.
  for (const versions of store.reports) versions?.sort((a, b) => a.version - b.version);
  if (unpacked.length > 0) await unpackFromValues(db, store, unpacked);
  for (const versions of store.reports) for (const v of versions ?? []) finishTotals(store, v);
  return store;
}

/** Adds a version just committed; false when the store has no place for it (outside the window). */
export function addVersion(store: FactStore, v: NewFigures, generation: number): boolean {
  const slot = slotOf(store, v.department, v.month);
  if (slot < 0) return false;
  const stored: StoredVersion = {
    version: v.version,
    submittedAtMs: v.submittedAtMs,
    values: v.values,
    totals: new Float64Array(store.indicators.length),
  };
  finishTotals(store, stored);
  // A new array rather than a push: a commit adds to its own copy of the store (figures.ts), and the arrays
  // it shares with the store other requests read must not change before the commit does.
  store.reports[slot] = [...(store.reports[slot] ?? []), stored];
  store.generation = generation;
  return true;
}

/**
 * Versions without a packed array in this layout (stored before the array existed, or under another
 * catalogue) are read from report_values, the source of truth.
 */
async function unpackFromValues(db: Db, store: FactStore, versions: { id: number; v: StoredVersion }[]) {
  const iIdx = new Map(store.indicators.map((c, i) => [c, i]));
  const cIdx = new Map(store.counties.map((c, i) => [c, i]));
  const nC = store.counties.length;
  for (const { id, v } of versions) {
    for (const [ind, county, x] of await listVersionValueTriples(db, id)) {
      const ii = iIdx.get(ind);
      const ci = cIdx.get(county);
      if (ii !== undefined && ci !== undefined) v.values[ii * nC + ci] = x;
    }
  }
}

function finishTotals(store: FactStore, v: StoredVersion): void {
  const nC = store.counties.length;
  for (let ii = 0; ii < store.indicators.length; ii++) {
    let t = 0;
    for (let ci = 0; ci < nC; ci++) t += v.values[ii * nC + ci] ?? 0;
    v.totals[ii] = Math.round(t * 100) / 100;
  }
}

function getOrCreate(store: FactStore, slot: number): StoredVersion[] {
  const held = store.reports[slot];
  if (held) return held;
  const created: StoredVersion[] = [];
  store.reports[slot] = created;
  return created;
}

function slotOf(store: FactStore, department: string, month: string): number {
  const di = store.departments.indexOf(department);
  const mi = store.months.indexOf(month);
  return di < 0 || mi < 0 ? -1 : di * store.months.length + mi;
}
