/**
 * The national calendar a central distributes (docs/decisions/024-national-calendar.md): one
 * document per year, `calendar:national:<year>`, with the year's national holidays and days of
 * cuti bersama as the SKB 3 Menteri (and any amendment) sets them, the decree it follows and a
 * version that grows with every change. `npm run central -- calendar import <file.json>` checks a
 * file with `checkNationalCalendarFile` and writes the document, as a server admin, into every
 * unit database and the national database; the unit validator refuses it from a device
 * (`central` types in ../couch/unit-design-doc). Devices receive it by sync and count with it
 * (./calendar-precedence).
 */
import { z } from 'zod';
import { isIsoDate } from '../time/local-date';
import { isIsoInstant } from '../time/iso-instant';
import { HOLIDAY_YEAR_MAX, HOLIDAY_YEAR_MIN, HOLIDAY_NAME_MAX } from './holiday-list';
import type { Holiday, HolidayKind } from './indonesian-holidays';

export const NATIONAL_CALENDAR_TYPE = 'national-calendar';
export const NATIONAL_CALENDAR_ID_PREFIX = 'calendar:national:';
export const NATIONAL_CALENDAR_SCHEMA_VERSION = 1;
/** The kinds a file and the document name: a national holiday, or a day of cuti bersama. */
export const NATIONAL_ENTRY_KINDS = ['holiday', 'cuti-bersama'] as const;
export type NationalEntryKind = (typeof NATIONAL_ENTRY_KINDS)[number];
/** Weekdays as the decree's tables name them, Sunday first (Date.getUTCDay order). */
export const WEEKDAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const SOURCE_MAX = 500;
/** A year has far fewer; the bound keeps a wrong file from filling every unit database. */
export const NATIONAL_ENTRIES_MAX = 100;

export const nationalCalendarId = (year: string | number): string => `${NATIONAL_CALENDAR_ID_PREFIX}${year}`;

const KIND_OF_ENTRY: Readonly<Record<NationalEntryKind, HolidayKind>> = {
  holiday: 'national-holiday',
  'cuti-bersama': 'collective-leave',
};

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim() !== '', { message: 'validation.required' });

export const nationalCalendarEntrySchema = z
  .object({
    date: z.string().refine(isIsoDate, { message: 'validation.invalid' }),
    weekday: z.enum(WEEKDAYS_ID),
    name: z.object({ id: text(HOLIDAY_NAME_MAX), en: text(HOLIDAY_NAME_MAX) }).strict(),
    kind: z.enum(NATIONAL_ENTRY_KINDS),
  })
  .strict();
export type NationalCalendarEntry = z.infer<typeof nationalCalendarEntrySchema>;

export const nationalCalendarDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal(NATIONAL_CALENDAR_TYPE),
    schemaVersion: z.literal(NATIONAL_CALENDAR_SCHEMA_VERSION),
    /** Four digits, as in the id. */
    year: z.string().regex(/^\d{4}$/),
    /** 1 at the first import; +1 at every import that changes the content. */
    version: z.number().int().min(1),
    /** The decree (and amendment) the list follows, as a person reads it. */
    source: text(SOURCE_MAX),
    /** When this version was imported (ISO instant). */
    importedAt: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    entries: z.array(nationalCalendarEntrySchema).max(NATIONAL_ENTRIES_MAX),
  })
  .strict();
export type NationalCalendarDoc = z.infer<typeof nationalCalendarDocSchema>;

/** What a year's calendar says, without the bookkeeping: compared to tell a change from a repeat. */
export type NationalCalendarContent = Readonly<{
  year: string;
  source: string;
  entries: readonly NationalCalendarEntry[];
}>;

/** The document's holidays in the form the working calendar and the settings screen read. */
export function holidaysOfNationalCalendar(
  doc: Readonly<{ entries: readonly NationalCalendarEntry[] }>,
): Holiday[] {
  return doc.entries.map((entry) => ({
    date: entry.date,
    name: { id: entry.name.id, en: entry.name.en },
    kind: KIND_OF_ENTRY[entry.kind],
  }));
}

/** The weekday of a `YYYY-MM-DD` date, in Indonesian. */
export function weekdayOf(isoDate: string): (typeof WEEKDAYS_ID)[number] {
  return WEEKDAYS_ID[new Date(`${isoDate}T00:00:00Z`).getUTCDay()] as (typeof WEEKDAYS_ID)[number];
}

/** Same year, source and entries (in the file's order), whatever version and import time. */
export function sameCalendarContent(a: NationalCalendarContent, b: NationalCalendarContent): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

function contentOf(calendar: NationalCalendarContent): unknown {
  return [
    calendar.year,
    calendar.source,
    calendar.entries.map((entry) => [entry.date, entry.weekday, entry.name.id, entry.name.en, entry.kind]),
  ];
}

export type CalendarFileCheck =
  | Readonly<{ ok: true; value: NationalCalendarContent }>
  | Readonly<{ ok: false; problems: readonly string[] }>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function weekdayIndex(value: string): number {
  const name = value.trim().toLowerCase();
  const id = WEEKDAYS_ID.findIndex((day) => day.toLowerCase() === name);
  return id >= 0 ? id : WEEKDAYS_EN.findIndex((day) => day.toLowerCase() === name);
}

/**
 * Checks a year's list as `central calendar import` reads it from a JSON file:
 *
 *   { "year": 2027, "source": "SKB 3 Menteri 1205/2026, 3/2026, 2/2026",
 *     "entries": [ { "date": "2027-03-10", "weekday": "Rabu",
 *                    "name": { "id": "Idul Fitri 1448 Hijriah", "en": "Eid al-Fitr 1448 AH" },
 *                    "kind": "holiday" }, ... ] }
 *
 * Every problem is reported, each as one sentence naming the entry (`entry 3 (2027-02-30)`): a
 * date that is no real day, a weekday that is not the date's (Indonesian or English names), a
 * date outside the year, a date twice, a missing name, an unknown kind (holiday or
 * cuti-bersama), a missing source, an unknown field. The value is sorted by date, names trimmed,
 * weekdays in Indonesian.
 */
export function checkNationalCalendarFile(input: unknown): CalendarFileCheck {
  const problems: string[] = [];
  if (!isRecord(input))
    return { ok: false, problems: ['The file must hold one JSON object: { year, source, entries }.'] };
  for (const key of Object.keys(input)) {
    if (!['year', 'source', 'entries'].includes(key))
      problems.push(`Unknown field "${key}": only year, source and entries.`);
  }
  const yearValue = input.year;
  const year =
    (typeof yearValue === 'number' && Number.isInteger(yearValue)) ||
    (typeof yearValue === 'string' && /^\d{4}$/.test(yearValue))
      ? String(yearValue)
      : undefined;
  if (year === undefined || Number(year) < HOLIDAY_YEAR_MIN || Number(year) > HOLIDAY_YEAR_MAX) {
    problems.push(
      `"year" must be a year from ${HOLIDAY_YEAR_MIN} to ${HOLIDAY_YEAR_MAX}, got ${JSON.stringify(yearValue)}.`,
    );
  }
  const source = typeof input.source === 'string' ? input.source.trim() : '';
  if (source === '')
    problems.push(
      '"source" must name the decree the list follows (e.g. "SKB 3 Menteri 1205/2026, 3/2026, 2/2026").',
    );
  else if (source.length > SOURCE_MAX) problems.push(`"source" has more than ${SOURCE_MAX} characters.`);
  if (!Array.isArray(input.entries)) {
    problems.push('"entries" must be a list of { date, weekday, name: { id, en }, kind }.');
    return { ok: false, problems };
  }
  const rawEntries: readonly unknown[] = input.entries;
  if (rawEntries.length > NATIONAL_ENTRIES_MAX)
    problems.push(`"entries" has ${rawEntries.length} entries, at most ${NATIONAL_ENTRIES_MAX}.`);
  const seen = new Map<string, number>();
  const entries: NationalCalendarEntry[] = [];
  rawEntries.forEach((raw, index) => {
    const at = `Entry ${index + 1}`;
    if (!isRecord(raw)) {
      problems.push(`${at} is not an object { date, weekday, name, kind }.`);
      return;
    }
    const date = typeof raw.date === 'string' ? raw.date.trim() : '';
    const where = `${at} (${date || JSON.stringify(raw.date)})`;
    let ok = true;
    for (const key of Object.keys(raw)) {
      if (!['date', 'weekday', 'name', 'kind'].includes(key)) {
        problems.push(`${where}: unknown field "${key}".`);
        ok = false;
      }
    }
    if (!isIsoDate(date)) {
      problems.push(`${where}: the date is not a real day in the form YYYY-MM-DD.`);
      ok = false;
    } else {
      if (year !== undefined && !date.startsWith(`${year}-`)) {
        problems.push(`${where}: the date is not in ${year}, the file's year.`);
        ok = false;
      }
      const first = seen.get(date);
      if (first !== undefined) {
        problems.push(`${where}: the date is listed twice (also entry ${first}).`);
        ok = false;
      } else seen.set(date, index + 1);
    }
    const weekdayText = typeof raw.weekday === 'string' ? raw.weekday : '';
    const weekday = weekdayIndex(weekdayText);
    if (weekday < 0) {
      problems.push(
        `${where}: the weekday ${JSON.stringify(raw.weekday)} is not one of ${WEEKDAYS_ID.join(', ')}.`,
      );
      ok = false;
    } else if (isIsoDate(date) && weekday !== new Date(`${date}T00:00:00Z`).getUTCDay()) {
      problems.push(
        `${where}: the weekday is ${WEEKDAYS_ID[weekday] ?? ''}, but ${date} is a ${weekdayOf(date)}.`,
      );
      ok = false;
    }
    const name = isRecord(raw.name) ? raw.name : {};
    const nameId = typeof name.id === 'string' ? name.id.trim() : '';
    const nameEn = typeof name.en === 'string' ? name.en.trim() : '';
    if (nameId === '' || nameEn === '') {
      problems.push(`${where}: the name needs both "id" (Indonesian) and "en" (English).`);
      ok = false;
    } else if (nameId.length > HOLIDAY_NAME_MAX || nameEn.length > HOLIDAY_NAME_MAX) {
      problems.push(`${where}: a name has more than ${HOLIDAY_NAME_MAX} characters.`);
      ok = false;
    }
    const kind = NATIONAL_ENTRY_KINDS.find((known) => known === raw.kind);
    if (kind === undefined) {
      problems.push(
        `${where}: the kind ${JSON.stringify(raw.kind)} is unknown: "holiday" or "cuti-bersama".`,
      );
      ok = false;
    }
    if (ok && kind !== undefined) {
      entries.push({ date, weekday: weekdayOf(date), name: { id: nameId, en: nameEn }, kind });
    }
  });
  if (problems.length > 0 || year === undefined) return { ok: false, problems };
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, value: { year, source, entries } };
}

/** The document of a checked file at `version`, imported at `importedAt`. */
export function nationalCalendarDoc(
  content: NationalCalendarContent,
  version: number,
  importedAt: string,
): NationalCalendarDoc {
  return {
    _id: nationalCalendarId(content.year),
    type: NATIONAL_CALENDAR_TYPE,
    schemaVersion: NATIONAL_CALENDAR_SCHEMA_VERSION,
    year: content.year,
    version,
    source: content.source,
    importedAt,
    entries: content.entries.map((entry) => ({ ...entry, name: { ...entry.name } })),
  };
}
