/**
 * Timing helpers shared by the measurements: a monotonic clock, summaries of samples, and ratios.
 * Pure (uses only `performance`, present in Node and Chromium), so the Chromium page bundles it.
 * Figures are milliseconds rounded to 3 decimals; ratios to 3 decimals.
 */

export type Summary = Readonly<{
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}>;

export function now(): number {
  return performance.now();
}

export function round(value: number, decimals = 3): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The `p`-th percentile (0–100) of `sorted` (ascending), nearest-rank. */
function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function percentile(samples: readonly number[], p: number): number {
  return percentileOfSorted(
    [...samples].sort((a, b) => a - b),
    p,
  );
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    n: sorted.length,
    p50: round(percentileOfSorted(sorted, 50)),
    p95: round(percentileOfSorted(sorted, 95)),
    mean: round(sorted.length === 0 ? Number.NaN : total / sorted.length),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** `measured / baseline`, rounded; null when the baseline is not a positive number. */
export function ratio(measured: number, baseline: number): number | null {
  return baseline > 0 && Number.isFinite(measured) ? round(measured / baseline) : null;
}

/** Milliseconds `work` took. */
export async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = now();
  await work();
  return now() - start;
}

/** Milliseconds `work` took (its result is returned too, so the work cannot be optimised away). */
export function timeSync<T>(work: () => T): { ms: number; result: T } {
  const start = now();
  const result = work();
  return { ms: now() - start, result };
}
