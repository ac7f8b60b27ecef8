/**
 * The `unit-key:<version>` document (docs/decisions/017-unit-key.md): tells every device of the
 * unit which unit key versions exist, and lets a device check that a key it holds or receives is
 * the unit's (by its public fingerprint, ./unit-key). It never holds the key: only the version,
 * the fingerprint, when and by whom it was made and, from version 2 on, the key wrapped under the
 * version before (./key-chain: a rotation reaches every device holding that version).
 *
 *   { _id: 'unit-key:<version>', type: 'unit-key', schemaVersion: 1, unitCode, version,
 *     fingerprint, createdAt, lastChangedBy: { device, officer }, chain? }
 *
 * Written once and never changed (the central refuses a change: `writeOnce`); `lastChangedBy` is
 * its creator, which the central checks against the device that wrote it.
 */
import { z } from 'zod';
import { isValidUnitCode } from '../ids/tracking-number';
import { isIsoInstant, toIsoInstant } from '../time/iso-instant';
import { changedBySchema, type ChangedBy } from '../unit/changed-by';
import { keyChainSchema, type KeyChain } from './key-chain';
import { secretWrapSchema } from './secret-wrap';
import { FINGERPRINT_PATTERN, MAX_UNIT_KEY_VERSION, type UnitKey } from './unit-key';

export const UNIT_KEY_DOC_TYPE = 'unit-key';
export const UNIT_KEY_ID_PREFIX = 'unit-key:';
export const UNIT_KEY_SCHEMA_VERSION = 1;

const recoveryWrapSchema = secretWrapSchema.extend({ purpose: z.literal('recovery') }).strict();

export const unitKeyDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal(UNIT_KEY_DOC_TYPE),
    schemaVersion: z.literal(UNIT_KEY_SCHEMA_VERSION),
    unitCode: z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' }),
    /** The version as digits: the id is `unit-key:<version>` (the server's id template reads it). */
    version: z.string().regex(/^[1-9][0-9]{0,3}$/),
    fingerprint: z.string().regex(FINGERPRINT_PATTERN),
    createdAt: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    /**
     * Unused: the recovery passphrase's copy lives in its own replaceable document
     * (./unit-key-recovery-document, decision 022). Kept so that the schema stays as stored.
     */
    recoveryWrap: recoveryWrapSchema.optional(),
    /** From version 2 on: this version wrapped under the one before (./key-chain, a rotation). */
    chain: keyChainSchema.optional(),
    lastChangedBy: changedBySchema,
  })
  .strict();
export type UnitKeyDoc = z.infer<typeof unitKeyDocSchema>;

export function unitKeyDocId(version: number): string {
  return `${UNIT_KEY_ID_PREFIX}${String(version)}`;
}

/** The key version a document names, as a number. */
export function versionOf(doc: Pick<UnitKeyDoc, 'version'>): number {
  const version = Number(doc.version);
  if (!Number.isInteger(version) || version < 1 || version > MAX_UNIT_KEY_VERSION) {
    throw new RangeError('unit-key document: the version is not 1–9999');
  }
  return version;
}

/** The document announcing `key` (made now by `by`; after a rotation with its chain from the version before). */
export function newUnitKeyDoc(
  unitCode: string,
  key: UnitKey,
  now: Date,
  by: ChangedBy,
  chain?: KeyChain,
): UnitKeyDoc {
  return unitKeyDocSchema.parse({
    _id: unitKeyDocId(key.version),
    type: UNIT_KEY_DOC_TYPE,
    schemaVersion: UNIT_KEY_SCHEMA_VERSION,
    unitCode,
    version: String(key.version),
    fingerprint: key.fingerprint,
    createdAt: toIsoInstant(now),
    lastChangedBy: { device: by.device, officer: by.officer },
    ...(chain ? { chain } : {}),
  });
}
