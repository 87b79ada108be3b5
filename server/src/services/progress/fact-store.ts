/**
 * Every stored report version's figures, held in memory: one Float64Array (indicator × county) per version
 * plus its column totals. Loaded from SQLite once, on first use (the server warms it at start), then kept
 * current by the write path: `noteNewVersion` adds the version just committed, so a submission costs the
 * dashboards one small read instead of a rescan. If another process changes the database (a CLI import,
 * a restore), SQLite's `data_version` moves and the store reloads.
 *
 * At province scale (≈3 million values) the store is ≈25 MB and the as-of views built on it
 * (fact-cube.ts) pick versions by pointer, so no dashboard call scans the values table.
 */
import type { Catalogue } from '@lz/shared/catalogue';
import { monthRange } from '@lz/shared/months';
import type { Db } from '../../db/open-database';

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
  dataVersion: number;
}

const stores = new WeakMap<Db, FactStore>();
let generations = 0;

export function getFactStore(db: Db, catalogue: Catalogue): FactStore {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const held = stores.get(db);
  if (held && held.dataVersion === dataVersion) return held;
  const store = loadStore(db, catalogue, dataVersion);
  stores.set(db, store);
  return store;
}

/** Called by the write path after a version commits; a no-op until the store is first loaded. */
export function noteNewVersion(db: Db, versionId: number): void {
  const store = stores.get(db);
  if (!store) return;
  const head = db.prepare('SELECT department, month, version, submitted_at_ms FROM report_versions WHERE id = ?').get(versionId) as
    | { department: string; month: string; version: number; submitted_at_ms: number }
    | undefined;
  const slot = head ? slotOf(store, head.department, head.month) : -1;
  if (!head || slot < 0) return;
  const v = emptyVersion(store, head.version, head.submitted_at_ms);
  const iIdx = indexOf(store.indicators);
  const cIdx = indexOf(store.counties);
  const nC = store.counties.length;
  const rows = db.prepare('SELECT indicator, county, value FROM report_values WHERE version_id = ?').raw().all(versionId) as [string, string, number][];
  for (const [i, c, x] of rows) {
    const ii = iIdx.get(i);
    const ci = cIdx.get(c);
    if (ii !== undefined && ci !== undefined) v.values[ii * nC + ci] = x;
  }
  finishTotals(store, v);
  (store.reports[slot] ??= []).push(v);
  store.generation = ++generations;
}

function loadStore(db: Db, catalogue: Catalogue, dataVersion: number): FactStore {
  const store: FactStore = {
    months: monthRange(catalogue.campaign.start, catalogue.campaign.end),
    indicators: catalogue.indicators.map((i) => i.code),
    departments: catalogue.departments.map((d) => d.code),
    counties: catalogue.units.map((u) => u.code),
    reports: [],
    generation: ++generations,
    dataVersion,
  };
  store.reports = new Array(store.departments.length * store.months.length);
  const byId = new Map<number, StoredVersion>();
  const heads = db.prepare('SELECT id, department, month, version, submitted_at_ms FROM report_versions ORDER BY department, month, version').raw().iterate() as IterableIterator<
    [number, string, string, number, number]
  >;
  for (const [id, d, m, version, at] of heads) {
    const slot = slotOf(store, d, m);
    if (slot < 0) continue;
    const v = emptyVersion(store, version, at);
    byId.set(id, v);
    (store.reports[slot] ??= []).push(v);
  }
  const iIdx = indexOf(store.indicators);
  const cIdx = indexOf(store.counties);
  const nC = store.counties.length;
  // Rows come in primary-key order (version, indicator, county), so the last lookups are reused.
  let lastId = -1;
  let cur: Float64Array | undefined;
  let lastInd = '';
  let ii: number | undefined;
  const rows = db.prepare('SELECT version_id, indicator, county, value FROM report_values').raw().iterate() as IterableIterator<[number, string, string, number]>;
  for (const [id, ind, county, x] of rows) {
    if (id !== lastId) {
      lastId = id;
      cur = byId.get(id)?.values;
      lastInd = '';
    }
    if (ind !== lastInd) {
      lastInd = ind;
      ii = iIdx.get(ind);
    }
    const ci = cIdx.get(county);
    if (cur && ii !== undefined && ci !== undefined) cur[ii * nC + ci] = x;
  }
  for (const v of byId.values()) finishTotals(store, v);
  return store;
}

function emptyVersion(store: FactStore, version: number, submittedAtMs: number): StoredVersion {
  return {
    version,
    submittedAtMs,
    values: new Float64Array(store.indicators.length * store.counties.length),
    totals: new Float64Array(store.indicators.length),
  };
}

function finishTotals(store: FactStore, v: StoredVersion): void {
  const nC = store.counties.length;
  for (let ii = 0; ii < store.indicators.length; ii++) {
    let t = 0;
    for (let ci = 0; ci < nC; ci++) t += v.values[ii * nC + ci] ?? 0;
    v.totals[ii] = Math.round(t * 100) / 100;
  }
}

function slotOf(store: FactStore, department: string, month: string): number {
  const di = store.departments.indexOf(department);
  const mi = store.months.indexOf(month);
  return di < 0 || mi < 0 ? -1 : di * store.months.length + mi;
}

const indexOf = (codes: string[]) => new Map(codes.map((c, i) => [c, i]));
