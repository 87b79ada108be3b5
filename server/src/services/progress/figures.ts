/**
 * The read model: every version's figures in memory (fact-store.ts), the as-of views built on them and the
 * dashboard answers computed from them, held by one object per database in `Deps.figures`.
 *
 * Every write that changes what dashboards show goes through `commit`: it runs the write in a write
 * transaction, moves the database's data state on (db/data-state.ts) in the same transaction and afterwards
 * tells the read model what changed, so no writer can forget the cache. Every read first compares the data
 * state with the one the figures are as of, so a commit by another process (a second server, a script) is seen
 * by the next dashboard call; the reload reads one snapshot, so its figures match the state it records.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Catalogue } from '@lz/shared/catalogue';
import { bumpDataState, readDataState } from '../../db/data-state';
import { readSnapshot, writeTransaction, type Db } from '../../db/open-database';
import { addVersion, layoutKey, loadFactStore, packRows, type FactStore, type NewFigures } from './fact-store';

/** What a write inside `commit` works with. */
export interface FigureWrites {
  /** The write transaction: every query of the write goes through it. */
  trx: Db;
  /** A report version was stored (call it inside the transaction that stores it). */
  versionStored(v: NewFigures): void;
}

export interface Figures {
  /** The order versions are packed in (`version_arrays.layout`) for this catalogue. */
  readonly layout: string;
  /** A version's rows packed in `layout`. */
  pack: (rows: Parameters<typeof packRows>[1]) => Float64Array;
  /** Every version's figures, reloaded when any process has committed figures since they were loaded. */
  store(): Promise<FactStore>;
  /**
   * The store as of the last check, without asking the database: inside `commit` (checked at BEGIN, with
   * the commit's own versions so far) and inside `answer`'s compute.
   */
  current(): FactStore;
  /** A view derived from the current store alone, built once per store generation (the as-of cubes). */
  fromStore<T>(key: string, build: (store: FactStore) => T): T;
  /** A dashboard answer, computed once per data state and shared by every caller: treat it as read-only. */
  answer<T>(question: string, compute: () => T | Promise<T>): Promise<T>;
  /**
   * Runs `write` in a write transaction (BEGIN IMMEDIATE on SQLite) and then updates the read model: the one
   * way to write figures, lifecycle states or allocations. Called inside another commit, it runs in a
   * savepoint of that commit's transaction, and its versions count once the outer commit does.
   *
   * @example
   * await deps.figures.commit(({ trx }) => upsertReportState(trx, next)); // a review: answers are recomputed
   * await deps.figures.commit(async (tx) => { const v = await store(tx.trx); tx.versionStored(v); return v; });
   */
  commit<T>(write: (tx: FigureWrites) => Promise<T>): Promise<T>;
}

const ANSWER_LIMIT = 256;
const VIEW_LIMIT = 16;

/** The commit in progress on this async path: its transaction and its own view of the store. */
interface OpenCommit {
  trx: Db;
  view: FactStore;
}

export function createFigures(db: Db, catalogue: Catalogue): Figures {
  const layout = layoutKey(catalogue);
  let held: FactStore | null = null;
  /** The last store held, for `current()` while `held` waits to be reloaded. */
  let last: FactStore | null = null;
  let generation = 0;
  let loading: { trigger: number; promise: Promise<FactStore> } | null = null;
  const answers = new Map<string, unknown>();
  let views = new Map<string, unknown>();
  let viewsOf = -1;
  const open = new AsyncLocalStorage<OpenCommit>();

  const load = (from: Db, dataVersion: number) =>
    loadFactStore(from, catalogue, { layout, dataVersion, generation: ++generation });

  /** Brings `held` up to the database's data state (`now`, just read). */
  const refresh = (now: number): Promise<FactStore> => {
    if (held && held.dataVersion === now) return Promise.resolve(held);
    // Callers that saw the same state share one reload; its snapshot is taken after they read `now`.
    if (loading && loading.trigger === now) return loading.promise;
    const promise = readSnapshot(db, async (trx) => load(trx, await readDataState(trx))).then((loaded) => {
      if (!held || held.dataVersion <= loaded.dataVersion) held = loaded;
      last = held;
      return loaded;
    });
    const entry = { trigger: now, promise };
    loading = entry;
    void promise.finally(() => {
      if (loading === entry) loading = null;
    });
    return promise;
  };

  const store = async (): Promise<FactStore> => {
    const inCommit = open.getStore();
    if (inCommit) return inCommit.view;
    return refresh(await readDataState(db));
  };

  const current = (): FactStore => {
    const inCommit = open.getStore();
    if (inCommit) return inCommit.view;
    const now = held ?? last;
    if (!now) throw new Error('figures read before they were loaded: await store() first');
    return now;
  };

  async function outerCommit<T>(write: (tx: FigureWrites) => Promise<T>): Promise<T> {
    const { result, view, dataVersion } = await writeTransaction(db, async (trx) => {
      // Checked under the write lock: the versions this write sees as history are the latest.
      const now = await readDataState(trx);
      const base = held && held.dataVersion === now ? held : await load(trx, now);
      const ctx: OpenCommit = { trx, view: { ...base, reports: base.reports.slice() } };
      const result = await open.run(ctx, () => write(writesOf(ctx)));
      return { result, view: ctx.view, dataVersion: await bumpDataState(trx) };
    });
    // Kept only when nothing was committed between the figures we started from and ours; a newer store
    // (another request's commit after ours) stays; otherwise the next read reloads.
    if (held && held.dataVersion >= dataVersion) return result;
    held = view.dataVersion === dataVersion - 1 ? { ...view, dataVersion } : null;
    last = held ?? last;
    return result;
  }

  /** Versions a commit stores join its own view at once, so the next report of an import sees them. */
  const writesOf = (ctx: OpenCommit): FigureWrites => ({
    trx: ctx.trx,
    versionStored: (v) => {
      addVersion(ctx.view, v, ++generation);
    },
  });

  return {
    layout,
    pack: (rows) => packRows(catalogue, rows),
    store,
    current,
    fromStore(key, build) {
      const now = current();
      if (viewsOf !== now.generation) {
        views = new Map();
        viewsOf = now.generation;
      }
      return remember(views, key, VIEW_LIMIT, () => build(now));
    },
    async answer(question, compute) {
      await store();
      const now = current();
      const key = `${now.dataVersion}:${now.generation}|${question}`;
      const answer = remember(answers, key, ANSWER_LIMIT, () => Promise.resolve(compute()));
      // A failed computation is not kept: the next caller tries again.
      answer.catch(() => answers.delete(key));
      return answer;
    },
    async commit(write) {
      const enclosing = open.getStore();
      if (!enclosing) return outerCommit(write);
      // A savepoint: a refusal inside rolls back this write only, and the view with it.
      const before = enclosing.view;
      enclosing.view = { ...before, reports: before.reports.slice() };
      try {
        return await writeTransaction(enclosing.trx, () => write(writesOf(enclosing)));
      } catch (err) {
        enclosing.view = before;
        throw err;
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
