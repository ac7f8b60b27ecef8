/**
 * One event applied to a complaint's state: the transitions of the workflow. An event whose
 * action is not allowed in the state it meets is kept in the trail, refused, and changes nothing
 * else: with offline devices this happens (one device verifies while another archives), and
 * dropping it would lose the record that someone acted.
 */
import { applyCorrection } from './corrections';
import { payloadOf, type EventDoc, type EventKind } from './events';
import type { ComplaintState, TrailEntry, TrailRefusal } from './complaint-state-types';
import {
  ACTION_OF_EVENT_KIND,
  allowedActionsFor,
  isActionAllowed,
  type WorkflowAction,
} from './workflow-actions';

/** The state after `event`'s transition, or null when its content cannot be applied. */
function transition(state: ComplaintState, event: EventDoc): ComplaintState | null {
  const { at } = event;
  const stages = state.stages;
  switch (event.kind) {
    case 'received':
      // Intake: the complaint is new; receivedAt stays the complaint document's own.
      return state;
    case 'verify': {
      const office = event.dispositionOffice;
      return {
        ...state,
        status: 'verified',
        currentOffice: office,
        stages:
          office === null ? { ...stages, verifiedAt: at } : { ...stages, verifiedAt: at, disposedAt: at },
      };
    }
    case 'hold':
      return { ...state, status: 'on-hold', hold: { reason: event.reason, until: event.until, since: at } };
    case 'not-our-authority':
      return {
        ...state,
        status: 'forwarded',
        forwardedTo: event.forwardedTo,
        stages: { ...stages, forwardedAt: at },
      };
    case 'archive': {
      const { reason, duplicateOf, otherText } = event;
      return {
        ...state,
        status: 'archived',
        archive: { reason, duplicateOf, otherText },
        stages: { ...stages, archivedAt: at },
      };
    }
    case 'dispose':
      return {
        ...state,
        status: 'verified',
        currentOffice: event.office,
        stages: { ...stages, disposedAt: at },
      };
    case 'follow-up':
      return { ...state, status: 'followed-up', stages: { ...stages, followedUpAt: at } };
    case 'response':
      return {
        ...state,
        status: 'answered',
        lastResponseAt: at,
        replyAfterLastResponse: false,
        stages: { ...stages, answeredAt: at },
      };
    case 'complainant-reply':
      // A reply asking for more sends the complaint back to the office that has it.
      return {
        ...state,
        status: event.needsFurtherAction ? 'verified' : state.status,
        replyAfterLastResponse: true,
      };
    case 'satisfaction': {
      const { score, comment, collectedVia } = event;
      return { ...state, satisfaction: { score, comment, collectedVia, at } };
    }
    case 'close':
      return { ...state, status: 'closed', outcome: event.outcome, stages: { ...stages, closedAt: at } };
    case 'reopen': {
      // The earlier closing, archiving or forwarding stays in the trail.
      const { closedAt: _closed, archivedAt: _archived, forwardedAt: _forwarded, ...open } = stages;
      return {
        ...state,
        status: state.currentOffice === null ? 'new' : 'verified',
        reopenCount: state.reopenCount + 1,
        outcome: null,
        archive: null,
        forwardedTo: null,
        stages: open,
      };
    }
    case 'correct-field': {
      const current = applyCorrection(state.current, event.field, event.newValue);
      if (current === null) return null;
      return { ...state, current, corrections: { ...state.corrections, [event.field]: event.newValue } };
    }
    case 'note':
      return state;
    case 'privacy-change':
      return { ...state, privacyMode: event.to };
    case 'lapor-forwarded': {
      // Reporting upward, not handling: the status stays. A later record may add the LAPOR! id.
      const earlier = state.lapor;
      const laporId = event.laporId.trim() === '' ? (earlier?.laporId ?? null) : event.laporId;
      return {
        ...state,
        lapor: {
          firstForwardedAt: earlier?.firstForwardedAt ?? at,
          lastForwardedAt: at,
          laporId,
          identityShared: (earlier?.identityShared ?? false) || event.includesIdentity,
          records: (earlier?.records ?? 0) + 1,
        },
      };
    }
    case 'reporter-corrected':
      // The reporter document changed; the complaint's state does not (only the trail entry).
      return state;
    case 'related':
      // A link to another complaint: only the trail entry (docs/domain.md, 'Duplicates at intake').
      return state;
    case 'identity-deleted':
      // The reporter document was deleted (retention); the complaint's state does not change.
      return state;
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown event kind: ${JSON.stringify(unknownEvent)}`);
    }
  }
}

/**
 * Ends an active hold when the complaint leaves on-hold (the hold ends with the next action that
 * moves it on: verify, not-our-authority, archive). Notes, corrections and privacy changes leave
 * it running, so that `hold` is set exactly while the status is on-hold.
 */
function endHold(before: ComplaintState, after: ComplaintState, at: string): ComplaintState {
  const hold = before.hold;
  if (hold === null || after.status === 'on-hold') return after;
  return {
    ...after,
    hold: null,
    holdPeriods: [...after.holdPeriods, { from: hold.since, to: at, until: hold.until }],
  };
}

function trailEntry(event: EventDoc, state: ComplaintState, refusal: TrailRefusal | null): TrailEntry {
  const entry = {
    eventId: event._id,
    kind: event.kind,
    at: event.at,
    by: event.by,
    deviceCode: event.deviceCode,
    applied: refusal === null,
    ...(refusal === null ? {} : { refusal }),
    status: state.status,
    details: payloadOf(event),
  };
  // Sound: `kind` and `details` come from the same event, so they belong to the same kind.
  return entry as TrailEntry;
}

/**
 * The workflow action that writes `kind`, or null for the kinds no action writes: intake, a
 * correction of the reporter document, a link and a deletion of identity at the end of its
 * retention (not transitions). Those are applied in every status.
 */
function actionOfKind(kind: EventKind): WorkflowAction | null {
  return kind === 'received' ||
    kind === 'reporter-corrected' ||
    kind === 'related' ||
    kind === 'identity-deleted'
    ? null
    : ACTION_OF_EVENT_KIND[kind];
}

/** Applies one event of this complaint (its trail entry, then its transition if allowed). */
export function applyEvent(state: ComplaintState, event: EventDoc): ComplaintState {
  const action = actionOfKind(event.kind);
  const allowed = action === null || isActionAllowed(state, action);
  const moved = allowed ? transition(state, event) : null;
  const refusal: TrailRefusal | null = !allowed
    ? 'workflow.refused.notAllowed'
    : moved === null
      ? 'workflow.refused.invalid'
      : null;
  const next = moved === null ? state : endHold(state, moved, event.at);
  return {
    ...next,
    eventCount: state.eventCount + 1,
    lastEventAt: state.lastEventAt === null || event.at > state.lastEventAt ? event.at : state.lastEventAt,
    allowedActions: allowedActionsFor(next),
    trail: [...state.trail, trailEntry(event, next, refusal)],
  };
}
