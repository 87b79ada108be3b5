import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * One search param as state, so every choice on a page lives in the URL and a link reproduces the view.
 * Setting the default (or '') removes the param; changes replace the history entry, so Back leaves the page.
 */
export function useUrlParam(key: string, fallback = ''): [string, (next: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(key) ?? fallback;
  const set = useCallback(
    (next: string | null) => {
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          if (next === null || next === '' || next === fallback) out.delete(key);
          else out.set(key, next);
          return out;
        },
        { replace: true },
      );
    },
    [key, fallback, setParams],
  );
  return [value, set];
}

/** The params a drill-down carries from level to level (as-of month and indicator). */
export function useCarriedSearch(keys: string[] = ['month', 'indicator']): string {
  const [params] = useSearchParams();
  const out = new URLSearchParams();
  for (const k of keys) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}
