/**
 * Each server-side pattern accepts everything its app-side predicate accepts (so the server never
 * refuses what the app wrote), and is exact where ./refinement-patterns says so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SAFE_ALPHABET,
  formatTrackingNumber,
  isCanonicalTrackingNumber,
  isValidDeviceCode,
  isValidUnitCode,
} from '../ids/tracking-number';
import { isIsoInstant } from '../time/iso-instant';
import { isIsoDate } from '../time/local-date';
import {
  DEVICE_CODE_PATTERN,
  ISO_DATE_PATTERN,
  ISO_INSTANT_PATTERN,
  NON_BLANK_PATTERN,
  TRACKING_NUMBER_PATTERN,
  UNIT_CODE_PATTERN,
  behavesAsNonBlank,
} from './refinement-patterns';

const matches = (pattern: string) => (text: string) => new RegExp(pattern).test(text);
const safeChar = fc.constantFrom(...SAFE_ALPHABET.split(''));
const codeLike = fc.string({ unit: fc.constantFrom(...`${SAFE_ALPHABET}aO01-: `.split('')), maxLength: 12 });
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00.000Z'),
  max: new Date('2099-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

describe('server-side patterns', () => {
  it('unit and device codes: exact', () => {
    fc.assert(fc.property(codeLike, (text) => matches(UNIT_CODE_PATTERN)(text) === isValidUnitCode(text)));
    fc.assert(
      fc.property(codeLike, (text) => matches(DEVICE_CODE_PATTERN)(text) === isValidDeviceCode(text)),
    );
  });

  it('tracking numbers: every canonical one matches; non-canonical spellings do not', () => {
    const parts = fc.record({
      unitCode: fc.array(safeChar, { minLength: 2, maxLength: 10 }).map((chars) => chars.join('')),
      localDate: instant.map((date) => date.toISOString().slice(0, 10)),
      deviceCode: fc.array(safeChar, { minLength: 3, maxLength: 3 }).map((chars) => chars.join('')),
      sequence: fc.oneof(
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 1, max: 999_999_999_999_999 }),
      ),
    });
    fc.assert(
      fc.property(parts, (value) => {
        const text = formatTrackingNumber(value);
        expect(isCanonicalTrackingNumber(text)).toBe(true);
        expect(matches(TRACKING_NUMBER_PATTERN)(text)).toBe(true);
      }),
    );
    for (const text of [
      'KTB-261123-X7Q-0000',
      'KTB-261123-X7Q-00042',
      'KTB-261123-X7Q0042',
      'KTB-261323-X7Q-0042',
      'ktb-261123-X7Q-0042',
    ]) {
      expect(matches(TRACKING_NUMBER_PATTERN)(text), text).toBe(false);
    }
  });

  it('ISO dates and instants: every valid one matches, and what matches has the right shape', () => {
    fc.assert(
      fc.property(instant, (date) => {
        const iso = date.toISOString();
        expect(isIsoInstant(iso) && matches(ISO_INSTANT_PATTERN)(iso)).toBe(true);
        expect(isIsoDate(iso.slice(0, 10)) && matches(ISO_DATE_PATTERN)(iso.slice(0, 10))).toBe(true);
      }),
    );
    for (const text of ['2026-13-01', '2026-00-10', '2026-1-01', '26-11-23', '2026-11-23 ']) {
      expect(matches(ISO_DATE_PATTERN)(text), text).toBe(false);
    }
    expect(matches(ISO_INSTANT_PATTERN)('2026-11-23T03:04:05Z')).toBe(false);
    expect(matches(ISO_INSTANT_PATTERN)('2026-11-23T24:00:00.000Z')).toBe(false);
  });

  it('non-blank: \\S is exactly trim() !== ""', () => {
    const text = fc.string({
      unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', 'a', '.'),
    });
    fc.assert(fc.property(text, (value) => matches(NON_BLANK_PATTERN)(value) === (value.trim() !== '')));
    expect(behavesAsNonBlank((value) => value.trim() !== '')).toBe(true);
    expect(behavesAsNonBlank((value) => value.length > 0)).toBe(false);
    expect(behavesAsNonBlank(() => true)).toBe(false);
  });
});
