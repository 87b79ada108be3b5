/**
 * The read model: every version's figures in memory (fact-store.ts), the as-of views built on them and the
 * dashboard answers computed from them, held by one object per database connection in `Deps.figures`.
 *
 * Every write that changes what dashboards show goes through `commit`: it runs the write in a write
 * transaction and afterwards tells the read model what changed, so no writer can forget the cache.
 * A failed write that had already added versions (a history import rolled back after storing some) drops
 * the in-memory figures, to be reloaded from what SQLite kept. Another process's commits (a CLI, a restore)
 * move SQLite's `data_version`, which every read checks.
 */
import type { Catalogue } from '@lz/shared/catalogue';
import { dataVersion, writeTransaction, type Db } from '../../db/open-database';
import { addVersion, layoutKey, loadFactStore, packRows, type FactStore, type NewFigures } from './fact-store';

/** What a write inside `commit` reports to the read model. */
export interface FigureWrites {
  /** A report version was stored (call it inside the transaction that stores it). */
  versionStored(v: NewFigures): void;
}

export interface Figures {
  /** The order versions are packed in (`version_arrays.layout`) for this catalogue. */
  readonly layout: string;
  /** A version's rows packed in `layout`. */
  pack: (rows: Parameters<typeof packRows>[1]) => Float64Array;
  /** Every version's figures, reloaded when another process has committed to the database. */
  store(): FactStore;
  /** A view derived from the current store alone, built once per store generation (the as-of cubes). */
  fromStore<T>(key: string, build: (store: FactStore) => T): T;
  /** A dashboard answer, computed once per data state and shared by every caller: treat it as read-only. */
  answer<T>(question: string, compute: () => T): T;
  /**
   * Runs `write` in a write transaction (BEGIN IMMEDIATE; a savepoint when nested) and then updates the
   * read model: the one way to write figures, lifecycle states or allocations.
   *
   * @example
   * deps.figures.commit(() => upsertReportState(deps.db, next)); // a review: answers are recomputed
   * deps.figures.commit((tx) => { const v = store(); tx.versionStored(v); return v; }); // a submission
   */
  commit<T>(write: (tx: FigureWrites) => T): T;
}

const ANSWER_LIMIT = 256;
const VIEW_LIMIT = 16;

export function createFigures(db: Db, catalogue: Catalogue): Figures {
  const layout = layoutKey(catalogue);
  let held: FactStore | null = null;
  let generation = 0;
  /** Commits through this object; with `data_version` it names the data state answers are cached for. */
  let writes = 0;
  /** Versions added to memory so far; a failed commit that saw this move drops the store. */
  let added = 0;
  const answers = new Map<string, unknown>();
  let views = new Map<string, unknown>();
  let viewsOf = -1;

  const store = (): FactStore => {
    const now = dataVersion(db);
    if (held && held.dataVersion === now) return held;
    held = loadFactStore(db, catalogue, { layout, dataVersion: now, generation: ++generation });
    return held;
  };

  return {
    layout,
    pack: (rows) => packRows(catalogue, rows),
    store,
    fromStore(key, build) {
      const current = store();
      if (viewsOf !== current.generation) {
        views = new Map();
        viewsOf = current.generation;
      }
      return remember(views, key, VIEW_LIMIT, () => build(current));
    },
    answer(question, compute) {
      return remember(answers, `${writes}:${dataVersion(db)}|${question}`, ANSWER_LIMIT, compute);
    },
    commit(write) {
      const addedBefore = added;
      const stored: NewFigures[] = [];
      try {
        const result = writeTransaction(db, () => write({ versionStored: (v) => stored.push(v) }));
        for (const v of stored) {
          // Until the store is first loaded there is nothing to keep current.
          if (held) addVersion(held, v, ++generation);
          added++;
        }
        return result;
      } catch (err) {
        // Versions added to memory inside this transaction were rolled back with it.
        if (added !== addedBefore) held = null;
        throw err;
      } finally {
        writes++;
      }
    },
  };
}

/** A bounded cache, least recently used dropped first. */
function remember<T>(cache: Map<string, unknown>, key: string, limit: number, compute: () => T): T {
  if (cache.has(key)) {
    const hit = cache.get(key) as T;
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = compute();
  cache.set(key, value);
  while (cache.size > limit) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return value;
}
