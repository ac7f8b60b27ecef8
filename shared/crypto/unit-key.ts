/**
 * The unit key (docs/decisions/017-unit-key.md): 256 random bits shared by the unit's devices and
 * never by the central, with a version number (1, 2, … one per rotation). Everything identity-
 * bearing is sealed under keys derived from it (./purpose-keys), and each device keeps it only
 * wrapped (./secret-wrap).
 *
 * Its public **fingerprint** (HMAC-SHA256 of a fixed label under the key, the first 16 bytes in
 * base64url) lets a device check that a key it holds or receives is the unit's key of that version
 * (the `unit-key:<version>` document carries it) without revealing anything of the key.
 */
import { base64urlPattern, toBase64url } from './base64url';
import { randomBytes, subtle, utf8 } from './web-crypto';

export const UNIT_KEY_BYTES = 32;
export const FINGERPRINT_BYTES = 16;
/** Key versions are whole numbers from 1; the bound keeps ids and documents small. */
export const MAX_UNIT_KEY_VERSION = 9_999;
export const FINGERPRINT_PATTERN = base64urlPattern(FINGERPRINT_BYTES);

const FINGERPRINT_LABEL = 'meja-aduan/unit-key/fingerprint/v1';

export function isUnitKeyVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_UNIT_KEY_VERSION;
}

/**
 * One version of the unit key. The key bytes are private to the object: `JSON.stringify` and the
 * console show only the version and the fingerprint; `exportBytes` is for the wraps in this folder.
 */
export class UnitKey {
  readonly version: number;
  readonly fingerprint: string;
  readonly #bytes: Uint8Array<ArrayBuffer>;

  private constructor(version: number, fingerprint: string, bytes: Uint8Array<ArrayBuffer>) {
    this.version = version;
    this.fingerprint = fingerprint;
    this.#bytes = bytes;
    Object.freeze(this);
  }

  /** A key of `version` over `bytes` (32 of them); its fingerprint computed. */
  static async fromBytes(version: number, bytes: Uint8Array): Promise<UnitKey> {
    if (!isUnitKeyVersion(version)) throw new RangeError('UnitKey: the version is not 1–9999');
    if (bytes.length !== UNIT_KEY_BYTES) throw new RangeError('UnitKey: a unit key is 32 bytes');
    const copy = new Uint8Array(bytes);
    return new UnitKey(version, await fingerprintOf(copy), copy);
  }

  /** A copy of the key's bytes (for wrapping it: ./secret-wrap). */
  exportBytes(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.#bytes);
  }

  toJSON(): { version: number; fingerprint: string } {
    return { version: this.version, fingerprint: this.fingerprint };
  }
}

/** A new random unit key of `version` (1 for a new unit, the next number for a rotation). */
export function createUnitKey(version = 1): Promise<UnitKey> {
  return UnitKey.fromBytes(version, randomBytes(UNIT_KEY_BYTES));
}

async function fingerprintOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await subtle().importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await subtle().sign('HMAC', key, utf8(FINGERPRINT_LABEL)));
  return toBase64url(mac.subarray(0, FINGERPRINT_BYTES));
}

/** Whether `key` is the key a fingerprint (from a `unit-key:<version>` document) names. */
export function matchesFingerprint(key: UnitKey, version: number, fingerprint: string): boolean {
  return key.version === version && key.fingerprint === fingerprint;
}
