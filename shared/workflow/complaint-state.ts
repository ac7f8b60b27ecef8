/**
 * A complaint's current state: a pure reducer over its event documents
 * (docs/decisions/001-append-only-events.md). The same set of events gives the same state on every
 * device, whatever order replication delivered them in, so offline devices agree once they have
 * synced.
 */
import type { ComplaintDoc } from '../complaint/complaint-schema';
import { applyEvent } from './apply-event';
import type { ComplaintState } from './complaint-state-types';
import { currentFieldsOf } from './corrections';
import type { EventDoc } from './events';
import { allowedActionsFor } from './workflow-actions';

export { applyEvent } from './apply-event';
export type * from './complaint-state-types';
export { TRAIL_REFUSALS } from './complaint-state-types';
export { WORKFLOW_ACTIONS, allowedActionsFor } from './workflow-actions';
export type { WorkflowAction } from './workflow-actions';

/** The state of a complaint before any event: status 'new'. */
export function initialComplaintState(complaint: ComplaintDoc): ComplaintState {
  return {
    complaintId: complaint._id,
    trackingNumber: complaint.trackingNumber,
    status: 'new',
    privacyMode: complaint.privacyMode,
    receivedAt: complaint.receivedAt,
    lastEventAt: null,
    eventCount: 0,
    duplicateEvents: 0,
    ignoredEvents: 0,
    stages: { receivedAt: complaint.receivedAt },
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
    current: currentFieldsOf(complaint),
    allowedActions: allowedActionsFor({ status: 'new', currentOffice: null }),
    trail: [],
  };
}

/** Deterministic event order: by `at`, then `_id`, then content (only equal ids reach it). */
export function compareEvents(a: EventDoc, b: EventDoc): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a._id !== b._id) return a._id < b._id ? -1 : 1;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/**
 * The current state of `complaint` from its events. Events of other complaints are ignored and
 * counted in `ignoredEvents`; an event id seen twice (for example once from a local query and
 * once from replication) is applied once and counted in `duplicateEvents`. Independent of the
 * order of `events`: every own event is either in the trail or a duplicate of one that is.
 */
export function reduceComplaint(complaint: ComplaintDoc, events: readonly EventDoc[]): ComplaintState {
  const own = events.filter((event) => event.complaintId === complaint._id);
  const sorted = [...own].sort(compareEvents);
  const seen = new Set<string>();
  let state = initialComplaintState(complaint);
  for (const event of sorted) {
    if (seen.has(event._id)) continue;
    seen.add(event._id);
    state = applyEvent(state, event);
  }
  return {
    ...state,
    duplicateEvents: own.length - seen.size,
    ignoredEvents: events.length - own.length,
  };
}
