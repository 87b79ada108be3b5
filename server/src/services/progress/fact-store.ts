/**
 * Every stored report version's figures, held in memory: one Float64Array (indicator × county) per version
 * plus its column totals. Loaded from SQLite once (the server warms it at start) from the packed copy each
 * version keeps in `version_arrays` — one read per version instead of one row per value — and then kept
 * current by the write path, which packs the version it stores and adds it here after the commit. A
 * submission therefore costs the dashboards nothing but a new cache key. If another process changes the
 * database (a CLI, a restore), SQLite's `data_version` moves and the store reloads.
 *
 * At province scale (≈3 million values) the store is ≈25 MB, and the as-of views built on it
 * (fact-cube.ts) pick versions by pointer, so no dashboard call scans the values table.
 */
import { createHash } from 'node:crypto';
import type { Catalogue } from '@lz/shared/catalogue';
import { monthRange } from '@lz/shared/months';
import type { NormalizedRows } from '@lz/shared/report-body';
import { prepared, type Db } from '../../db/open-database';

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

const layoutKeys = new WeakMap<Catalogue, string>();

/** The order figures are packed in; a different catalogue gives a different layout key. */
function layoutKey(catalogue: Catalogue): string {
  const held = layoutKeys.get(catalogue);
  if (held) return held;
  const key = computeLayoutKey(catalogue);
  layoutKeys.set(catalogue, key);
  return key;
}

function computeLayoutKey(catalogue: Catalogue): string {
  // Which departments fill an indicator is part of the layout: a version is read back as its form's columns.
  const indicators = catalogue.indicators.map(
    (i) => `${i.code}${i.onlyDepartments ? `:${i.onlyDepartments.join('+')}` : ''}`,
  );
  const codes = `${indicators.join(',')}|${catalogue.units.map((u) => u.code).join(',')}`;
  return createHash('sha256').update(codes).digest('hex').slice(0, 16);
}

/** Packs a version's rows and stores the array beside it. Call inside the version's transaction. */
export function saveVersionArray(db: Db, catalogue: Catalogue, versionId: number, rows: NormalizedRows): Float64Array {
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
  prepared(db, 'INSERT INTO version_arrays (version_id, layout, data) VALUES (?, ?, ?)').run(
    versionId,
    layoutKey(catalogue),
    Buffer.from(values.buffer),
  );
  return values;
}

/**
 * One version's packed figures ([indicator × county] in catalogue order), or null when it has none in this
 * layout: one row read instead of one per value (5,544 at province scale).
 */
export function readVersionArray(db: Db, catalogue: Catalogue, versionId: number): Float64Array | null {
  const data = (
    prepared(db, 'SELECT data FROM version_arrays WHERE version_id = ? AND layout = ?').get(
      versionId,
      layoutKey(catalogue),
    ) as { data: Buffer } | undefined
  )?.data;
  const size = catalogue.indicators.length * catalogue.units.length;
  // Copied into a fresh (aligned) buffer: the driver's Buffer may be a slice of a shared pool.
  return data && data.length === size * 8 ? new Float64Array(new Uint8Array(data).buffer) : null;
}

/** Drops the in-memory copy (after an enclosing transaction rolled back versions it had been told of). */
export function forgetFactStore(db: Db): void {
  stores.delete(db);
}

/** Called by the write path after a version commits; a no-op until the store is first loaded. */
export function noteNewVersion(
  db: Db,
  v: { department: string; month: string; version: number; submittedAtMs: number; values: Float64Array },
): void {
  const store = stores.get(db);
  if (!store) return;
  const slot = slotOf(store, v.department, v.month);
  if (slot < 0) return;
  const stored: StoredVersion = {
    version: v.version,
    submittedAtMs: v.submittedAtMs,
    values: v.values,
    totals: new Float64Array(store.indicators.length),
  };
  finishTotals(store, stored);
  (store.reports[slot] ??= []).push(stored);
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
  const layout = layoutKey(catalogue);
  const unpacked: { id: number; v: StoredVersion }[] = [];
  const heads = db
    .prepare(
      `SELECT rv.id, rv.department, rv.month, rv.version, rv.submitted_at_ms, a.data
       FROM report_versions rv LEFT JOIN version_arrays a ON a.version_id = rv.id AND a.layout = ?
       ORDER BY rv.department, rv.month, rv.version`,
    )
    .raw()
    .iterate(layout) as IterableIterator<[number, string, string, number, number, Buffer | null]>;
  for (const [id, d, m, version, at, data] of heads) {
    const slot = slotOf(store, d, m);
    if (slot < 0) continue;
    const size = store.indicators.length * store.counties.length;
    // Copy into a fresh (aligned) buffer: the driver's Buffer may be a slice of a shared pool.
    const values =
      data && data.length === size * 8 ? new Float64Array(new Uint8Array(data).buffer) : new Float64Array(size);
    const v: StoredVersion = { version, submittedAtMs: at, values, totals: new Float64Array(store.indicators.length) };
    if (!data || data.length !== size * 8) unpacked.push({ id, v });
    (store.reports[slot] ??= []).push(v);
  }
  if (unpacked.length > 0) unpackFromValues(db, store, unpacked);
  for (const versions of store.reports) for (const v of versions ?? []) finishTotals(store, v);
  return store;
}

/**
 * Versions without a packed array in this layout (stored before the array existed, or under another
 * catalogue) are read from report_values, the source of truth.
 */
function unpackFromValues(db: Db, store: FactStore, versions: { id: number; v: StoredVersion }[]): void {
  const iIdx = new Map(store.indicators.map((c, i) => [c, i]));
  const cIdx = new Map(store.counties.map((c, i) => [c, i]));
  const nC = store.counties.length;
  const read = db.prepare('SELECT indicator, county, value FROM report_values WHERE version_id = ?').raw();
  for (const { id, v } of versions) {
    for (const [ind, county, x] of read.all(id) as [string, string, number][]) {
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

function slotOf(store: FactStore, department: string, month: string): number {
  const di = store.departments.indexOf(department);
  const mi = store.months.indexOf(month);
  return di < 0 || mi < 0 ? -1 : di * store.months.length + mi;
}
