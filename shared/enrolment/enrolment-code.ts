/**
 * The device enrolment code: one line a manager can type or paste to connect a device to its
 * unit on the central server (docs/central.md, "Device accounts"). `central device add` makes it;
 * "Gabung unit" reads it.
 *
 *   MA1-KTB-K23-ABCD-EFGH-JKMN-PQRS-2612091446-X7@https://pusat.example.go.id
 *   │   │   │   └ one-time password ┘ │          │  └ the server address (normalizeServerUrl)
 *   │   │   └ device code            │          └ check: 2 characters of SAFE_ALPHABET
 *   │   └ unit code                  └ expiry, UTC, YYMMDDHHmm
 *   └ format version 1
 *
 * The one-time password is 16 characters of SAFE_ALPHABET (~79 bits; no 0/O or 1/I/L to misread),
 * in four groups. The check is a weighted sum of every character code of the line (without the
 * check group) modulo the prime 953 (< 31², so it fits two characters): each weight is the
 * position + 1, so one wrong character (weight w, difference 1–127, both below 953) and one swap
 * of two neighbours (difference times 1) always change the sum. Letters before the `@` are read
 * case-insensitively; spaces and line breaks (a code split when pasted) and dash look-alikes are
 * forgiven. Pure code: no clock, no randomness (the caller passes `now` and the password).
 */
import {
  DEVICE_CODE_LENGTH,
  SAFE_ALPHABET,
  isValidDeviceCode,
  isValidUnitCode,
} from '../ids/tracking-number';
import type { MessageKey, MessageParams } from '../messages/validation-messages';
import { normalizeServerUrl } from '../sync/sync-config';

export const ENROLMENT_VERSION = 'MA1';
export const ONE_TIME_PASSWORD_LENGTH = 16;
const GROUP = 4;
const CHECK_MODULUS = 953;

export type Enrolment = Readonly<{
  serverUrl: string;
  unitCode: string;
  deviceCode: string;
  /** The one-time password, 16 characters of SAFE_ALPHABET, without dashes. */
  password: string;
  /** The expiry as an ISO instant on a whole minute (UTC). */
  expiresAt: string;
}>;

export type EnrolmentProblem = Readonly<{ key: MessageKey; params?: MessageParams }>;

/** A one-time password from `random` (numbers in [0, 1), like crypto-backed `randomInt / n`). */
export function oneTimePassword(random: () => number): string {
  let password = '';
  for (let i = 0; i < ONE_TIME_PASSWORD_LENGTH; i++) {
    const r = random();
    if (!(r >= 0 && r < 1)) throw new RangeError(`oneTimePassword: random() returned ${r}, not in [0, 1)`);
    password += SAFE_ALPHABET.charAt(Math.floor(r * SAFE_ALPHABET.length));
  }
  return password;
}

export function isOneTimePassword(text: string): boolean {
  return new RegExp(`^[${SAFE_ALPHABET}]{${ONE_TIME_PASSWORD_LENGTH}}$`).test(text);
}

function checkValue(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + (i + 1) * text.charCodeAt(i)) % CHECK_MODULUS;
  return sum;
}

function checkCharacters(text: string): string {
  const value = checkValue(text);
  const base = SAFE_ALPHABET.length;
  return SAFE_ALPHABET.charAt(Math.floor(value / base)) + SAFE_ALPHABET.charAt(value % base);
}

/** `2026-12-09T14:46:00.000Z` → `2612091446` (UTC, minutes). */
function expiryDigits(iso: string): string {
  const date = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 2000 || year > 2099) {
    throw new RangeError(`Enrolment expiry out of range: ${JSON.stringify(iso)}`);
  }
  return (
    two(year % 100) +
    two(date.getUTCMonth() + 1) +
    two(date.getUTCDate()) +
    two(date.getUTCHours()) +
    two(date.getUTCMinutes())
  );
}

/** `2612091446` → the ISO instant, or null when not a real UTC minute. */
function expiryInstant(digits: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(digits);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(2000 + year, month - 1, day, hour, minute));
  if (
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute
  ) {
    return null;
  }
  return date.toISOString();
}

/** The enrolment code of `enrolment` (expiry rounded down to its minute). */
export function formatEnrolmentCode(enrolment: Enrolment): string {
  const serverUrl = normalizeServerUrl(enrolment.serverUrl);
  if (serverUrl === null)
    throw new RangeError(`Not a server address: ${JSON.stringify(enrolment.serverUrl)}`);
  if (!isValidUnitCode(enrolment.unitCode)) throw new RangeError(`Invalid unit code: ${enrolment.unitCode}`);
  if (!isValidDeviceCode(enrolment.deviceCode))
    throw new RangeError(`Invalid device code: ${enrolment.deviceCode}`);
  if (!isOneTimePassword(enrolment.password)) throw new RangeError('Not a one-time password');
  const groups = enrolment.password.match(new RegExp(`.{${GROUP}}`, 'g')) ?? [];
  const head = [
    ENROLMENT_VERSION,
    enrolment.unitCode,
    enrolment.deviceCode,
    ...groups,
    expiryDigits(enrolment.expiresAt),
  ].join('-');
  const check = checkCharacters(`${head}@${serverUrl}`);
  return `${head}-${check}@${serverUrl}`;
}

/**
 * Reads an enrolment code as typed or pasted. `now` given: an expired code is refused too (the
 * server refuses it anyway; this says so before any request).
 */
export function parseEnrolmentCode(
  text: string,
  now?: Date,
): { ok: true; value: Enrolment } | { ok: false; problem: EnrolmentProblem } {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return { ok: false, problem: { key: 'enrolment.code.required' } };
  const at = compact.indexOf('@');
  if (at < 0) return { ok: false, problem: { key: 'enrolment.code.malformed' } };
  const head = compact
    .slice(0, at)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toUpperCase();
  const url = compact.slice(at + 1);
  const parts = head.split('-');
  const passwordGroups = ONE_TIME_PASSWORD_LENGTH / GROUP;
  if (parts.length !== 5 + passwordGroups || parts[0] !== ENROLMENT_VERSION) {
    return { ok: false, problem: { key: 'enrolment.code.malformed' } };
  }
  const [, unitCode = '', deviceCode = ''] = parts;
  const password = parts.slice(3, 3 + passwordGroups).join('');
  const expiry = parts[3 + passwordGroups] ?? '';
  const check = parts[4 + passwordGroups] ?? '';
  const typo = { ok: false as const, problem: { key: 'enrolment.code.checksum' as const } };
  const expiresAt = expiryInstant(expiry);
  if (
    !isValidUnitCode(unitCode) ||
    deviceCode.length !== DEVICE_CODE_LENGTH ||
    !isValidDeviceCode(deviceCode) ||
    !isOneTimePassword(password) ||
    parts.slice(3, 3 + passwordGroups).some((group) => group.length !== GROUP) ||
    expiresAt === null ||
    check.length !== 2
  ) {
    return typo;
  }
  const withoutCheck = `${parts.slice(0, 4 + passwordGroups).join('-')}@${url}`;
  if (checkCharacters(withoutCheck) !== check) return typo;
  const serverUrl = normalizeServerUrl(url);
  if (serverUrl === null || serverUrl !== url)
    return { ok: false, problem: { key: 'enrolment.code.serverUrl' } };
  if (now && now.getTime() >= Date.parse(expiresAt)) {
    return { ok: false, problem: { key: 'enrolment.code.expired', params: { expiresAt } } };
  }
  return { ok: true, value: { serverUrl, unitCode, deviceCode, password, expiresAt } };
}
