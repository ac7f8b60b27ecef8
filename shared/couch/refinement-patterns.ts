/**
 * Zod refinements (`.refine(fn)`) are code, which JSON Schema cannot carry. The ones the
 * documents use for their ids and codes are predicates exported from shared/; this module gives
 * each a regular expression for the server's validator, so those fields are checked on the server
 * too. Every pattern accepts at least what its predicate accepts (tested in
 * ./refinement-patterns.test.ts): the server may be looser than the app, never stricter, so a
 * document the app wrote is never refused for a field the app accepted.
 *
 * A pattern is exact or a superset:
 *   unit code, device code                  exact
 *   tracking number                         superset: the date is checked per field (month 01–12,
 *                                            day 01–31), not as a calendar day
 *   ISO date, ISO instant                   superset: same (2026-02-30 passes the server)
 *   non-blank text                          exact: `\S`, i.e. `text.trim() !== ''`
 *
 * Patterns are ES5 regular expressions (no flags, no lookbehind, no named groups): they run in
 * CouchDB's JavaScript engine.
 */
import {
  DEVICE_CODE_LENGTH,
  SAFE_ALPHABET,
  UNIT_CODE_MAX_LENGTH,
  UNIT_CODE_MIN_LENGTH,
  isCanonicalTrackingNumber,
  isValidDeviceCode,
  isValidUnitCode,
} from '../ids/tracking-number';
import { isIsoInstant } from '../time/iso-instant';
import { isIsoDate } from '../time/local-date';

const SAFE = `[${SAFE_ALPHABET}]`;
const DATE = '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
const YYMMDD = '\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
/** Canonical sequences: exactly 4 digits (not 0000), or 5–15 digits without a leading zero. */
const SEQUENCE = '(?:(?!0000)\\d{4}|[1-9]\\d{4,14})';

export const UNIT_CODE_PATTERN = `^${SAFE}{${UNIT_CODE_MIN_LENGTH},${UNIT_CODE_MAX_LENGTH}}$`;
export const DEVICE_CODE_PATTERN = `^${SAFE}{${DEVICE_CODE_LENGTH}}$`;
export const TRACKING_NUMBER_PATTERN = `^${SAFE}{${UNIT_CODE_MIN_LENGTH},${UNIT_CODE_MAX_LENGTH}}-${YYMMDD}-${SAFE}{${DEVICE_CODE_LENGTH}}-${SEQUENCE}$`;
export const ISO_DATE_PATTERN = `^${DATE}$`;
export const ISO_INSTANT_PATTERN = `^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$`;
export const NON_BLANK_PATTERN = '\\S';

/** The exported predicates the document schemas refine with, and their server-side patterns. */
export const PREDICATE_PATTERNS: ReadonlyMap<unknown, string> = new Map<unknown, string>([
  [isValidUnitCode, UNIT_CODE_PATTERN],
  [isValidDeviceCode, DEVICE_CODE_PATTERN],
  [isCanonicalTrackingNumber, TRACKING_NUMBER_PATTERN],
  [isIsoDate, ISO_DATE_PATTERN],
  [isIsoInstant, ISO_INSTANT_PATTERN],
]);

/**
 * True when `fn` behaves as "has a non-whitespace character" (`text.trim() !== ''`) on probe
 * values. The schemas write that rule as local arrow functions, which cannot be matched by
 * identity. The probes cover the whitespace `trim()` removes, which is exactly what `\S` sees.
 */
export function behavesAsNonBlank(fn: (value: string) => unknown): boolean {
  try {
    const blank = ['', ' ', '   ', '\t\n', '\u00a0'];
    const filled = ['a', ' a ', 'x\ny', '1', 'Ä'];
    return blank.every((text) => !fn(text)) && filled.every((text) => fn(text) === true);
  } catch {
    return false;
  }
}
