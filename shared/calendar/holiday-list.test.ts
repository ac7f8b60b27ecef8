import { describe, expect, it } from 'vitest';
import { formatMessage } from '../messages/validation-messages';
import { SETTINGS_MESSAGES } from '../messages/settings-messages';
import {
  HOLIDAY_NAME_MAX,
  allHolidays,
  checkHolidaysByYear,
  holidaysByYearSchema,
  type HolidayInput,
} from './holiday-list';
import { createWorkingCalendar } from './working-calendar';

const national = (date: string, id: string, en?: string): HolidayInput => ({
  date,
  name: en === undefined ? { id } : { id, en },
  kind: 'national-holiday',
});

describe('checkHolidaysByYear', () => {
  it('cleans a valid list: trims, fills a blank English name, sorts by date', () => {
    const { value, issues } = checkHolidaysByYear({
      '2026': [
        { date: ' 2026-12-25 ', name: { id: ' Natal ', en: ' ' }, kind: 'national-holiday' },
        { date: '2026-03-05', name: { id: 'Hari Jadi Kota' }, kind: 'collective-leave', confirmed: false },
      ],
    });
    expect(issues).toEqual([]);
    expect(value).toEqual({
      '2026': [
        {
          date: '2026-03-05',
          name: { id: 'Hari Jadi Kota', en: 'Hari Jadi Kota' },
          kind: 'collective-leave',
          confirmed: false,
        },
        { date: '2026-12-25', name: { id: 'Natal', en: 'Natal' }, kind: 'national-holiday' },
      ],
    });
  });

  it('accepts an empty year and no years at all', () => {
    expect(checkHolidaysByYear({ '2028': [] })).toEqual({ value: { '2028': [] }, issues: [] });
    expect(checkHolidaysByYear({})).toEqual({ value: {}, issues: [] });
  });

  it('reports a bad year key with its bounds and skips its list', () => {
    const { value, issues } = checkHolidaysByYear({
      '26': [national('2026-01-01', 'Tahun Baru')],
      '1999': [],
      '2101': [],
      abcd: [],
    });
    expect(value).toEqual({});
    expect(issues.map((i) => i.path)).toEqual([
      'holidays.26',
      'holidays.1999',
      'holidays.2101',
      'holidays.abcd',
    ]);
    expect(issues[0]).toEqual({
      path: 'holidays.26',
      key: 'unitSettings.holiday.yearInvalid',
      params: { year: '26', min: 2000, max: 2100 },
    });
  });

  it('reports each bad entry at its path and keeps the good ones', () => {
    const { value, issues } = checkHolidaysByYear({
      '2026': [
        national('2026-01-01', 'Tahun Baru'), // 0: fine
        national('2026-02-30', 'Tanggal khayal'), // 1: no such day
        national('2027-01-01', 'Tahun Baru 2027'), // 2: filed under the wrong year
        national('2026-01-01', 'Tahun Baru lagi'), // 3: same date twice
        national('2026-05-01', '   '), // 4: no name
        national('2026-06-01', 'x'.repeat(HOLIDAY_NAME_MAX + 1)), // 5: name too long
        { date: '2026-08-17', name: { id: 'Proklamasi' }, kind: 'regional' }, // 6: unknown kind
      ],
    });
    expect(issues).toEqual([
      { path: 'holidays.2026.1.date', key: 'unitSettings.holiday.dateInvalid' },
      {
        path: 'holidays.2026.2.date',
        key: 'unitSettings.holiday.wrongYear',
        params: { date: '2027-01-01', year: '2026' },
      },
      { path: 'holidays.2026.3.date', key: 'unitSettings.holiday.duplicate', params: { date: '2026-01-01' } },
      { path: 'holidays.2026.4.name.id', key: 'unitSettings.holiday.nameRequired' },
      { path: 'holidays.2026.5.name.id', key: 'unitSettings.holiday.nameTooLong', params: { max: 120 } },
      { path: 'holidays.2026.6.kind', key: 'unitSettings.holiday.kindUnknown' },
    ]);
    expect(value['2026']?.map((h) => h.date)).toEqual(['2026-01-01']);
  });

  it('reports a too long English name at the English name', () => {
    const { issues } = checkHolidaysByYear({
      '2026': [national('2026-01-01', 'Tahun Baru', 'y'.repeat(HOLIDAY_NAME_MAX + 1))],
    });
    expect(issues).toEqual([
      { path: 'holidays.2026.0.name.en', key: 'unitSettings.holiday.nameTooLong', params: { max: 120 } },
    ]);
  });

  it('accepts names of exactly the maximum length', () => {
    const name = 'n'.repeat(HOLIDAY_NAME_MAX);
    expect(checkHolidaysByYear({ '2026': [national('2026-01-01', name, name)] }).issues).toEqual([]);
  });

  it('uses a custom path prefix', () => {
    const { issues } = checkHolidaysByYear({ '2026': [national('2026-02-30', 'X')] }, 'form.h');
    expect(issues[0]?.path).toBe('form.h.2026.0.date');
  });

  it('only produces message keys that have Indonesian and English texts with every placeholder filled', () => {
    const { issues } = checkHolidaysByYear({
      '1999': [],
      '2026': [
        national('2026-02-30', 'a'),
        national('2027-01-01', 'b'),
        national('2026-01-01', ''),
        national('2026-01-02', 'c'),
        national('2026-01-02', 'd'.repeat(200)),
        { date: '2026-01-05', name: { id: 'e' }, kind: '?' },
      ],
    });
    expect(new Set(issues.map((i) => i.key)).size).toBe(7);
    for (const found of issues) {
      expect(SETTINGS_MESSAGES).toHaveProperty([found.key]);
      for (const lang of ['id', 'en'] as const) {
        const text = formatMessage(found.key, lang, found.params);
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toContain('{{');
      }
    }
  });
});

describe('holidaysByYearSchema (the stored form)', () => {
  it('accepts a stored list and rejects the cross-entry problems at their paths', () => {
    const ok = {
      '2026': [
        { date: '2026-01-01', name: { id: 'Tahun Baru', en: "New Year's Day" }, kind: 'national-holiday' },
      ],
    };
    expect(holidaysByYearSchema.safeParse(ok).success).toBe(true);

    const twice = { '2026': [...ok['2026'], ...ok['2026']] };
    const result = holidaysByYearSchema.safeParse(twice);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ['2026', 1, 'date'], message: 'unitSettings.holiday.duplicate' },
    ]);
  });

  it('rejects a blank name, an unknown kind and extra fields', () => {
    const base = { date: '2026-01-01', name: { id: 'Tahun Baru', en: '' }, kind: 'national-holiday' };
    expect(holidaysByYearSchema.safeParse({ '2026': [{ ...base, name: { id: ' ', en: '' } }] }).success).toBe(
      false,
    );
    expect(holidaysByYearSchema.safeParse({ '2026': [{ ...base, kind: 'regional' }] }).success).toBe(false);
    expect(holidaysByYearSchema.safeParse({ '2026': [{ ...base, note: 'x' }] }).success).toBe(false);
    expect(holidaysByYearSchema.safeParse({ '2026': [base] }).success).toBe(true);
  });
});

describe('allHolidays', () => {
  it('joins every year into one list for the calendar', () => {
    const byYear = {
      '2026': [
        { date: '2026-12-25', name: { id: 'Natal', en: 'Christmas' }, kind: 'national-holiday' as const },
      ],
      '2027': [
        { date: '2027-01-01', name: { id: 'Tahun Baru', en: 'New Year' }, kind: 'national-holiday' as const },
      ],
    };
    expect(allHolidays(byYear).map((h) => h.date)).toEqual(['2026-12-25', '2027-01-01']);
    // Thu 24 Dec + 3 with only these two: Mon 28, Tue 29, Wed 30 (Fri 1 Jan is off anyway).
    const calendar = createWorkingCalendar(allHolidays(byYear));
    expect(calendar.addWorkingDays('2026-12-24', 3)).toBe('2026-12-30');
    expect(calendar.isWorkingDay('2026-12-24')).toBe(true); // no cuti bersama in this unit's list
    expect(allHolidays({})).toEqual([]);
  });
});
