/**
 * The access log (docs/decisions/016-access-log.md): who signed in or out at which device and when,
 * failed sign-ins, lockouts and unlocks, the desk's idle lock, and every change of the roster, as
 * append-only documents in the unit's database that sync like complaints and events:
 *
 *   { _id: 'access:<at>:<deviceCode>:<nonce>:<H>', _rev: '1-<H>', type: 'access', schemaVersion: 1,
 *     unitCode, kind, at, deviceCode, officerId?, subjectId?, role? }
 *
 * Immutable and content-addressed like events (docs/decisions/007-content-addressed-records.md): H
 * is the SHA-256 of the content, the only revision is `1-<H>`, written with `new_edits: false`; the
 * central refuses an update, a deletion and a `deviceCode` that is not the signed-in device's.
 *
 * The id starts with the instant, so `allDocs` over `access:` in descending order reads the newest
 * records of every device first, a page at a time, however many there are; the device code and 8
 * random hex digits (`nonce`) keep two records of one millisecond apart without coordination.
 *
 * What a record holds is closed: a kind from ACCESS_KINDS, the officer who acted (`officerId`;
 * absent when nobody known acted, e.g. a sign-in tried for an officer the roster does not hold),
 * the officer acted on where it is another (`subjectId`), and for a new officer or a role change
 * the role. No names (the roster has them), no free text, never a secret or anything of a complaint.
 */
import { z } from 'zod';
import { sealImmutable, type Sealed } from '../ids/content-id';
import { isValidDeviceCode, isValidUnitCode } from '../ids/tracking-number';
import { isIsoInstant, toIsoInstant } from '../time/iso-instant';
import { officerIdSchema } from '../unit/officer-document';
import { ROLES, type Role } from '../workflow/roles';

export const ACCESS_DOC_TYPE = 'access';
export const ACCESS_ID_PREFIX = 'access:';
export const ACCESS_SCHEMA_VERSION = 1;
/** Random hex digits in every id after the device code. */
export const ACCESS_NONCE_HEX = 8;

/**
 * What happened:
 *   sign-in, sign-out        an officer opened the desk with their secret; "Ganti petugas"
 *   sign-in-failed           a wrong secret (or an officer the roster does not offer)
 *   locked-out               the fifth failure in a row locked the officer on this device
 *   unlocked                 a supervisor or manager (officerId) unlocked a locked officer (subjectId)
 *   lock, unlock             the desk's idle lock (or its shortcut) closed it; it was opened again
 *   officer-added            a manager added an officer (subjectId, role)
 *   role-changed             a manager gave an officer (subjectId) another role (role)
 *   officer-deactivated, officer-reactivated
 *   first-secret-set         a manager set an officer's first PIN (or a forgotten one's); a manager
 *                            of an upgraded device set their own first one
 *   secret-changed           an officer changed their own PIN or passphrase
 */
export const ACCESS_KINDS = [
  'sign-in',
  'sign-out',
  'sign-in-failed',
  'locked-out',
  'unlocked',
  'lock',
  'unlock',
  'officer-added',
  'role-changed',
  'officer-deactivated',
  'officer-reactivated',
  'first-secret-set',
  'secret-changed',
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export function isAccessKind(value: unknown): value is AccessKind {
  return typeof value === 'string' && (ACCESS_KINDS as readonly string[]).includes(value);
}

export const accessDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal(ACCESS_DOC_TYPE),
    schemaVersion: z.literal(ACCESS_SCHEMA_VERSION),
    unitCode: z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' }),
    kind: z.enum(ACCESS_KINDS),
    at: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    deviceCode: z.string().refine(isValidDeviceCode, { message: 'validation.deviceCode.invalid' }),
    officerId: officerIdSchema.optional(),
    subjectId: officerIdSchema.optional(),
    role: z.enum(ROLES).optional(),
  })
  .strict();
export type AccessDoc = z.infer<typeof accessDocSchema>;

/** What a caller records: the kind, who acted, whom it concerned, the role given. */
export type AccessEntry = Readonly<{
  kind: AccessKind;
  officerId?: string;
  subjectId?: string;
  role?: Role;
}>;

const NONCE_PATTERN = new RegExp(`^[0-9a-f]{${ACCESS_NONCE_HEX}}$`);

/** `ACCESS_NONCE_HEX` random lowercase hex digits. */
export function accessNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ACCESS_NONCE_HEX / 2));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `access:<at>:<deviceCode>:<nonce>`, the base of an access record's id (`sealImmutable` adds `:<H>`). */
export function accessBaseId(atIso: string, deviceCode: string, nonce: string): string {
  if (!isIsoInstant(atIso)) throw new RangeError(`Not an ISO UTC instant: ${JSON.stringify(atIso)}`);
  if (!isValidDeviceCode(deviceCode))
    throw new RangeError(`Invalid device code: ${JSON.stringify(deviceCode)}`);
  if (!NONCE_PATTERN.test(nonce)) throw new RangeError(`Invalid nonce: ${JSON.stringify(nonce)}`);
  return `${ACCESS_ID_PREFIX}${atIso}:${deviceCode}:${nonce}`;
}

/**
 * The sealed access record of `entry` on `device` at `now` (its id and only revision bound to its
 * content): write it with `new_edits: false`. A subject equal to the officer who acted is left out.
 * Throws when the entry does not make a valid record (an officer id of another form).
 */
export function newAccessDoc(
  entry: AccessEntry,
  device: Readonly<{ unitCode: string; deviceCode: string }>,
  now: Date,
  nonce: string = accessNonce(),
): Sealed<AccessDoc> {
  const at = toIsoInstant(now);
  const body = {
    type: ACCESS_DOC_TYPE,
    schemaVersion: ACCESS_SCHEMA_VERSION,
    unitCode: device.unitCode,
    kind: entry.kind,
    at,
    deviceCode: device.deviceCode,
    ...(entry.officerId !== undefined ? { officerId: entry.officerId } : {}),
    ...(entry.subjectId !== undefined && entry.subjectId !== entry.officerId
      ? { subjectId: entry.subjectId }
      : {}),
    ...(entry.role !== undefined ? { role: entry.role } : {}),
  };
  const sealed = sealImmutable(body, accessBaseId(at, device.deviceCode, nonce));
  return { ...accessDocSchema.parse(sealed), _id: sealed._id, _rev: sealed._rev };
}
