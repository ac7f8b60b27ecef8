/**
 * Relating two complaints: an event on both, each naming the other; linking twice writes nothing;
 * the schema refuses a link to itself or an id that is not the named tracking number's complaint;
 * the reducer keeps the state and adds only the trail entry, in every status.
 */
import { describe, expect, it } from 'vitest';
import { resealed } from '../ids/content-id.fixtures';
import { reduceComplaint } from './complaint-state';
import { eventDocSchema, relatedEventSchema, type EventDoc } from './events';
import { decideLink, relatedComplaintIds, type RelatedEvent } from './related-complaints';
import { OFFICER, deskIn, intake } from './workflow.fixtures';

const first = intake(7);
const second = intake(42);
const clock = { at: new Date('2026-11-24T01:00:00.000Z'), eventSequences: [501, 502] as const };

function stateOf(target: typeof first, events: readonly EventDoc[] = []) {
  return reduceComplaint(target.complaint, [
    target.received,
    ...events.filter((event) => event.complaintId === target.complaint._id),
  ]);
}

/** Both events of a first link of `second` to `first` (on `second`, then on `first`). */
function linked(): readonly [RelatedEvent, RelatedEvent] {
  const decision = decideLink(stateOf(second), stateOf(first), OFFICER, clock);
  const [onSecond, onFirst] = decision.outcome === 'linked' ? decision.events : [];
  if (!onSecond || !onFirst) throw new Error(JSON.stringify(decision));
  return [onSecond, onFirst];
}

describe('decideLink', () => {
  it('writes a related event on both complaints, each naming the other', () => {
    const [onSecond, onFirst] = linked();
    expect(onSecond).toMatchObject({
      kind: 'related',
      complaintId: second.complaint._id,
      relatedComplaintId: first.complaint._id,
      relatedTrackingNumber: first.complaint.trackingNumber,
    });
    expect(onFirst).toMatchObject({
      kind: 'related',
      complaintId: first.complaint._id,
      relatedComplaintId: second.complaint._id,
      relatedTrackingNumber: second.complaint.trackingNumber,
    });
    expect(eventDocSchema.parse(onSecond)).toEqual(onSecond);
    expect(eventDocSchema.parse(onFirst)).toEqual(onFirst);
  });

  it('is a no-op the second time, and completes a one-sided link', () => {
    const events = linked();
    expect(decideLink(stateOf(second, events), stateOf(first, events), OFFICER, clock)).toEqual({
      outcome: 'already-linked',
    });
    expect(decideLink(stateOf(first, events), stateOf(second, events), OFFICER, clock)).toEqual({
      outcome: 'already-linked',
    });
    const oneSided = decideLink(stateOf(second, [events[0]]), stateOf(first), OFFICER, clock);
    expect(oneSided.outcome === 'linked' ? oneSided.events.map((e) => e.complaintId) : oneSided).toEqual([
      first.complaint._id,
    ]);
  });

  it('refuses to relate a complaint to itself', () => {
    expect(decideLink(stateOf(first), stateOf(first), OFFICER, clock)).toEqual({
      outcome: 'refused',
      key: 'workflow.related.self',
    });
  });
});

describe('the related schema', () => {
  it('refuses a link to itself and an id of another tracking number', () => {
    const [onSecond] = linked();
    const self = resealed({
      ...onSecond,
      relatedComplaintId: second.complaint._id,
      relatedTrackingNumber: second.complaint.trackingNumber,
    });
    expect(relatedEventSchema.safeParse(self).success).toBe(false);
    const mismatched = resealed({ ...onSecond, relatedTrackingNumber: second.complaint.trackingNumber });
    expect(relatedEventSchema.safeParse(mismatched).success).toBe(false);
    const notATrackingNumber = resealed({ ...onSecond, relatedTrackingNumber: 'KBM-1' });
    expect(relatedEventSchema.safeParse(notATrackingNumber).success).toBe(false);
  });
});

describe('the reducer', () => {
  it('adds only the trail entry, in every status', () => {
    const events = linked();
    const before = stateOf(first);
    const after = stateOf(first, events);
    expect(after.trail.at(-1)).toMatchObject({ kind: 'related', applied: true });
    expect(relatedComplaintIds(after)).toEqual([second.complaint._id]);
    expect({ ...after, trail: before.trail, lastEventAt: before.lastEventAt, eventCount: 1 }).toEqual(before);
    for (const name of ['closed', 'archived', 'on-hold'] as const) {
      const desk = deskIn(name, first);
      const state = desk.state;
      const decision = decideLink(state, stateOf(second), OFFICER, {
        ...clock,
        at: new Date('2027-06-01T00:00:00.000Z'),
      });
      const event = decision.outcome === 'linked' ? decision.events[0] : undefined;
      if (!event) throw new Error(name);
      const next = reduceComplaint(first.complaint, [...desk.events, event]);
      expect(next.status, name).toBe(state.status);
      expect(next.trail.at(-1), name).toMatchObject({ kind: 'related', applied: true });
    }
  });
});
