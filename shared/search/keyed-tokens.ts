/**
 * Keyed hashes of the identity tokens (./identity-tokens; docs/decisions/023-identity-search-at-rest.md):
 * HMAC-SHA256 under the unit key's `search-index` purpose key (shared/crypto/purpose-keys) of the
 * field and the token, truncated. What the search index stores and looks up for a name, phone or NIK
 * is only these: without the unit key nobody can compute the hash of a guessed name or NIK.
 *
 * - A **name token** keeps 8 bytes (64 bits), as 11 base64url characters. At 100,000 complaints
 *   (~40 name tokens each, far fewer distinct: a unit's names repeat; at most 4 million distinct) the
 *   chance that any two distinct tokens share a hash is below 4e-7 (n²/2⁶⁵).
 * - A **gram** (4 phone digits, 6 NIK digits) keeps 45 bits, as 3 UTF-16 units of 15 bits each
 *   (U+0100–U+80FF: no surrogate, no separator), so that a number's grams in order make one short
 *   string searched like the tracking numbers' suffixes. There are only 10⁴ phone grams and 10⁶ NIK
 *   grams: the chance that two of them share a hash is 1.4e-6 (phone) and 1.4 % (NIK) over the whole
 *   space; a collision could only add a match for a fragment typed of exactly one gram.
 */
import { toBase64url } from '../crypto/base64url';
import { subtle, utf8 } from '../crypto/web-crypto';
import type { IdentityTokens } from './identity-tokens';

export const NAME_TOKEN_BYTES = 8;
/** UTF-16 units per hashed gram. */
export const GRAM_UNITS = 3;
const UNIT_MASK = 0x7fff;
const UNIT_BASE = 0x100;
/** Clear tokens whose hashes are kept in memory (never stored) for the next rows and queries. */
const CACHE_MAX = 20_000;

export type IdentityField = 'name' | 'phone' | 'nik';

/** An identity as the index stores it: hashed name tokens, and the phone's and NIK's hashed grams in order ('' when none). */
export type HashedIdentity = Readonly<{ name: readonly string[]; phone: string; nik: string }>;

/** Hashes identity tokens under one `search-index` key (of unit key `version`). */
export class IdentityHasher {
  readonly #key: CryptoKey;
  readonly #cache = new Map<string, Uint8Array>();

  constructor(
    key: CryptoKey,
    /** The unit key version the key was derived from (recorded with the index it builds). */
    readonly version: number,
  ) {
    this.#key = key;
  }

  async #mac(field: IdentityField, token: string): Promise<Uint8Array> {
    const input = `${field}\u0000${token}`;
    const cached = this.#cache.get(input);
    if (cached) return cached;
    const mac = new Uint8Array(await subtle().sign('HMAC', this.#key, utf8(input)));
    if (this.#cache.size >= CACHE_MAX) this.#cache.clear();
    this.#cache.set(input, mac);
    return mac;
  }

  /** A name token's key term: 8 bytes of its HMAC, base64url. */
  async nameTerm(token: string): Promise<string> {
    return toBase64url((await this.#mac('name', token)).subarray(0, NAME_TOKEN_BYTES));
  }

  /** A number's grams (in order) as one string of GRAM_UNITS units per gram ('' for none). */
  async gramSequence(field: 'phone' | 'nik', grams: readonly string[]): Promise<string> {
    const macs = await Promise.all(grams.map((gram) => this.#mac(field, gram)));
    let text = '';
    for (const mac of macs) {
      for (let unit = 0; unit < GRAM_UNITS; unit += 1) {
        const value = (((mac[2 * unit] ?? 0) << 8) | (mac[2 * unit + 1] ?? 0)) & UNIT_MASK;
        text += String.fromCharCode(UNIT_BASE + value);
      }
    }
    return text;
  }

  async identity(tokens: IdentityTokens): Promise<HashedIdentity> {
    const [name, phone, nik] = await Promise.all([
      Promise.all(tokens.name.map((token) => this.nameTerm(token))),
      this.gramSequence('phone', tokens.phone),
      this.gramSequence('nik', tokens.nik),
    ]);
    return { name, phone, nik };
  }
}
