/**
 * Linking two complaints of the unit as related (docs/domain.md, 'Duplicates at intake'): a
 * `related` event on BOTH complaints, each naming the other, stored together by the caller. A link
 * is not a transition: it is allowed in every status and changes nothing but the trail. Linking
 * twice is a no-op: only the side that does not name the other yet gets an event (both, the first
 * time; one, when the other side's event arrived from another device alone). Pure: the caller
 * supplies the clock and two event sequence numbers of its device.
 */
import { SCHEMA_VERSION } from '../complaint/vocabulary';
import { sealImmutable } from '../ids/content-id';
import { eventBaseId } from '../ids/document-ids';
import { toIsoInstant } from '../time/iso-instant';
import type { ComplaintState } from './complaint-state-types';
import { eventTime, type Actor } from './decide-action';
import { relatedEventSchema, type EventOfKind } from './events';

export type RelatedEvent = EventOfKind<'related'>;

export type LinkClock = Readonly<{
  at: Date;
  /** Two of this device's next event sequence numbers (never reused), one per side. */
  eventSequences: readonly [number, number];
}>;

export type LinkDecision =
  | Readonly<{ outcome: 'linked'; events: readonly RelatedEvent[] }>
  | Readonly<{ outcome: 'already-linked' }>
  | Readonly<{ outcome: 'refused'; key: 'workflow.related.self' }>;

/** The complaint ids `state` is already related to (its `related` trail entries). */
export function relatedComplaintIds(state: ComplaintState): readonly string[] {
  const ids: string[] = [];
  for (const entry of state.trail) {
    if (entry.kind === 'related' && !ids.includes(entry.details.relatedComplaintId)) {
      ids.push(entry.details.relatedComplaintId);
    }
  }
  return ids;
}

/** The tracking numbers of the complaints `state` is related to, each once, oldest link first. */
export function relatedTrackingNumbers(state: ComplaintState): readonly string[] {
  const numbers: string[] = [];
  for (const entry of state.trail) {
    if (entry.kind === 'related' && !numbers.includes(entry.details.relatedTrackingNumber)) {
      numbers.push(entry.details.relatedTrackingNumber);
    }
  }
  return numbers;
}

function relatedEvent(
  state: ComplaintState,
  other: ComplaintState,
  actor: Actor,
  at: Date,
  sequence: number,
): RelatedEvent {
  const time = eventTime(state, toIsoInstant(at));
  return relatedEventSchema.parse(
    sealImmutable(
      {
        type: 'event',
        schemaVersion: SCHEMA_VERSION,
        unitCode: actor.unitCode,
        complaintId: state.complaintId,
        trackingNumber: state.trackingNumber,
        kind: 'related',
        at: time,
        by: { officerId: actor.officer.officerId, name: actor.officer.name },
        deviceCode: actor.deviceCode,
        relatedComplaintId: other.complaintId,
        relatedTrackingNumber: other.trackingNumber,
      } satisfies Omit<RelatedEvent, '_id' | '_rev'>,
      eventBaseId(state.trackingNumber, time, actor.deviceCode, sequence),
    ),
  );
}

/** The events that relate `from` and `to` (each side that does not name the other yet). */
export function decideLink(
  from: ComplaintState,
  to: ComplaintState,
  actor: Actor,
  clock: LinkClock,
): LinkDecision {
  if (from.complaintId === to.complaintId) return { outcome: 'refused', key: 'workflow.related.self' };
  const events: RelatedEvent[] = [];
  if (!relatedComplaintIds(from).includes(to.complaintId)) {
    events.push(relatedEvent(from, to, actor, clock.at, clock.eventSequences[0]));
  }
  if (!relatedComplaintIds(to).includes(from.complaintId)) {
    events.push(relatedEvent(to, from, actor, clock.at, clock.eventSequences[1]));
  }
  return events.length === 0 ? { outcome: 'already-linked' } : { outcome: 'linked', events };
}
