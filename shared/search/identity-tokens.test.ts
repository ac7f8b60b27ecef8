import { describe, expect, it } from 'vitest';
import { createUnitKey, UnitKey } from '../crypto/unit-key';
import { derivePurposeKey } from '../crypto/purpose-keys';
import { digitRuns } from './identifiers';
import {
  grams,
  identityTokens,
  nameQueryTokens,
  nameWordTokens,
  nikQueryGrams,
  phoneQueryGrams,
} from './identity-tokens';
import { editDistance, queryWords } from './indonesian-text';
import { GRAM_UNITS, IdentityHasher, NAME_TOKEN_BYTES } from './keyed-tokens';

/** Whether a query's gram sequence stands in a stored number's grams, one after the other. */
const holds = (stored: readonly string[], wanted: readonly string[]): boolean =>
  stored.some((_, start) => wanted.length > 0 && wanted.every((gram, at) => stored[start + at] === gram));

const phoneFound = (phone: string, typed: string): boolean => {
  const stored = identityTokens({ name: '', phone, nik: '' }).phone;
  return digitRuns(typed).some((run) => phoneQueryGrams(run).some((wanted) => holds(stored, wanted)));
};
const nikFound = (nik: string, typed: string): boolean => {
  const stored = identityTokens({ name: '', phone: '', nik }).nik;
  return digitRuns(typed).some((run) => nikQueryGrams(run).some((wanted) => holds(stored, wanted)));
};
/** Whether the typed text's last word finds the stored name word (one token in common). */
const nameFound = (stored: string, typed: string): boolean => {
  const word = queryWords(typed).at(-1);
  if (!word) return false;
  const tokens = new Set(nameWordTokens(stored));
  return nameQueryTokens(word).some((token) => tokens.has(token));
};

describe('identity tokens (decision 023)', () => {
  it('makes a phone, in every notation, the same 4-digit grams in order, and finds any 4+ digit fragment', () => {
    const expected = identityTokens({ name: '', phone: '081234567890', nik: '' }).phone;
    expect(expected).toEqual(grams('081234567890', 4));
    expect(expected).toHaveLength(9);
    for (const phone of ['0812-3456-7890', '+62 812 3456 7890', '6281234567890', '(0812) 3456.7890']) {
      expect(identityTokens({ name: '', phone, nik: '' }).phone).toEqual(expected);
    }
    for (const typed of [
      '0812',
      '3456',
      '0812-3456',
      '+62 812 3456',
      '62812345',
      '3456 78',
      '7890',
      '081234567890',
    ]) {
      expect([typed, phoneFound('+62 812 3456 7890', typed)]).toEqual([typed, true]);
    }
    // Below 4 digits, digits not in that order, or another number: not found.
    for (const typed of ['081', '3465', '0812-3457', '0812 3456 7891']) {
      expect([typed, phoneFound('+62 812 3456 7890', typed)]).toEqual([typed, false]);
    }
    expect(identityTokens({ name: '', phone: '081', nik: '' }).phone).toEqual([]);
  });

  it('makes a NIK its 6-digit grams in order, and finds any 6+ digit run of it, no shorter one', () => {
    const nik = '3305123456780001';
    expect(identityTokens({ name: '', phone: '', nik }).nik).toHaveLength(11);
    for (const typed of ['330512', '3305123456', '456780001', '5678 0001', nik]) {
      expect([typed, nikFound(nik, typed)]).toEqual([typed, true]);
    }
    for (const typed of ['33051', '780002', '3305123456780002']) {
      expect([typed, nikFound(nik, typed)]).toEqual([typed, false]);
    }
  });

  it('finds a name word by its prefix while typed (3+ letters), as a whole word once typed', () => {
    expect(nameFound('siti', 'sit')).toBe(true);
    expect(nameFound('siti', 'Sit')).toBe(true);
    expect(nameFound('siti', 'si')).toBe(false); // under 3 letters: whole words only
    expect(nameFound('si', 'si')).toBe(true);
    expect(nameFound('siti', 'siti ')).toBe(true);
    expect(nameFound('sitinah', 'siti ')).toBe(false); // a word typed whole is not a prefix
    expect(nameFound('sitinah', 'siti')).toBe(true);
    expect(identityTokens({ name: 'Siti  Siti-Aminah', phone: '', nik: '' }).name).toEqual([
      ...new Set([...nameWordTokens('siti'), ...nameWordTokens('aminah')]),
    ]);
  });

  it('finds a name word one edit from a typed word of 5+ letters, exactly as the content words (Levenshtein 1)', () => {
    const words = [
      'santoso',
      'santosa',
      'santso',
      'sanntoso',
      'asntoso',
      'santoos',
      'rahmawati',
      'rahmawti',
      'rahmawatii',
      'siti',
      'sitti',
      'sitix',
      'budi',
      'budii',
      'aminah',
      'aminha',
    ];
    for (const stored of words) {
      for (const typed of words) {
        const typo = typed.length >= 5 && editDistance(stored, typed, 1) <= 1;
        expect([stored, typed, nameFound(stored, `${typed} `)]).toEqual([
          stored,
          typed,
          stored === typed || typo,
        ]);
      }
    }
  });
});

describe('keyed hashes of identity tokens', () => {
  const hasherOf = async (key: UnitKey): Promise<IdentityHasher> =>
    new IdentityHasher(await derivePurposeKey(key, 'search-index'), key.version);

  it('hashes a token the same under one key and differently under another; holds no clear digit or letter of it', async () => {
    const bytes = new Uint8Array(32).fill(7);
    const [one, again, other] = await Promise.all([
      UnitKey.fromBytes(1, bytes).then(hasherOf),
      UnitKey.fromBytes(1, bytes).then(hasherOf),
      createUnitKey(2).then(hasherOf),
    ]);
    const tokens = identityTokens({ name: 'Budi Santoso', phone: '0812-3456-7890', nik: '3305123456780001' });
    const hashed = await one.identity(tokens);
    expect(await again.identity(tokens)).toEqual(hashed);
    const elsewhere = await other.identity(tokens);
    expect(elsewhere.name.filter((term) => hashed.name.includes(term))).toEqual([]);
    expect(elsewhere.phone).not.toBe(hashed.phone);
    expect(other.version).toBe(2);

    expect(hashed.name).toHaveLength(tokens.name.length);
    for (const term of hashed.name)
      expect(term).toMatch(new RegExp(`^[A-Za-z0-9_-]{${String(Math.ceil((NAME_TOKEN_BYTES * 4) / 3))}}$`));
    expect(hashed.phone).toHaveLength(9 * GRAM_UNITS);
    expect(hashed.nik).toHaveLength(11 * GRAM_UNITS);
    for (const text of [hashed.phone, hashed.nik]) {
      for (const char of text) {
        const code = char.charCodeAt(0);
        expect(code >= 0x100 && code <= 0x80ff).toBe(true);
      }
    }
    // A field's hashes differ from another field's for the same digits.
    expect(await one.gramSequence('nik', ['081234'])).not.toBe(await one.gramSequence('phone', ['081234']));
    // A fragment's grams hash to a part of the whole number's, at a gram boundary.
    const fragment = await one.gramSequence('phone', grams('34567890', 4));
    expect(hashed.phone.indexOf(fragment) % GRAM_UNITS).toBe(0);
    expect(hashed.phone.endsWith(fragment)).toBe(true);
  });
});
