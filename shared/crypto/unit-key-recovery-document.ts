/**
 * The `unit-key-recovery` document (docs/decisions/022-unit-key-recovery.md): the unit key, every
 * version the manager's device held when the passphrase was set, wrapped under the unit's recovery
 * passphrase (./secret-wrap, purpose `recovery`: PBKDF2-SHA256 at ./recovery-passphrase's
 * RECOVERY_ITERATIONS with one fresh salt, then AES-256-GCM per version whose additional data binds
 * the purpose, the version and its fingerprint). It travels to the central like every document of
 * the unit, and the central cannot open it: when no device holding the key is left, a new device of
 * the unit types the passphrase and installs the keys, each checked against the unit's
 * `unit-key:<version>` fingerprint.
 *
 *   { _id: 'unit-key-recovery', type: 'unit-key-recovery', schemaVersion: 1, unitCode, setAt,
 *     keyVersion, fingerprint, wraps: [SecretWrap…], lastChangedBy }
 *
 * One per unit, mutable: a manager replaces it with a new passphrase (a new revision on top of the
 * current one). The central accepts exactly this shape from a device of the unit (a key in clear, a
 * wrap for another purpose or a writer that is not the signed-in device is refused).
 */
import { z } from 'zod';
import { isValidUnitCode } from '../ids/tracking-number';
import { isIsoInstant, toIsoInstant } from '../time/iso-instant';
import { changedBySchema, type ChangedBy } from '../unit/changed-by';
import {
  normalizeRecoveryPassphrase,
  RECOVERY_ITERATIONS,
  recoveryPassphraseProblem,
} from './recovery-passphrase';
import { secretWrapSchema, secretWrapper, unwrapUnitKey, type SecretWrap } from './secret-wrap';
import { FINGERPRINT_PATTERN, MAX_UNIT_KEY_VERSION, type UnitKey } from './unit-key';

export const UNIT_KEY_RECOVERY_TYPE = 'unit-key-recovery';
export const UNIT_KEY_RECOVERY_ID = 'unit-key-recovery';
export const UNIT_KEY_RECOVERY_SCHEMA_VERSION = 1;
/** At most this many key versions in one recovery copy. */
export const MAX_RECOVERY_WRAPS = 50;

const recoveryWrapSchema = secretWrapSchema.extend({ purpose: z.literal('recovery') }).strict();

export const unitKeyRecoveryDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal(UNIT_KEY_RECOVERY_TYPE),
    schemaVersion: z.literal(UNIT_KEY_RECOVERY_SCHEMA_VERSION),
    unitCode: z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' }),
    /** When the passphrase was set (or last replaced). */
    setAt: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    /** The newest version wrapped, and its public fingerprint. */
    keyVersion: z.number().int().min(1).max(MAX_UNIT_KEY_VERSION),
    fingerprint: z.string().regex(FINGERPRINT_PATTERN),
    wraps: z.array(recoveryWrapSchema).min(1).max(MAX_RECOVERY_WRAPS),
    lastChangedBy: changedBySchema,
  })
  .strict();
export type UnitKeyRecoveryDoc = z.infer<typeof unitKeyRecoveryDocSchema>;

/**
 * A new recovery copy of `keys` (every version the device holds) under `passphrase` (which must
 * pass ./recovery-passphrase's rule: a RangeError otherwise), set now by `by`.
 */
export async function createUnitKeyRecovery(
  input: Readonly<{
    unitCode: string;
    keys: readonly UnitKey[];
    passphrase: string;
    now: Date;
    by: ChangedBy;
    iterations?: number;
  }>,
): Promise<UnitKeyRecoveryDoc> {
  if (input.keys.length === 0) throw new RangeError('createUnitKeyRecovery: no unit key to protect');
  const problem = recoveryPassphraseProblem(input.passphrase);
  if (problem) throw new RangeError(`createUnitKeyRecovery: the passphrase is ${problem}`);
  const keys = [...input.keys].sort((a, b) => a.version - b.version);
  const current = keys[keys.length - 1] as UnitKey;
  // One derivation (one salt) for every version: recovery derives once per wrap it opens.
  const wrapper = await secretWrapper(
    normalizeRecoveryPassphrase(input.passphrase),
    'recovery',
    input.iterations ?? RECOVERY_ITERATIONS,
  );
  const wraps: SecretWrap[] = [];
  for (const key of keys) wraps.push(await wrapper.wrap(key));
  return unitKeyRecoveryDocSchema.parse({
    _id: UNIT_KEY_RECOVERY_ID,
    type: UNIT_KEY_RECOVERY_TYPE,
    schemaVersion: UNIT_KEY_RECOVERY_SCHEMA_VERSION,
    unitCode: input.unitCode,
    setAt: toIsoInstant(input.now),
    keyVersion: current.version,
    fingerprint: current.fingerprint,
    wraps,
    lastChangedBy: { device: input.by.device, officer: input.by.officer },
  });
}

export type OpenedUnitKeyRecovery =
  | Readonly<{ ok: true; keys: readonly UnitKey[]; doc: UnitKeyRecoveryDoc }>
  /** `wrong-passphrase`: it does not open; `malformed`: not a recovery copy (or changed); `other-unit`. */
  | Readonly<{ ok: false; reason: 'wrong-passphrase' | 'malformed' | 'other-unit' }>;

/**
 * Opens a recovery copy of unit `unitCode` with `passphrase` as typed: every wrap (each checked
 * against the fingerprint its additional data binds), the newest against the document's. Never
 * throws for a wrong passphrase or a document that is not one.
 */
export async function openUnitKeyRecovery(
  raw: unknown,
  passphrase: string,
  unitCode: string,
): Promise<OpenedUnitKeyRecovery> {
  const parsed = unitKeyRecoveryDocSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const doc = parsed.data;
  if (doc.unitCode !== unitCode) return { ok: false, reason: 'other-unit' };
  const secret = normalizeRecoveryPassphrase(passphrase);
  const keys: UnitKey[] = [];
  for (const wrap of doc.wraps) {
    const opened = await unwrapUnitKey(wrap, secret, 'recovery');
    if (!opened.ok) {
      // One salt for every wrap: once the first opened, another that does not was changed.
      const wrong = opened.reason === 'wrong-secret' && keys.length === 0;
      return { ok: false, reason: wrong ? 'wrong-passphrase' : 'malformed' };
    }
    keys.push(opened.key);
  }
  const current = keys.find((key) => key.version === doc.keyVersion);
  if (!current || current.fingerprint !== doc.fingerprint) return { ok: false, reason: 'malformed' };
  return { ok: true, keys, doc };
}
