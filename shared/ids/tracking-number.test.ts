import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SAFE_ALPHABET,
  formatTrackingNumber,
  generateDeviceCode,
  generateUniqueDeviceCode,
  isCanonicalTrackingNumber,
  isValidDeviceCode,
  isValidUnitCode,
  normaliseCode,
  parseTrackingNumber,
  type TrackingNumberParts,
} from './tracking-number';

const parts: TrackingNumberParts = {
  unitCode: 'KBM',
  localDate: '2026-11-23',
  deviceCode: 'X7Q',
  sequence: 42,
};

describe('SAFE_ALPHABET', () => {
  it('leaves out characters that look or sound alike', () => {
    for (const ch of ['0', 'O', '1', 'I', 'L']) expect(SAFE_ALPHABET).not.toContain(ch);
    expect(new Set(SAFE_ALPHABET).size).toBe(SAFE_ALPHABET.length);
  });
});

describe('unit and device codes', () => {
  it('validates unit codes (2–10 safe characters)', () => {
    for (const code of ['KB', 'KBM', 'JKT2', 'ABCDEFGHJK']) expect(isValidUnitCode(code), code).toBe(true);
    for (const code of ['K', 'ABCDEFGHJKM', 'kbm', 'DKI', 'BOO', 'A0', 'A-B', ' KBM', '']) {
      expect(isValidUnitCode(code), code).toBe(false);
    }
  });

  it('validates device codes (exactly 3 safe characters)', () => {
    for (const code of ['X7Q', 'AAA', '234']) expect(isValidDeviceCode(code), code).toBe(true);
    for (const code of ['X7', 'X7QQ', 'x7q', 'X0Q', 'XIQ', ''])
      expect(isValidDeviceCode(code), code).toBe(false);
  });

  it('normalises typed codes', () => {
    expect(normaliseCode('  kbm ')).toBe('KBM');
  });

  it('generates valid device codes, including at the ends of the random range', () => {
    for (let i = 0; i < 1000; i++) expect(isValidDeviceCode(generateDeviceCode())).toBe(true);
    expect(generateDeviceCode(() => 0)).toBe('AAA');
    expect(generateDeviceCode(() => 0.999999999)).toBe('999');
    expect(() => generateDeviceCode(() => 1)).toThrow(RangeError);
  });

  it('generates a device code not yet taken in the unit', () => {
    const values = [0, 0, 0, 0, 0, 0, 0.5, 0.5, 0.5];
    let i = 0;
    const code = generateUniqueDeviceCode(['aaa'], () => values[i++] ?? 0);
    expect(code).not.toBe('AAA');
    expect(isValidDeviceCode(code)).toBe(true);
    expect(() => generateUniqueDeviceCode(['AAA'], () => 0)).toThrow();
  });
});

describe('formatTrackingNumber', () => {
  it('writes UNIT-YYMMDD-DDDSSSS', () => {
    expect(formatTrackingNumber(parts)).toBe('KBM-261123-X7Q-0042');
    expect(formatTrackingNumber({ ...parts, sequence: 9999 })).toBe('KBM-261123-X7Q-9999');
    expect(formatTrackingNumber({ ...parts, sequence: 10_000 })).toBe('KBM-261123-X7Q-10000');
    expect(formatTrackingNumber({ ...parts, sequence: 1_234_567 })).toBe('KBM-261123-X7Q-1234567');
  });

  it('throws on invalid parts', () => {
    const bad: TrackingNumberParts[] = [
      { ...parts, unitCode: 'kbm' },
      { ...parts, unitCode: 'DKI' },
      { ...parts, deviceCode: 'X7' },
      { ...parts, localDate: '2026-02-30' },
      { ...parts, localDate: '1999-12-31' },
      { ...parts, localDate: '2100-01-01' },
      { ...parts, sequence: 0 },
      { ...parts, sequence: -1 },
      { ...parts, sequence: 1.5 },
      { ...parts, sequence: Number.NaN },
      { ...parts, sequence: 1e15 },
    ];
    for (const p of bad) expect(() => formatTrackingNumber(p), JSON.stringify(p)).toThrow(RangeError);
  });
});

describe('parseTrackingNumber', () => {
  it('reads a canonical number back into its parts', () => {
    expect(parseTrackingNumber('KBM-261123-X7Q-0042')).toEqual(parts);
    expect(parseTrackingNumber('KBM-261123-X7Q-10000')).toEqual({ ...parts, sequence: 10_000 });
    // A device code may end in digits: the boundary is positional (3 characters).
    expect(parseTrackingNumber('KBM-261123-A23-0042')).toEqual({ ...parts, deviceCode: 'A23', sequence: 42 });
  });

  it('tolerates what a person types: case, outer spaces, spaces around dashes, dash look-alikes', () => {
    for (const text of [
      'kbm-261123-x7q0042',
      '  KBM-261123-X7Q-0042\n',
      'KBM - 261123 - X7Q0042',
      'KBM–261123—X7Q0042',
    ]) {
      expect(parseTrackingNumber(text), text).toEqual(parts);
    }
  });

  it('returns null for anything invalid', () => {
    const invalid = [
      '',
      '   ',
      'KBM',
      'KBM-261123',
      'KBM-261123-X7Q',
      'KBM-261123-X7Q042',
      'KBM-261123-X7Q-00042',
      'KBM-261123-X7Q-0000',
      'KBM-260230-X7Q-0042',
      'KBM-261323-X7Q-0042',
      'KBM-261100-X7Q-0042',
      'KBM-250229-X7Q-0042',
      'DKI-261123-X7Q0042',
      'K-261123-X7Q0042',
      'ABCDEFGHJKM-261123-X7Q0042',
      'KBM-261123-X0Q0042',
      'KBM-261123-XIQ-0042',
      'KBM-2611-23-X7Q0042',
      'KBM-26112-X7Q0042',
      'KBM 261123 X7Q0042',
      'KBM--261123-X7Q0042',
      'KBM-261123-X7Q 0042',
      'KBM-261123-X7Q-0042-',
      'KBM-261123-X7Q-0042X',
      'KBM-261123-X7Q-1234567890123456',
      'KBM-261123-X7Q--0042',
      'KBM_261123_X7Q0042',
      '12345678',
    ];
    for (const text of invalid) expect(parseTrackingNumber(text), text).toBeNull();
  });

  it('accepts the leap day of a leap year', () => {
    expect(parseTrackingNumber('KBM-280229-X7Q-0001')?.localDate).toBe('2028-02-29');
  });

  it('tells canonical spellings apart', () => {
    expect(isCanonicalTrackingNumber('KBM-261123-X7Q-0042')).toBe(true);
    expect(isCanonicalTrackingNumber('kbm-261123-x7q-0042')).toBe(false);
    expect(isCanonicalTrackingNumber('KBM-261123-X7Q0042')).toBe(false);
    expect(parseTrackingNumber('KBM-261123-X7Q0042')?.sequence).toBe(42);
    expect(isCanonicalTrackingNumber('nonsense')).toBe(false);
  });
});

describe('uniqueness without a network', () => {
  it('gives 30,000 distinct numbers for 3 devices × 10,000 sequence numbers, all parsing back', () => {
    const devices = ['X7Q', 'A23', 'MNP'];
    const seen = new Set<string>();
    const mismatches: string[] = [];
    for (const deviceCode of devices) {
      for (let sequence = 1; sequence <= 10_000; sequence++) {
        // The date changes along the way (and even goes back), as a device clock might.
        const localDate = sequence % 7 === 0 ? '2026-11-22' : '2026-11-23';
        const p = { unitCode: 'KBM', localDate, deviceCode, sequence };
        const number = formatTrackingNumber(p);
        const back = parseTrackingNumber(number);
        if (JSON.stringify(back) !== JSON.stringify(p)) mismatches.push(number);
        seen.add(number);
      }
    }
    expect(mismatches).toEqual([]);
    expect(seen.size).toBe(30_000);
  });

  it('round-trips any valid parts through format and parse (property)', () => {
    const safeChar = fc.constantFrom(...SAFE_ALPHABET.split(''));
    const code = (min: number, max: number) =>
      fc.array(safeChar, { minLength: min, maxLength: max }).map((chars) => chars.join(''));
    const localDate = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const sequence = fc.oneof(
      fc.integer({ min: 1, max: 99_999 }),
      fc.integer({ min: 1, max: 999_999_999_999_999 }),
    );
    fc.assert(
      fc.property(code(2, 10), localDate, code(3, 3), sequence, (unitCode, date, deviceCode, seq) => {
        const p = { unitCode, localDate: date, deviceCode, sequence: seq };
        const number = formatTrackingNumber(p);
        expect(parseTrackingNumber(number)).toEqual(p);
        expect(parseTrackingNumber(` ${number.toLowerCase().replaceAll('-', ' - ')} `)).toEqual(p);
        expect(isCanonicalTrackingNumber(number)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
