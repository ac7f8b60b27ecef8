/**
 * The unit key wrapped under a secret (docs/decisions/017-unit-key.md): an officer's PIN or
 * passphrase on a device's keyring, and later a one-time transfer code or the unit's recovery
 * passphrase. PBKDF2-SHA256 (../auth/secret-verifier: the same derivation and iteration count as the
 * sign-in verifier, with a salt of its own) makes an AES-256-GCM key that encrypts the unit key's
 * bytes; the additional data binds what the wrap is for, the key version and its fingerprint, and
 * the opened key must have that fingerprint.
 *
 * A wrong secret is a result (`wrong-secret`), never an exception; so is a wrap that is not one.
 */
import { z } from 'zod';
import {
  MAX_SECRET_ITERATIONS,
  MIN_SECRET_ITERATIONS,
  SALT_BYTES,
  SECRET_ITERATIONS,
  pbkdf2Sha256,
} from '../auth/secret-verifier';
import { base64urlPattern, fromBase64url, toBase64url } from './base64url';
import { FINGERPRINT_PATTERN, MAX_UNIT_KEY_VERSION, UNIT_KEY_BYTES, UnitKey } from './unit-key';
import { randomBytes, subtle, utf8 } from './web-crypto';

export const SECRET_WRAP_ALGORITHM = 'PBKDF2-SHA256+A256GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a wrap is for: a wrap made for one use never opens as another. */
export const WRAP_PURPOSES = ['officer', 'transfer', 'recovery'] as const;
export type WrapPurpose = (typeof WRAP_PURPOSES)[number];

export const secretWrapSchema = z
  .object({
    algorithm: z.literal(SECRET_WRAP_ALGORITHM),
    purpose: z.enum(WRAP_PURPOSES),
    keyVersion: z.number().int().min(1).max(MAX_UNIT_KEY_VERSION),
    fingerprint: z.string().regex(FINGERPRINT_PATTERN),
    iterations: z.number().int().min(MIN_SECRET_ITERATIONS).max(MAX_SECRET_ITERATIONS),
    salt: z.string().regex(base64urlPattern(SALT_BYTES)),
    iv: z.string().regex(base64urlPattern(IV_BYTES)),
    ciphertext: z.string().regex(base64urlPattern(UNIT_KEY_BYTES + TAG_BYTES)),
  })
  .strict();
export type SecretWrap = z.infer<typeof secretWrapSchema>;

export type UnwrapResult =
  | Readonly<{ ok: true; key: UnitKey }>
  /** `wrong-secret`: the secret does not open it; `malformed`: not a wrap of this kind (or changed). */
  | Readonly<{ ok: false; reason: 'wrong-secret' | 'malformed' }>;

function additionalData(purpose: WrapPurpose, version: number, fingerprint: string): Uint8Array<ArrayBuffer> {
  return utf8(`meja-aduan/unit-key-wrap/v1|${purpose}|${String(version)}|${fingerprint}`);
}

async function wrappingKey(
  secret: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  const bytes = await pbkdf2Sha256(secret, salt, iterations, 32);
  return subtle().importKey('raw', bytes, 'AES-GCM', false, [usage]);
}

/**
 * Wraps unit keys under `secret` for `purpose`, deriving the wrapping key once (one salt, a fresh IV
 * per wrap): sign-in derives it while the officer's secret is at hand and wraps the key later, when
 * it arrives (a transfer installs it after the sign-in). Holds a non-extractable AES key, never the
 * secret.
 */
export type SecretWrapper = Readonly<{ wrap: (key: UnitKey) => Promise<SecretWrap> }>;

export async function secretWrapper(
  secret: string,
  purpose: WrapPurpose,
  iterations: number = SECRET_ITERATIONS,
): Promise<SecretWrapper> {
  if (iterations < MIN_SECRET_ITERATIONS || iterations > MAX_SECRET_ITERATIONS) {
    throw new RangeError('secretWrapper: iterations out of range');
  }
  const salt = randomBytes(SALT_BYTES);
  const aesKey = await wrappingKey(secret, salt, iterations, 'encrypt');
  return {
    async wrap(key: UnitKey): Promise<SecretWrap> {
      const iv = randomBytes(IV_BYTES);
      const ciphertext = await subtle().encrypt(
        { name: 'AES-GCM', iv, additionalData: additionalData(purpose, key.version, key.fingerprint) },
        aesKey,
        key.exportBytes(),
      );
      return {
        algorithm: SECRET_WRAP_ALGORITHM,
        purpose,
        keyVersion: key.version,
        fingerprint: key.fingerprint,
        iterations,
        salt: toBase64url(salt),
        iv: toBase64url(iv),
        ciphertext: toBase64url(new Uint8Array(ciphertext)),
      };
    },
  };
}

/** `key` wrapped under `secret` for `purpose`, with a fresh salt and IV. */
export async function wrapUnitKey(
  key: UnitKey,
  secret: string,
  purpose: WrapPurpose,
  iterations: number = SECRET_ITERATIONS,
): Promise<SecretWrap> {
  return (await secretWrapper(secret, purpose, iterations)).wrap(key);
}

/** Opens a wrap made for `purpose` with `secret`. Never throws for a wrong secret or a bad wrap. */
export async function unwrapUnitKey(
  wrap: unknown,
  secret: string,
  purpose: WrapPurpose,
): Promise<UnwrapResult> {
  const parsed = secretWrapSchema.safeParse(wrap);
  if (!parsed.success || parsed.data.purpose !== purpose) return { ok: false, reason: 'malformed' };
  const { keyVersion, fingerprint, iterations } = parsed.data;
  let bytes: Uint8Array;
  try {
    const salt = fromBase64url(parsed.data.salt);
    const iv = fromBase64url(parsed.data.iv);
    const ciphertext = fromBase64url(parsed.data.ciphertext);
    const aesKey = await wrappingKey(secret, salt, iterations, 'decrypt');
    bytes = new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv, additionalData: additionalData(purpose, keyVersion, fingerprint) },
        aesKey,
        ciphertext,
      ),
    );
  } catch {
    return { ok: false, reason: 'wrong-secret' };
  }
  const key = await UnitKey.fromBytes(keyVersion, bytes);
  // The additional data already binds the fingerprint; checking it again costs nothing.
  if (key.fingerprint !== fingerprint) return { ok: false, reason: 'malformed' };
  return { ok: true, key };
}
