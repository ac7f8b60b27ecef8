/**
 * Where the reading of the complaints only on the central starts (a day after the cutoff in UTC,
 * before any complaint of the cutoff's day), and how far a pass has come by its cursor's receipt
 * instant between the start and the unit's first complaint. The pages themselves against a real
 * central: test/integration/device-budget.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { centralOnlyStart, passedShare } from './central-only-complaints';

const RULE = { months: 12, cutoff: '2025-12-07' };
const id = (receivedAt: string): string => `complaint:${receivedAt}:KBM-251206-X7Q-0001:${'a'.repeat(64)}`;

describe('centralOnlyStart', () => {
  it('starts the newest-first listing above every complaint received up to the day after the cutoff', () => {
    const start = centralOnlyStart(RULE);
    expect(start).toBe('complaint:2025-12-08');
    // Descending from the start: the cutoff's day (in UTC, up to a day later) comes after it.
    expect(id('2025-12-07T20:00:00.000Z') < start).toBe(true);
    expect(id('2025-12-08T00:00:00.000Z') > start).toBe(true);
  });
});

describe('passedShare', () => {
  const first = '2023-12-08T00:00:00.000Z';
  it('is 0 before the first page, the share of the time gone back at a cursor, 1 at the first complaint', () => {
    expect(passedShare(RULE, first, null)).toBe(0);
    expect(passedShare(RULE, first, id('2024-12-08T00:00:00.000Z'))).toBeCloseTo(0.5, 2);
    expect(passedShare(RULE, first, id(first))).toBe(1);
  });

  it('is 1 when the central holds no complaint before the start, and never leaves 0..1', () => {
    expect(passedShare(RULE, null, id('2024-12-08T00:00:00.000Z'))).toBe(1);
    expect(passedShare(RULE, first, id('2022-01-01T00:00:00.000Z'))).toBe(1);
    expect(passedShare(RULE, first, 'not-a-complaint-id')).toBe(0);
  });
});
