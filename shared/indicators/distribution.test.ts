/**
 * The statistics behind indicators.json: median, nearest-rank 90th percentile, shares.
 */
import { describe, expect, it } from 'vitest';
import { median, percentile90, roundTo, shareOf } from './distribution';

describe('median', () => {
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });

  it('is the middle value of an odd number of values, in any order', () => {
    expect(median([7])).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
  });

  it('is the mean of the two middle values of an even number of values', () => {
    expect(median([4, 1])).toBe(2.5);
    expect(median([63, 11, 22, 17, 31, 14])).toBe(19.5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile90 (nearest rank)', () => {
  it('is null for no values', () => {
    expect(percentile90([])).toBeNull();
  });

  it('is the ⌈0.9·n⌉-th smallest value', () => {
    // n = 1 → 1st; n = 9 → 9th (8.1 up); n = 10 → 9th (exactly 9, not 9.000…2); n = 11 → 10th.
    expect(percentile90([4])).toBe(4);
    expect(percentile90([9, 8, 7, 6, 5, 4, 3, 2, 1])).toBe(9);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
    expect(percentile90([0, 0, 0, 100])).toBe(100);
  });

  it('is always one of the values', () => {
    const values = [0, 1, 1, 2, 3, 3, 3, 3, 10];
    expect(values).toContain(percentile90(values));
  });
});

describe('shares and rounding', () => {
  it('is the count over the total, to 4 decimals', () => {
    expect(shareOf(8, 12)).toBe(0.6667);
    expect(shareOf(5, 12)).toBe(0.4167);
    expect(shareOf(1, 3)).toBe(0.3333);
    expect(shareOf(12, 12)).toBe(1);
  });

  it('is 0 when nothing was received', () => {
    expect(shareOf(0, 0)).toBe(0);
  });

  it('rounds to the given places', () => {
    expect(roundTo(3.456, 2)).toBe(3.46);
    expect(roundTo(3.5, 0)).toBe(4);
  });
});
