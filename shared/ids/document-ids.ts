/**
 * PouchDB `_id`s of the unit database's documents.
 *
 * `allDocs` orders documents by `_id` (plain code-point order), so ids are built to sort usefully:
 *   complaint:<receivedAt ISO UTC ms>:<trackingNumber>:<H>          newest first with `descending: true`
 *   event:<trackingNumber>:<at ISO UTC ms>:<deviceCode>:<seq>:<H>   one complaint's events together, in time order
 *   reporter:<trackingNumber>                                       the mutable identity document
 *   unit-profile                                                    the unit's one profile document
 * Complaints and events are immutable: H is the SHA-256 of the document's content (./content-id),
 * so an id names exactly one content. The functions here build the part before `:<H>` (the
 * "base id"); `sealImmutable` adds the hash. Instants are fixed-width ISO strings (see
 * ../time/iso-instant), tracking numbers contain no `:` (see ./tracking-number), so every id
 * splits unambiguously.
 */
import { isIsoInstant } from '../time/iso-instant';
import { CONTENT_HASH_LENGTH, hashOfId } from './content-id';
import { isCanonicalTrackingNumber, isValidDeviceCode } from './tracking-number';

export const COMPLAINT_ID_PREFIX = 'complaint:';
export const EVENT_ID_PREFIX = 'event:';
export const REPORTER_ID_PREFIX = 'reporter:';
export const UNIT_PROFILE_ID = 'unit-profile';
/** Sorts after every character used in ids (the usual PouchDB/CouchDB high-key sentinel). */
export const HIGH_SENTINEL = '\ufff0';
/** Event sequences are zero-padded to this width so that text order equals number order. */
export const EVENT_SEQUENCE_DIGITS = 10;
const MAX_EVENT_SEQUENCE = 10 ** EVENT_SEQUENCE_DIGITS - 1;
const ISO_INSTANT_LENGTH = '2026-11-23T03:04:05.678Z'.length;

export type DocKind = 'complaint' | 'event' | 'reporter' | 'unit-profile' | 'other';
export type IdRange = Readonly<{ startkey: string; endkey: string }>;

function assertTrackingNumber(trackingNumber: string): void {
  if (!isCanonicalTrackingNumber(trackingNumber)) {
    throw new RangeError(`Not a canonical tracking number: ${JSON.stringify(trackingNumber)}`);
  }
}

function assertInstant(iso: string): void {
  if (!isIsoInstant(iso))
    throw new RangeError(`Not an ISO UTC instant with milliseconds: ${JSON.stringify(iso)}`);
}

/**
 * `complaint:<receivedAtIso>:<trackingNumber>`, the base of a complaint's id (`sealImmutable` adds
 * `:<H>`). Throws on a non-canonical instant or tracking number.
 */
export function complaintBaseId(receivedAtIso: string, trackingNumber: string): string {
  assertInstant(receivedAtIso);
  assertTrackingNumber(trackingNumber);
  return `${COMPLAINT_ID_PREFIX}${receivedAtIso}:${trackingNumber}`;
}

/** `reporter:<trackingNumber>`. */
export function reporterId(trackingNumber: string): string {
  assertTrackingNumber(trackingNumber);
  return `${REPORTER_ID_PREFIX}${trackingNumber}`;
}

/**
 * `event:<trackingNumber>:<atIso>:<deviceCode>:<sequence zero-padded to 10 digits>`, the base of an
 * event's id (`sealImmutable` adds `:<H>`). The device code and the device's event sequence make
 * the id unique even when two devices act on the same complaint in the same millisecond.
 */
export function eventBaseId(
  trackingNumber: string,
  atIso: string,
  deviceCode: string,
  sequence: number,
): string {
  assertTrackingNumber(trackingNumber);
  assertInstant(atIso);
  if (!isValidDeviceCode(deviceCode))
    throw new RangeError(`Invalid device code: ${JSON.stringify(deviceCode)}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_EVENT_SEQUENCE) {
    throw new RangeError(`Invalid event sequence: ${sequence}`);
  }
  const seq = String(sequence).padStart(EVENT_SEQUENCE_DIGITS, '0');
  return `${EVENT_ID_PREFIX}${trackingNumber}:${atIso}:${deviceCode}:${seq}`;
}

/**
 * The `_id` range of all complaints, for ascending `allDocs({ startkey, endkey })`. For newest
 * first, the caller swaps them: `allDocs({ descending: true, startkey: endkey, endkey: startkey })`
 * (or uses `complaintIdRangeDescending`).
 */
export function complaintIdRange(): IdRange {
  return { startkey: COMPLAINT_ID_PREFIX, endkey: `${COMPLAINT_ID_PREFIX}${HIGH_SENTINEL}` };
}

/** `complaintIdRange()` already swapped for `allDocs({ descending: true, ... })`. */
export function complaintIdRangeDescending(): IdRange {
  const { startkey, endkey } = complaintIdRange();
  return { startkey: endkey, endkey: startkey };
}

/**
 * The `_id` range of exactly one complaint's events (ascending). The `:` after the tracking number
 * keeps `KBM-261123-X7Q1000` from also matching the events of `KBM-261123-X7Q10000`.
 */
export function eventIdRange(trackingNumber: string): IdRange {
  assertTrackingNumber(trackingNumber);
  const prefix = `${EVENT_ID_PREFIX}${trackingNumber}:`;
  return { startkey: prefix, endkey: `${prefix}${HIGH_SENTINEL}` };
}

/**
 * The parts of a complaint id (`complaint:<receivedAt>:<trackingNumber>:<H>`), or null if `id` is
 * not one exactly as `complaintBaseId` + `sealImmutable` write it.
 */
export function parseComplaintId(
  id: string,
): Readonly<{ receivedAt: string; trackingNumber: string; hash: string }> | null {
  const hash = hashOfId(id);
  if (hash === null || !id.startsWith(COMPLAINT_ID_PREFIX)) return null;
  const rest = id.slice(COMPLAINT_ID_PREFIX.length, -(CONTENT_HASH_LENGTH + 1));
  const receivedAt = rest.slice(0, ISO_INSTANT_LENGTH);
  if (rest.charAt(ISO_INSTANT_LENGTH) !== ':' || !isIsoInstant(receivedAt)) return null;
  const trackingNumber = rest.slice(ISO_INSTANT_LENGTH + 1);
  return isCanonicalTrackingNumber(trackingNumber) ? { receivedAt, trackingNumber, hash } : null;
}

/**
 * The parts of an event id (`event:<trackingNumber>:<at>:<deviceCode>:<seq>:<H>`), or null if
 * `id` is not one exactly as `eventBaseId` + `sealImmutable` write it.
 */
export function parseEventId(id: string): Readonly<{
  trackingNumber: string;
  at: string;
  deviceCode: string;
  sequence: number;
  hash: string;
}> | null {
  const hash = hashOfId(id);
  if (hash === null || !id.startsWith(EVENT_ID_PREFIX)) return null;
  const rest = id.slice(EVENT_ID_PREFIX.length, -(CONTENT_HASH_LENGTH + 1));
  const afterTracking = rest.indexOf(':');
  if (afterTracking < 0) return null;
  const trackingNumber = rest.slice(0, afterTracking);
  const tail = rest.slice(afterTracking + 1);
  const at = tail.slice(0, ISO_INSTANT_LENGTH);
  const match = /^:([^:]+):(\d+)$/.exec(tail.slice(ISO_INSTANT_LENGTH));
  if (!match || !isCanonicalTrackingNumber(trackingNumber) || !isIsoInstant(at)) return null;
  const [, deviceCode = '', digits = ''] = match;
  const sequence = Number(digits);
  if (!isValidDeviceCode(deviceCode) || digits.length !== EVENT_SEQUENCE_DIGITS || sequence < 1) return null;
  return { trackingNumber, at, deviceCode, sequence, hash };
}

/**
 * What kind of document an id names, from its prefix alone (cheap enough for a changes feed; use
 * the parse functions or the schemas to check an id fully). Design documents are 'other'.
 */
export function docKind(id: string): DocKind {
  if (id === UNIT_PROFILE_ID) return 'unit-profile';
  if (id.startsWith(COMPLAINT_ID_PREFIX)) return 'complaint';
  if (id.startsWith(EVENT_ID_PREFIX)) return 'event';
  if (id.startsWith(REPORTER_ID_PREFIX)) return 'reporter';
  return 'other';
}
