/**
 * The reporter document as stored (docs/decisions/017-unit-key.md): the five identity fields only as
 * a sealed identity (../crypto/reporter-seal: AES-256-GCM under a fresh data key wrapped by the unit
 * key, bound to the document id and key version). The clear shape (`ReporterDoc`, ./complaint-schema)
 * exists only in memory on a device that holds the unit key: the client core seals on write and
 * opens on read (renderer/core/keys/reporter-vault). The central's validator accepts only this shape,
 * so a reporter document with a clear `name`, `nik` or `phone` is refused.
 *
 * `schemaVersion` is 2: revisions of version 1 held identity in clear (written before sealing
 * existed); a device re-writes each it holds as a sealed revision.
 */
import { z } from 'zod';
import { isCanonicalTrackingNumber, isValidUnitCode } from '../ids/tracking-number';
import { changedBySchema } from '../unit/changed-by';
import { sealedIdentitySchema } from '../crypto/reporter-seal';
import { checkReporterIds, IDENTIFIED_PRIVACY_MODES } from './complaint-schema';

export const SEALED_REPORTER_SCHEMA_VERSION = 2;

export const storedReporterDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal('reporter'),
    schemaVersion: z.literal(SEALED_REPORTER_SCHEMA_VERSION),
    unitCode: z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' }),
    complaintId: z.string(),
    trackingNumber: z.string().refine(isCanonicalTrackingNumber, { message: 'validation.invalid' }),
    privacyMode: z.enum(IDENTIFIED_PRIVACY_MODES),
    /** Name, NIK, phone, e-mail and address, sealed (../crypto/reporter-seal). */
    identity: sealedIdentitySchema,
    /** Who wrote this revision (../unit/changed-by). */
    lastChangedBy: changedBySchema.optional(),
  })
  .strict()
  .superRefine(checkReporterIds);
export type StoredReporterDoc = z.infer<typeof storedReporterDocSchema>;
