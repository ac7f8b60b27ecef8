/**
 * Instants as ISO 8601 UTC strings with milliseconds (`2026-11-23T03:04:05.678Z`), the form
 * `Date.prototype.toISOString` writes. Fixed width, so they sort as text in time order: document
 * ids rely on that (PouchDB `allDocs` orders by `_id`).
 */

const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True for a real instant written exactly as `toISOString()` writes it (years 0000–9999). */
export function isIsoInstant(text: string): boolean {
  if (!ISO_INSTANT_PATTERN.test(text)) return false;
  const date = new Date(text);
  return !Number.isNaN(date.getTime()) && date.toISOString() === text;
}

/** `instant` as an ISO UTC string with milliseconds; throws on an invalid Date. */
export function toIsoInstant(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('toIsoInstant: invalid Date');
  const text = instant.toISOString();
  if (!ISO_INSTANT_PATTERN.test(text)) throw new RangeError(`toIsoInstant: year out of range: ${text}`);
  return text;
}
