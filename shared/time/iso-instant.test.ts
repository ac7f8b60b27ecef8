import { describe, expect, it } from 'vitest';
import { isIsoInstant, toIsoInstant } from './iso-instant';

describe('isIsoInstant', () => {
  it('accepts toISOString output', () => {
    expect(isIsoInstant('2026-11-23T03:04:05.678Z')).toBe(true);
    expect(isIsoInstant(new Date(0).toISOString())).toBe(true);
  });

  it('refuses other spellings and impossible instants', () => {
    for (const text of [
      '2026-11-23T03:04:05Z',
      '2026-11-23T03:04:05.678+07:00',
      '2026-11-23 03:04:05.678Z',
      '2026-02-30T03:04:05.678Z',
      '2026-11-23T24:00:00.000Z',
      '2026-11-23',
      '',
    ]) {
      expect(isIsoInstant(text), text).toBe(false);
    }
  });
});

describe('toIsoInstant', () => {
  it('writes UTC with milliseconds and refuses an invalid Date', () => {
    expect(toIsoInstant(new Date(Date.UTC(2026, 10, 23, 3, 4, 5, 678)))).toBe('2026-11-23T03:04:05.678Z');
    expect(() => toIsoInstant(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => toIsoInstant(new Date(Date.UTC(10_000, 0, 1)))).toThrow(RangeError);
  });
});
