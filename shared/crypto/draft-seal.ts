/**
 * Sealing an officer's intake draft kept on the device (docs/decisions/023-identity-search-at-rest.md):
 * AES-256-GCM under the unit key's `drafts` purpose key (./purpose-keys), a fresh random 96-bit IV
 * per seal, additional authenticated data binding the officer the draft belongs to and the key
 * version (a draft copied into another officer's row, or relabelled with another version, does not
 * open). The whole draft is sealed (every field and the picked files' names), its JSON padded to a
 * multiple of 256 bytes, so the stored length says little about what was typed.
 */
import { z } from 'zod';
import { base64urlPattern, fromBase64url, toBase64url } from './base64url';
import { MAX_UNIT_KEY_VERSION } from './unit-key';
import { randomBytes, subtle, utf8 } from './web-crypto';

export const DRAFT_SEAL_ALGORITHM = 'A256GCM';
export const DRAFT_IV_BYTES = 12;
const PAD_TO = 256;

/** A sealed draft as the device stores it. */
export const sealedDraftSchema = z
  .object({
    algorithm: z.literal(DRAFT_SEAL_ALGORITHM),
    keyVersion: z.number().int().min(1).max(MAX_UNIT_KEY_VERSION),
    iv: z.string().regex(base64urlPattern(DRAFT_IV_BYTES)),
    ciphertext: z
      .string()
      .min(1)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
export type SealedDraft = z.infer<typeof sealedDraftSchema>;

/** A `drafts` purpose key and the unit key version it was derived from. */
export type DraftKey = Readonly<{ version: number; key: CryptoKey }>;

export type OpenedDraft =
  | Readonly<{ ok: true; value: unknown }>
  /** `tampered`: it does not verify for this officer and version (changed, copied, another key); `malformed`: not a sealed draft. */
  | Readonly<{ ok: false; reason: 'tampered' | 'malformed' }>;

function additionalData(officerId: string, keyVersion: number): Uint8Array<ArrayBuffer> {
  return utf8(`meja-aduan/intake-draft/v1|${officerId}|${String(keyVersion)}`);
}

/** `value` (JSON) sealed for `officerId` under `key`. */
export async function sealDraft(key: DraftKey, officerId: string, value: unknown): Promise<SealedDraft> {
  const json = utf8(JSON.stringify(value));
  const plain = new Uint8Array(Math.max(PAD_TO, Math.ceil(json.length / PAD_TO) * PAD_TO)).fill(0x20);
  plain.set(json);
  const iv = randomBytes(DRAFT_IV_BYTES);
  const ciphertext = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(officerId, key.version) },
    key.key,
    plain,
  );
  return {
    algorithm: DRAFT_SEAL_ALGORITHM,
    keyVersion: key.version,
    iv: toBase64url(iv),
    ciphertext: toBase64url(new Uint8Array(ciphertext)),
  };
}

/** The value sealed in `sealed` for `officerId` (`key` of the seal's version); never throws for a bad seal. */
export async function openDraft(key: DraftKey, officerId: string, sealed: unknown): Promise<OpenedDraft> {
  const parsed = sealedDraftSchema.safeParse(sealed);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.keyVersion !== key.version) return { ok: false, reason: 'tampered' };
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64url(parsed.data.iv),
        additionalData: additionalData(officerId, parsed.data.keyVersion),
      },
      key.key,
      fromBase64url(parsed.data.ciphertext),
    );
  } catch {
    return { ok: false, reason: 'tampered' };
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(plain)) as unknown };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
