import { describe, expect, it } from 'vitest';
import {
  LOCK_MINUTES,
  MAX_FAILED_SIGN_INS,
  afterFailure,
  attemptsLeft,
  isLocked,
  lockRemainingMs,
  unlockProblem,
  type SignInLock,
} from './sign-in-lock';

const at = (minutes: number): Date => new Date(Date.UTC(2026, 11, 6, 8, 0) + minutes * 60_000);

function failTimes(times: number, now: Date, start?: SignInLock): SignInLock | undefined {
  let lock = start;
  for (let i = 0; i < times; i++) lock = afterFailure(lock, now).lock;
  return lock;
}

describe('sign-in lock', () => {
  it('locks after five failures in a row, for 15 minutes', () => {
    expect(MAX_FAILED_SIGN_INS).toBe(5);
    expect(LOCK_MINUTES).toBe(15);
    const four = failTimes(4, at(0));
    expect(isLocked(four, at(0))).toBe(false);
    expect(attemptsLeft(four)).toBe(1);
    const fifth = afterFailure(four, at(0));
    expect(fifth.locked).toBe(true);
    expect(lockRemainingMs(fifth.lock, at(0))).toBe(15 * 60_000);
    expect(isLocked(fifth.lock, at(14.9))).toBe(true);
    expect(lockRemainingMs(fifth.lock, at(10))).toBe(5 * 60_000);
    expect(isLocked(fifth.lock, at(15))).toBe(false);
  });

  it('counts again from zero once a lock ran out', () => {
    const locked = failTimes(5, at(0));
    const afterLock = afterFailure(locked, at(16));
    expect(afterLock.locked).toBe(false);
    expect(afterLock.lock.failures).toBe(1);
    expect(isLocked(failTimes(4, at(16), afterLock.lock), at(16))).toBe(true);
  });

  it('keeps a locked officer locked, further failures do not shorten or lengthen the lock', () => {
    const locked = failTimes(5, at(0));
    const again = afterFailure(locked, at(5));
    expect(lockRemainingMs(again.lock, at(5))).toBeGreaterThan(0);
  });

  it('lets a supervisor or manager unlock another officer, never an officer nor oneself', () => {
    const locked = failTimes(5, at(0));
    const target = 'o-budi';
    expect(unlockProblem({ id: 'o-wati', role: 'supervisor' }, target, locked, at(1))).toBeNull();
    expect(unlockProblem({ id: 'o-siti', role: 'manager' }, target, locked, at(1))).toBeNull();
    expect(unlockProblem({ id: 'o-ani', role: 'officer' }, target, locked, at(1))).toBe('not-allowed');
    expect(unlockProblem({ id: 'o-siti', role: 'manager', active: false }, target, locked, at(1))).toBe(
      'not-allowed',
    );
    expect(unlockProblem({ id: target, role: 'manager' }, target, locked, at(1))).toBe('self');
    expect(unlockProblem({ id: 'o-siti', role: 'manager' }, target, undefined, at(1))).toBe('not-locked');
  });
});
