/**
 * The shape of a complaint's derived state (./complaint-state reduces it from the events).
 */
import type { OfficerRef } from '../complaint/complaint-schema';
import type { ComplaintStatus, PrivacyMode } from '../complaint/vocabulary';
import type { CurrentFields } from './corrections';
import type { ArchiveReason, CorrectableField, SatisfactionSource } from './event-vocabulary';
import type { EventKind, EventPayload } from './events';
import type { WorkflowAction } from './workflow-actions';

/** Why an event in the trail changed nothing. */
export const TRAIL_REFUSALS = ['workflow.refused.notAllowed', 'workflow.refused.invalid'] as const;
export type TrailRefusal = (typeof TRAIL_REFUSALS)[number];

type TrailEntryOf<K extends EventKind> = Readonly<{
  eventId: string;
  kind: K;
  at: string;
  by: OfficerRef;
  /** The device that wrote the event. */
  deviceCode: string;
  /**
   * False when the event met a state in which its action is not allowed (two offline devices
   * acted on one complaint) or its content is not valid: it stays in the trail, changing nothing.
   */
  applied: boolean;
  refusal?: TrailRefusal;
  /** The status after this entry (for a refused entry: the status it met). */
  status: ComplaintStatus;
  /** The kind's own fields, for display. */
  details: Readonly<EventPayload<K>>;
}>;
export type TrailEntry = { [K in EventKind]: TrailEntryOf<K> }[EventKind];

export type ComplaintStages = Readonly<{
  receivedAt: string;
  verifiedAt?: string;
  /** The latest disposition (by verify with an office, or by dispose). */
  disposedAt?: string;
  /** The latest follow-up. */
  followedUpAt?: string;
  /** The latest response sent to the complainant. */
  answeredAt?: string;
  closedAt?: string;
  archivedAt?: string;
  forwardedAt?: string;
}>;

/** An active hold (tunda). Its until-date may have passed: see `ComplaintState.hold`. */
export type HoldState = Readonly<{ reason: string; until: string; since: string }>;
/** An ended hold: from its start to the action that ended it; `until` as it was set. */
export type HoldPeriod = Readonly<{ from: string; to: string; until: string }>;
export type ArchiveState = Readonly<{ reason: ArchiveReason; duplicateOf: string | null; otherText: string }>;
export type SatisfactionState = Readonly<{
  score: number;
  comment: string;
  collectedVia: SatisfactionSource;
  at: string;
}>;

/** What was sent to SP4N-LAPOR! (docs/domain.md, 'Workflow'): by the LAPOR! export or recorded by hand. */
export type LaporState = Readonly<{
  firstForwardedAt: string;
  lastForwardedAt: string;
  /** The latest LAPOR! id recorded, or null while none is known. */
  laporId: string | null;
  /** True when any forwarding included the complainant's identity. */
  identityShared: boolean;
  /** How many times forwarding was recorded. */
  records: number;
}>;

export type ComplaintState = Readonly<{
  complaintId: string;
  trackingNumber: string;
  status: ComplaintStatus;
  /** The privacy mode now: the complaint's own, changed by privacy-change events. */
  privacyMode: PrivacyMode;
  /** From the complaint document (authoritative even before its received event has synced). */
  receivedAt: string;
  /** `at` of the latest event in the trail, or null when no event has been seen yet. */
  lastEventAt: string | null;
  /** Distinct events of this complaint: the length of the trail (applied or not). */
  eventCount: number;
  /** Events of this complaint passed in again under an id already seen; applied once. */
  duplicateEvents: number;
  /** Events passed in that belong to another complaint; left out of the state. */
  ignoredEvents: number;
  stages: ComplaintStages;
  /** The office currently responsible (set by a disposition); null until then. */
  currentOffice: string | null;
  /**
   * The active hold; non-null exactly while the status is on-hold. A hold whose until-date has
   * passed stays here until the next action: the SLA code treats it as ended on that date.
   */
  hold: HoldState | null;
  holdPeriods: readonly HoldPeriod[];
  /** The body the complaint was forwarded to (status forwarded). */
  forwardedTo: string | null;
  /** Why it was archived (status archived). */
  archive: ArchiveState | null;
  /** The outcome summary (status closed). */
  outcome: string | null;
  lastResponseAt: string | null;
  /** True when the complainant replied after the latest response. */
  replyAfterLastResponse: boolean;
  /** The latest satisfaction rating. */
  satisfaction: SatisfactionState | null;
  reopenCount: number;
  /** Forwarding to SP4N-LAPOR!, or null when never recorded. */
  lapor: LaporState | null;
  /** The latest corrected value of each corrected field. */
  corrections: Readonly<Partial<Record<CorrectableField, string>>>;
  /** The complaint's correctable fields with the corrections applied. */
  current: CurrentFields;
  allowedActions: readonly WorkflowAction[];
  /** Every distinct event, in the order applied (`compareEvents`). */
  trail: readonly TrailEntry[];
}>;
