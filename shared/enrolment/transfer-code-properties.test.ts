/**
 * Hostile input to the unit key's transfer code reader (`parseTransferCode`), 10,000 generated
 * inputs per property, seeded (../testing/hostile-input.fixtures): arbitrary strings (control and
 * bidirectional characters, lone surrogates, huge ones) and real codes with one character
 * changed, inserted, deleted or two neighbours swapped. It never throws; a refusal carries a known
 * message key with Indonesian and English text; it accepts only valid codes (a unit code and a
 * 14-character secret that `formatTransferCode` writes back to a code read the same), and a single
 * changed character or a swap of neighbours is always caught. Reading a code stores nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAFE_ALPHABET, isValidUnitCode } from '../ids/tracking-number';
import { VALIDATION_MESSAGES, isMessageKey } from '../messages/validation-messages';
import {
  HOSTILE_RUNS,
  HOSTILE_TIMEOUT_MS,
  hostileRuns,
  hugeText,
  nastyText,
} from '../testing/hostile-input.fixtures';
import {
  TRANSFER_SECRET_LENGTH,
  formatTransferCode,
  normaliseTransferCode,
  parseTransferCode,
  type TransferCode,
} from './transfer-code';

const safe = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0, max: SAFE_ALPHABET.length - 1 }), { minLength: min, maxLength: max })
    .map((indexes) => indexes.map((i) => SAFE_ALPHABET.charAt(i)).join(''));

const transferCode: fc.Arbitrary<TransferCode> = fc.record({
  unitCode: safe(2, 10),
  secret: safe(TRANSFER_SECRET_LENGTH, TRANSFER_SECRET_LENGTH),
});

function checkCode(text: string, deviceUnit?: string): TransferCode | null {
  const parsed = parseTransferCode(text, deviceUnit);
  if (!parsed.ok) {
    const key: string = parsed.problem.key;
    expect(isMessageKey(key), key).toBe(true);
    if (isMessageKey(key)) {
      expect(VALIDATION_MESSAGES[key].id).not.toBe('');
      expect(VALIDATION_MESSAGES[key].en).not.toBe('');
    }
    return null;
  }
  const { value } = parsed;
  expect(isValidUnitCode(value.unitCode)).toBe(true);
  expect(value.secret).toMatch(new RegExp(`^[${SAFE_ALPHABET}]{${TRANSFER_SECRET_LENGTH}}$`));
  expect(parseTransferCode(formatTransferCode(value))).toEqual({ ok: true, value });
  return value;
}

describe('parseTransferCode under hostile input', () => {
  it(
    `never throws on ${HOSTILE_RUNS.toLocaleString('en-US')} arbitrary strings, and accepts none`,
    () => {
      fc.assert(
        fc.property(
          fc.oneof(nastyText, hugeText, fc.string({ unit: 'binary' })),
          fc.option(safe(2, 10)),
          (text, unit) => {
            expect(checkCode(text, unit ?? undefined)).toBeNull();
          },
        ),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    `catches every single changed character and swap in ${HOSTILE_RUNS.toLocaleString('en-US')} real codes`,
    () => {
      fc.assert(
        fc.property(
          transferCode,
          fc.nat(),
          fc.constantFrom('change' as const, 'insert' as const, 'delete' as const, 'swap' as const),
          fc.oneof(
            fc.constantFrom(...SAFE_ALPHABET.split(''), '-', ' ', '\u202e', '\u0000', '\ud800'),
            nastyText,
          ),
          (original, position, edit, by) => {
            const written = formatTransferCode(original);
            const at = position % written.length;
            const text =
              edit === 'change'
                ? written.slice(0, at) + by + written.slice(at + 1)
                : edit === 'insert'
                  ? written.slice(0, at) + by + written.slice(at)
                  : edit === 'delete'
                    ? written.slice(0, at) + written.slice(at + 1)
                    : written.slice(0, at) +
                      written.charAt(at + 1) +
                      written.charAt(at) +
                      written.slice(at + 2);
            const value = checkCode(text);
            // A dash or a space in place of a character is a deletion, a letter in place of a dash
            // an insertion: each caught only with high probability (1 in 31 passes, as another code).
            const oneCharacter =
              edit === 'swap' ||
              (edit === 'change' && normaliseTransferCode(by).length === 1 && written.charAt(at) !== '-');
            if (value !== null && oneCharacter) expect(value).toEqual(original);
          },
        ),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    `reads back every code it writes (${HOSTILE_RUNS.toLocaleString('en-US')} codes), and refuses another unit's`,
    () => {
      fc.assert(
        fc.property(transferCode, (code) => {
          expect(parseTransferCode(formatTransferCode(code))).toEqual({ ok: true, value: code });
          expect(parseTransferCode(formatTransferCode(code).toLowerCase(), code.unitCode)).toEqual({
            ok: true,
            value: code,
          });
          const other = code.unitCode === 'ZZ' ? 'YY' : 'ZZ';
          const refused = parseTransferCode(formatTransferCode(code), other);
          expect(refused.ok).toBe(false);
        }),
        hostileRuns,
      );
    },
    HOSTILE_TIMEOUT_MS,
  );
});
