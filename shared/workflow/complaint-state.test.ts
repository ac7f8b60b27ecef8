import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ComplaintDoc } from '../complaint/complaint-schema';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import type { IntakeInput } from '../complaint/intake';
import { COMPLAINT_STATUSES } from '../complaint/vocabulary';
import { eventBaseId } from '../ids/document-ids';
import { compareEvents, initialComplaintState, reduceComplaint } from './complaint-state';
import type { EventDoc, ReceivedEvent } from './events';
import { OFFERED } from './workflow.fixtures';
import { WORKFLOW_ACTIONS, allowedActionsFor } from './workflow-actions';

const input: IntakeInput = {
  channel: 'phone',
  reportType: 'complaint',
  privacyMode: 'confidential',
  reporter: { name: 'Siti', nik: '', phone: '08123456789', email: '', address: '' },
  title: 'Antrean puskesmas',
  chronology: 'Antrean di puskesmas lebih dari empat jam.',
  incidentDate: '2026-11-22',
  location: '',
  category: 'health',
  targetOffice: '',
  attachments: [],
};

function intake(sequence: number): { complaint: ComplaintDoc; received: ReceivedEvent } {
  return buildIntakeDocuments(input, {
    unitCode: 'KBM',
    deviceCode: 'X7Q',
    sequence,
    eventSequence: sequence,
    officer: { officerId: 'o1', name: 'Rina' },
    receivedAt: new Date('2026-11-23T03:04:05.678Z'),
    localDate: '2026-11-23',
  });
}

const { complaint, received } = intake(42);
const other = intake(43);

/** Another event of the same complaint, as a second device might write it. */
function eventOf(target: ReceivedEvent, atMs: number, deviceCode: string, sequence: number): EventDoc {
  const at = new Date(atMs).toISOString();
  return { ...target, at, deviceCode, _id: eventBaseId(target.trackingNumber, at, deviceCode, sequence) };
}

describe('reduceComplaint', () => {
  it('reduces a received-only complaint to new, with the verifier actions', () => {
    const state = reduceComplaint(complaint, [received]);
    expect(state).toEqual({
      complaintId: complaint._id,
      trackingNumber: 'KBM-261123-X7Q-0042',
      status: 'new',
      privacyMode: 'confidential',
      receivedAt: '2026-11-23T03:04:05.678Z',
      lastEventAt: '2026-11-23T03:04:05.678Z',
      eventCount: 1,
      duplicateEvents: 0,
      ignoredEvents: 0,
      stages: { receivedAt: '2026-11-23T03:04:05.678Z' },
      currentOffice: null,
      hold: null,
      holdPeriods: [],
      forwardedTo: null,
      archive: null,
      outcome: null,
      lastResponseAt: null,
      replyAfterLastResponse: false,
      satisfaction: null,
      reopenCount: 0,
      lapor: null,
      corrections: {},
      current: {
        title: 'Antrean puskesmas',
        chronology: 'Antrean di puskesmas lebih dari empat jam.',
        incidentDate: '2026-11-22',
        location: '',
        category: 'health',
        targetOffice: '',
        reportType: 'complaint',
        channel: 'phone',
      },
      allowedActions: OFFERED.new,
      trail: [
        {
          eventId: received._id,
          kind: 'received',
          at: received.at,
          by: { officerId: 'o1', name: 'Rina' },
          deviceCode: 'X7Q',
          applied: true,
          status: 'new',
          details: { channel: 'phone' },
        },
      ],
    });
    expect(state.trail[0]).not.toHaveProperty('refusal');
  });

  it('reduces a complaint whose received event has not synced yet to new', () => {
    const state = reduceComplaint(complaint, []);
    expect(state).toMatchObject({
      status: 'new',
      receivedAt: complaint.receivedAt,
      eventCount: 0,
      lastEventAt: null,
      trail: [],
    });
    expect(state.stages).toEqual({ receivedAt: complaint.receivedAt });
  });

  it('gives the same state for duplicated and out-of-order events', () => {
    const later = eventOf(received, Date.parse(received.at) + 60_000, 'A23', 3);
    const sameTime = eventOf(received, Date.parse(received.at), 'A23', 4);
    const inOrder = reduceComplaint(complaint, [received, sameTime, later]);
    const shuffled = reduceComplaint(complaint, [later, received, sameTime, later, received]);
    expect(shuffled).toEqual({ ...inOrder, duplicateEvents: 2 });
    expect(inOrder.duplicateEvents).toBe(0);
    expect(inOrder.eventCount).toBe(3);
    expect(inOrder.lastEventAt).toBe(later.at);
    expect(inOrder.trail.map((entry) => entry.eventId)).toEqual([sameTime._id, received._id, later._id]); // same `at`: by _id (A23 < X7Q);
  });

  it('ignores and counts events of another complaint', () => {
    const state = reduceComplaint(complaint, [other.received, received, other.received]);
    expect(state.eventCount).toBe(1);
    expect(state.ignoredEvents).toBe(2);
    expect(state.trail.map((entry) => entry.eventId)).toEqual([received._id]);
  });

  it('is independent of event order and never loses an event (property)', () => {
    const base = Date.parse(received.at);
    const eventArb = (target: ReceivedEvent) =>
      fc
        .record({
          offsetMs: fc.integer({ min: 0, max: 5 }), // few distinct times: many ties on `at`
          device: fc.constantFrom('X7Q', 'A23', 'MNP'),
          sequence: fc.integer({ min: 1, max: 1_000_000 }),
        })
        .map(({ offsetMs, device, sequence }) => eventOf(target, base + offsetMs, device, sequence));
    const scenario = fc
      .tuple(
        fc.uniqueArray(eventArb(received), { selector: (event) => event._id, maxLength: 12 }),
        fc.array(eventArb(other.received), { maxLength: 4 }),
      )
      .chain(([own, foreign]) =>
        fc.tuple(
          fc.constant(own),
          fc.constant(foreign),
          fc.shuffledSubarray([...own, ...foreign], { minLength: own.length + foreign.length }),
        ),
      );
    fc.assert(
      fc.property(scenario, ([own, foreign, permutation]) => {
        const reference = reduceComplaint(complaint, [...own, ...foreign]);
        const permuted = reduceComplaint(complaint, permutation);
        expect(permuted).toEqual(reference);
        expect(permuted.eventCount).toBe(own.length);
        expect(permuted.ignoredEvents).toBe(foreign.length);
        expect(new Set(permuted.trail.map((entry) => entry.eventId))).toEqual(
          new Set(own.map((event) => event._id)),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('compareEvents', () => {
  it('orders by time, then id, then content', () => {
    const early = eventOf(received, Date.parse(received.at), 'MNP', 1);
    const late = eventOf(received, Date.parse(received.at) + 1, 'A23', 1);
    const sameTimeLowerId = eventOf(received, Date.parse(received.at), 'A23', 1);
    expect(compareEvents(early, late)).toBe(-1);
    expect(compareEvents(late, early)).toBe(1);
    expect(compareEvents(sameTimeLowerId, early)).toBe(-1);
    expect(compareEvents(early, { ...early })).toBe(0);
    const revised = { ...early, _rev: '2-b' };
    expect(compareEvents(early, revised)).toBe(-compareEvents(revised, early));
    expect(compareEvents(early, revised)).not.toBe(0);
  });

  it('lets the same id with different content give one state whatever the order', () => {
    const revised = { ...received, _rev: '1-a' };
    const one = reduceComplaint(complaint, [received, revised]);
    expect(reduceComplaint(complaint, [revised, received])).toEqual(one);
    expect(one).toMatchObject({ eventCount: 1, duplicateEvents: 1 });
  });
});

describe('initialComplaintState', () => {
  it('is the state of the complaint document alone', () => {
    expect(initialComplaintState(complaint)).toEqual(reduceComplaint(complaint, []));
  });
});

describe('allowedActionsFor', () => {
  it('offers only known actions, and something for every status', () => {
    for (const status of COMPLAINT_STATUSES) {
      const actions = allowedActionsFor({ status, currentOffice: null });
      expect(actions.length, status).toBeGreaterThan(0);
      for (const action of actions) expect(WORKFLOW_ACTIONS).toContain(action);
      expect(actions, status).toContain('note');
    }
  });
});
