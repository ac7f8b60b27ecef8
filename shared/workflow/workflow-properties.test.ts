/**
 * Properties over generated histories: commands (any action, any input, any role) decided and
 * reduced one after another, and raw event documents of any kind fed to the reducer in any order
 * with duplicates. Whatever happens, the state is valid, no event is lost or counted twice, and
 * the order events arrive in does not matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComplaintDoc } from '../complaint/complaint-schema';
import { CHANNELS, PRIVACY_MODES, REPORT_TYPES } from '../complaint/vocabulary';
import { REPORTER_FIELD_NAMES } from '../complaint/reporter-fields';
import { sealImmutable } from '../ids/content-id';
import { eventBaseId } from '../ids/document-ids';
import { reduceComplaint } from './complaint-state';
import { complaintStateSchema } from './complaint-state-schema';
import type { ComplaintState } from './complaint-state-types';
import { ACTION_FIELDS, decideAction } from './decide-action';
import {
  ARCHIVE_REASONS,
  CORRECTABLE_FIELDS,
  RESPONSE_CHANNELS,
  SATISFACTION_SOURCES,
  type CorrectableField,
} from './event-vocabulary';
import { EVENT_KINDS, eventDocSchema, type EventDoc, type EventKind } from './events';
import { ROLES } from './roles';
import {
  HOLD_UNTIL,
  OFFICE,
  OTHER_TRACKING_NUMBER,
  RECEIVED_AT,
  RECEIVED_DATE,
  actorOf,
  intake,
  validInput,
} from './workflow.fixtures';
import { WORKFLOW_ACTIONS } from './workflow-actions';

const { complaint, received } = intake();
const other = intake(43);
/** A third complaint, the one `related` events point at. */
const linked = intake(44);
const DEVICES = ['X7Q', 'A23', 'MNP'] as const;

/** The properties every reduced state has, given the events it was reduced from. */
function checkState(state: ComplaintState, target: ComplaintDoc, events: readonly EventDoc[]): void {
  const parsed = complaintStateSchema.safeParse(state);
  if (!parsed.success) expect.fail(JSON.stringify(parsed.error.issues));
  const own = events.filter((event) => event.complaintId === target._id);
  const distinct = new Set(own.map((event) => event._id));
  const ids = state.trail.map((entry) => entry.eventId);
  expect(ids.length).toBe(distinct.size);
  expect(new Set(ids)).toEqual(distinct);
  expect(state.eventCount).toBe(distinct.size);
  expect(state.duplicateEvents).toBe(own.length - distinct.size);
  expect(state.ignoredEvents).toBe(events.length - own.length);
  expect(state.hold !== null).toBe(state.status === 'on-hold');
  for (const entry of state.trail) {
    expect(entry.applied).toBe(entry.refusal === undefined);
  }
}

// ---- commands ----------------------------------------------------------------------------

const FIELD_NAMES = [...new Set(Object.values(ACTION_FIELDS).flatMap((fields) => Object.keys(fields)))];
const junkValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    ...ARCHIVE_REASONS,
    ...RESPONSE_CHANNELS,
    ...SATISFACTION_SOURCES,
    ...PRIVACY_MODES,
    ...CORRECTABLE_FIELDS,
    OFFICE,
    OTHER_TRACKING_NUMBER,
    complaint.trackingNumber,
    HOLD_UNTIL,
    RECEIVED_DATE,
    '24/11/2026',
    '2026-11-01',
    'x'.repeat(4001),
  ),
  fc.integer({ min: -1, max: 7 }),
  fc.boolean(),
  fc.constant(null),
);
const attemptArb = fc.record({
  action: fc.constantFrom(...WORKFLOW_ACTIONS),
  role: fc.constantFrom(...ROLES),
  device: fc.constantFrom(...DEVICES),
  /** 0: a valid input; 1: a valid input with fields overwritten; 2: anything. */
  mode: fc.constantFrom(0, 1, 2),
  junk: fc.dictionary(fc.constantFrom(...FIELD_NAMES), junkValue, { maxKeys: 3 }),
  /** Minutes since the previous attempt (0: the same minute). */
  gap: fc.integer({ min: 0, max: 3 }),
});

describe('commands decided and reduced one after another', () => {
  it('keep a valid state, apply every accepted event and write nothing when refused', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 30 }), (attempts) => {
        const events: EventDoc[] = [received];
        let state = reduceComplaint(complaint, events);
        let ms = Date.parse(RECEIVED_AT);
        attempts.forEach((attempt, index) => {
          ms += attempt.gap * 60_000;
          const valid = validInput(attempt.action, state);
          const input = [valid, { ...valid, ...attempt.junk }, attempt.junk][attempt.mode];
          const clock = { at: new Date(ms), eventSequence: index + 1, localDate: RECEIVED_DATE };
          const decision = decideAction(
            state,
            attempt.action,
            input,
            actorOf(attempt.role, attempt.device),
            clock,
          );
          if (attempt.mode === 0 && state.allowedActions.includes(attempt.action)) {
            expect(decision.ok || decision.issues[0]?.key === 'workflow.refused.role').toBe(true);
          }
          if (!decision.ok) {
            expect(decision.issues.length).toBeGreaterThan(0);
            return;
          }
          expect(eventDocSchema.safeParse(decision.event).success).toBe(true);
          events.push(decision.event);
          state = reduceComplaint(complaint, events);
          expect(state.trail.find((entry) => entry.eventId === decision.event._id)?.applied).toBe(true);
          checkState(state, complaint, events);
        });
        checkState(state, complaint, events);
        expect(reduceComplaint(complaint, [...events].reverse())).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});

// ---- raw events ----------------------------------------------------------------------------

const text = fc.constantFrom('Catatan', 'Sudah ditangani', 'Menunggu berkas');
const office = fc.constantFrom(OFFICE, 'Dinas Kesehatan');
const CORRECTION_VALUES: Readonly<Record<CorrectableField, readonly string[]>> = {
  title: ['Antrean panjang', 'Antrean poli gigi'],
  chronology: ['Antrean empat jam.', 'Antrean lima jam.'],
  incidentDate: ['2026-11-01', '2026-11-20'],
  location: ['', 'Pasar Baru'],
  category: ['health', 'education'],
  targetOffice: ['', 'Puskesmas'],
  reportType: REPORT_TYPES,
  channel: CHANNELS,
};

const PAYLOADS: { [K in EventKind]: fc.Arbitrary<Record<string, unknown>> } = {
  received: fc.record({ channel: fc.constantFrom(...CHANNELS) }),
  verify: fc.record({
    dispositionOffice: fc.option(office, { nil: null }),
    note: fc.constantFrom('', 'Lengkap'),
  }),
  hold: fc.record({ reason: text, until: fc.constantFrom(HOLD_UNTIL, '2026-11-24') }),
  'not-our-authority': fc.record({ forwardedTo: office, note: fc.constant('') }),
  archive: fc.constantFrom(...ARCHIVE_REASONS).map((reason) => ({
    reason,
    duplicateOf: reason === 'duplicate' ? OTHER_TRACKING_NUMBER : null,
    otherText: reason === 'other' ? 'Iklan' : '',
  })),
  dispose: fc.record({ office, note: fc.constant('') }),
  'follow-up': fc.record({ office, summary: text }),
  response: fc.record({ channel: fc.constantFrom(...RESPONSE_CHANNELS), summary: text }),
  'complainant-reply': fc.record({ summary: text, needsFurtherAction: fc.boolean() }),
  satisfaction: fc.record({
    score: fc.integer({ min: 1, max: 5 }),
    comment: fc.constantFrom('', 'Puas'),
    collectedVia: fc.constantFrom(...SATISFACTION_SOURCES),
  }),
  close: fc.record({ outcome: text }),
  reopen: fc.record({ reason: text }),
  'correct-field': fc.constantFrom(...CORRECTABLE_FIELDS).chain((field) =>
    fc.record({
      field: fc.constant(field),
      oldValue: fc.constant('lama'),
      newValue: fc.constantFrom(...CORRECTION_VALUES[field]),
      reason: text,
    }),
  ),
  note: fc.record({ text }),
  'privacy-change': fc
    .tuple(fc.constantFrom(...PRIVACY_MODES), fc.constantFrom(...PRIVACY_MODES))
    .filter(([from, to]) => from !== to)
    .chain(([from, to]) =>
      fc.record({
        from: fc.constant(from),
        to: fc.constant(to),
        reason: text,
        identityDeleted: fc.constant(to === 'anonymous'),
      }),
    ),
  'lapor-forwarded': fc.record({
    laporId: fc.constantFrom('', 'LAP-1', 'LAP-2'),
    includesIdentity: fc.boolean(),
    exportFile: fc.constantFrom('', 'lapor-KBM-2026-01-01_2026-12-31.csv'),
  }),
  'reporter-corrected': fc
    .subarray([...REPORTER_FIELD_NAMES], { minLength: 1 })
    .map((fields) => ({ fields })),
  related: fc.constant({
    relatedComplaintId: linked.complaint._id,
    relatedTrackingNumber: linked.complaint.trackingNumber,
  }),
  'identity-deleted': fc.integer({ min: 1, max: 120 }).map((retentionMonths) => ({
    reason: 'retention',
    retentionMonths,
  })),
};

/** A valid event document of `target`'s complaint, of any kind, at one of a few times (many ties). */
function rawEventArb(target: { received: EventDoc }): fc.Arbitrary<EventDoc> {
  return fc
    .record({
      kind: fc.constantFrom(...EVENT_KINDS),
      minute: fc.integer({ min: -1, max: 12 }),
      device: fc.constantFrom(...DEVICES),
      sequence: fc.integer({ min: 1, max: 4 }),
    })
    .chain(({ kind, minute, device, sequence }) =>
      PAYLOADS[kind].map((payload) => {
        const at = new Date(Date.parse(RECEIVED_AT) + minute * 60_000).toISOString();
        const { trackingNumber, complaintId, unitCode } = target.received;
        const doc = {
          type: 'event',
          schemaVersion: 1,
          unitCode,
          complaintId,
          trackingNumber,
          kind,
          at,
          by: { officerId: `o-${device}`, name: 'Petugas' },
          deviceCode: device,
          ...payload,
        };
        return eventDocSchema.parse(sealImmutable(doc, eventBaseId(trackingNumber, at, device, sequence)));
      }),
    );
}

const rawScenario = fc
  .record({
    own: fc.array(rawEventArb({ received }), { maxLength: 30 }),
    foreign: fc.array(rawEventArb(other), { maxLength: 3 }),
    withReceived: fc.boolean(),
  })
  .chain(({ own, foreign, withReceived }) => {
    const all = [...(withReceived ? [received] : []), ...own, ...foreign];
    return fc.record({
      all: fc.constant(all),
      arrival: fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
      again: fc.subarray(all),
    });
  });

describe('raw events of any kind, in any order, with duplicates', () => {
  it('reduce to a valid state that keeps every event once, whatever the order', () => {
    fc.assert(
      fc.property(rawScenario, ({ all, arrival, again }) => {
        const reference = reduceComplaint(complaint, all);
        checkState(reference, complaint, all);
        const delivered = [...arrival, ...again];
        const state = reduceComplaint(complaint, delivered);
        checkState(state, complaint, delivered);
        const { duplicateEvents: _d, ignoredEvents: _i, ...rest } = state;
        const { duplicateEvents: _rd, ignoredEvents: _ri, ...referenceRest } = reference;
        expect(rest).toEqual(referenceRest);
        expect(reduceComplaint(complaint, [...delivered].reverse())).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('find refused events: a history with events that were not allowed in the state they met', () => {
    const refused = fc
      .sample(rawScenario, { numRuns: 200, seed: 1 })
      .filter(({ all }) => reduceComplaint(complaint, all).trail.some((entry) => !entry.applied));
    expect(refused.length).toBeGreaterThan(50);
  });
});
