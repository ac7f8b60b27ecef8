/**
 * The summary statistics of the indicators, with the exact definitions `indicators.json`
 * documents: median, 90th percentile (nearest rank), shares and rounding.
 */

/**
 * The median: the middle value of the sorted values, or the mean of the two middle values when
 * their number is even; null for no values.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/**
 * The 90th percentile by nearest rank: the smallest value with at least 90% of the values at or
 * below it, i.e. the ⌈0.9·n⌉-th smallest; null for no values. Always one of the values (no
 * interpolation), so "90% were verified within p90 working days" reads literally.
 */
export function percentile90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // 9n/10 rather than 0.9*n: 0.9*10 is 9.000000000000002 in floating point.
  const rank = Math.ceil((9 * sorted.length) / 10);
  return sorted[Math.max(rank, 1) - 1] as number;
}

/** `value` rounded to `decimals` places (half away from zero for the positive values used here). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Decimal places of a share in `indicators.json` (0.5833 for 7 of 12). */
export const SHARE_DECIMALS = 4;

/** `count / total` rounded to SHARE_DECIMALS places; 0 when `total` is 0. */
export function shareOf(count: number, total: number): number {
  return total === 0 ? 0 : roundTo(count / total, SHARE_DECIMALS);
}
