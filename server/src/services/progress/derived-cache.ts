/**
 * Dashboard answers are pure functions of the stored data and the question, so each is computed once and
 * reused until the data changes. "The data" is named by a per-connection write counter, bumped by every
 * write path that changes what the answers depend on (a submission, a review, an allocation), together with
 * SQLite's `data_version`, which moves when another process (a CLI, a restore) commits to the same file.
 * A cached answer is shared by every caller: treat it as read-only.
 */
import type { Db } from '../../db/open-database';

const writes = new WeakMap<Db, number>();
const caches = new WeakMap<Db, Map<string, unknown>>();
const LIMIT = 256;

/** Call after a write that changes figures, lifecycle states or allocations has committed. */
export function noteWrite(db: Db): void {
  writes.set(db, (writes.get(db) ?? 0) + 1);
}

export function dataState(db: Db): string {
  return `${writes.get(db) ?? 0}:${db.pragma('data_version', { simple: true }) as number}`;
}

export function cachedAnswer<T>(db: Db, question: string, compute: () => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${dataState(db)}|${question}`;
  if (cache.has(key)) return cache.get(key) as T;
  const answer = compute();
  cache.set(key, answer);
  // Answers for an older data state can never be asked for again; drop the oldest beyond the limit.
  while (cache.size > LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return answer;
}
