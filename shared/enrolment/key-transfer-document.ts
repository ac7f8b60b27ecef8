/**
 * The `key-transfer:<transferId>` document (docs/decisions/018-unit-key-transfer.md): how a
 * manager's device hands the unit key to a new device of the unit through the central without the
 * central seeing it. It holds every version of the unit key the manager's device holds, each
 * wrapped under the transfer code (../crypto/secret-wrap, purpose `transfer`: PBKDF2-SHA256 at the
 * sign-in's iteration count, then AES-256-GCM), the current version and its public fingerprint, when
 * it expires and who made it:
 *
 *   { _id: 'key-transfer:<32 hex>', type: 'key-transfer', schemaVersion: 1, unitCode, transferId,
 *     createdAt, expiresAt, keyVersion, fingerprint, wraps: [SecretWrap…], lastChangedBy }
 *
 * Nothing in it is secret but the wrapped bytes, which only the code opens. The central accepts
 * exactly this shape, refuses any change (a new revision of a live document) and accepts the
 * deletion (a bare tombstone) from any device of the unit (../couch/validate-doc-update-source,
 * `writeOnce`). The receiving device deletes it after use; any device deletes expired ones it sees.
 */
import { z } from 'zod';
import { isValidUnitCode } from '../ids/tracking-number';
import { isIsoInstant, toIsoInstant } from '../time/iso-instant';
import { changedBySchema, type ChangedBy } from '../unit/changed-by';
import { secretWrapSchema, unwrapUnitKey, wrapUnitKey, type SecretWrap } from '../crypto/secret-wrap';
import { FINGERPRINT_PATTERN, MAX_UNIT_KEY_VERSION, type UnitKey } from '../crypto/unit-key';
import {
  TRANSFER_CODE_MINUTES,
  formatTransferCode,
  transferSecret,
  type TransferCode,
} from './transfer-code';

export const KEY_TRANSFER_TYPE = 'key-transfer';
export const KEY_TRANSFER_ID_PREFIX = 'key-transfer:';
export const KEY_TRANSFER_SCHEMA_VERSION = 1;
export const TRANSFER_ID_HEX = 32;
/** At most this many key versions travel in one transfer. */
export const MAX_TRANSFER_WRAPS = 50;

const transferWrapSchema = secretWrapSchema.extend({ purpose: z.literal('transfer') }).strict();

export const keyTransferDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal(KEY_TRANSFER_TYPE),
    schemaVersion: z.literal(KEY_TRANSFER_SCHEMA_VERSION),
    unitCode: z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' }),
    transferId: z.string().regex(new RegExp(`^[0-9a-f]{${TRANSFER_ID_HEX}}$`)),
    createdAt: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    expiresAt: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    /** The unit key's current version on the device that made it, and its public fingerprint. */
    keyVersion: z.number().int().min(1).max(MAX_UNIT_KEY_VERSION),
    fingerprint: z.string().regex(FINGERPRINT_PATTERN),
    wraps: z.array(transferWrapSchema).min(1).max(MAX_TRANSFER_WRAPS),
    lastChangedBy: changedBySchema,
  })
  .strict();
export type KeyTransferDoc = z.infer<typeof keyTransferDocSchema>;

export function keyTransferId(transferId: string): string {
  return `${KEY_TRANSFER_ID_PREFIX}${transferId}`;
}

export function isKeyTransferExpired(doc: Pick<KeyTransferDoc, 'expiresAt'>, now: Date): boolean {
  return now.getTime() >= Date.parse(doc.expiresAt);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The secret each wrap is made under: the whole code as shown (unit code, secret, check). */
function wrapSecret(code: TransferCode): string {
  return formatTransferCode(code);
}

export type NewKeyTransfer = Readonly<{ doc: KeyTransferDoc; code: string }>;

/**
 * A new transfer of `keys` (every version the device holds; the highest is the current one) for
 * unit `unitCode`, valid `minutes` from `now`: the document to write and the code to show.
 */
export async function createKeyTransfer(
  input: Readonly<{
    unitCode: string;
    keys: readonly UnitKey[];
    now: Date;
    by: ChangedBy;
    minutes?: number;
    iterations?: number;
    randomBytes?: (count: number) => Uint8Array;
  }>,
): Promise<NewKeyTransfer> {
  const random =
    input.randomBytes ?? ((count: number) => globalThis.crypto.getRandomValues(new Uint8Array(count)));
  if (input.keys.length === 0) throw new RangeError('createKeyTransfer: no unit key to transfer');
  const keys = [...input.keys].sort((a, b) => a.version - b.version);
  const current = keys[keys.length - 1] as UnitKey;
  const code: TransferCode = { unitCode: input.unitCode, secret: transferSecret(random) };
  const secret = wrapSecret(code);
  const wraps: SecretWrap[] = [];
  for (const key of keys) wraps.push(await wrapUnitKey(key, secret, 'transfer', input.iterations));
  const transferId = hex(random(TRANSFER_ID_HEX / 2));
  const minutes = input.minutes ?? TRANSFER_CODE_MINUTES;
  const doc = keyTransferDocSchema.parse({
    _id: keyTransferId(transferId),
    type: KEY_TRANSFER_TYPE,
    schemaVersion: KEY_TRANSFER_SCHEMA_VERSION,
    unitCode: input.unitCode,
    transferId,
    createdAt: toIsoInstant(input.now),
    expiresAt: toIsoInstant(new Date(input.now.getTime() + minutes * 60_000)),
    keyVersion: current.version,
    fingerprint: current.fingerprint,
    wraps,
    lastChangedBy: input.by,
  });
  return { doc, code: secret };
}

export type OpenedKeyTransfer =
  | Readonly<{ ok: true; keys: readonly UnitKey[]; doc: KeyTransferDoc }>
  /**
   * `wrong-code`: the code does not open it (or it is no transfer document); `expired`: the code
   * opens it but its time is over (nothing of it may be used); `other-unit`: a document of another
   * unit.
   */
  | Readonly<{ ok: false; reason: 'wrong-code' | 'other-unit' | 'malformed' }>
  | Readonly<{ ok: false; reason: 'expired'; expiresAt: string }>;

/**
 * Opens a transfer document with `code`: every wrap, each checked against its fingerprint (the
 * wrap's additional data binds it), the current one against the document's. Never throws for a
 * wrong code or a document that is not one.
 */
export async function openKeyTransfer(
  raw: unknown,
  code: TransferCode,
  now: Date,
): Promise<OpenedKeyTransfer> {
  const parsed = keyTransferDocSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const doc = parsed.data;
  if (doc.unitCode !== code.unitCode) return { ok: false, reason: 'other-unit' };
  const secret = wrapSecret(code);
  const keys: UnitKey[] = [];
  for (const wrap of doc.wraps) {
    const opened = await unwrapUnitKey(wrap, secret, 'transfer');
    if (!opened.ok)
      return { ok: false, reason: opened.reason === 'wrong-secret' ? 'wrong-code' : 'malformed' };
    // The code is right: an expired transfer is said to be expired, and nothing of it is used.
    if (isKeyTransferExpired(doc, now)) return { ok: false, reason: 'expired', expiresAt: doc.expiresAt };
    keys.push(opened.key);
  }
  const current = keys.find((key) => key.version === doc.keyVersion);
  if (!current || current.fingerprint !== doc.fingerprint) return { ok: false, reason: 'malformed' };
  return { ok: true, keys, doc };
}
