/**
 * How long the sync waits before trying again after a failure: exponential back-off with
 * "equal jitter", so that a unit's devices that lost the server together do not all come back in
 * the same second. The random number is the caller's (injectable, for tests).
 */

export type BackoffPolicy = Readonly<{
  /** The delay before the first retry, before jitter. */
  baseMs: number;
  /** No delay is longer than this. */
  capMs: number;
}>;

/** 2 s, 4 s, 8 s, … up to 5 minutes (each then jittered down by at most half). */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * The delay before retry number `failures` (1 after the first failure): `base · 2^(failures−1)`,
 * capped at `cap`, then drawn uniformly from its upper half using `random` (in [0, 1)). Always
 * within [min(base, cap) / 2, cap]; grows with `failures` until the cap.
 */
export function backoffDelay(
  failures: number,
  random: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(Math.floor(failures), 1) - 1, 40);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const unit = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0;
  return Math.round(ceiling / 2 + (ceiling / 2) * unit);
}
