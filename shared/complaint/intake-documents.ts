/**
 * The documents one intake writes: the complaint (once, never changed), the reporter's identity
 * (named and confidential only) and the "received" event (docs/decisions/001-append-only-events.md).
 * Pure: the caller supplies the clock, the unit-local date and the device's counters.
 */
import { sealImmutable } from '../ids/content-id';
import { complaintBaseId, eventBaseId, reporterId } from '../ids/document-ids';
import { formatTrackingNumber } from '../ids/tracking-number';
import { toIsoInstant } from '../time/iso-instant';
import { receivedEventSchema } from '../workflow/events';
import type { ReceivedEvent } from '../workflow/events';
import { anonymousAttachmentName, attachmentKey } from './attachment-types';
import { complaintDocSchema, reporterDocSchema } from './complaint-schema';
import type { AttachmentMeta, ComplaintDoc, OfficerRef, ReporterDoc } from './complaint-schema';
import type { IntakeInput } from './intake';
import { SCHEMA_VERSION } from './vocabulary';

export type IntakeDocumentsContext = Readonly<{
  unitCode: string;
  deviceCode: string;
  /** This device's next tracking sequence number (never reused, see ../ids/tracking-number). */
  sequence: number;
  /** This device's next event sequence number (never reused). */
  eventSequence: number;
  officer: OfficerRef;
  receivedAt: Date;
  /** The unit-local date of `receivedAt`, YYYY-MM-DD. */
  localDate: string;
}>;

export type IntakeDocuments = Readonly<{
  complaint: ComplaintDoc;
  reporter: ReporterDoc | null;
  received: ReceivedEvent;
}>;

/**
 * Builds the intake's documents from a validated intake (see `validateIntake`). Anonymous
 * complaints (docs/domain.md, 'Privacy modes': no identity stored at all) get no reporter document, and their
 * attachments are renamed `lampiran-1.<ext>`, … so that a file name cannot carry identity; the
 * reporter fields of the input are ignored. Attachment keys are `att-1`, `att-2`, … in input
 * order: the caller stores each file as the PouchDB attachment of that name. Every document is
 * checked against its schema; a failure throws (a bug, or an input that skipped validation).
 */
export function buildIntakeDocuments(input: IntakeInput, ctx: IntakeDocumentsContext): IntakeDocuments {
  const trackingNumber = formatTrackingNumber({
    unitCode: ctx.unitCode,
    localDate: ctx.localDate,
    deviceCode: ctx.deviceCode,
    sequence: ctx.sequence,
  });
  const receivedAt = toIsoInstant(ctx.receivedAt);
  const anonymous = input.privacyMode === 'anonymous';
  const officer: OfficerRef = { officerId: ctx.officer.officerId, name: ctx.officer.name };

  const attachments: AttachmentMeta[] = input.attachments.map((attachment, index) => ({
    key: attachmentKey(index + 1),
    name: anonymous ? anonymousAttachmentName(index + 1, attachment.mimeType) : attachment.name,
    mimeType: attachment.mimeType,
    size: attachment.size,
  }));

  const complaint = complaintDocSchema.parse(
    sealImmutable(
      {
        type: 'complaint',
        schemaVersion: SCHEMA_VERSION,
        unitCode: ctx.unitCode,
        deviceCode: ctx.deviceCode,
        trackingNumber,
        channel: input.channel,
        reportType: input.reportType,
        privacyMode: input.privacyMode,
        reporterId: anonymous ? null : reporterId(trackingNumber),
        title: input.title,
        chronology: input.chronology,
        incidentDate: input.incidentDate,
        location: input.location,
        category: input.category,
        targetOffice: input.targetOffice,
        attachments,
        receivedAt,
        receivedLocalDate: ctx.localDate,
        receivedBy: officer,
      } satisfies Omit<ComplaintDoc, '_id'>,
      complaintBaseId(receivedAt, trackingNumber),
    ),
  );
  const id = complaint._id;

  const reporter = anonymous
    ? null
    : reporterDocSchema.parse({
        _id: reporterId(trackingNumber),
        type: 'reporter',
        schemaVersion: SCHEMA_VERSION,
        unitCode: ctx.unitCode,
        complaintId: id,
        trackingNumber,
        // The complaint's mode, so that the server can refuse a reporter of an anonymous complaint.
        privacyMode: input.privacyMode === 'confidential' ? 'confidential' : 'named',
        name: input.reporter.name,
        nik: input.reporter.nik,
        phone: input.reporter.phone,
        email: input.reporter.email,
        address: input.reporter.address,
        // Written by this device and officer (../unit/changed-by): the central checks the device.
        lastChangedBy: { device: ctx.deviceCode, officer: officer.officerId },
      } satisfies ReporterDoc);

  const received = receivedEventSchema.parse(
    sealImmutable(
      {
        type: 'event',
        schemaVersion: SCHEMA_VERSION,
        unitCode: ctx.unitCode,
        complaintId: id,
        trackingNumber,
        kind: 'received',
        at: receivedAt,
        by: officer,
        deviceCode: ctx.deviceCode,
        channel: input.channel,
      } satisfies Omit<ReceivedEvent, '_id'>,
      eventBaseId(trackingNumber, receivedAt, ctx.deviceCode, ctx.eventSequence),
    ),
  );

  return { complaint, reporter, received };
}
