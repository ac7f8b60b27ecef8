import { describe, expect, it } from 'vitest';
import { SAFE_ALPHABET } from '../ids/tracking-number';
import { formatMessage } from '../messages/validation-messages';
import {
  formatEnrolmentCode,
  isOneTimePassword,
  oneTimePassword,
  parseEnrolmentCode,
  type Enrolment,
} from './enrolment-code';

const ENROLMENT: Enrolment = {
  serverUrl: 'https://pusat.example.go.id',
  unitCode: 'KTB',
  deviceCode: 'K23',
  password: 'ABCDEFGHJKMNPQRS',
  expiresAt: '2026-12-09T14:46:00.000Z',
};
const CODE = formatEnrolmentCode(ENROLMENT);
const NOW = new Date('2026-12-06T14:46:00.000Z');

function problemOf(text: string, now?: Date): string | undefined {
  const parsed = parseEnrolmentCode(text, now);
  return parsed.ok ? undefined : parsed.problem.key;
}

describe('enrolment code', () => {
  it('is one line holding server, unit, device, one-time password and expiry, and reads back', () => {
    expect(CODE).toMatch(
      /^MA1-KTB-K23-ABCD-EFGH-JKMN-PQRS-2612091446-[A-Z2-9]{2}@https:\/\/pusat\.example\.go\.id$/,
    );
    expect(parseEnrolmentCode(CODE, NOW)).toEqual({ ok: true, value: ENROLMENT });
  });

  it('forgives lower case, spaces and line breaks of a paste, and dash look-alikes', () => {
    const [head = '', url = ''] = CODE.split('@');
    const typed = `  ${head.toLowerCase().replace(/-/g, (dash, at: number) => (at % 2 ? '\u2013' : dash))}\n@ ${url} `;
    expect(parseEnrolmentCode(typed, NOW)).toEqual({ ok: true, value: ENROLMENT });
  });

  it('catches every single wrong character and every swap of two neighbours', () => {
    const at = CODE.indexOf('@');
    let checked = 0;
    for (let i = 0; i < CODE.length; i++) {
      if (CODE[i] === '-' || i === at) continue;
      const alphabet = i < at ? SAFE_ALPHABET + '0123456789' : 'abcdefghijklmnopqrstuvwxyz0123456789.:/';
      for (const replacement of alphabet) {
        if (replacement === CODE[i] || (i < at && replacement === CODE[i]?.toUpperCase())) continue;
        const typo = CODE.slice(0, i) + replacement + CODE.slice(i + 1);
        expect(parseEnrolmentCode(typo, NOW).ok, typo).toBe(false);
        checked++;
      }
      if (i + 1 < CODE.length && CODE[i + 1] !== CODE[i]) {
        const swapped = CODE.slice(0, i) + (CODE[i + 1] ?? '') + (CODE[i] ?? '') + CODE.slice(i + 2);
        if (swapped.toUpperCase() !== CODE.toUpperCase())
          expect(parseEnrolmentCode(swapped, NOW).ok, swapped).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // A typo in the codes or the password is told as a typo, with the letters to check.
    expect(problemOf(CODE.replace('ABCD', 'ABCE'), NOW)).toBe('enrolment.code.checksum');
    expect(problemOf(CODE.replace('ABCD', 'BACD'), NOW)).toBe('enrolment.code.checksum');
    expect(problemOf(CODE.replace('ABCD', 'AB0D'), NOW)).toBe('enrolment.code.checksum');
    expect(problemOf(CODE.replace('example', 'exampel'), NOW)).toBe('enrolment.code.checksum');
    expect(formatMessage('enrolment.code.checksum', 'id')).toContain('salah ketik');
  });

  it('tells an empty field, something else and an expired code apart', () => {
    expect(problemOf('   ')).toBe('enrolment.code.required');
    expect(problemOf('https://pusat.example.go.id')).toBe('enrolment.code.malformed');
    expect(problemOf('MA1-KTB-K23@https://pusat.example.go.id')).toBe('enrolment.code.malformed');
    expect(problemOf(CODE.replace('MA1', 'MA2'))).toBe('enrolment.code.malformed');
    const expired = parseEnrolmentCode(CODE, new Date('2026-12-09T14:46:00.000Z'));
    expect(expired).toEqual({
      ok: false,
      problem: { key: 'enrolment.code.expired', params: { expiresAt: ENROLMENT.expiresAt } },
    });
    expect(parseEnrolmentCode(CODE, new Date('2026-12-09T14:45:59.999Z')).ok).toBe(true);
    expect(formatMessage('enrolment.code.expired', 'en', { expiresAt: ENROLMENT.expiresAt })).toContain(
      'expired',
    );
  });

  it('refuses to make a code of what it could not read back', () => {
    expect(() => formatEnrolmentCode({ ...ENROLMENT, serverUrl: 'ftp://x' })).toThrow(RangeError);
    expect(() => formatEnrolmentCode({ ...ENROLMENT, unitCode: 'K1' })).toThrow(RangeError);
    expect(() => formatEnrolmentCode({ ...ENROLMENT, password: 'short' })).toThrow(RangeError);
    expect(() => formatEnrolmentCode({ ...ENROLMENT, expiresAt: '2100-01-01T00:00:00.000Z' })).toThrow(
      RangeError,
    );
  });

  it('makes one-time passwords of the safe alphabet', () => {
    let n = 0;
    const password = oneTimePassword(() => (n++ % 31) / 31);
    expect(password).toBe(SAFE_ALPHABET.slice(0, 16));
    expect(isOneTimePassword(password)).toBe(true);
    expect(() => oneTimePassword(() => 1)).toThrow(RangeError);
  });
});
