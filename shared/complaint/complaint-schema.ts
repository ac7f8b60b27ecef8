/**
 * The stored complaint and reporter documents (design.md §3, decision 3).
 *
 * A complaint document is written once at intake and never changed; it NEVER holds the
 * complainant's identity. The identity lives in a separate, mutable, deletable reporter document,
 * so that anonymising a complaint or ending its retention period is a real deletion. Anonymous
 * complaints (design.md §6.2) have no reporter document at all.
 *
 * This module also re-exports the limits and the intake validator, so callers can import the
 * complaint's rules from one place.
 */
import { z } from 'zod';
import { parseComplaintId, reporterId } from '../ids/document-ids';
import {
  isCanonicalTrackingNumber,
  isValidDeviceCode,
  isValidUnitCode,
  parseTrackingNumber,
} from '../ids/tracking-number';
import { isIsoInstant } from '../time/iso-instant';
import { isIsoDate } from '../time/local-date';
import { ANONYMOUS_ATTACHMENT_NAME_PATTERN } from './attachment-types';
import * as limits from './complaint-limits';
import { isValidEmail, isValidNik, isValidPhone } from './reporter-fields';
import { CHANNELS, PRIVACY_MODES, REPORT_TYPES, SCHEMA_VERSION } from './vocabulary';

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

/** One attachment's metadata; `key` is the name of the PouchDB attachment (`att-1`, …) holding the file. */
export const attachmentMetaSchema = z
  .object({
    key: z.string().min(1),
    name: z.string().min(1),
    mimeType: z.string().min(1),
    size: z.number().int().min(0),
  })
  .strict();
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

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
    const fail = (path: string, message: string): void =>
      void ctx.addIssue({ code: 'custom', path: [path], message });
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
      fail('_id', 'not complaint:<receivedAt>:<trackingNumber>');
    }
    // Anonymous = no identity stored at all (design.md §6.2): no reporter document, and no file
    // name that could carry a name.
    if (doc.privacyMode === 'anonymous') {
      if (doc.reporterId !== null) fail('reporterId', 'an anonymous complaint has no reporter');
      doc.attachments.forEach((attachment, index) => {
        if (!ANONYMOUS_ATTACHMENT_NAME_PATTERN.test(attachment.name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['attachments', index, 'name'],
            message: 'not an anonymous file name',
          });
        }
      });
    } else if (parts && doc.reporterId !== reporterId(doc.trackingNumber)) {
      fail('reporterId', 'not reporter:<trackingNumber>');
    }
    const keys = doc.attachments.map((attachment) => attachment.key);
    if (new Set(keys).size !== keys.length) fail('attachments', 'attachment keys repeat');
  });
export type ComplaintDoc = z.infer<typeof complaintDocSchema>;

/** The complainant's identity: mutable, deletable, never replicated out of the unit unredacted. */
export const reporterDocSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal('reporter'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    unitCode: unitCodeSchema,
    complaintId: z.string(),
    trackingNumber: trackingNumberSchema,
    name: z.string().max(limits.REPORTER_NAME_MAX),
    nik: z.string().refine(optional(isValidNik), { message: 'validation.reporter.nikInvalid' }),
    phone: z.string().refine(optional(isValidPhone), { message: 'validation.reporter.phoneInvalid' }),
    email: z.string().refine(optional(isValidEmail), { message: 'validation.reporter.emailInvalid' }),
    address: z.string().max(limits.REPORTER_ADDRESS_MAX),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const fail = (path: string, message: string): void =>
      void ctx.addIssue({ code: 'custom', path: [path], message });
    const parts = parseTrackingNumber(doc.trackingNumber);
    if (!parts || !isCanonicalTrackingNumber(doc.trackingNumber)) return;
    if (doc._id !== reporterId(doc.trackingNumber)) fail('_id', 'not reporter:<trackingNumber>');
    if (parts.unitCode !== doc.unitCode) fail('unitCode', 'unitCode differs from the tracking number');
    if (parseComplaintId(doc.complaintId)?.trackingNumber !== doc.trackingNumber) {
      fail('complaintId', 'not the complaint of this tracking number');
    }
  });
export type ReporterDoc = z.infer<typeof reporterDocSchema>;
