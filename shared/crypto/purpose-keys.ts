/**
 * Purpose keys (docs/decisions/017-unit-key.md): HKDF-SHA256 derives one key per purpose from the
 * unit key, so no key is ever used for two purposes, and each is a non-extractable Web Crypto key of
 * the one algorithm its purpose uses:
 *
 * | purpose         | algorithm          | for                                                        |
 * | --------------- | ------------------ | ---------------------------------------------------------- |
 * | `reporter-seal` | AES-KW (256)       | wrapping the data key of each sealed identity (./reporter-seal) |
 * | `search-index`  | HMAC-SHA256        | keyed tokens of the device's search index                  |
 * | `drafts`        | AES-GCM (256)      | the intake drafts kept on the device                       |
 *
 * The info string names the purpose and the key version, so keys of two versions differ even for
 * the same purpose.
 */
import type { UnitKey } from './unit-key';
import { subtle, utf8 } from './web-crypto';

export const KEY_PURPOSES = ['reporter-seal', 'search-index', 'drafts'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

const HKDF_SALT = 'meja-aduan/unit-key/hkdf-salt/v1';

type PurposeAlgorithm = Readonly<{
  algorithm: AesKeyGenParams | HmacKeyGenParams;
  usages: readonly KeyUsage[];
}>;

const ALGORITHMS: Readonly<Record<KeyPurpose, PurposeAlgorithm>> = {
  'reporter-seal': { algorithm: { name: 'AES-KW', length: 256 }, usages: ['wrapKey', 'unwrapKey'] },
  'search-index': { algorithm: { name: 'HMAC', hash: 'SHA-256', length: 256 }, usages: ['sign', 'verify'] },
  drafts: { algorithm: { name: 'AES-GCM', length: 256 }, usages: ['encrypt', 'decrypt'] },
};

/** The HKDF info string of a purpose at a key version. */
export function purposeInfo(purpose: KeyPurpose, version: number): string {
  return `meja-aduan/purpose/${purpose}/unit-key-v${String(version)}`;
}

/** The `purpose` key derived from `unitKey` (non-extractable; its algorithm per the table above). */
export async function derivePurposeKey(unitKey: UnitKey, purpose: KeyPurpose): Promise<CryptoKey> {
  const spec = ALGORITHMS[purpose];
  const base = await subtle().importKey('raw', unitKey.exportBytes(), 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: utf8(HKDF_SALT),
      info: utf8(purposeInfo(purpose, unitKey.version)),
    },
    base,
    spec.algorithm,
    false,
    [...spec.usages],
  );
}
