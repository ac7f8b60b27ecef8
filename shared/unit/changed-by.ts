/**
 * Who wrote a revision of a mutable unit document (the unit profile, settings, offices, the officer
 * roster, packet drafts, reporter documents): `lastChangedBy: { device, officer }`, the device code
 * and the id of the officer signed in there. The central's validator refuses a write by a device
 * account whose `lastChangedBy.device` is not that device (../couch/validate-doc-update-source,
 * docs/central.md "Who wrote what"); server admins are exempt.
 *
 * Every write the app makes stamps it (`attributed`). The document schemas keep it optional so
 * that revisions written before it existed stay readable; the server refuses a new revision
 * without it from a device.
 */
import { z } from 'zod';
import { isValidDeviceCode } from '../ids/tracking-number';

/** `officer-<uuid>` (as devices have always made them) or another id of letters, digits and hyphens. */
const OFFICER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,79}$/;

export const officerIdSchema = z.string().regex(OFFICER_ID_PATTERN);

/** Who wrote a revision of a mutable document: the device and the officer signed in there. */
export const changedBySchema = z
  .object({
    device: z.string().refine(isValidDeviceCode, { message: 'validation.deviceCode.invalid' }),
    officer: officerIdSchema,
  })
  .strict();
export type ChangedBy = z.infer<typeof changedBySchema>;

/** A document as the app writes it: naming who wrote this revision. */
export type Attributed<T> = Omit<T, 'lastChangedBy'> & Readonly<{ lastChangedBy: ChangedBy }>;

/**
 * `doc` stamped as written by `by` (any earlier `lastChangedBy` replaced: the revision being
 * written is this device's, also when it keeps another version's content). Throws on a `by` that
 * does not name a device and an officer.
 */
export function attributed<T extends object>(doc: T, by: ChangedBy): Attributed<T> {
  return { ...doc, lastChangedBy: changedBySchema.parse({ device: by.device, officer: by.officer }) };
}
