/**
 * The unit key's chain (docs/decisions/022-unit-key-recovery.md, "Rotation"): a new version n+1
 * travels to the unit's devices wrapped under version n, inside the write-once `unit-key:<n+1>`
 * document (./unit-key-document), so every device holding n installs n+1 at its next sync without a
 * transfer code, and the recovery copy of n opens n+1 as well.
 *
 * The wrapping key is HKDF-SHA256 of version n with an info string naming both versions (a key of
 * its own purpose, never one of ./purpose-keys); the wrap is AES-KW (RFC 3394), whose integrity
 * check refuses a wrong key or a changed wrap, and the opened key must have the fingerprint the
 * `unit-key:<n+1>` document announces.
 */
import { z } from 'zod';
import { base64urlPattern, fromBase64url, toBase64url } from './base64url';
import { MAX_UNIT_KEY_VERSION, UNIT_KEY_BYTES, UnitKey } from './unit-key';
import { subtle, utf8 } from './web-crypto';

export const KEY_CHAIN_ALGORITHM = 'HKDF-SHA256+A256KW';
/** AES-KW of a 32-byte key: 40 bytes. */
const WRAPPED_BYTES = UNIT_KEY_BYTES + 8;
const HKDF_SALT = 'meja-aduan/unit-key/chain-salt/v1';

export const keyChainSchema = z
  .object({
    algorithm: z.literal(KEY_CHAIN_ALGORITHM),
    /** The version whose key wraps this one (the version before it). */
    fromVersion: z.number().int().min(1).max(MAX_UNIT_KEY_VERSION),
    wrappedKey: z.string().regex(base64urlPattern(WRAPPED_BYTES)),
  })
  .strict();
export type KeyChain = z.infer<typeof keyChainSchema>;

async function chainingKey(
  from: UnitKey,
  toVersion: number,
  usage: 'wrapKey' | 'unwrapKey',
): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', from.exportBytes(), 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: utf8(HKDF_SALT),
      info: utf8(`meja-aduan/unit-key-chain/v${String(from.version)}->v${String(toVersion)}`),
    },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    [usage],
  );
}

/** `to` wrapped under `from` (an older version). */
export async function chainWrap(from: UnitKey, to: UnitKey): Promise<KeyChain> {
  if (to.version <= from.version) throw new RangeError('chainWrap: the wrapped key must be newer');
  const wrapping = await chainingKey(from, to.version, 'wrapKey');
  const target = await subtle().importKey('raw', to.exportBytes(), 'AES-GCM', true, ['encrypt']);
  const wrapped = new Uint8Array(await subtle().wrapKey('raw', target, wrapping, 'AES-KW'));
  return { algorithm: KEY_CHAIN_ALGORITHM, fromVersion: from.version, wrappedKey: toBase64url(wrapped) };
}

/**
 * Opens the chain of key `toVersion` (announced with `fingerprint`) with `from`, the version it
 * names. Null for a key of another version, a wrong key, a changed wrap or another fingerprint:
 * never throws for those.
 */
export async function chainUnwrap(
  from: UnitKey,
  chain: unknown,
  toVersion: number,
  fingerprint: string,
): Promise<UnitKey | null> {
  const parsed = keyChainSchema.safeParse(chain);
  if (!parsed.success || parsed.data.fromVersion !== from.version || toVersion <= from.version) return null;
  let bytes: Uint8Array;
  try {
    const unwrapping = await chainingKey(from, toVersion, 'unwrapKey');
    const key = await subtle().unwrapKey(
      'raw',
      fromBase64url(parsed.data.wrappedKey),
      unwrapping,
      'AES-KW',
      'AES-GCM',
      true,
      ['encrypt'],
    );
    bytes = new Uint8Array(await subtle().exportKey('raw', key));
  } catch {
    return null;
  }
  const key = await UnitKey.fromBytes(toVersion, bytes);
  return key.fingerprint === fingerprint ? key : null;
}
