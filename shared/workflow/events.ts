/**
 * Event documents: every action on a complaint after intake is a new, never-changed document
 * pointing at its complaint (design.md §3, decision 3). Two devices acting on one complaint
 * offline therefore never conflict, and the audit trail is the data itself.
 *
 * Adding a kind (the workflow issue adds verify, hold, not-our-authority, archive, dispose,
 * follow-up, response, complainant-reply, satisfaction, close, reopen, correct-field, note,
 * privacy-change; design.md §6.1 names the verifier actions) means:
 *   1. `const xEventSchema = defineEventSchema('x', { ...its fields })`,
 *   2. add it to EVENT_KINDS and to the `eventDocSchema` union,
 *   3. handle it in `applyEvent` (./complaint-state), where the `never` default makes the
 *      compiler point at the missing case.
 */
import { z } from 'zod';
import { officerRefSchema } from '../complaint/complaint-schema';
import { CHANNELS, SCHEMA_VERSION } from '../complaint/vocabulary';
import { parseComplaintId, parseEventId } from '../ids/document-ids';
import {
  isCanonicalTrackingNumber,
  isValidDeviceCode,
  isValidUnitCode,
  parseTrackingNumber,
} from '../ids/tracking-number';
import { isIsoInstant } from '../time/iso-instant';

/** The event kinds that exist now. */
export const EVENT_KINDS = ['received'] as const;
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
>;

/** The id, complaint, tracking number, unit, time and device of an event must all agree. */
function checkEventIdentity(event: EventIdentity, ctx: z.RefinementCtx): void {
  const fail = (path: string, message: string): void =>
    void ctx.addIssue({ code: 'custom', path: [path], message });
  const id = parseEventId(event._id);
  if (
    id?.trackingNumber !== event.trackingNumber ||
    id.at !== event.at ||
    id.deviceCode !== event.deviceCode
  ) {
    fail('_id', 'not event:<trackingNumber>:<at>:<deviceCode>:<sequence>');
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

export const eventDocSchema = z.discriminatedUnion('kind', [receivedEventSchema]);
export type EventDoc = z.infer<typeof eventDocSchema>;
export type EventOfKind<K extends EventKind> = Extract<EventDoc, { kind: K }>;
