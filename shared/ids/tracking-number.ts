/**
 * Tracking numbers (nomor tiket): unique without a network, readable over the phone.
 *
 * Shape: `UNIT-YYMMDD-DDD-SSSS`, e.g. `KBM-261123-X7Q-0042` (four groups read aloud one by one)
 *   - UNIT   the unit's code, 2–10 characters of SAFE_ALPHABET;
 *   - YYMMDD the unit-local date of intake (years 2000–2099), digits only;
 *   - DDD    the device's code, exactly 3 characters of SAFE_ALPHABET;
 *   - SSSS   the device's sequence number, ≥ 1, zero-padded to at least 4 digits; past 9999 it
 *            simply grows (`X7Q-10000`), it never wraps.
 * The device code has a fixed width, so a number typed without the last dash still parses. Letters
 * and digits that sound or look alike (0/O, 1/I/L) are left out of the codes; the date and
 * sequence are all digits, so they cannot be misread as letters.
 *
 * Uniqueness rule: two tracking numbers are distinct as long as
 *   1. device codes are distinct within a unit (the app checks a new code against the unit's
 *      known devices, see `generateUniqueDeviceCode`), and
 *   2. a device never reuses a sequence number: the sequence is a per-device counter that only
 *      increases and does NOT reset per day. The date is informative, not part of the key, so a
 *      clock that jumps back or forth cannot make a number repeat.
 * The LAPOR! national ID format was not confirmed (docs/domain.md); this format is Meja Aduan's own.
 */
import { isIsoDate } from '../time/local-date';

/** Upper-case letters and digits without 0/O and 1/I/L. */
export const SAFE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const UNIT_CODE_MIN_LENGTH = 2;
export const UNIT_CODE_MAX_LENGTH = 10;
export const DEVICE_CODE_LENGTH = 3;
export const SEQUENCE_MIN_DIGITS = 4;
/** Largest sequence: 15 digits, well inside Number.MAX_SAFE_INTEGER. */
export const MAX_SEQUENCE = 999_999_999_999_999;

export type TrackingNumberParts = Readonly<{
  unitCode: string;
  /** Unit-local date of intake, `YYYY-MM-DD`. */
  localDate: string;
  deviceCode: string;
  sequence: number;
}>;

const SAFE = `[${SAFE_ALPHABET}]`;
const UNIT_CODE_PATTERN = new RegExp(`^${SAFE}{${UNIT_CODE_MIN_LENGTH},${UNIT_CODE_MAX_LENGTH}}$`);
const DEVICE_CODE_PATTERN = new RegExp(`^${SAFE}{${DEVICE_CODE_LENGTH}}$`);
const TRACKING_NUMBER_PATTERN = new RegExp(
  `^(${SAFE}{${UNIT_CODE_MIN_LENGTH},${UNIT_CODE_MAX_LENGTH}})-(\\d{2})(\\d{2})(\\d{2})-(${SAFE}{${DEVICE_CODE_LENGTH}})-?(\\d{${SEQUENCE_MIN_DIGITS},15})$`,
);
/** Dash look-alikes a receipt copied from a word processor may contain. */
const DASHES = /[\u2010-\u2015\u2212]/g;

export function isValidUnitCode(code: string): boolean {
  return UNIT_CODE_PATTERN.test(code);
}

export function isValidDeviceCode(code: string): boolean {
  return DEVICE_CODE_PATTERN.test(code);
}

/** What a person typed as a unit or device code, trimmed and upper-cased (not otherwise corrected). */
export function normaliseCode(text: string): string {
  return text.trim().toUpperCase();
}

function isValidSequence(sequence: number): boolean {
  return Number.isInteger(sequence) && sequence >= 1 && sequence <= MAX_SEQUENCE;
}

/** A random device code. `random` returns numbers in [0, 1), like Math.random. */
export function generateDeviceCode(random: () => number = Math.random): string {
  let code = '';
  for (let i = 0; i < DEVICE_CODE_LENGTH; i++) {
    const r = random();
    if (!(r >= 0 && r < 1)) throw new RangeError(`generateDeviceCode: random() returned ${r}, not in [0, 1)`);
    code += SAFE_ALPHABET.charAt(Math.floor(r * SAFE_ALPHABET.length));
  }
  return code;
}

/**
 * A random device code not among `taken` (the codes of the unit's other devices): rule 1 of the
 * uniqueness rule above. Throws if no free code is found after many tries.
 */
export function generateUniqueDeviceCode(
  taken: Iterable<string>,
  random: () => number = Math.random,
): string {
  const used = new Set([...taken].map(normaliseCode));
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const code = generateDeviceCode(random);
    if (!used.has(code)) return code;
  }
  throw new Error('generateUniqueDeviceCode: no free device code found');
}

/** The tracking number for `parts`. Throws a RangeError if any part is invalid. */
export function formatTrackingNumber(parts: TrackingNumberParts): string {
  const { unitCode, localDate, deviceCode, sequence } = parts;
  if (!isValidUnitCode(unitCode)) throw new RangeError(`Invalid unit code: ${JSON.stringify(unitCode)}`);
  if (!isValidDeviceCode(deviceCode))
    throw new RangeError(`Invalid device code: ${JSON.stringify(deviceCode)}`);
  if (!isIsoDate(localDate) || !localDate.startsWith('20')) {
    throw new RangeError(`Invalid local date (YYYY-MM-DD, years 2000-2099): ${JSON.stringify(localDate)}`);
  }
  if (!isValidSequence(sequence)) throw new RangeError(`Invalid sequence: ${sequence}`);
  const yymmdd = localDate.slice(2, 4) + localDate.slice(5, 7) + localDate.slice(8, 10);
  return `${unitCode}-${yymmdd}-${deviceCode}-${String(sequence).padStart(SEQUENCE_MIN_DIGITS, '0')}`;
}

/**
 * The parts of a tracking number as a person might type it: case-insensitive, with spaces around
 * the text and around the dashes ignored. Returns null for anything invalid: a wrong alphabet, an
 * impossible date (`260230`), sequence 0, or a non-canonical sequence with extra leading zeros
 * (`X7Q00042`), so that each tracking number has exactly one spelling.
 */
export function parseTrackingNumber(text: string): TrackingNumberParts | null {
  const cleaned = text
    .trim()
    .toUpperCase()
    .replace(DASHES, '-')
    .replace(/\s*-\s*/g, '-');
  const match = TRACKING_NUMBER_PATTERN.exec(cleaned);
  if (!match) return null;
  const [, unitCode = '', yy = '', mm = '', dd = '', deviceCode = '', digits = ''] = match;
  const localDate = `20${yy}-${mm}-${dd}`;
  if (!isIsoDate(localDate)) return null;
  if (digits.length > SEQUENCE_MIN_DIGITS && digits.startsWith('0')) return null;
  const sequence = Number(digits);
  if (!isValidSequence(sequence)) return null;
  return { unitCode, localDate, deviceCode, sequence };
}

/** True when `text` is a tracking number exactly as `formatTrackingNumber` writes it. */
export function isCanonicalTrackingNumber(text: string): boolean {
  const parts = parseTrackingNumber(text);
  return parts !== null && formatTrackingNumber(parts) === text;
}
