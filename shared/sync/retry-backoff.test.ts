/** The back-off delays: the doubling, the cap, the jitter's bounds, odd inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './retry-backoff';

describe('backoffDelay', () => {
  it('doubles from 2 s to the 5-minute cap, jittered within the upper half', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 30].map((failures) => backoffDelay(failures, 0))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 150_000, 150_000,
    ]);
    expect([1, 2, 9, 1_000].map((failures) => backoffDelay(failures, 0.999_999))).toEqual([
      2_000, 4_000, 300_000, 300_000,
    ]);
  });

  it('treats odd inputs safely: zero or negative failures as the first, random outside [0, 1) clamped', () => {
    expect(backoffDelay(0, 0)).toBe(1_000);
    expect(backoffDelay(-4, 0)).toBe(1_000);
    expect(backoffDelay(1, -1)).toBe(1_000);
    expect(backoffDelay(1, 7)).toBe(2_000);
    expect(backoffDelay(1, Number.NaN)).toBe(1_000);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, 0.5)).toBe(225_000);
  });

  it('uses the policy it is given', () => {
    expect(backoffDelay(3, 0, { baseMs: 100, capMs: 250 })).toBe(125);
  });

  it('stays within [min(base, cap)/2, cap] and its ceiling never shrinks with more failures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (failures, baseMs, capMs, random) => {
          const policy = { baseMs, capMs };
          const delay = backoffDelay(failures, random, policy);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(Math.min(baseMs, capMs) / 2));
          expect(delay).toBeLessThanOrEqual(capMs);
          expect(backoffDelay(failures + 1, 0.999_999, policy)).toBeGreaterThanOrEqual(
            backoffDelay(failures, 0.999_999, policy),
          );
        },
      ),
    );
  });

  it('defaults to 2 s and 5 minutes', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 2_000, capMs: 300_000 });
  });
});
