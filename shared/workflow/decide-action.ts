/**
 * Commands: whether a person may take an action on a complaint now, and the event document it
 * writes. A refused action writes nothing and is refused with a clear message (a message key).
 * Pure: the caller supplies the clock and the device's event counter, and stores the event.
 */
import type { OfficerRef } from '../complaint/complaint-schema';
import { SCHEMA_VERSION } from '../complaint/vocabulary';
import { sealImmutable } from '../ids/content-id';
import { eventBaseId } from '../ids/document-ids';
import { formatTrackingNumber, parseTrackingNumber } from '../ids/tracking-number';
import { isMessageKey, type MessageKey, type ValidationIssue } from '../messages/validation-messages';
import { toIsoInstant } from '../time/iso-instant';
import { daysBetween, isIsoDate } from '../time/local-date';
import { parseDateInput } from '../time/date-input';
import { readActionInput } from './action-inputs';
import type { ComplaintState } from './complaint-state-types';
import { correctionProblem } from './corrections';
import { isCorrectableField } from './event-vocabulary';
import { EVENT_SCHEMAS, type EventDoc } from './events';
import { payloadIssues, type KindedPayload } from './payload-rules';
import { canPerform, type Role } from './roles';
import { EVENT_KIND_OF_ACTION, isActionAllowed, type WorkflowAction } from './workflow-actions';

export { ACTION_FIELDS, readActionInput } from './action-inputs';
export type { ActionInput, ActionInputs, FieldSpec } from './action-inputs';

export type Actor = Readonly<{ officer: OfficerRef; role: Role; deviceCode: string; unitCode: string }>;
export type ActionClock = Readonly<{
  at: Date;
  /** This device's next event sequence number (never reused). */
  eventSequence: number;
  /**
   * The unit-local date of `at` (YYYY-MM-DD). Give it: without it the UTC date of `at` stands
   * in, which in Indonesia (UTC+7 to +9) can be the day before.
   */
  localDate?: string;
}>;
export type Decision = { ok: true; event: EventDoc } | { ok: false; issues: ValidationIssue[] };

type Values = Record<string, unknown>;

/** The derived fields and the rules that need the complaint or the clock, per action. */
function complete(
  action: WorkflowAction,
  values: Values,
  state: ComplaintState,
  today: string,
): ValidationIssue[] {
  switch (action) {
    case 'hold':
      // A blank or unreadable date has its issue already (and daysBetween would throw on it).
      if (
        typeof values.until === 'string' &&
        isIsoDate(values.until) &&
        daysBetween(today, values.until) <= 0
      ) {
        return [{ path: 'until', key: 'workflow.hold.untilPast' }];
      }
      return [];
    case 'archive': {
      const duplicateOf =
        typeof values.duplicateOf === 'string' ? parseTrackingNumber(values.duplicateOf) : null;
      if (values.reason !== 'duplicate') values.duplicateOf = null;
      else if (duplicateOf) values.duplicateOf = formatTrackingNumber(duplicateOf);
      if (values.reason !== 'other') values.otherText = '';
      return [];
    }
    case 'correct': {
      const { field, newValue } = values;
      if (!isCorrectableField(field) || typeof newValue !== 'string') return [];
      const value = field === 'incidentDate' ? (parseDateInput(newValue) ?? newValue) : newValue;
      values.newValue = value;
      values.oldValue = state.current[field];
      const problem = correctionProblem(field, value, today);
      return problem ? [{ path: 'newValue', ...problem }] : [];
    }
    case 'record-lapor':
      // Identity may only ever go to LAPOR! for a named complaint (docs/domain.md, 'Privacy modes').
      return values.includesIdentity === true && state.privacyMode !== 'named'
        ? [{ path: 'includesIdentity', key: 'workflow.lapor.identityNotNamed' }]
        : [];
    case 'change-privacy':
      values.from = state.privacyMode;
      // Anonymous = no identity stored at all (docs/domain.md): the reporter document is deleted.
      values.identityDeleted = values.to === 'anonymous';
      return [];
    default:
      return [];
  }
}

function schemaIssues(
  issues: readonly { path: PropertyKey[]; message: string; code: string }[],
): ValidationIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const key: MessageKey = isMessageKey(issue.message) ? issue.message : 'validation.invalid';
    const max = 'maximum' in issue && typeof issue.maximum === 'number' ? issue.maximum : undefined;
    return key === 'validation.tooLong' && max !== undefined ? { path, key, params: { max } } : { path, key };
  });
}

/**
 * The time of the event: the clock's, but always after every event `state` was reduced from (and
 * after intake). The reducer orders events by time, then id: an event stamped at or before one
 * its decision saw, by a device whose clock is behind another's (clocks drift offline), would be
 * replayed before it and could be refused there although it was decided as allowed.
 */
export function eventTime(state: ComplaintState, clockAt: string): string {
  const latest =
    state.lastEventAt !== null && state.lastEventAt > state.receivedAt ? state.lastEventAt : state.receivedAt;
  return clockAt > latest ? clockAt : toIsoInstant(new Date(Date.parse(latest) + 1));
}

/**
 * Decides `action` on the complaint in `state`: refused when not allowed in its status
 * (`workflow.refused.notAllowed`, params {action, status}), when the actor's role may not take it
 * (`workflow.refused.role`, params {action, role}), or when the input has problems (paths are the
 * event's field names); otherwise the event to store, checked against its schema. Throws a
 * RangeError for an invalid clock or event sequence (the caller's bug, not the officer's). The
 * event's `at` is the clock's, moved to 1 ms after the latest event of `state` when the clock is
 * not past it (see `eventTime`).
 */
export function decideAction(
  state: ComplaintState,
  action: WorkflowAction,
  input: unknown,
  actor: Actor,
  clock: ActionClock,
): Decision {
  if (!isActionAllowed(state, action)) {
    return {
      ok: false,
      issues: [{ path: '', key: 'workflow.refused.notAllowed', params: { action, status: state.status } }],
    };
  }
  if (!canPerform(actor.role, action)) {
    return {
      ok: false,
      issues: [{ path: '', key: 'workflow.refused.role', params: { action, role: actor.role } }],
    };
  }
  const clockAt = toIsoInstant(clock.at);
  const at = eventTime(state, clockAt);
  const today = clock.localDate ?? clockAt.slice(0, 10);
  if (!isIsoDate(today)) throw new RangeError(`decideAction: invalid localDate ${JSON.stringify(today)}`);
  const { values, issues } = readActionInput(action, input, { office: state.currentOffice });
  if (issues.length > 0 && issues[0]?.path === '') return { ok: false, issues };
  const contextIssues = complete(action, values, state, today);
  const kind = EVENT_KIND_OF_ACTION[action];
  const seen = new Set(issues.map((issue) => issue.path));
  const fresh = (issue: ValidationIssue): boolean => !seen.has(issue.path) && (seen.add(issue.path), true);
  issues.push(...contextIssues.filter(fresh));
  if (issues.length > 0) return { ok: false, issues };
  // Sound: readActionInput gave every field of the kind a value of its type, and `complete` the derived ones.
  const kinded = { kind, ...values } as KindedPayload;
  const ruleIssues = payloadIssues(kinded, state.trackingNumber).filter(fresh);
  if (ruleIssues.length > 0) return { ok: false, issues: ruleIssues };
  const event = {
    type: 'event',
    schemaVersion: SCHEMA_VERSION,
    unitCode: actor.unitCode,
    complaintId: state.complaintId,
    trackingNumber: state.trackingNumber,
    kind,
    at,
    by: { officerId: actor.officer.officerId, name: actor.officer.name },
    deviceCode: actor.deviceCode,
    ...values,
  };
  const parsed = EVENT_SCHEMAS[kind].safeParse(
    sealImmutable(event, eventBaseId(state.trackingNumber, at, actor.deviceCode, clock.eventSequence)),
  );
  return parsed.success
    ? { ok: true, event: parsed.data }
    : { ok: false, issues: schemaIssues(parsed.error.issues) };
}
