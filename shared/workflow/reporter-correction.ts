/**
 * Correcting the complainant's contact details (docs/domain.md, 'Privacy modes'). The identity
 * lives in the mutable reporter document (docs/decisions/002-reporter-documents-apart.md), so a
 * correction rewrites that document; a `reporter-corrected` event records who corrected which
 * fields and when, never the values: events are kept for ever and replicate, the identity must
 * stay in its one deletable document.
 *
 * Who may: supervisors and managers (ACTION_ROLES['correct-reporter']); for a confidential
 * complaint only a role that may see it; never for an anonymous complaint (it has no identity).
 * The new values obey the intake rules (../complaint/intake-checks `checkReporter`): a name, one
 * way to reach the complainant, a NIK of 16 digits (pasted groups joined), valid phone and e-mail.
 * A correction is not a transition: it is allowed in every status. Pure: the caller supplies the
 * clock and the device's event counter, and stores both documents.
 */
import { reporterDocSchema, type ReporterDoc } from '../complaint/complaint-schema';
import { checkReporter, isRecord, type IssueCollector } from '../complaint/intake-checks';
import { EMPTY_REPORTER, REPORTER_FIELD_NAMES, type ReporterFieldName } from '../complaint/reporter-fields';
import { SCHEMA_VERSION, type PrivacyMode } from '../complaint/vocabulary';
import { sealImmutable } from '../ids/content-id';
import { eventBaseId, reporterId } from '../ids/document-ids';
import type { ValidationIssue } from '../messages/validation-messages';
import { toIsoInstant } from '../time/iso-instant';
import type { ComplaintState } from './complaint-state-types';
import { eventTime, type ActionClock, type Actor } from './decide-action';
import { reporterCorrectedEventSchema, type EventOfKind } from './events';
import { canPerform, canSeeConfidential, type Role } from './roles';

/** New values of some reporter fields; a field left out keeps its value. */
export type ReporterChanges = Readonly<Partial<Record<ReporterFieldName, string>>>;

export type ReporterCorrectedEvent = EventOfKind<'reporter-corrected'>;

export type ReporterCorrection =
  | Readonly<{
      outcome: 'corrected';
      /** The fields whose value changed, in REPORTER_FIELD_NAMES order. */
      fields: readonly ReporterFieldName[];
      /** The reporter document to store over the revision it was read at (its `_rev`). */
      reporter: ReporterDoc;
      event: ReporterCorrectedEvent;
    }>
  /** Every value is what the document already holds (after trimming): nothing to write. */
  | Readonly<{ outcome: 'unchanged' }>
  /** Not this role, not this complaint, or the values break a rule; paths are field names ('' for the whole). */
  | Readonly<{ outcome: 'refused'; issues: readonly ValidationIssue[] }>;

/** Why `role` may not correct the reporter of a complaint in `privacyMode`, or null when it may. */
export function reporterCorrectionRefusal(role: Role, privacyMode: PrivacyMode): ValidationIssue | null {
  if (privacyMode === 'anonymous') return { path: '', key: 'workflow.reporter.anonymous' };
  if (!canPerform(role, 'correct-reporter')) return { path: '', key: 'workflow.reporter.role' };
  if (privacyMode === 'confidential' && !canSeeConfidential(role)) {
    return { path: '', key: 'workflow.reporter.confidential' };
  }
  return null;
}

export function mayCorrectReporter(role: Role, privacyMode: PrivacyMode): boolean {
  return reporterCorrectionRefusal(role, privacyMode) === null;
}

const refused = (issues: readonly ValidationIssue[]): ReporterCorrection => ({ outcome: 'refused', issues });

/**
 * An empty reporter document for the complaint in `state`, to record the complainant's identity
 * after intake: a complaint anonymous at intake and identified since, or one whose identity was
 * deleted by a privacy change since undone. Null while the complaint is anonymous. Its
 * `privacyMode` is the complaint's now (the server refuses a reporter of an anonymous complaint).
 */
export function blankReporterDoc(state: ComplaintState, unitCode: string): ReporterDoc | null {
  if (state.privacyMode === 'anonymous') return null;
  return {
    _id: reporterId(state.trackingNumber),
    type: 'reporter',
    schemaVersion: SCHEMA_VERSION,
    unitCode,
    complaintId: state.complaintId,
    trackingNumber: state.trackingNumber,
    privacyMode: state.privacyMode,
    ...EMPTY_REPORTER,
  };
}

/**
 * Decides a correction of `reporter` (the complaint's reporter document as this device holds it,
 * `blankReporterDoc` to record the identity anew, null when it is not here) with `changes`, by `actor`: the new reporter document and the event
 * naming the changed fields, or why not. The event's time follows the latest event of `state`
 * as in decideAction.
 */
export function decideReporterCorrection(
  state: ComplaintState,
  reporter: ReporterDoc | null,
  changes: unknown,
  actor: Actor,
  clock: ActionClock,
): ReporterCorrection {
  const refusal = reporterCorrectionRefusal(actor.role, state.privacyMode);
  if (refusal) return refused([refusal]);
  if (reporter?.complaintId !== state.complaintId) {
    return refused([{ path: '', key: 'workflow.reporter.missing' }]);
  }
  if (!isRecord(changes)) return refused([{ path: '', key: 'validation.invalid' }]);
  const merged = Object.fromEntries(
    REPORTER_FIELD_NAMES.map((field) => [
      field,
      changes[field] === undefined ? reporter[field] : changes[field],
    ]),
  );
  const out: IssueCollector = { issues: [], warnings: [] };
  const next = checkReporter(merged, state.privacyMode, out);
  if (out.issues.length > 0) {
    return refused(out.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^reporter\.?/, '') })));
  }
  const fields = REPORTER_FIELD_NAMES.filter((field) => next[field] !== reporter[field]);
  if (fields.length === 0) return { outcome: 'unchanged' };
  const at = eventTime(state, toIsoInstant(clock.at));
  const event = reporterCorrectedEventSchema.parse(
    sealImmutable(
      {
        type: 'event',
        schemaVersion: SCHEMA_VERSION,
        unitCode: actor.unitCode,
        complaintId: state.complaintId,
        trackingNumber: state.trackingNumber,
        kind: 'reporter-corrected',
        at,
        by: { officerId: actor.officer.officerId, name: actor.officer.name },
        deviceCode: actor.deviceCode,
        fields,
      } satisfies Omit<ReporterCorrectedEvent, '_id' | '_rev'>,
      eventBaseId(state.trackingNumber, at, actor.deviceCode, clock.eventSequence),
    ),
  );
  return {
    outcome: 'corrected',
    fields,
    // This revision is the correcting device's and officer's (../unit/changed-by).
    reporter: reporterDocSchema.parse({
      ...reporter,
      ...next,
      lastChangedBy: { device: actor.deviceCode, officer: actor.officer.officerId },
    }),
    event,
  };
}
