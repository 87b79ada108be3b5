/** Percentiles of timings in milliseconds. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

export function timing(samples: number[]): Timing {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length };
}

/** Runs `fn` `warmup` times unmeasured, then `n` times measured. */
export async function measure(n: number, warmup: number, fn: () => unknown | Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return timing(samples);
}

export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
