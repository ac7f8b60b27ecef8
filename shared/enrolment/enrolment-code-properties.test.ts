/**
 * Hostile input to the enrolment code reader (`parseEnrolmentCode`), 10,000 generated inputs per
 * property, seeded (../testing/hostile-input.fixtures): arbitrary strings (control and
 * bidirectional characters, lone surrogates, huge ones) and real codes with one character
 * changed, inserted, deleted or swapped. It never throws; a refusal carries a known message key
 * with Indonesian and English text; and it accepts only valid codes: what it accepts is written
 * back by `formatEnrolmentCode` to a code that reads the same, with a valid unit, device, password
 * and server address. Reading a code stores nothing (the join form sends an accepted one only).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAFE_ALPHABET, isValidDeviceCode, isValidUnitCode } from '../ids/tracking-number';
import { VALIDATION_MESSAGES, isMessageKey } from '../messages/validation-messages';
import { normalizeServerUrl } from '../sync/sync-config';
import {
  HOSTILE_RUNS,
  HOSTILE_TIMEOUT_MS,
  hostileRuns,
  hugeText,
  nastyText,
} from '../testing/hostile-input.fixtures';
import { formatEnrolmentCode, isOneTimePassword, parseEnrolmentCode, type Enrolment } from './enrolment-code';

const NOW = new Date('2026-12-06T10:00:00.000Z');

const code = (alphabetLength: number, min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0, max: alphabetLength - 1 }), { minLength: min, maxLength: max })
    .map((indexes) => indexes.map((i) => SAFE_ALPHABET.charAt(i)).join(''));

/** A valid enrolment (some expired at NOW). */
const enrolment: fc.Arbitrary<Enrolment> = fc.record({
  serverUrl: fc.constantFrom(
    'https://pusat.example.go.id',
    'http://127.0.0.1:5984',
    'https://aduan.kotakembang.go.id/couch',
  ),
  unitCode: code(SAFE_ALPHABET.length, 2, 10),
  deviceCode: code(SAFE_ALPHABET.length, 3, 3),
  password: code(SAFE_ALPHABET.length, 16, 16),
  expiresAt: fc
    .integer({
      min: Date.parse('2026-01-01T00:00:00Z') / 60_000,
      max: Date.parse('2028-12-31T00:00:00Z') / 60_000,
    })
    .map((minute) => new Date(minute * 60_000).toISOString()),
});

type Edited = Readonly<{
  text: string;
  original: Enrolment;
  edit: 'change' | 'insert' | 'delete' | 'swap';
  by: string;
}>;

/** A real code with one edit: a character changed, inserted, deleted or two neighbours swapped. */
const editedCode: fc.Arbitrary<Edited> = fc
  .tuple(
    enrolment,
    fc.nat(),
    fc.constantFrom('change' as const, 'insert' as const, 'delete' as const, 'swap' as const),
    fc.oneof(
      fc.constantFrom(...SAFE_ALPHABET.split(''), '-', '@', ' ', '\u202e', '\u0000', '\ud800'),
      nastyText,
    ),
  )
  .map(([original, position, edit, by]) => {
    const written = formatEnrolmentCode(original);
    const at = position % written.length;
    const text =
      edit === 'change'
        ? written.slice(0, at) + by + written.slice(at + 1)
        : edit === 'insert'
          ? written.slice(0, at) + by + written.slice(at)
          : edit === 'delete'
            ? written.slice(0, at) + written.slice(at + 1)
            : written.slice(0, at) + written.charAt(at + 1) + written.charAt(at) + written.slice(at + 2);
    return { text, original, edit, by };
  });

/** Checks one text: no throw, a known message, and only a valid code accepted. */
function checkCode(text: string): boolean {
  const parsed = parseEnrolmentCode(text, NOW);
  if (!parsed.ok) {
    expect(isMessageKey(parsed.problem.key), parsed.problem.key).toBe(true);
    expect(VALIDATION_MESSAGES[parsed.problem.key].id).not.toBe('');
    expect(VALIDATION_MESSAGES[parsed.problem.key].en).not.toBe('');
    return false;
  }
  const { value } = parsed;
  expect(isValidUnitCode(value.unitCode)).toBe(true);
  expect(isValidDeviceCode(value.deviceCode)).toBe(true);
  expect(isOneTimePassword(value.password)).toBe(true);
  expect(normalizeServerUrl(value.serverUrl)).toBe(value.serverUrl);
  expect(Date.parse(value.expiresAt)).toBeGreaterThan(NOW.getTime());
  const again = parseEnrolmentCode(formatEnrolmentCode(value), NOW);
  expect(again).toEqual({ ok: true, value });
  return true;
}

describe('parseEnrolmentCode under hostile input', () => {
  it(
    `never throws on ${HOSTILE_RUNS.toLocaleString('en-US')} arbitrary strings, and accepts none of them`,
    () => {
      fc.assert(
        fc.property(fc.oneof(nastyText, hugeText, fc.string({ unit: 'binary' })), (text) => {
          expect(checkCode(text)).toBe(false);
        }),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    `refuses ${HOSTILE_RUNS.toLocaleString('en-US')} real codes with one edit unless the edit is harmless`,
    () => {
      fc.assert(
        fc.property(editedCode, ({ text, original, edit, by }) => {
          const accepted = checkCode(text);
          // The check characters catch every single changed character and every swap of
          // neighbours (an insertion or deletion, which a space in place of a character is, only
          // with high probability): what passes then is the same code (a lower-case letter, a dash
          // look-alike, swapped equal characters).
          if (accepted && (edit === 'swap' || (edit === 'change' && by.length === 1 && by.trim() !== ''))) {
            expect(parseEnrolmentCode(text, NOW)).toEqual({ ok: true, value: original });
          }
        }),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    `reads back every valid code it writes (${HOSTILE_RUNS.toLocaleString('en-US')} codes)`,
    () => {
      fc.assert(
        fc.property(enrolment, (value) => {
          const parsed = parseEnrolmentCode(formatEnrolmentCode(value));
          expect(parsed).toEqual({ ok: true, value });
        }),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );
});
