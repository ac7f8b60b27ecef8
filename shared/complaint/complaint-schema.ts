/**
 * The stored complaint and reporter documents (docs/decisions/001-append-only-events.md and
 * 002-reporter-documents-apart.md).
 *
 * A complaint document is written once at intake and never changed; it NEVER holds the
 * complainant's identity. The identity lives in a separate, mutable, deletable reporter document,
 * so that anonymising a complaint or ending its retention period is a real deletion. Anonymous
 * complaints (docs/central.md, anonymous complaints) have no reporter document at all.
 *
 * This module also re-exports the limits and the intake validator, so callers can import the
 * complaint's rules from one place.
 */
import { z } from 'zod';
import { verifyImmutable } from '../ids/content-id';
import { parseComplaintId, reporterId } from '../ids/document-ids';
import {
  isCanonicalTrackingNumber,
  isValidDeviceCode,
  isValidUnitCode,
  parseTrackingNumber,
} from '../ids/tracking-number';
import { isIsoInstant } from '../time/iso-instant';
import { changedBySchema } from '../unit/changed-by';
import { isIsoDate } from '../time/local-date';
import { ALLOWED_ATTACHMENT_TYPES, ANONYMOUS_ATTACHMENT_NAME_PATTERN } from './attachment-types';
import * as limits from './complaint-limits';
import { FILE_NAME_MAX, FILE_NAME_PATTERN } from './file-names';
import { isValidEmail, isValidNik, isValidPhone } from './reporter-fields';
import { CHANNELS, PRIVACY_MODES, REPORT_TYPES, SCHEMA_VERSION, type PrivacyMode } from './vocabulary';

export * from './complaint-limits';
export { ALLOWED_ATTACHMENT_TYPES, type AttachmentMimeType } from './attachment-types';
export { intakeInputSchema, validateIntake } from './intake';
export type { IntakeAttachment, IntakeContext, IntakeInput, IntakeResult } from './intake';

const isoDateSchema = z.string().refine(isIsoDate, { message: 'validation.invalid' });
const isoInstantSchema = z.string().refine(isIsoInstant, { message: 'validation.invalid' });
const unitCodeSchema = z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' });
const deviceCodeSchema = z.string().refine(isValidDeviceCode, { message: 'validation.deviceCode.invalid' });
const trackingNumberSchema = z.string().refine(isCanonicalTrackingNumber, { message: 'validation.invalid' });
const nonBlank = z.string().refine((text) => text.trim() !== '', { message: 'validation.required' });
const optional = (isValid: (text: string) => boolean) => (text: string) => text === '' || isValid(text);

/** Who did something: the officer's id and name as shown at the time. */
export const officerRefSchema = z.object({ officerId: z.string().min(1), name: z.string().min(1) }).strict();
export type OfficerRef = z.infer<typeof officerRefSchema>;

/** The PouchDB attachment names of a complaint's files: `att-1`, `att-2`, … (./attachment-types). */
export const ATTACHMENT_KEY_PATTERN = /^att-[1-9][0-9]*$/;

/**
 * One attachment's metadata; `key` is the name of the PouchDB attachment (`att-1`, …) holding the
 * file, whose `content_type` must be `mimeType` and whose length `size` (checked here when the
 * document carries its `_attachments`, and by the central server on every write). Names are
 * stored cleaned (./file-names).
 */
export const attachmentMetaSchema = z
  .object({
    key: z.string().regex(ATTACHMENT_KEY_PATTERN, { message: 'validation.invalid' }),
    name: z
      .string()
      .min(1)
      .max(FILE_NAME_MAX)
      .regex(new RegExp(FILE_NAME_PATTERN), { message: 'validation.invalid' }),
    mimeType: z.enum(ALLOWED_ATTACHMENT_TYPES),
    size: z.number().int().min(0).max(limits.MAX_ATTACHMENT_BYTES),
  })
  .strict();
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

/**
 * Anonymous = no identity stored at all (docs/central.md, anonymous complaints): no reporter document (`reporterId`
 * null), and no file name that could carry a name (`lampiran-<n>.<ext>` only). A refinement of
 * its own, so that the central server's JSON Schema carries it too (shared/couch/
 * refinement-patterns maps it to an `anyOf`).
 */
export function anonymousHasNoIdentity(
  doc: Readonly<{
    privacyMode: PrivacyMode;
    reporterId: string | null;
    attachments: readonly Readonly<{ name: string }>[];
  }>,
): boolean {
  if (doc.privacyMode !== 'anonymous') return true;
  return (
    doc.reporterId === null &&
    doc.attachments.every((attachment) => ANONYMOUS_ATTACHMENT_NAME_PATTERN.test(attachment.name))
  );
}

/** What a stored file looks like in `_attachments` (a stub, or an inline upload). */
type FileEntry = Readonly<{ content_type?: unknown; length?: unknown }>;

/**
 * The stored files against the declared list: the same keys, each file of its declared type and,
 * where its length is known (stubs), of its declared size. The central server checks the same
 * (its `attachmentProblem`). Checked only on a document that carries `_attachments`: intake
 * builds the document before its files are attached (../../renderer/core/data/complaint-repository).
 */
function fileProblems(
  files: Readonly<Record<string, unknown>>,
  declared: readonly AttachmentMeta[],
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const keys = new Set(declared.map((attachment) => attachment.key));
  for (const key of Object.keys(files)) {
    if (!keys.has(key)) problems.push({ path: ['_attachments', key], message: 'a file not in attachments' });
  }
  declared.forEach((attachment, index) => {
    const file = files[attachment.key] as FileEntry | null | undefined;
    if (file === undefined || file === null || typeof file !== 'object') {
      problems.push({ path: ['attachments', index, 'key'], message: 'the declared file is missing' });
      return;
    }
    if (file.content_type !== attachment.mimeType) {
      problems.push({ path: ['_attachments', attachment.key], message: 'content_type is not mimeType' });
    }
    if (typeof file.length === 'number' && file.length !== attachment.size) {
      problems.push({ path: ['_attachments', attachment.key], message: 'length is not size' });
    }
  });
  return problems;
}

export const complaintDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    _attachments: z.record(z.string(), z.unknown()).optional(),
    type: z.literal('complaint'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    unitCode: unitCodeSchema,
    deviceCode: deviceCodeSchema,
    trackingNumber: trackingNumberSchema,
    channel: z.enum(CHANNELS),
    reportType: z.enum(REPORT_TYPES),
    privacyMode: z.enum(PRIVACY_MODES),
    /** `reporter:<trackingNumber>`, or null exactly when the complaint is anonymous. */
    reporterId: z.string().nullable(),
    title: nonBlank.max(limits.TITLE_MAX),
    chronology: nonBlank.max(limits.CHRONOLOGY_MAX),
    incidentDate: isoDateSchema,
    location: z.string().max(limits.LOCATION_MAX),
    category: z.string().min(1),
    targetOffice: z.string().max(limits.TARGET_OFFICE_MAX),
    attachments: z.array(attachmentMetaSchema).max(limits.MAX_ATTACHMENTS),
    receivedAt: isoInstantSchema,
    receivedLocalDate: isoDateSchema,
    receivedBy: officerRefSchema,
  })
  .strict()
  .superRefine((doc, ctx) => {
    const fail = (path: string, message: string): void => {
      ctx.addIssue({ code: 'custom', path: [path], message });
    };
    const parts = parseTrackingNumber(doc.trackingNumber);
    if (parts) {
      if (parts.unitCode !== doc.unitCode) fail('unitCode', 'unitCode differs from the tracking number');
      if (parts.deviceCode !== doc.deviceCode)
        fail('deviceCode', 'deviceCode differs from the tracking number');
      if (parts.localDate !== doc.receivedLocalDate)
        fail('receivedLocalDate', 'date differs from the tracking number');
    }
    const idParts = parseComplaintId(doc._id);
    if (idParts?.receivedAt !== doc.receivedAt || idParts.trackingNumber !== doc.trackingNumber) {
      fail('_id', 'not complaint:<receivedAt>:<trackingNumber>:<content hash>');
    } else if (verifyImmutable(doc) !== 'ok') {
      fail('_id', 'the content hash in the id (or the revision) does not match the content');
    }
    // Anonymous complaints: see anonymousHasNoIdentity (the refinement after this one).
    if (doc.privacyMode !== 'anonymous' && parts && doc.reporterId !== reporterId(doc.trackingNumber)) {
      fail('reporterId', 'not reporter:<trackingNumber>');
    }
    const keys = doc.attachments.map((attachment) => attachment.key);
    if (new Set(keys).size !== keys.length) fail('attachments', 'attachment keys repeat');
    const total = doc.attachments.reduce((sum, attachment) => sum + attachment.size, 0);
    if (total > limits.MAX_TOTAL_ATTACHMENT_BYTES) fail('attachments', 'the files together are too large');
    if (doc._attachments !== undefined) {
      for (const problem of fileProblems(doc._attachments, doc.attachments)) {
        ctx.addIssue({ code: 'custom', ...problem });
      }
    }
  })
  .refine(anonymousHasNoIdentity, {
    message: 'an anonymous complaint has a reporter or a file name that is not lampiran-<n>.<ext>',
    path: ['privacyMode'],
  });
export type ComplaintDoc = z.infer<typeof complaintDocSchema>;

/** The privacy modes that have a reporter document (anonymous complaints have none). */
export const IDENTIFIED_PRIVACY_MODES = ['named', 'confidential'] as const satisfies readonly PrivacyMode[];

/**
 * A reporter document's ids agree with its tracking number: `_id`, unit and complaint (the clear
 * form here and the stored, sealed form in ./sealed-reporter check the same).
 */
export function checkReporterIds(
  doc: Readonly<{ _id: string; unitCode: string; complaintId: string; trackingNumber: string }>,
  ctx: z.RefinementCtx,
): void {
  const fail = (path: string, message: string): void => {
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  const parts = parseTrackingNumber(doc.trackingNumber);
  if (!parts || !isCanonicalTrackingNumber(doc.trackingNumber)) return;
  if (doc._id !== reporterId(doc.trackingNumber)) fail('_id', 'not reporter:<trackingNumber>');
  if (parts.unitCode !== doc.unitCode) fail('unitCode', 'unitCode differs from the tracking number');
  if (parseComplaintId(doc.complaintId)?.trackingNumber !== doc.trackingNumber) {
    fail('complaintId', 'not the complaint of this tracking number');
  }
}

/**
 * The complainant's identity: mutable, deletable, never replicated out of the unit unredacted.
 * `privacyMode` is the complaint's at intake (named or confidential: an anonymous complaint has no
 * reporter document), copied so that the central server, which cannot read the complaint while it
 * validates this document, refuses a reporter document for an anonymous complaint. A later
 * privacy change to anonymous deletes the reporter document on the device instead (the server
 * cannot see that event when a reporter document arrives later; docs/central.md). A deletion is a
 * bare tombstone `{_id, _rev, _deleted: true}`.
 */
export const reporterDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal('reporter'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    unitCode: unitCodeSchema,
    complaintId: z.string(),
    trackingNumber: trackingNumberSchema,
    privacyMode: z.enum(IDENTIFIED_PRIVACY_MODES),
    name: z.string().max(limits.REPORTER_NAME_MAX),
    nik: z.string().refine(optional(isValidNik), { message: 'validation.reporter.nikInvalid' }),
    phone: z.string().refine(optional(isValidPhone), { message: 'validation.reporter.phoneInvalid' }),
    email: z.string().refine(optional(isValidEmail), { message: 'validation.reporter.emailInvalid' }),
    address: z.string().max(limits.REPORTER_ADDRESS_MAX),
    /** Who wrote this revision (../unit/changed-by): absent only on revisions written before it existed. */
    lastChangedBy: changedBySchema.optional(),
  })
  .strict()
  .superRefine(checkReporterIds);
export type ReporterDoc = z.infer<typeof reporterDocSchema>;
