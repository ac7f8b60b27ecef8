import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAYS } from './indonesian-holidays';
import {
  checkNationalCalendarFile,
  holidaysOfNationalCalendar,
  nationalCalendarDoc,
  nationalCalendarDocSchema,
  sameCalendarContent,
  weekdayOf,
} from './national-calendar';

const file2027 = {
  year: 2027,
  source: 'SKB 3 Menteri 1205/2026, 3/2026, 2/2026',
  entries: (DEFAULT_HOLIDAYS[2027] ?? []).map((holiday) => ({
    date: holiday.date,
    weekday: weekdayOf(holiday.date),
    name: holiday.name,
    kind: holiday.kind === 'national-holiday' ? 'holiday' : 'cuti-bersama',
  })),
};

const problemsOf = (input: unknown): readonly string[] => {
  const checked = checkNationalCalendarFile(input);
  return checked.ok ? [] : checked.problems;
};

describe('checkNationalCalendarFile', () => {
  it('accepts the 2027 decree as a file, sorted, weekdays in Indonesian, the same holidays as shipped', () => {
    // Reversed, and 26 Dec 2027 (the first then) with its weekday in English.
    const entries = [...file2027.entries]
      .reverse()
      .map((entry, index) => (index === 0 ? { ...entry, weekday: 'Sunday' } : entry));
    const reversed = { ...file2027, entries };
    const checked = checkNationalCalendarFile(reversed);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.year).toBe('2027');
    expect(checked.value.entries.map((e) => e.date)).toEqual(file2027.entries.map((e) => e.date));
    expect(checked.value.entries.at(-1)?.weekday).toBe('Minggu');
    expect(holidaysOfNationalCalendar(checked.value)).toEqual(
      (DEFAULT_HOLIDAYS[2027] ?? []).map(({ confirmed: _c, ...holiday }) => holiday),
    );
    expect(weekdayOf('2027-03-10')).toBe('Rabu');
  });

  it('refuses impossible dates, duplicates, a year mismatch and unknown kinds, each named in a sentence', () => {
    const problems = problemsOf({
      year: 2027,
      source: 'SKB',
      entries: [
        {
          date: '2027-02-29',
          weekday: 'Senin',
          name: { id: 'Tanggal khayal', en: 'No such day' },
          kind: 'holiday',
        },
        { date: '2027-03-10', weekday: 'Rabu', name: { id: 'Idul Fitri', en: 'Eid' }, kind: 'holiday' },
        {
          date: '2027-03-10',
          weekday: 'Rabu',
          name: { id: 'Idul Fitri lagi', en: 'Eid again' },
          kind: 'holiday',
        },
        { date: '2026-12-25', weekday: 'Jumat', name: { id: 'Natal', en: 'Christmas' }, kind: 'holiday' },
        {
          date: '2027-05-17',
          weekday: 'Senin',
          name: { id: 'Idul Adha', en: 'Eid al-Adha' },
          kind: 'regional',
        },
        { date: '2027-05-18', weekday: 'Rabu', name: { id: 'Cuti', en: 'Leave' }, kind: 'cuti-bersama' },
        { date: '2027-08-17', weekday: 'Selasa', name: { id: 'Proklamasi' }, kind: 'holiday' },
      ],
    });
    expect(problems).toEqual([
      'Entry 1 (2027-02-29): the date is not a real day in the form YYYY-MM-DD.',
      'Entry 3 (2027-03-10): the date is listed twice (also entry 2).',
      "Entry 4 (2026-12-25): the date is not in 2027, the file's year.",
      'Entry 5 (2027-05-17): the kind "regional" is unknown: "holiday" or "cuti-bersama".',
      'Entry 6 (2027-05-18): the weekday is Rabu, but 2027-05-18 is a Selasa.',
      'Entry 7 (2027-08-17): the name needs both "id" (Indonesian) and "en" (English).',
    ]);
  });

  it('refuses a file without a year, a source or entries, and unknown fields', () => {
    expect(problemsOf([])).toEqual(['The file must hold one JSON object: { year, source, entries }.']);
    expect(problemsOf({ year: '27', entries: [], note: 'x' })).toEqual([
      'Unknown field "note": only year, source and entries.',
      '"year" must be a year from 2000 to 2100, got "27".',
      '"source" must name the decree the list follows (e.g. "SKB 3 Menteri 1205/2026, 3/2026, 2/2026").',
    ]);
    expect(problemsOf({ year: 2027, source: 'SKB' })).toEqual([
      '"entries" must be a list of { date, weekday, name: { id, en }, kind }.',
    ]);
    expect(
      problemsOf({
        year: 2027,
        source: 'SKB',
        entries: [
          { date: '2027-01-01', weekday: 'Libur', name: { id: 'a', en: 'a' }, kind: 'holiday', extra: 1 },
        ],
      }),
    ).toEqual([
      'Entry 1 (2027-01-01): unknown field "extra".',
      'Entry 1 (2027-01-01): the weekday "Libur" is not one of Minggu, Senin, Selasa, Rabu, Kamis, Jumat, Sabtu.',
    ]);
  });
});

describe('the national calendar document', () => {
  it('is what the schema accepts, and compares by content only', () => {
    const checked = checkNationalCalendarFile(file2027);
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const doc = nationalCalendarDoc(checked.value, 1, '2026-12-07T01:00:00.000Z');
    expect(doc._id).toBe('calendar:national:2027');
    expect(nationalCalendarDocSchema.safeParse(doc).success).toBe(true);
    expect(nationalCalendarDocSchema.safeParse({ ...doc, unitCode: 'KTB' }).success).toBe(false);
    const later = nationalCalendarDoc(checked.value, 2, '2027-01-07T01:00:00.000Z');
    expect(sameCalendarContent(doc, later)).toBe(true);
    expect(sameCalendarContent(doc, { ...later, entries: later.entries.slice(1) })).toBe(false);
    expect(sameCalendarContent(doc, { ...later, source: 'SKB, as amended' })).toBe(false);
  });
});
