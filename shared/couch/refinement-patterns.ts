/**
 * Zod refinements (`.refine(fn)`) are code, which JSON Schema cannot carry. The ones the
 * documents use for their ids and codes are predicates exported from shared/; this module gives
 * each a regular expression for the server's validator, so those fields are checked on the server
 * too. Every pattern accepts at least what its predicate accepts (tested in
 * ./refinement-patterns.test.ts): the server may be looser than the app, never stricter, so a
 * document the app wrote is never refused for a field the app accepted.
 *
 * Every pattern here is exact (the test checks each against its predicate, dates exhaustively):
 *   unit code, device code                  exact
 *   tracking number                         exact: its YYMMDD is a real day of 2000–2099
 *   ISO date                                exact: a real calendar day of years 0001–9999, month
 *                                            lengths and leap years (2028-02-29 yes, 2027-02-29,
 *                                            2027-02-30 and 2026-13-01 no)
 *   optional ISO date                       exact: '' or an ISO date
 *   ISO instant                             exact: the same for its date (years 0000–9999, as
 *                                            `toISOString` writes them), hours 00–23
 *   non-blank text                          exact: `\S`, i.e. `text.trim() !== ''`
 *
 * A whole-document refinement may map to a JSON Schema fragment instead (REFINEMENT_SCHEMAS):
 *   anonymousHasNoIdentity                  exact: an anonymous complaint has `reporterId` null
 *                                            and only `lampiran-<n>.<ext>` file names
 *   isReporterFieldList                     exact: one of the 31 non-empty lists of reporter
 *                                            field names, each once, in their order
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
import { ANONYMOUS_ATTACHMENT_NAME_PATTERN } from '../complaint/attachment-types';
import { IDENTIFIED_PRIVACY_MODES, anonymousHasNoIdentity } from '../complaint/complaint-schema';
import { REPORTER_FIELD_NAMES, isReporterFieldList } from '../complaint/reporter-fields';
import { isIsoInstant } from '../time/iso-instant';
import { isIsoDate, isOptionalIsoDate } from '../time/local-date';
import type { Json } from './canonical-json';

const SAFE = `[${SAFE_ALPHABET}]`;
/** Four-digit leap years of the proleptic Gregorian calendar (0000, 0004, …, 1996, 2000, 2004, …; not 1900). */
const LEAP_YEAR = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
/** A month and day that exist in every year (everything but 29 February), with separator `sep`. */
const monthDay = (sep: string): string =>
  `(?:(?:0[13578]|1[02])${sep}(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)${sep}(?:0[1-9]|[12]\\d|30)|02${sep}(?:0[1-9]|1\\d|2[0-8]))`;
/** A real calendar day `YYYY-MM-DD` of the years 0000–9999. */
const DATE = `(?:\\d{4}-${monthDay('-')}|${LEAP_YEAR}-02-29)`;
/** A real calendar day `YYMMDD` of the years 2000–2099 (leap years: YY divisible by 4, 2000 included). */
const YYMMDD = `(?:\\d{2}${monthDay('')}|(?:[02468][048]|[13579][26])0229)`;
/** Canonical sequences: exactly 4 digits (not 0000), or 5–15 digits without a leading zero. */
const SEQUENCE = '(?:(?!0000)\\d{4}|[1-9]\\d{4,14})';

export const UNIT_CODE_PATTERN = `^${SAFE}{${UNIT_CODE_MIN_LENGTH},${UNIT_CODE_MAX_LENGTH}}$`;
export const DEVICE_CODE_PATTERN = `^${SAFE}{${DEVICE_CODE_LENGTH}}$`;
export const TRACKING_NUMBER_PATTERN = `^${SAFE}{${UNIT_CODE_MIN_LENGTH},${UNIT_CODE_MAX_LENGTH}}-${YYMMDD}-${SAFE}{${DEVICE_CODE_LENGTH}}-${SEQUENCE}$`;
/** Years 0001–9999, as isIsoDate (year 0000 is not a date there). */
export const ISO_DATE_PATTERN = `^(?!0000)${DATE}$`;
/** '' or an ISO date, as isOptionalIsoDate. */
export const OPTIONAL_ISO_DATE_PATTERN = `^(?:(?!0000)${DATE})?$`;
export const ISO_INSTANT_PATTERN = `^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$`;
export const NON_BLANK_PATTERN = '\\S';

/** The exported predicates the document schemas refine with, and their server-side patterns. */
export const PREDICATE_PATTERNS: ReadonlyMap<unknown, string> = new Map<unknown, string>([
  [isValidUnitCode, UNIT_CODE_PATTERN],
  [isValidDeviceCode, DEVICE_CODE_PATTERN],
  [isCanonicalTrackingNumber, TRACKING_NUMBER_PATTERN],
  [isIsoDate, ISO_DATE_PATTERN],
  [isOptionalIsoDate, OPTIONAL_ISO_DATE_PATTERN],
  [isIsoInstant, ISO_INSTANT_PATTERN],
]);

/** Every non-empty sublist of `names`, each keeping the order of `names`. */
function orderedSublists(names: readonly string[]): string[][] {
  const lists: string[][] = [];
  for (let mask = 1; mask < 2 ** names.length; mask++) {
    lists.push(names.filter((_, at) => (mask & (2 ** at)) !== 0));
  }
  return lists;
}

/**
 * Whole-document (or whole-field) refinements and the JSON Schema that says the same (added to
 * the node's schema under `allOf`). `anyOf` lists the anonymous case first, so that the server's refusal
 * names what is wrong with an anonymous complaint (`reporterId must be null`, a file name's form).
 */
export const REFINEMENT_SCHEMAS: ReadonlyMap<unknown, Json> = new Map<unknown, Json>([
  [
    anonymousHasNoIdentity,
    {
      anyOf: [
        {
          properties: {
            reporterId: { type: 'null' },
            attachments: {
              items: { properties: { name: { pattern: ANONYMOUS_ATTACHMENT_NAME_PATTERN.source } } },
            },
          },
        },
        { properties: { privacyMode: { enum: [...IDENTIFIED_PRIVACY_MODES] } } },
      ],
    },
  ],
  // A reporter-corrected event's field names: the server's validator compares arrays by value.
  [isReporterFieldList, { enum: orderedSublists(REPORTER_FIELD_NAMES) }],
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
