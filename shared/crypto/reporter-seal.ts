/**
 * Sealing a reporter's identity (docs/decisions/017-unit-key.md). Each sealed revision gets a fresh
 * random 256-bit data key; AES-256-GCM encrypts the JSON of the five identity fields under it, with
 * additional authenticated data that binds the document id and the key version (an identity pasted
 * into another reporter document, or relabelled with another version, does not open); the data key
 * is wrapped with AES-KW under the unit key's `reporter-seal` purpose key (./purpose-keys).
 *
 * The plaintext is padded to a multiple of 64 bytes, so a ciphertext's length tells only roughly
 * how long the identity is.
 *
 * The stored form keeps the key version, the wrapped data key, the IV and the ciphertext (base64url,
 * lengths bounded): `sealedIdentitySchema`, which the server's validator also enforces.
 */
import { z } from 'zod';
import { REPORTER_FIELD_NAMES, type ReporterFields } from '../complaint/reporter-fields';
import { base64urlLength, base64urlPattern, fromBase64url, toBase64url } from './base64url';
import { MAX_UNIT_KEY_VERSION } from './unit-key';
import { randomBytes, subtle, utf8 } from './web-crypto';

export const SEAL_ALGORITHM = 'A256GCM+A256KW';
export const DATA_KEY_BYTES = 32;
/** AES-KW of a 32-byte key: 40 bytes. */
export const WRAPPED_DATA_KEY_BYTES = 40;
export const SEAL_IV_BYTES = 12;
const TAG_BYTES = 16;
const PAD_TO = 64;
/**
 * The most plaintext a seal holds: the five fields at their limits (name 150, address 500, e-mail
 * 254 characters, NIK 16, phone 20), every character escaped by JSON as `\uXXXX` (6 bytes), padded.
 */
export const MAX_SEALED_PLAINTEXT_BYTES = 6_144;
const MAX_CIPHERTEXT_CHARS = base64urlLength(MAX_SEALED_PLAINTEXT_BYTES + TAG_BYTES);
const MIN_CIPHERTEXT_CHARS = base64urlLength(PAD_TO + TAG_BYTES);

/** The sealed identity as stored in a reporter document. */
export const sealedIdentitySchema = z
  .object({
    algorithm: z.literal(SEAL_ALGORITHM),
    /** The unit key version whose `reporter-seal` key wraps the data key. */
    keyVersion: z.number().int().min(1).max(MAX_UNIT_KEY_VERSION),
    /**
     * Only on a seal re-wrapped after a rotation (`rewrapIdentity`): the version the fields were
     * sealed under, which the ciphertext's additional data binds (absent: `keyVersion`).
     */
    sealedVersion: z.number().int().min(1).max(MAX_UNIT_KEY_VERSION).optional(),
    wrappedKey: z.string().regex(base64urlPattern(WRAPPED_DATA_KEY_BYTES)),
    iv: z.string().regex(base64urlPattern(SEAL_IV_BYTES)),
    ciphertext: z
      .string()
      .min(MIN_CIPHERTEXT_CHARS)
      .max(MAX_CIPHERTEXT_CHARS)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
export type SealedIdentity = z.infer<typeof sealedIdentitySchema>;

/** A `reporter-seal` purpose key and the unit key version it was derived from. */
export type SealingKey = Readonly<{ version: number; key: CryptoKey }>;

export type OpenResult =
  | Readonly<{ ok: true; fields: ReporterFields }>
  /**
   * `wrong-key`: the key given is not of the seal's version, or does not unwrap its data key;
   * `tampered`: the data key opened but the ciphertext does not verify for this document id and
   * version (changed, or copied from another document); `malformed`: not a sealed identity.
   */
  | Readonly<{ ok: false; reason: 'wrong-key' | 'tampered' | 'malformed' }>;

function additionalData(documentId: string, keyVersion: number): Uint8Array<ArrayBuffer> {
  return utf8(`meja-aduan/reporter-seal/v1|${documentId}|${String(keyVersion)}`);
}

function padded(json: string): Uint8Array<ArrayBuffer> {
  const bytes = utf8(json);
  const length = Math.max(PAD_TO, Math.ceil(bytes.length / PAD_TO) * PAD_TO);
  if (length > MAX_SEALED_PLAINTEXT_BYTES) throw new RangeError('sealIdentity: the identity is too long');
  const out = new Uint8Array(length).fill(0x20); // JSON allows trailing spaces
  out.set(bytes);
  return out;
}

/** The five fields only, in their fixed order (nothing else of `fields` is sealed). */
function identityJson(fields: ReporterFields): string {
  return JSON.stringify(Object.fromEntries(REPORTER_FIELD_NAMES.map((name) => [name, fields[name]])));
}

/** Seals `fields` for the reporter document `documentId` under `sealingKey`. */
export async function sealIdentity(
  sealingKey: SealingKey,
  documentId: string,
  fields: ReporterFields,
): Promise<SealedIdentity> {
  const webCrypto = subtle();
  const dataKey = await webCrypto.generateKey({ name: 'AES-GCM', length: DATA_KEY_BYTES * 8 }, true, [
    'encrypt',
  ]);
  const iv = randomBytes(SEAL_IV_BYTES);
  const ciphertext = await webCrypto.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(documentId, sealingKey.version) },
    dataKey,
    padded(identityJson(fields)),
  );
  const wrappedKey = await webCrypto.wrapKey('raw', dataKey, sealingKey.key, 'AES-KW');
  return {
    algorithm: SEAL_ALGORITHM,
    keyVersion: sealingKey.version,
    wrappedKey: toBase64url(new Uint8Array(wrappedKey)),
    iv: toBase64url(iv),
    ciphertext: toBase64url(new Uint8Array(ciphertext)),
  };
}

function fieldsFrom(json: unknown): ReporterFields | null {
  if (typeof json !== 'object' || json === null) return null;
  const record = json as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const name of REPORTER_FIELD_NAMES) {
    const value = record[name];
    if (typeof value !== 'string') return null;
    fields[name] = value;
  }
  return fields as ReporterFields;
}

/**
 * Opens a sealed identity of the reporter document `documentId` with `sealingKey` (which must be of
 * the seal's `keyVersion`). Never throws for a wrong key, a changed seal or a seal of another
 * document: the result says which.
 */
export async function openIdentity(
  sealingKey: SealingKey,
  documentId: string,
  sealed: unknown,
): Promise<OpenResult> {
  const parsed = sealedIdentitySchema.safeParse(sealed);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const seal = parsed.data;
  if (seal.keyVersion !== sealingKey.version) return { ok: false, reason: 'wrong-key' };
  const webCrypto = subtle();
  let dataKey: CryptoKey;
  try {
    dataKey = await webCrypto.unwrapKey(
      'raw',
      fromBase64url(seal.wrappedKey),
      sealingKey.key,
      'AES-KW',
      'AES-GCM',
      false,
      ['decrypt'],
    );
  } catch {
    return { ok: false, reason: 'wrong-key' };
  }
  let plaintext: ArrayBuffer;
  try {
    plaintext = await webCrypto.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64url(seal.iv),
        additionalData: additionalData(documentId, seal.sealedVersion ?? seal.keyVersion),
      },
      dataKey,
      fromBase64url(seal.ciphertext),
    );
  } catch {
    return { ok: false, reason: 'tampered' };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const fields = fieldsFrom(json);
  return fields ? { ok: true, fields } : { ok: false, reason: 'malformed' };
}

/**
 * `sealed` with its data key re-wrapped from the `reporter-seal` key `from` (of the seal's
 * `keyVersion`) to `to` (a newer version), after a rotation: the ciphertext and IV stay, the seal
 * records the version its additional data binds (`sealedVersion`). AES-KW is deterministic, so every
 * device re-wrapping the same seal gets the same result. Null when `from` is not the seal's key (or
 * the seal is not one), never an exception.
 */
export async function rewrapIdentity(
  from: SealingKey,
  to: SealingKey,
  sealed: unknown,
): Promise<SealedIdentity | null> {
  const parsed = sealedIdentitySchema.safeParse(sealed);
  if (!parsed.success) return null;
  const seal = parsed.data;
  if (seal.keyVersion !== from.version || to.version <= from.version) return null;
  const webCrypto = subtle();
  let wrapped: ArrayBuffer;
  try {
    const dataKey = await webCrypto.unwrapKey(
      'raw',
      fromBase64url(seal.wrappedKey),
      from.key,
      'AES-KW',
      'AES-GCM',
      true,
      ['decrypt'],
    );
    wrapped = await webCrypto.wrapKey('raw', dataKey, to.key, 'AES-KW');
  } catch {
    return null;
  }
  // A fixed field order: two devices re-wrapping the same seal write the same JSON.
  return {
    algorithm: seal.algorithm,
    keyVersion: to.version,
    sealedVersion: seal.sealedVersion ?? seal.keyVersion,
    wrappedKey: toBase64url(new Uint8Array(wrapped)),
    iv: seal.iv,
    ciphertext: seal.ciphertext,
  };
}
