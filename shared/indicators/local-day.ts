/**
 * Unit-local days for the indicators: where a local day ends as an instant (the cut-off "as at
 * the period's end"), and a memoised `localDateOf` for the many instants one computation turns
 * into local dates (Intl formatting costs microseconds per call; a packet may hold 10k
 * complaints).
 */
import { addDays, localDateOf } from '../time/local-date';

const HOUR_MS = 60 * 60 * 1000;
/** Further than any UTC offset in use (−12 h to +14 h). */
const SEARCH_SPAN_MS = 15 * HOUR_MS;

/**
 * The last millisecond of the local day `isoDate` in `timeZone`, as an ISO instant
 * (`2026-12-31` in WIB → `2026-12-31T16:59:59.999Z`). Found by binary search on `localDateOf`,
 * so it holds for any offset; instants written by `toISOString` compare as text against it.
 */
export function endOfLocalDay(isoDate: string, timeZone: string): string {
  const next = addDays(isoDate, 1);
  const midnightUtc = Date.parse(`${next}T00:00:00.000Z`);
  // Invariant: low is still on or before isoDate locally, high is on or after the next day.
  let low = midnightUtc - SEARCH_SPAN_MS;
  let high = midnightUtc + SEARCH_SPAN_MS;
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (localDateOf(new Date(middle), timeZone) >= next) high = middle;
    else low = middle;
  }
  return new Date(low).toISOString();
}

/** `2026-11-23T03:04:05.678Z`: the form every stored instant has (../time/iso-instant). */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * `localDateOf` for one time zone, remembered per UTC hour: when an hour's first and last
 * millisecond fall on the same local date (always, for whole-hour offsets such as WIB, WITA and
 * WIT), every instant of that hour gets that date without asking Intl again; otherwise the
 * instant is converted on its own. Stored instants are keyed by their text up to the hour
 * (`2026-11-23T03`), anything else Date can read by its parsed hour.
 */
export function localDateCache(timeZone: string): (instant: string) => string {
  const byHour = new Map<string, string | null>();
  return (instant) => {
    const key = CANONICAL_INSTANT.test(instant) ? instant.slice(0, 13) : null;
    let date = key === null ? undefined : byHour.get(key);
    if (date === undefined) {
      const ms = Date.parse(instant);
      if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${JSON.stringify(instant)}`);
      const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
      const first = localDateOf(new Date(hourStart), timeZone);
      const last = localDateOf(new Date(hourStart + HOUR_MS - 1), timeZone);
      date = first === last ? first : null;
      byHour.set(key ?? new Date(hourStart).toISOString().slice(0, 13), date);
    }
    return date ?? localDateOf(new Date(instant), timeZone);
  };
}
