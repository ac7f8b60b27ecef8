/**
 * Calendar dates as plain `YYYY-MM-DD` strings.
 *
 * A complaint unit works in its own local date (WIB, WITA or WIT), not in UTC: the tracking
 * number, the "received on" date of a receipt and the 30-day lateness check of Perpres 76/2013
 * all use the unit's calendar day. These helpers are pure and run the same in the browser
 * renderer and in Node. Arithmetic is done on UTC midnights, so daylight-saving changes (none in
 * Indonesia, but a device may be set to another zone) can never shift a day.
 */

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Indonesia's three time zones, for a unit's settings (IANA names, Intl-compatible). */
export const INDONESIAN_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type IndonesianTimeZone = (typeof INDONESIAN_TIME_ZONES)[number];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for `YYYY-MM-DD` naming a real calendar day (year 0001–9999; 2024-02-29 yes, 2025-02-29 no). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * '' or an ISO date (an optional date field). A named predicate, so that the central server's
 * JSON Schema can carry it as a pattern (shared/couch/refinement-patterns).
 */
export function isOptionalIsoDate(text: string): boolean {
  return text === '' || isIsoDate(text);
}

/** Milliseconds of UTC midnight of an ISO date; throws on anything that is not a real date. */
function utcMidnight(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(isoDate)}`);
  const date = new Date(0);
  date.setUTCFullYear(
    Number(isoDate.slice(0, 4)),
    Number(isoDate.slice(5, 7)) - 1,
    Number(isoDate.slice(8, 10)),
  );
  return date.getTime();
}

function isoDateFromUtcMs(ms: number): string {
  const date = new Date(ms);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown time zone, which is what the caller should see.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Indonesia's three zones have kept one offset with no daylight saving since 1964 (WIB +7, WITA
 * +8, WIT +9), so for instants from 1970 on their dates are plain arithmetic; Intl (several
 * microseconds a call) is used for every other zone and instant. Deadlines and indicators ask for
 * local dates hundreds of thousands of times.
 */
const FIXED_OFFSET_HOURS: Readonly<Record<string, number>> = {
  'Asia/Jakarta': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
};

/** The calendar date (`YYYY-MM-DD`) of `instant` in `timeZone` (an IANA name such as `Asia/Jakarta`). */
export function localDateOf(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('localDateOf: invalid Date');
  const offset = FIXED_OFFSET_HOURS[timeZone];
  if (offset !== undefined && ms >= 0 && ms < 253_402_300_800_000 - 86_400_000) {
    return isoDateFromUtcMs(ms + offset * 3_600_000);
  }
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const result = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  if (!isIsoDate(result)) throw new RangeError(`localDateOf: unexpected formatter output ${result}`);
  return result;
}

/**
 * Calendar days from `fromIsoDate` to `toIsoDate`: positive when `to` is later, negative when it
 * is earlier, 0 on the same day. Throws on an invalid date.
 */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((utcMidnight(toIsoDate) - utcMidnight(fromIsoDate)) / MS_PER_DAY);
}

/** The ISO date `days` calendar days after `isoDate` (before it when negative). */
export function addDays(isoDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: not a whole number of days: ${days}`);
  const result = isoDateFromUtcMs(utcMidnight(isoDate) + days * MS_PER_DAY);
  if (!isIsoDate(result)) throw new RangeError(`addDays: result outside years 0001-9999: ${result}`);
  return result;
}
