import { describe, expect, it } from 'vitest';
import { checkHolidaysByYear, holidaysByYearSchema } from './holiday-list';
import { DEFAULT_HOLIDAYS, HOLIDAY_KINDS, type Holiday } from './indonesian-holidays';

const weekday = (isoDate: string): number => new Date(`${isoDate}T00:00:00Z`).getUTCDay();
const datesOf = (list: readonly Holiday[], kind: Holiday['kind']): string[] =>
  list.filter((h) => h.kind === kind).map((h) => h.date);

/** Gregorian Easter Sunday (anonymous Gregorian computus), as `YYYY-MM-DD`. */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const shift = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('DEFAULT_HOLIDAYS 2026 (SKB 3 Menteri 1497/2025, 2/2025, 5/2025)', () => {
  const y2026 = DEFAULT_HOLIDAYS[2026] ?? [];

  it('lists the 17 national holidays of the decree', () => {
    expect(datesOf(y2026, 'national-holiday')).toEqual([
      '2026-01-01', // Tahun Baru Masehi (Thu)
      '2026-01-16', // Isra Mikraj (Fri)
      '2026-02-17', // Imlek 2577 (Tue)
      '2026-03-19', // Nyepi, Saka 1948 (Thu)
      '2026-03-21', // Idul Fitri 1447 H (Sat)
      '2026-03-22', // Idul Fitri 1447 H, 2nd day (Sun)
      '2026-04-03', // Wafat Yesus Kristus (Fri)
      '2026-04-05', // Paskah (Sun)
      '2026-05-01', // Hari Buruh (Fri)
      '2026-05-14', // Kenaikan Yesus Kristus (Thu)
      '2026-05-27', // Idul Adha 1447 H (Wed)
      '2026-05-31', // Waisak 2570 BE (Sun)
      '2026-06-01', // Hari Lahir Pancasila (Mon)
      '2026-06-16', // 1 Muharam 1448 H (Tue)
      '2026-08-17', // Proklamasi (Mon)
      '2026-08-25', // Maulid Nabi (Tue)
      '2026-12-25', // Natal (Fri)
    ]);
  });

  it('lists the 8 days of cuti bersama, all on weekdays', () => {
    const leave = datesOf(y2026, 'collective-leave');
    expect(leave).toEqual([
      '2026-02-16', // Imlek (Mon)
      '2026-03-18', // Nyepi (Wed)
      '2026-03-20', // Idul Fitri (Fri)
      '2026-03-23', // Idul Fitri (Mon)
      '2026-03-24', // Idul Fitri (Tue)
      '2026-05-15', // Kenaikan Yesus Kristus (Fri)
      '2026-05-28', // Idul Adha (Thu)
      '2026-12-24', // Natal (Thu)
    ]);
    for (const date of leave) expect(weekday(date) % 6, date).not.toBe(0);
  });

  it('puts the Christian holidays where the Easter computus does', () => {
    const easter2026 = easter(2026); // 5 Apr 2026
    expect(y2026.map((h) => h.date)).toEqual(
      expect.arrayContaining([shift(easter2026, -2), easter2026, shift(easter2026, 39)]),
    );
  });

  it('is confirmed (no entry marked as an estimate)', () => {
    expect(y2026.every((h) => h.confirmed !== false)).toBe(true);
  });
});

describe('DEFAULT_HOLIDAYS 2027 (SKB 3 Menteri 1205/2026, 3/2026, 2/2026)', () => {
  const y2027 = DEFAULT_HOLIDAYS[2027] ?? [];

  it('lists the 18 national holidays of the decree', () => {
    expect(datesOf(y2027, 'national-holiday')).toEqual([
      '2027-01-01', // Tahun Baru Masehi (Fri)
      '2027-01-05', // Isra Mikraj 1448 H (Tue)
      '2027-02-06', // Imlek 2578 (Sat)
      '2027-03-08', // Nyepi, Saka 1949 (Mon)
      '2027-03-10', // Idul Fitri 1448 H (Wed)
      '2027-03-11', // Idul Fitri 1448 H, 2nd day (Thu)
      '2027-03-26', // Wafat Yesus Kristus (Fri)
      '2027-03-28', // Paskah (Sun)
      '2027-05-01', // Hari Buruh (Sat)
      '2027-05-06', // Kenaikan Yesus Kristus (Thu)
      '2027-05-17', // Idul Adha 1448 H (Mon)
      '2027-05-20', // Waisak 2571 BE (Thu)
      '2027-06-01', // Hari Lahir Pancasila (Tue)
      '2027-06-06', // 1 Muharam 1449 H (Sun)
      '2027-08-15', // Maulid Nabi (Sun)
      '2027-08-17', // Proklamasi (Tue)
      '2027-12-25', // Natal (Sat)
      '2027-12-26', // Isra Mikraj 1449 H (Sun)
    ]);
  });

  it('lists the 8 days of cuti bersama, all on weekdays', () => {
    const leave = datesOf(y2027, 'collective-leave');
    expect(leave).toEqual([
      '2027-02-05', // Imlek (Fri)
      '2027-03-09', // Idul Fitri (Tue)
      '2027-03-12', // Idul Fitri (Fri)
      '2027-03-15', // Idul Fitri (Mon)
      '2027-03-25', // Wafat Yesus Kristus (Thu)
      '2027-05-18', // Idul Adha (Tue)
      '2027-05-19', // Waisak (Wed)
      '2027-12-24', // Natal (Fri)
    ]);
    for (const date of leave) expect(weekday(date) % 6, date).not.toBe(0);
  });

  it('puts the Christian holidays where the Easter computus does, and is confirmed', () => {
    const easter2027 = easter(2027); // 28 Mar 2027
    expect(easter2027).toBe('2027-03-28');
    expect(y2027.map((h) => h.date)).toEqual(
      expect.arrayContaining([shift(easter2027, -2), easter2027, shift(easter2027, 39)]),
    );
    expect(y2027.every((h) => h.confirmed !== false)).toBe(true);
  });
});

describe('DEFAULT_HOLIDAYS as data', () => {
  it('files each date under its own year, sorted, unique, with both names and a known kind', () => {
    for (const [year, list] of Object.entries(DEFAULT_HOLIDAYS)) {
      const dates = list.map((h) => h.date);
      expect(dates.every((date) => date.startsWith(`${year}-`))).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      for (const holiday of list) {
        expect(holiday.name.id.trim()).not.toBe('');
        expect(holiday.name.en.trim()).not.toBe('');
        expect(HOLIDAY_KINDS).toContain(holiday.kind);
      }
    }
  });

  it('passes the settings checks unchanged', () => {
    const record = Object.fromEntries(Object.entries(DEFAULT_HOLIDAYS));
    const checked = checkHolidaysByYear(record);
    expect(checked.issues).toEqual([]);
    expect(checked.value).toEqual(record);
    expect(holidaysByYearSchema.safeParse(record).success).toBe(true);
  });
});
