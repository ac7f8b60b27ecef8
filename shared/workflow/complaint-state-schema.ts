/**
 * A zod schema of a reduced complaint state: its shape and the invariants the reducer keeps
 * (each status has the facts it implies, the trail is complete and ordered, the allowed actions
 * follow from the state). Used by tests over generated event sequences, and to check a state
 * read back from a cache.
 */
import { z } from 'zod';
import { officerRefSchema } from '../complaint/complaint-schema';
import { CHANNELS, COMPLAINT_STATUSES, PRIVACY_MODES, REPORT_TYPES } from '../complaint/vocabulary';
import { isIsoInstant } from '../time/iso-instant';
import { isIsoDate } from '../time/local-date';
import { TRAIL_REFUSALS } from './complaint-state-types';
import { correctionProblem } from './corrections';
import {
  ARCHIVE_REASONS,
  CORRECTABLE_FIELDS,
  SATISFACTION_MAX,
  SATISFACTION_MIN,
  SATISFACTION_SOURCES,
} from './event-vocabulary';
import { EVENT_KINDS } from './events';
import { payloadShape } from './payload-fields';
import { WORKFLOW_ACTIONS, allowedActionsFor } from './workflow-actions';

const instant = z.string().refine(isIsoInstant);
const isoDate = z.string().refine(isIsoDate);
const count = z.number().int().min(0);

const detailsSchemas = EVENT_KINDS.map((kind) =>
  z
    .object({
      eventId: z.string().min(1),
      kind: z.literal(kind),
      at: instant,
      by: officerRefSchema,
      deviceCode: z.string().min(1),
      applied: z.boolean(),
      refusal: z.enum(TRAIL_REFUSALS).optional(),
      status: z.enum(COMPLAINT_STATUSES),
      details: z.object(kind === 'received' ? { channel: z.enum(CHANNELS) } : payloadShape(kind)).strict(),
    })
    .strict()
    .refine((entry) => entry.applied === (entry.refusal === undefined), { path: ['refusal'] }),
);
const [firstEntry, ...otherEntries] = detailsSchemas;
if (!firstEntry) throw new Error('No event kinds');
const trailEntrySchema = z.discriminatedUnion('kind', [firstEntry, ...otherEntries]);

const currentSchema = z
  .object({
    title: z.string(),
    chronology: z.string(),
    incidentDate: z.string(),
    location: z.string(),
    category: z.string(),
    targetOffice: z.string(),
    reportType: z.enum(REPORT_TYPES),
    channel: z.enum(CHANNELS),
  })
  .strict()
  .superRefine((current, ctx) => {
    for (const field of CORRECTABLE_FIELDS) {
      if (correctionProblem(field, current[field]) !== null) ctx.addIssue({ code: 'custom', path: [field] });
    }
  });

const stateObjectSchema = z
  .object({
    complaintId: z.string().min(1),
    trackingNumber: z.string().min(1),
    status: z.enum(COMPLAINT_STATUSES),
    privacyMode: z.enum(PRIVACY_MODES),
    receivedAt: instant,
    lastEventAt: instant.nullable(),
    eventCount: count,
    duplicateEvents: count,
    ignoredEvents: count,
    stages: z
      .object({
        receivedAt: instant,
        verifiedAt: instant.optional(),
        disposedAt: instant.optional(),
        followedUpAt: instant.optional(),
        answeredAt: instant.optional(),
        closedAt: instant.optional(),
        archivedAt: instant.optional(),
        forwardedAt: instant.optional(),
      })
      .strict(),
    currentOffice: z.string().min(1).nullable(),
    hold: z
      .object({ reason: z.string().min(1), until: isoDate, since: instant })
      .strict()
      .nullable(),
    holdPeriods: z.array(
      z
        .object({ from: instant, to: instant, until: isoDate })
        .strict()
        .refine((period) => period.from <= period.to),
    ),
    forwardedTo: z.string().min(1).nullable(),
    archive: z
      .object({ reason: z.enum(ARCHIVE_REASONS), duplicateOf: z.string().nullable(), otherText: z.string() })
      .strict()
      .nullable(),
    outcome: z.string().min(1).nullable(),
    lastResponseAt: instant.nullable(),
    replyAfterLastResponse: z.boolean(),
    satisfaction: z
      .object({
        score: z.number().int().min(SATISFACTION_MIN).max(SATISFACTION_MAX),
        comment: z.string(),
        collectedVia: z.enum(SATISFACTION_SOURCES),
        at: instant,
      })
      .strict()
      .nullable(),
    reopenCount: count,
    lapor: z
      .object({
        firstForwardedAt: instant,
        lastForwardedAt: instant,
        laporId: z.string().min(1).nullable(),
        identityShared: z.boolean(),
        records: z.number().int().min(1),
      })
      .strict()
      .refine((lapor) => lapor.firstForwardedAt <= lapor.lastForwardedAt)
      .nullable(),
    corrections: z.partialRecord(z.enum(CORRECTABLE_FIELDS), z.string()),
    current: currentSchema,
    allowedActions: z.array(z.enum(WORKFLOW_ACTIONS)),
    trail: z.array(trailEntrySchema),
  })
  .strict();

type StateShape = z.infer<typeof stateObjectSchema>;

/** The invariants between fields, as [path, holds] pairs. */
function invariants(state: StateShape): ReadonlyArray<readonly [string, boolean]> {
  const { status, stages, trail } = state;
  const applied = trail.filter((entry) => entry.applied);
  const lastApplied = (kind: string) => applied.filter((entry) => entry.kind === kind).at(-1);
  const ids = new Set(trail.map((entry) => entry.eventId));
  const ordered = trail.every((entry, i) => i === 0 || (trail[i - 1]?.at ?? '') <= entry.at);
  const iff = (a: boolean, b: boolean): boolean => a === b;
  return [
    ['eventCount', state.eventCount === trail.length && ids.size === trail.length],
    ['trail', ordered],
    ['lastEventAt', state.lastEventAt === (trail.at(-1)?.at ?? null)],
    ['status', status === (trail.at(-1)?.status ?? 'new')],
    ['allowedActions', JSON.stringify(state.allowedActions) === JSON.stringify(allowedActionsFor(state))],
    ['hold', iff(status === 'on-hold', state.hold !== null)],
    ['archive', iff(status === 'archived', state.archive !== null && stages.archivedAt !== undefined)],
    [
      'forwardedTo',
      iff(status === 'forwarded', state.forwardedTo !== null && stages.forwardedAt !== undefined),
    ],
    ['outcome', iff(status === 'closed', state.outcome !== null && stages.closedAt !== undefined)],
    ['currentOffice', !['followed-up', 'answered'].includes(status) || state.currentOffice !== null],
    ['reopenCount', state.reopenCount === applied.filter((entry) => entry.kind === 'reopen').length],
    ['lastResponseAt', state.lastResponseAt === (lastApplied('response')?.at ?? null)],
    ['stages', stages.answeredAt === (lastApplied('response')?.at ?? undefined)],
    ['satisfaction', (state.satisfaction?.at ?? null) === (lastApplied('satisfaction')?.at ?? null)],
    [
      'lapor',
      (state.lapor?.records ?? 0) === applied.filter((entry) => entry.kind === 'lapor-forwarded').length &&
        (state.lapor?.lastForwardedAt ?? null) === (lastApplied('lapor-forwarded')?.at ?? null),
    ],
    [
      'corrections',
      Object.entries(state.corrections).every(
        ([field, value]) => (state.current as Readonly<Record<string, string>>)[field] === value,
      ),
    ],
  ];
}

/** A reduced complaint state: shape and invariants. */
export const complaintStateSchema = stateObjectSchema.superRefine((state, ctx) => {
  for (const [path, holds] of invariants(state)) {
    if (!holds) ctx.addIssue({ code: 'custom', path: [path], message: `invariant broken: ${path}` });
  }
});
