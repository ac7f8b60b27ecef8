/**
 * A complaint's current state: a pure reducer over its event documents (design.md §3, decision 3).
 * The same set of events gives the same state on every device, whatever order replication
 * delivered them in, so offline devices agree once they have synced.
 */
import type { ComplaintDoc, OfficerRef } from '../complaint/complaint-schema';
import type { ComplaintStatus, PrivacyMode } from '../complaint/vocabulary';
import type { EventDoc, EventKind } from './events';
import { allowedActionsFor } from './workflow-actions';
import type { WorkflowAction } from './workflow-actions';

export { WORKFLOW_ACTIONS, allowedActionsFor } from './workflow-actions';
export type { WorkflowAction } from './workflow-actions';

export type TrailEntry = Readonly<{ eventId: string; kind: EventKind; at: string; by: OfficerRef }>;

export type ComplaintStages = Readonly<{
  receivedAt: string;
  verifiedAt?: string;
  disposedAt?: string;
  followedUpAt?: string;
  answeredAt?: string;
  closedAt?: string;
  archivedAt?: string;
}>;

export type ComplaintState = Readonly<{
  complaintId: string;
  trackingNumber: string;
  status: ComplaintStatus;
  privacyMode: PrivacyMode;
  /** From the complaint document (authoritative even before its received event has synced). */
  receivedAt: string;
  /** `at` of the latest event applied, or null when no event has been seen yet. */
  lastEventAt: string | null;
  /** Distinct events of this complaint that were applied. */
  eventCount: number;
  /** Events passed in that belong to another complaint; left out of the state. */
  ignoredEvents: number;
  stages: ComplaintStages;
  /** The office currently responsible (set by a disposition); null until then. */
  currentOffice: string | null;
  allowedActions: readonly WorkflowAction[];
  trail: readonly TrailEntry[];
}>;

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
    ignoredEvents: 0,
    stages: { receivedAt: complaint.receivedAt },
    currentOffice: null,
    allowedActions: allowedActionsFor('new'),
    trail: [],
  };
}

/** Applies one event of this complaint. Every kind is handled; the `never` default proves it. */
export function applyEvent(state: ComplaintState, event: EventDoc): ComplaintState {
  const recorded: ComplaintState = {
    ...state,
    eventCount: state.eventCount + 1,
    lastEventAt: state.lastEventAt === null || event.at > state.lastEventAt ? event.at : state.lastEventAt,
    trail: [...state.trail, { eventId: event._id, kind: event.kind, at: event.at, by: event.by }],
  };
  switch (event.kind) {
    case 'received':
      // Intake: the complaint is new; receivedAt stays the complaint document's own.
      return recorded;
    default: {
      const unknownKind: never = event.kind;
      throw new Error(`Unknown event kind: ${String(unknownKind)}`);
    }
  }
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
 * once from replication) is applied once. Independent of the order of `events`.
 */
export function reduceComplaint(complaint: ComplaintDoc, events: readonly EventDoc[]): ComplaintState {
  const own = events.filter((event) => event.complaintId === complaint._id);
  const sorted = [...own].sort(compareEvents);
  const seen = new Set<string>();
  let state: ComplaintState = {
    ...initialComplaintState(complaint),
    ignoredEvents: events.length - own.length,
  };
  for (const event of sorted) {
    if (seen.has(event._id)) continue;
    seen.add(event._id);
    state = applyEvent(state, event);
  }
  return { ...state, allowedActions: allowedActionsFor(state.status) };
}
