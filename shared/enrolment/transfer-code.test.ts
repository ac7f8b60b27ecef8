import { describe, expect, it } from 'vitest';
import { SAFE_ALPHABET } from '../ids/tracking-number';
import {
  TRANSFER_SECRET_LENGTH,
  formatTransferCode,
  normaliseTransferCode,
  parseTransferCode,
  transferSecret,
} from './transfer-code';

const code = { unitCode: 'KTB', secret: 'ABCDEFGHJKMNPQ' };

function bytesFrom(values: readonly number[]): (count: number) => Uint8Array {
  let at = 0;
  return (count) => Uint8Array.from({ length: count }, () => values[at++ % values.length] ?? 0);
}

describe('transfer code', () => {
  it('is the unit code and 14 secret characters with one check character, in groups of five', () => {
    const text = formatTransferCode(code);
    expect(text).toMatch(new RegExp(`^KTB-ABCDE-FGHJK-MNPQ[${SAFE_ALPHABET}]$`));
    expect(parseTransferCode(text)).toEqual({ ok: true, value: code });
  });

  it('holds at least 60 bits of secret', () => {
    expect(TRANSFER_SECRET_LENGTH * Math.log2(SAFE_ALPHABET.length)).toBeGreaterThanOrEqual(60);
  });

  it('makes secrets of the alphabet only, without bias from bytes at or above 248', () => {
    const secret = transferSecret(bytesFrom([255, 248, 0, 30, 31, 247]));
    expect(secret).toHaveLength(TRANSFER_SECRET_LENGTH);
    expect(secret).toBe('A9A9A9A9A9A9A9');
    const real = transferSecret((n) => globalThis.crypto.getRandomValues(new Uint8Array(n)));
    expect(real).toMatch(new RegExp(`^[${SAFE_ALPHABET}]{14}$`));
    expect(parseTransferCode(formatTransferCode({ unitCode: 'KTB', secret: real })).ok).toBe(true);
  });

  it('reads lower case, spaces, dashes and dash look-alikes', () => {
    const text = formatTransferCode(code);
    const typed = ` ${text.toLowerCase().replace(/-/g, ' ')}`;
    expect(parseTransferCode(typed)).toEqual({ ok: true, value: code });
    expect(parseTransferCode(text.replace(/-/g, '\u2013'))).toEqual({ ok: true, value: code });
    expect(parseTransferCode(text.replace(/-/g, ''))).toEqual({ ok: true, value: code });
    expect(normaliseTransferCode('ktb - abc\u2212de')).toBe('KTBABCDE');
  });

  it('catches every change of one character and every swap of neighbours', () => {
    for (const unitCode of ['KT', 'KTB', 'DNKES9', 'ABCDEFGHJK']) {
      for (const secret of [code.secret, '99999999999999', 'AAAAAAAAAAAAAA', 'Z2A3B4C5D6E7F8']) {
        const compact = normaliseTransferCode(formatTransferCode({ unitCode, secret }));
        for (let i = 0; i < compact.length; i++) {
          for (const char of SAFE_ALPHABET) {
            if (char === compact[i]) continue;
            const changed = compact.slice(0, i) + char + compact.slice(i + 1);
            expect(parseTransferCode(changed).ok, `${changed} from ${compact}`).toBe(false);
          }
          if (i + 1 < compact.length && compact[i] !== compact[i + 1]) {
            const swapped =
              compact.slice(0, i) + compact.charAt(i + 1) + compact.charAt(i) + compact.slice(i + 2);
            expect(parseTransferCode(swapped).ok, `${swapped} from ${compact}`).toBe(false);
          }
        }
      }
    }
  });

  it('tells what is wrong', () => {
    expect(parseTransferCode('  ')).toEqual({ ok: false, problem: { key: 'keyTransfer.code.required' } });
    expect(parseTransferCode('KTB-ABCDE')).toEqual({
      ok: false,
      problem: { key: 'keyTransfer.code.malformed' },
    });
    expect(parseTransferCode('KTB-ABCDE-FGHJK-MNPQ0')).toEqual({
      ok: false,
      problem: { key: 'keyTransfer.code.character', params: { character: '0' } },
    });
    // A bidi override or a control character is named by its code point, never shown raw.
    expect(parseTransferCode('KTB-\u202eABCD')).toEqual({
      ok: false,
      problem: { key: 'keyTransfer.code.character', params: { character: 'U+202E' } },
    });
    expect(parseTransferCode('KTB-\u0007ABCD')).toMatchObject({
      problem: { params: { character: 'U+0007' } },
    });
    const text = formatTransferCode(code);
    const wrong = text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
    expect(parseTransferCode(wrong)).toEqual({ ok: false, problem: { key: 'keyTransfer.code.checksum' } });
    expect(parseTransferCode(text, 'BDG')).toEqual({
      ok: false,
      problem: { key: 'keyTransfer.code.otherUnit', params: { unitCode: 'KTB', deviceUnit: 'BDG' } },
    });
    expect(parseTransferCode(text, 'KTB').ok).toBe(true);
  });

  it('refuses to format what is not a code', () => {
    expect(() => formatTransferCode({ unitCode: 'ktb', secret: code.secret })).toThrow(RangeError);
    expect(() => formatTransferCode({ unitCode: 'KTB', secret: 'ABC' })).toThrow(RangeError);
  });
});
