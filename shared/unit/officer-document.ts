/**
 * The unit's roster as synced documents, one per officer (docs/decisions/015-officer-roster-and-sign-in.md):
 *
 *   { _id: 'officer:<officerId>', _rev, type: 'officer', schemaVersion: 1, unitCode, officerId,
 *     name, role, active, verifier?: { algorithm, iterations, salt, hash }, mustChangeSecret,
 *     createdAt, updatedAt, lastChangedBy: { device, officer } }
 *
 * A mutable document (its conflicts are a person's to resolve), written only by a signed-in manager
 * (roles, new officers, first secrets; ./officer-roster) or by the officer themself (their own new
 * secret). `verifier` is absent for an officer who has no secret yet (migrated from a device's local
 * list, or added on a joining device): they cannot sign in until a manager sets one. The verifier
 * holds a salt, the iteration count and the derived bytes, never the secret (../auth/secret-verifier).
 * `lastChangedBy.device` is the device that wrote this revision (the central checks it against the
 * authenticated device), `lastChangedBy.officer` the officer id signed in there.
 */
import { z } from 'zod';
import { secretVerifierSchema } from '../auth/secret-verifier';
import { isValidUnitCode } from '../ids/tracking-number';
import { isIsoInstant, toIsoInstant } from '../time/iso-instant';
import { ROLES, type Role } from '../workflow/roles';
import type { SecretVerifier } from '../auth/secret-verifier';
import { changedBySchema, officerIdSchema, type ChangedBy } from './changed-by';

export const OFFICER_DOC_TYPE = 'officer';
export const OFFICER_ID_PREFIX = 'officer:';
export const OFFICER_SCHEMA_VERSION = 1;
export const OFFICER_NAME_MAX = 100;
export { changedBySchema, officerIdSchema, type ChangedBy } from './changed-by';

export const officerDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal(OFFICER_DOC_TYPE),
    schemaVersion: z.literal(OFFICER_SCHEMA_VERSION),
    unitCode: z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' }),
    officerId: officerIdSchema,
    name: z.string().min(1).max(OFFICER_NAME_MAX),
    role: z.enum(ROLES),
    active: z.boolean(),
    verifier: secretVerifierSchema.optional(),
    mustChangeSecret: z.boolean(),
    createdAt: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    updatedAt: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    lastChangedBy: changedBySchema,
  })
  .strict();
export type OfficerDoc = z.infer<typeof officerDocSchema>;

export function officerDocId(officerId: string): string {
  return `${OFFICER_ID_PREFIX}${officerId}`;
}

/** A new officer's document. */
export function newOfficerDoc(
  fields: Readonly<{
    unitCode: string;
    officerId: string;
    name: string;
    role: Role;
    verifier?: SecretVerifier;
    mustChangeSecret: boolean;
  }>,
  now: Date,
  by: ChangedBy,
): OfficerDoc {
  const at = toIsoInstant(now);
  return {
    _id: officerDocId(fields.officerId),
    type: OFFICER_DOC_TYPE,
    schemaVersion: OFFICER_SCHEMA_VERSION,
    unitCode: fields.unitCode,
    officerId: fields.officerId,
    name: fields.name.trim().replace(/\s+/g, ' '),
    role: fields.role,
    active: true,
    ...(fields.verifier ? { verifier: fields.verifier } : {}),
    mustChangeSecret: fields.mustChangeSecret,
    createdAt: at,
    updatedAt: at,
    lastChangedBy: { ...by },
  };
}

/** `doc` changed as given, stamped with when and by whom. */
export function changedOfficerDoc(
  doc: OfficerDoc,
  change: Partial<Pick<OfficerDoc, 'role' | 'active' | 'verifier' | 'mustChangeSecret'>>,
  now: Date,
  by: ChangedBy,
): OfficerDoc {
  return { ...doc, ...change, updatedAt: toIsoInstant(now), lastChangedBy: { ...by } };
}
