/**
 * Each server-side pattern accepts everything its app-side predicate accepts (so the server never
 * refuses what the app wrote), and is exact where ./refinement-patterns says so: dates are
 * compared with isIsoDate for every day of 1900–2199 and for the month ends of every year
 * 0000–9999, tracking numbers for every YYMMDD.
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
import { isIsoDate, isOptionalIsoDate } from '../time/local-date';
import { anonymousHasNoIdentity } from '../complaint/complaint-schema';
import { REPORTER_FIELD_NAMES, isReporterFieldList } from '../complaint/reporter-fields';
import {
  DEVICE_CODE_PATTERN,
  ISO_DATE_PATTERN,
  ISO_INSTANT_PATTERN,
  NON_BLANK_PATTERN,
  OPTIONAL_ISO_DATE_PATTERN,
  REFINEMENT_SCHEMAS,
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

  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  /** Every `YYYY-MM-DD` text of `years` with month 00–13 and day 00–32 (valid and not). */
  function* dateTexts(years: Iterable<number>): Generator<string> {
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) yield `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
      }
    }
  }
  const range = (from: number, to: number): number[] =>
    Array.from({ length: to - from + 1 }, (_, index) => from + index);

  it('ISO dates: exactly the real calendar days, for every day of 1900–2199', () => {
    const pattern = new RegExp(ISO_DATE_PATTERN);
    let valid = 0;
    for (const text of dateTexts(range(1900, 2199))) {
      if (pattern.test(text) !== isIsoDate(text)) expect.fail(`${text}: pattern and isIsoDate disagree`);
      if (isIsoDate(text)) valid++;
    }
    // 300 years of 365 days, plus the leap days (73 leap years: 1904…2196 minus 1900, 2100).
    expect(valid).toBe(300 * 365 + 73);
    for (const text of ['2028-02-29', '2000-02-29', '2026-12-31'])
      expect(pattern.test(text), text).toBe(true);
    for (const text of ['2027-02-29', '2027-02-30', '2026-13-01', '1900-02-29', '2100-02-29', '2026-04-31']) {
      expect(pattern.test(text), text).toBe(false);
    }
  });

  it('optional ISO dates: exactly "" and the real calendar days', () => {
    const pattern = new RegExp(OPTIONAL_ISO_DATE_PATTERN);
    for (const text of ['', ...dateTexts(range(1999, 2001)), '0000-01-01', ' ', '2026-11-23 ']) {
      if (pattern.test(text) !== isOptionalIsoDate(text)) expect.fail(`${JSON.stringify(text)}: disagree`);
    }
  });

  it('ISO dates: exact at the month ends of every year 0000–9999', () => {
    const pattern = new RegExp(ISO_DATE_PATTERN);
    const days = ['00', '01', '28', '29', '30', '31', '32'];
    for (let year = 0; year <= 9999; year++) {
      for (let month = 0; month <= 13; month++) {
        for (const day of days) {
          const text = `${pad(year, 4)}-${pad(month)}-${day}`;
          if (pattern.test(text) !== isIsoDate(text)) expect.fail(`${text}: pattern and isIsoDate disagree`);
        }
      }
    }
  });

  it('ISO instants: exact for the dates (every day of 1900–2199, 29 February of every year)', () => {
    const pattern = new RegExp(ISO_INSTANT_PATTERN);
    const check = (text: string): void => {
      if (pattern.test(text) !== isIsoInstant(text))
        expect.fail(`${text}: pattern and isIsoInstant disagree`);
    };
    for (const date of dateTexts(range(1900, 2199))) check(`${date}T23:59:59.999Z`);
    for (let year = 0; year <= 9999; year++) check(`${pad(year, 4)}-02-29T00:00:00.000Z`);
    for (const time of ['24:00:00.000', '23:60:00.000', '23:59:60.000', '00:00:00.00', '7:00:00.000']) {
      check(`2026-11-23T${time}Z`);
    }
  });

  it('tracking numbers: exact for every YYMMDD of 2000–2099', () => {
    const pattern = new RegExp(TRACKING_NUMBER_PATTERN);
    for (let yy = 0; yy <= 99; yy++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `KTB-${pad(yy)}${pad(month)}${pad(day)}-X7Q-0042`;
          if (pattern.test(text) !== isCanonicalTrackingNumber(text)) {
            expect.fail(`${text}: pattern and isCanonicalTrackingNumber disagree`);
          }
        }
      }
    }
  });

  it('maps the anonymous-complaint refinement to a JSON Schema fragment', () => {
    expect(REFINEMENT_SCHEMAS.get(anonymousHasNoIdentity)).toMatchObject({
      anyOf: expect.any(Array) as unknown,
    });
  });

  it('maps the reporter field list refinement to exactly the lists it accepts', () => {
    const fragment = REFINEMENT_SCHEMAS.get(isReporterFieldList) as { enum: string[][] };
    const listed = new Set(fragment.enum.map((list) => JSON.stringify(list)));
    expect(listed.size).toBe(31);
    const name = fc.constantFrom(...REPORTER_FIELD_NAMES, 'religion', '0812');
    fc.assert(
      fc.property(fc.array(name, { maxLength: 6 }), (list) => {
        expect(listed.has(JSON.stringify(list)), JSON.stringify(list)).toBe(isReporterFieldList(list));
      }),
      { numRuns: 2000 },
    );
    for (const list of fragment.enum) expect(isReporterFieldList(list), JSON.stringify(list)).toBe(true);
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
