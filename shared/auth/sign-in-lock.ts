/**
 * Failed sign-ins on this device (docs/domain.md, 'Officers and sign-in'): five wrong secrets in a
 * row lock that officer on this device for 15 minutes, or until a supervisor or manager (another
 * active officer, signed in with their own secret) unlocks them. A right secret clears the count;
 * a lock that ran out starts the count again from zero. The state is kept per officer on the
 * device, not synced: a lock on one desk does not stop the officer at another.
 */
import type { Role } from '../workflow/roles';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
const LOCK_MS = LOCK_MINUTES * 60_000;

export type SignInLock = Readonly<{
  /** Wrong secrets in a row since the last right one (or the last lock). */
  failures: number;
  /** ISO instant until which the officer cannot sign in here. */
  lockedUntil?: string;
}>;

export const NO_LOCK: SignInLock = { failures: 0 };

/** Milliseconds the officer stays locked at `now` (0 when not locked). */
export function lockRemainingMs(lock: SignInLock | undefined, now: Date): number {
  if (!lock?.lockedUntil) return 0;
  return Math.max(0, Date.parse(lock.lockedUntil) - now.getTime());
}

export function isLocked(lock: SignInLock | undefined, now: Date): boolean {
  return lockRemainingMs(lock, now) > 0;
}

/** The state after a wrong secret at `now`; `locked` when this failure locked the officer. */
export function afterFailure(
  lock: SignInLock | undefined,
  now: Date,
): Readonly<{ lock: SignInLock; locked: boolean }> {
  // While locked, nothing is checked: the lock stays as it is.
  if (lock && isLocked(lock, now)) return { lock, locked: true };
  // A lock that ran out is forgotten: the next five failures count from zero.
  const failures = (lock?.lockedUntil && !isLocked(lock, now) ? 0 : (lock?.failures ?? 0)) + 1;
  if (failures >= MAX_FAILED_SIGN_INS) {
    return {
      lock: { failures: 0, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() },
      locked: true,
    };
  }
  return { lock: { failures }, locked: false };
}

/** Wrong secrets left before the lock (after `lock`). */
export function attemptsLeft(lock: SignInLock | undefined): number {
  return MAX_FAILED_SIGN_INS - (lock?.failures ?? 0);
}

export type UnlockProblem = 'not-allowed' | 'self' | 'not-locked';

/** Why `unlocker` may not unlock `targetId` now: supervisors and managers unlock others only. */
export function unlockProblem(
  unlocker: Readonly<{ id: string; role: Role; active?: boolean }>,
  targetId: string,
  targetLock: SignInLock | undefined,
  now: Date,
): UnlockProblem | null {
  if (unlocker.active === false || (unlocker.role !== 'supervisor' && unlocker.role !== 'manager')) {
    return 'not-allowed';
  }
  if (unlocker.id === targetId) return 'self';
  return isLocked(targetLock, now) || (targetLock?.failures ?? 0) > 0 ? null : 'not-locked';
}
