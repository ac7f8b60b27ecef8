import { describe, expect, it } from 'vitest';
import { IDLE_LOCK_MINUTES, idleLockMs, idleLockRemainingMs } from './idle-lock';

const MINUTE = 60_000;
const START = Date.UTC(2026, 11, 6, 8, 0);

describe('idle lock', () => {
  it('locks after 10 minutes where the unit has set nothing, or set something out of bounds', () => {
    expect(IDLE_LOCK_MINUTES).toEqual({ default: 10, min: 1, max: 60 });
    expect(idleLockMs(undefined)).toBe(10 * MINUTE);
    expect(idleLockMs(0)).toBe(10 * MINUTE);
    expect(idleLockMs(61)).toBe(10 * MINUTE);
    expect(idleLockMs(2.5)).toBe(10 * MINUTE);
    expect(idleLockMs(1)).toBe(MINUTE);
    expect(idleLockMs(60)).toBe(60 * MINUTE);
  });

  it('is time to lock once the idle time has passed since the last input, not before', () => {
    const idle = idleLockMs(10);
    expect(idleLockRemainingMs(START, START, idle)).toBe(10 * MINUTE);
    expect(idleLockRemainingMs(START, START + 9 * MINUTE, idle)).toBe(MINUTE);
    expect(idleLockRemainingMs(START, START + 10 * MINUTE - 1, idle)).toBe(1);
    expect(idleLockRemainingMs(START, START + 10 * MINUTE, idle)).toBe(0);
    // A laptop closed for an hour: locked when it wakes, not 10 minutes later.
    expect(idleLockRemainingMs(START, START + 60 * MINUTE, idle)).toBe(0);
  });

  it('an input moves the lock on: the idle time counts from the last one', () => {
    const idle = idleLockMs(2);
    const input = START + 5 * MINUTE;
    expect(idleLockRemainingMs(input, START + 6 * MINUTE, idle)).toBe(MINUTE);
    expect(idleLockRemainingMs(input, START + 7 * MINUTE, idle)).toBe(0);
  });

  it('a clock set back counts as an input now: neither locking at once nor never', () => {
    const idle = idleLockMs(10);
    expect(idleLockRemainingMs(START, START - 3 * MINUTE, idle)).toBe(10 * MINUTE);
  });
});
