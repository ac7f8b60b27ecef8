/**
 * Event documents: every action on a complaint after intake is a new, never-changed document
 * pointing at its complaint (docs/decisions/001-append-only-events.md). Two devices acting on one complaint
 * offline therefore never conflict, and the audit trail is the data itself.
 *
 * Adding a kind means:
 *   1. its fields in PAYLOAD_FIELDS (./payload-fields) and any rule across them in ./payload-rules,
 *   2. `defineEventSchema('x', payloadShape('x'))` here, added to EVENT_KINDS and `eventDocSchema`,
 *   3. handling it in `applyEvent` (./apply-event), where the `never` default makes the compiler
 *      point at the missing case, and mapping an action to it (./workflow-actions); a kind no
 *      workflow action writes (`received`, `reporter-corrected`, `related`) is applied in every status
 *      (`actionOfKind` there).
 */
import { z } from 'zod';
import { officerRefSchema } from '../complaint/complaint-schema';
import { CHANNELS, SCHEMA_VERSION } from '../complaint/vocabulary';
import { verifyImmutable } from '../ids/content-id';
import { parseComplaintId, parseEventId } from '../ids/document-ids';
import {
  isCanonicalTrackingNumber,
  isValidDeviceCode,
  isValidUnitCode,
  parseTrackingNumber,
} from '../ids/tracking-number';
import { isIsoInstant } from '../time/iso-instant';
import { payloadShape } from './payload-fields';
import { payloadIssues, type KindedPayload } from './payload-rules';

/** Every event kind: intake, then the workflow kinds (docs/domain.md, 'Workflow'). */
export const EVENT_KINDS = [
  'received',
  'verify',
  'hold',
  'not-our-authority',
  'archive',
  'dispose',
  'follow-up',
  'response',
  'complainant-reply',
  'satisfaction',
  'close',
  'reopen',
  'correct-field',
  'note',
  'privacy-change',
  'lapor-forwarded',
  'reporter-corrected',
  'related',
  'identity-deleted',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Fields every event has. `deviceCode` is the device that wrote the event (not the complaint's). */
export const eventBaseSchema = z
  .object({
    _id: z.string(),
    _rev: z.string().optional(),
    type: z.literal('event'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    unitCode: z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' }),
    complaintId: z.string(),
    trackingNumber: z.string().refine(isCanonicalTrackingNumber, { message: 'validation.invalid' }),
    kind: z.enum(EVENT_KINDS),
    at: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
    by: officerRefSchema,
    deviceCode: z.string().refine(isValidDeviceCode, { message: 'validation.deviceCode.invalid' }),
  })
  .strict();
export type EventBase = z.infer<typeof eventBaseSchema>;

type EventIdentity = Pick<
  EventBase,
  '_id' | 'unitCode' | 'complaintId' | 'trackingNumber' | 'at' | 'deviceCode'
> &
  Readonly<Record<string, unknown>>;

/** The id, complaint, tracking number, unit, time and device of an event must all agree. */
function checkEventIdentity(event: EventIdentity, ctx: z.RefinementCtx): void {
  const fail = (path: string, message: string): void => {
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  const id = parseEventId(event._id);
  if (
    id?.trackingNumber !== event.trackingNumber ||
    id.at !== event.at ||
    id.deviceCode !== event.deviceCode
  ) {
    fail('_id', 'not event:<trackingNumber>:<at>:<deviceCode>:<sequence>:<content hash>');
  } else if (verifyImmutable(event) !== 'ok') {
    fail('_id', 'the content hash in the id (or the revision) does not match the content');
  }
  if (parseComplaintId(event.complaintId)?.trackingNumber !== event.trackingNumber) {
    fail('complaintId', 'not the complaint of this tracking number');
  }
  const parts = parseTrackingNumber(event.trackingNumber);
  if (parts && parts.unitCode !== event.unitCode)
    fail('unitCode', 'unitCode differs from the tracking number');
}

/**
 * The schema of one event kind: the base fields, `kind: <kind>`, the kind's own fields; strict.
 * The kind's fields may not redefine a base field.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- K keeps the literal kind in the inferred return type
export function defineEventSchema<K extends string, Shape extends z.ZodRawShape>(
  kind: K,
  shape: Shape & { readonly [F in keyof Shape & keyof EventBase]: never },
) {
  return eventBaseSchema
    .extend({ ...shape, kind: z.literal(kind) })
    .strict()
    .superRefine((event, ctx) => {
      // Sound: Shape cannot redefine a base field, so every base field is present as typed.
      checkEventIdentity(event as unknown as EventIdentity, ctx);
    });
}

/** The complaint was received at the desk (written together with the complaint at intake). */
export const receivedEventSchema = defineEventSchema('received', { channel: z.enum(CHANNELS) });
export type ReceivedEvent = z.infer<typeof receivedEventSchema>;

/** The rules across a workflow event's fields (./payload-rules), as schema issues. */
function checkPayload(event: Readonly<{ trackingNumber: string }>, ctx: z.RefinementCtx): void {
  // Sound: attached only to the workflow kinds' schemas below, whose output is a KindedPayload.
  for (const issue of payloadIssues(event as unknown as KindedPayload, event.trackingNumber)) {
    ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.key });
  }
}

export const verifyEventSchema = defineEventSchema('verify', payloadShape('verify')).superRefine(
  checkPayload,
);
export const holdEventSchema = defineEventSchema('hold', payloadShape('hold')).superRefine(checkPayload);
export const notOurAuthorityEventSchema = defineEventSchema(
  'not-our-authority',
  payloadShape('not-our-authority'),
).superRefine(checkPayload);
export const archiveEventSchema = defineEventSchema('archive', payloadShape('archive')).superRefine(
  checkPayload,
);
export const disposeEventSchema = defineEventSchema('dispose', payloadShape('dispose')).superRefine(
  checkPayload,
);
export const followUpEventSchema = defineEventSchema('follow-up', payloadShape('follow-up')).superRefine(
  checkPayload,
);
export const responseEventSchema = defineEventSchema('response', payloadShape('response')).superRefine(
  checkPayload,
);
export const complainantReplyEventSchema = defineEventSchema(
  'complainant-reply',
  payloadShape('complainant-reply'),
).superRefine(checkPayload);
export const satisfactionEventSchema = defineEventSchema(
  'satisfaction',
  payloadShape('satisfaction'),
).superRefine(checkPayload);
export const closeEventSchema = defineEventSchema('close', payloadShape('close')).superRefine(checkPayload);
export const reopenEventSchema = defineEventSchema('reopen', payloadShape('reopen')).superRefine(
  checkPayload,
);
export const correctFieldEventSchema = defineEventSchema(
  'correct-field',
  payloadShape('correct-field'),
).superRefine(checkPayload);
export const noteEventSchema = defineEventSchema('note', payloadShape('note')).superRefine(checkPayload);
export const privacyChangeEventSchema = defineEventSchema(
  'privacy-change',
  payloadShape('privacy-change'),
).superRefine(checkPayload);
export const laporForwardedEventSchema = defineEventSchema(
  'lapor-forwarded',
  payloadShape('lapor-forwarded'),
).superRefine(checkPayload);

/** The reporter document was corrected: which fields, never their values (./reporter-correction). */
export const reporterCorrectedEventSchema = defineEventSchema(
  'reporter-corrected',
  payloadShape('reporter-corrected'),
).superRefine(checkPayload);

/** This complaint is related to another (./payload-fields); written on both, each naming the other. */
export const relatedEventSchema = defineEventSchema('related', payloadShape('related')).superRefine(
  checkPayload,
);

/**
 * The complainant's identity was deleted by the app (the retention period ended): why, never what
 * (./payload-fields).
 */
export const identityDeletedEventSchema = defineEventSchema(
  'identity-deleted',
  payloadShape('identity-deleted'),
).superRefine(checkPayload);

export const eventDocSchema = z.discriminatedUnion('kind', [
  receivedEventSchema,
  verifyEventSchema,
  holdEventSchema,
  notOurAuthorityEventSchema,
  archiveEventSchema,
  disposeEventSchema,
  followUpEventSchema,
  responseEventSchema,
  complainantReplyEventSchema,
  satisfactionEventSchema,
  closeEventSchema,
  reopenEventSchema,
  correctFieldEventSchema,
  noteEventSchema,
  privacyChangeEventSchema,
  laporForwardedEventSchema,
  reporterCorrectedEventSchema,
  relatedEventSchema,
  identityDeletedEventSchema,
]);
export type EventDoc = z.infer<typeof eventDocSchema>;
export type EventOfKind<K extends EventKind> = Extract<EventDoc, { kind: K }>;
/** A kind's own fields: the event without the fields every event has. */
export type EventPayload<K extends EventKind> = Omit<EventOfKind<K>, keyof EventBase>;

/** The schema of each kind, for checking one kind without the union. */
export const EVENT_SCHEMAS = {
  received: receivedEventSchema,
  verify: verifyEventSchema,
  hold: holdEventSchema,
  'not-our-authority': notOurAuthorityEventSchema,
  archive: archiveEventSchema,
  dispose: disposeEventSchema,
  'follow-up': followUpEventSchema,
  response: responseEventSchema,
  'complainant-reply': complainantReplyEventSchema,
  satisfaction: satisfactionEventSchema,
  close: closeEventSchema,
  reopen: reopenEventSchema,
  'correct-field': correctFieldEventSchema,
  note: noteEventSchema,
  'privacy-change': privacyChangeEventSchema,
  'lapor-forwarded': laporForwardedEventSchema,
  'reporter-corrected': reporterCorrectedEventSchema,
  related: relatedEventSchema,
  'identity-deleted': identityDeletedEventSchema,
} as const satisfies { [K in EventKind]: z.ZodType<EventOfKind<K>> };

/** A kind's own fields of `event` (what the trail shows as its details). */
export function payloadOf<E extends EventDoc>(event: E): Omit<E, keyof EventBase> {
  const {
    _id: _eventId,
    _rev: _revision,
    type: _type,
    schemaVersion: _schemaVersion,
    unitCode: _unitCode,
    complaintId: _complaintId,
    trackingNumber: _trackingNumber,
    kind: _kind,
    at: _at,
    by: _by,
    deviceCode: _deviceCode,
    ...payload
  } = event;
  return payload;
}
