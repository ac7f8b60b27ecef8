/**
 * The event that records a deletion of identity at the end of its retention period
 * (./identity-retention): an `identity-deleted` event with reason `retention` and the months the
 * unit's setting said. It says that the identity was deleted and why, never what it was. Written
 * with the deletion of the reporter document, in one write, by the client core's retention task.
 *
 * Two devices may run the task on the same complaint before they sync: each writes its own event
 * (an event id names its device and sequence), both delete the same reporter document (two
 * tombstones, no conflict). Harmless: the kind changes no state, the trail shows each device's
 * record, and a device that already holds one such event writes no other (`hasRetentionDeletion`).
 * Pure: the caller supplies the clock and one of its device's event sequence numbers.
 */
import { SCHEMA_VERSION } from '../complaint/vocabulary';
import { sealImmutable } from '../ids/content-id';
import { eventBaseId } from '../ids/document-ids';
import { toIsoInstant } from '../time/iso-instant';
import type { ComplaintState } from '../workflow/complaint-state-types';
import { eventTime, type Actor } from '../workflow/decide-action';
import { identityDeletedEventSchema, type EventOfKind } from '../workflow/events';

export type IdentityDeletedEvent = EventOfKind<'identity-deleted'>;

/** Whether the trail already records a deletion of identity for retention (the only reason so far). */
export function hasRetentionDeletion(state: Pick<ComplaintState, 'trail'>): boolean {
  return state.trail.some((entry) => entry.kind === 'identity-deleted');
}

/** The retention deletion's event on the complaint in `state`, by `actor` at `at`. */
export function retentionDeletionEvent(
  state: ComplaintState,
  actor: Omit<Actor, 'role'>,
  clock: Readonly<{ at: Date; eventSequence: number }>,
  retentionMonths: number,
): IdentityDeletedEvent {
  const time = eventTime(state, toIsoInstant(clock.at));
  return identityDeletedEventSchema.parse(
    sealImmutable(
      {
        type: 'event',
        schemaVersion: SCHEMA_VERSION,
        unitCode: actor.unitCode,
        complaintId: state.complaintId,
        trackingNumber: state.trackingNumber,
        kind: 'identity-deleted',
        at: time,
        by: { officerId: actor.officer.officerId, name: actor.officer.name },
        deviceCode: actor.deviceCode,
        reason: 'retention',
        retentionMonths,
      } satisfies Omit<IdentityDeletedEvent, '_id' | '_rev'>,
      eventBaseId(state.trackingNumber, time, actor.deviceCode, clock.eventSequence),
    ),
  );
}
