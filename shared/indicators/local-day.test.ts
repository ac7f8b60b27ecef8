/**
 * The end of a unit-local day and the memoised local date, in Indonesia's three time zones.
 */
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../time/local-date';
import { endOfLocalDay, localDateCache } from './local-day';

describe('endOfLocalDay', () => {
  it('is the last millisecond of the local day in WIB, WITA and WIT', () => {
    expect(endOfLocalDay('2026-12-31', 'Asia/Jakarta')).toBe('2026-12-31T16:59:59.999Z');
    expect(endOfLocalDay('2026-12-31', 'Asia/Makassar')).toBe('2026-12-31T15:59:59.999Z');
    expect(endOfLocalDay('2026-12-31', 'Asia/Jayapura')).toBe('2026-12-31T14:59:59.999Z');
  });

  it('falls on the day, and the next millisecond on the next day', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'UTC', 'Asia/Kolkata']) {
      const end = Date.parse(endOfLocalDay('2028-02-28', zone));
      expect(localDateOf(new Date(end), zone)).toBe('2028-02-28');
      expect(localDateOf(new Date(end + 1), zone)).toBe('2028-02-29');
    }
  });

  it('refuses a date that is not real', () => {
    expect(() => endOfLocalDay('2026-02-30', 'Asia/Jakarta')).toThrow(RangeError);
  });
});

describe('localDateCache', () => {
  it('gives what localDateOf gives, around midnight and within one hour', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Kolkata']) {
      const local = localDateCache(zone);
      // Every 7 minutes over two days, asked twice (the second time from the cache).
      for (let round = 0; round < 2; round += 1) {
        for (let minutes = 0; minutes < 48 * 60; minutes += 7) {
          const instant = new Date(Date.parse('2026-10-31T00:00:00.000Z') + minutes * 60_000);
          expect(local(instant.toISOString())).toBe(localDateOf(instant, zone));
        }
      }
    }
  });

  it('reads an instant that is not in the stored form', () => {
    const local = localDateCache('Asia/Jakarta');
    expect(local('2026-10-31T18:00:00Z')).toBe('2026-11-01');
    expect(local('2026-10-31T18:00:00.000Z')).toBe('2026-11-01');
    expect(() => local('not a time')).toThrow(RangeError);
  });
});
