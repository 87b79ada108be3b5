/** The little a panel needs to know about a query, so one panel can wait on several. */
export interface QueryLike<T> {
  data: T | undefined;
  isPending: boolean;
  error: Error | null;
  refetch: () => unknown;
  /** Waiting for the connection to return (react-query's fetchStatus 'paused'). */
  isPaused?: boolean;
}

type DataOf<Q> = Q extends { data: infer D } ? Exclude<D, undefined> : never;

/** Several queries as one: pending while any is, failed if any failed, data once all have it. */
export function combineQueries<Qs extends QueryLike<unknown>[]>(
  ...queries: Qs
): QueryLike<{ [K in keyof Qs]: DataOf<Qs[K]> }> {
  const error = queries.find((q) => q.error)?.error ?? null;
  const ready = queries.every((q) => q.data !== undefined);
  return {
    data: ready ? (queries.map((q) => q.data) as { [K in keyof Qs]: DataOf<Qs[K]> }) : undefined,
    isPending: !ready && !error && queries.some((q) => q.isPending),
    error,
    isPaused: !ready && queries.some((q) => q.isPaused),
    refetch: () => {
      for (const q of queries) if (q.error || q.data === undefined) q.refetch();
    },
  };
}
