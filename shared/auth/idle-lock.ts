/**
 * The desk's idle lock (docs/domain.md, 'Officers and sign-in'; decision 015): after the unit's idle
 * time without keyboard or pointer input the app locks itself, and the signed-in officer (or
 * another) signs in again. The minutes are a unit setting (`idleLockMinutes` in the unit-settings
 * document, changed by a manager), 10 when the unit has not set them.
 */

export const IDLE_LOCK_MINUTES = { default: 10, min: 1, max: 60 } as const;

/** The unit's idle time in milliseconds; the default where the unit has not set one (older documents). */
export function idleLockMs(minutes: number | undefined): number {
  const valid =
    minutes !== undefined &&
    Number.isInteger(minutes) &&
    minutes >= IDLE_LOCK_MINUTES.min &&
    minutes <= IDLE_LOCK_MINUTES.max;
  return (valid ? minutes : IDLE_LOCK_MINUTES.default) * 60_000;
}

/**
 * Milliseconds left before the desk locks, at `nowMs`, after the last input at `lastInputMs`
 * (both from the same clock); 0 means lock now. A clock that went back (the last input seems to
 * lie in the future) counts as an input now: the full idle time runs again rather than locking
 * at once or never.
 */
export function idleLockRemainingMs(lastInputMs: number, nowMs: number, idleMs: number): number {
  const idle = nowMs - lastInputMs;
  if (idle < 0) return idleMs;
  return Math.max(0, idleMs - idle);
}
