import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, isIsoDate, localDateOf } from './local-date';

describe('isIsoDate', () => {
  it('accepts real calendar dates, including leap days', () => {
    for (const date of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-04-30']) {
      expect(isIsoDate(date), date).toBe(true);
    }
  });

  it('is exactly the days a UTC Date has, for every month and day of 1900–2199', () => {
    for (let year = 1900; year <= 2199; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          const real =
            month >= 1 &&
            date.getUTCFullYear() === year &&
            date.getUTCMonth() === month - 1 &&
            date.getUTCDate() === day;
          if (isIsoDate(text) !== real) expect.fail(`${text}: isIsoDate says ${isIsoDate(text)}`);
        }
      }
    }
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const text of ['2027-02-29', '2027-02-30', '2026-13-01', '2100-02-29'])
      expect(isIsoDate(text)).toBe(false);
  });

  it('refuses impossible dates and other shapes', () => {
    for (const text of [
      '2025-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '26-01-01',
      '2026/01/01',
      ' 2026-01-01',
      '2026-01-01T00:00:00Z',
      '0000-01-01',
      '',
    ]) {
      expect(isIsoDate(text), text).toBe(false);
    }
  });
});

describe('localDateOf', () => {
  const instant = new Date('2026-11-23T17:30:00.000Z');

  it('gives the calendar day in each Indonesian time zone', () => {
    expect(localDateOf(instant, 'UTC')).toBe('2026-11-23');
    expect(localDateOf(instant, 'Asia/Jakarta')).toBe('2026-11-24'); // UTC+7, 00:30
    expect(localDateOf(new Date('2026-11-23T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-11-23');
    expect(localDateOf(new Date('2026-11-23T15:00:00.000Z'), 'Asia/Jayapura')).toBe('2026-11-24'); // UTC+9
    expect(localDateOf(new Date('2026-11-23T15:59:00.000Z'), 'Asia/Makassar')).toBe('2026-11-23'); // UTC+8
  });

  it('crosses a year boundary', () => {
    expect(localDateOf(new Date('2026-12-31T17:00:00.000Z'), 'Asia/Jakarta')).toBe('2027-01-01');
  });

  it('throws on an invalid Date or time zone', () => {
    expect(() => localDateOf(new Date('nope'), 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => localDateOf(instant, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts calendar days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysBetween('2026-01-31', '2026-02-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });

  it('throws on an invalid date', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('moves across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-11-23', -30)).toBe('2026-10-24');
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('throws on fractional days or an invalid date', () => {
    expect(() => addDays('2026-11-23', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-11-31', 1)).toThrow(RangeError);
  });

  it('is the inverse of daysBetween (property)', () => {
    const isoDate = fc
      .date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('2199-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(isIsoDate(moved)).toBe(true);
        expect(daysBetween(date, moved)).toBe(n);
      }),
    );
  });
});

describe('localDateOf in the Indonesian zones', () => {
  it('agrees with the time-zone database for any instant from 1970 to 2100', () => {
    const viaIntl = (instant: Date, timeZone: string): string =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(instant);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'),
        (ms, zone) => {
          expect(localDateOf(new Date(ms), zone)).toBe(viaIntl(new Date(ms), zone));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('turns the date at the local midnight of each zone', () => {
    expect(localDateOf(new Date('2026-11-23T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-11-23');
    expect(localDateOf(new Date('2026-11-23T17:00:00.000Z'), 'Asia/Jakarta')).toBe('2026-11-24');
    expect(localDateOf(new Date('2026-11-23T16:00:00.000Z'), 'Asia/Makassar')).toBe('2026-11-24');
    expect(localDateOf(new Date('2026-11-23T15:00:00.000Z'), 'Asia/Jayapura')).toBe('2026-11-24');
  });
});
