/**
 * The unit's complaints: the lists (pages of the device-local index, counts, what needs attention),
 * one complaint in full with its deadline, finding one by tracking number (fetched from the
 * central on demand while the first download is under way, or on a device with a budget), a workflow action on one, correcting
 * its complainant's details, and saving an attached file through the platform.
 */
import { REPORTER_FIELD_NAMES, type ReporterFieldName } from '../../../shared/complaint/reporter-fields';
import type { ComplaintStatus } from '../../../shared/complaint/vocabulary';
import { isConflict } from '../../../shared/couch/pouch-toolkit';
import { parseTrackingNumber } from '../../../shared/ids/tracking-number';
import type { SaveFileResult } from '../../../shared/platform/platform-contract';
import { complaintSla, type ComplaintSla } from '../../../shared/sla/complaint-sla';
import { attentionHorizon, dueDateState } from '../../../shared/sla/deadline-state';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import { budgetRuleOf } from '../../../shared/sync/device-budget';
import { firstDownloadPending } from '../../../shared/sync/first-download';
import type { ComplaintState } from '../../../shared/workflow/complaint-state';
import { decideAction } from '../../../shared/workflow/decide-action';
import {
  blankReporterDoc,
  decideReporterCorrection,
  reporterCorrectionRefusal,
  type ReporterChanges,
} from '../../../shared/workflow/reporter-correction';
import type { WorkflowAction } from '../../../shared/workflow/workflow-actions';
import type { ComplaintIndexRow } from '../data/complaint-index';
import type { IndexPage } from '../data/complaint-index-queries';
import type { ComplaintDetail } from '../data/complaint-repository';
import type { TamperedRow } from '../data/device-database';
import { EVENT_SEQUENCE } from '../data/device-store';
import { fetchComplaint } from '../sync/fetch-complaint';
import type { RemoteRequest } from '../sync/initial-download';
import { calendarOf, unitToday } from './calendar';
import type { CoreDeps } from './core-deps';
import { UnitKeyLockedError } from '../keys/unit-keyring';

export type NeedsAttention = Readonly<{
  /** Most urgent first (most working days overdue at the top). */
  rows: readonly ComplaintIndexRow[];
  overdue: number;
}>;

export type ActOutcome = Readonly<{ ok: true }> | Readonly<{ ok: false; issues: readonly ValidationIssue[] }>;

/** A correction of the complainant's details as the form sends it. */
export type ReporterCorrectionInput = Readonly<{
  /** The revision of the reporter document the form started from (`ComplaintDetail.reporter._rev`; '' when none was shown). */
  rev: string;
  /** The values as typed; a field left out keeps its value. */
  values: ReporterChanges;
}>;

/**
 * `saved`: the reporter document and the event naming `fields` are stored; `unchanged`: every
 * value is the stored one, nothing was written; `conflict`: the document changed (on another
 * device, synced meanwhile) since the form read it, nothing was written; `refused`: not this
 * role or complaint, or a value breaks a rule (paths are field names, '' for the whole).
 */
export type CorrectReporterOutcome =
  | Readonly<{ outcome: 'saved'; fields: readonly ReporterFieldName[] }>
  | Readonly<{ outcome: 'unchanged' }>
  | Readonly<{ outcome: 'conflict' }>
  | Readonly<{ outcome: 'refused'; issues: readonly ValidationIssue[] }>;

/**
 * A tracking number looked up: `found` (on this device, or `fetched` from the central just now and
 * in the complaint index); `not-found` (no complaint has it: this device holds its whole unit, or
 * the central said so); `not-on-device` while the first download is under way and the central
 * could not be asked (`offline`: no network or no sync running; `unreachable`: it did not answer),
 * with how far the download is (`percent`, null when not known now); `outside-budget` on a device
 * with a budget (shared/sync/device-budget) whose download is done, when the central could not be
 * asked: the complaint may be one this device does not keep.
 */
export type TrackingNumberLookup =
  | Readonly<{ status: 'found'; complaintId: string; fetched: boolean }>
  | Readonly<{ status: 'not-found' }>
  | Readonly<{ status: 'not-on-device'; reason: 'offline' | 'unreachable'; percent: number | null }>
  | Readonly<{ status: 'outside-budget'; reason: 'offline' | 'unreachable' }>;

/** Why a complaint may be on the central and not here: the first download, or the device budget. */
type NotHere =
  Readonly<{ why: 'first-download'; percent: number | null }> | Readonly<{ why: 'outside-budget' }>;

/** How long a fetched complaint may take to reach the complaint index before it is opened anyway. */
export const INDEXED_WAIT_MS = 10_000;

export type ComplaintsOptions = Readonly<{
  /** Requests to the unit's database on the central (the sync service's), or null when it does not run. */
  centralRequest?: () => RemoteRequest | null;
  /** Default INDEXED_WAIT_MS. */
  indexedWaitMs?: number;
}>;

export function createComplaints(deps: CoreDeps, options: ComplaintsOptions = {}) {
  const { store, index, records, platform } = deps;

  /** Resolves once the complaint index has `complaintId`'s row (true), or after `timeoutMs` (false). */
  const untilIndexed = (complaintId: string, timeoutMs: number): Promise<boolean> =>
    new Promise((resolve) => {
      let done = false;
      const finish = (indexed: boolean): void => {
        if (done) return;
        done = true;
        stop();
        clearTimeout(timer);
        resolve(indexed);
      };
      const check = (): void => {
        deps.deviceDatabase.complaintIndex.get(complaintId).then(
          (row) => {
            if (row) finish(true);
          },
          () => undefined,
        );
      };
      // The projector bumps the data version after every batch it writes.
      const stop = store.subscribe((state, previous) => {
        if (state.dataVersion !== previous.dataVersion) check();
      });
      const timer = setTimeout(() => finish(false), timeoutMs);
      check();
    });

  /** What a lookup says when the central could not be asked (`reason`). */
  const notFetched = (notHere: NotHere, reason: 'offline' | 'unreachable'): TrackingNumberLookup => {
    if (notHere.why === 'outside-budget') return { status: 'outside-budget', reason };
    const percent =
      reason === 'offline'
        ? notHere.percent
        : (firstDownloadPending(store.getState().syncStatus)?.percent ?? notHere.percent);
    return { status: 'not-on-device', reason, percent };
  };

  /**
   * Asks the central for a complaint this device does not hold while its first download runs, or
   * on a device with a budget.
   */
  const fetchFromCentral = async (text: string, notHere: NotHere): Promise<TrackingNumberLookup> => {
    const request =
      store.getState().syncStatus.state === 'offline' ? null : (options.centralRequest?.() ?? null);
    if (!request) return notFetched(notHere, 'offline');
    const fetched = await fetchComplaint({ trackingNumber: text, request, target: records.current().db });
    switch (fetched.outcome) {
      case 'fetched':
        await untilIndexed(fetched.complaintId, options.indexedWaitMs ?? INDEXED_WAIT_MS);
        return { status: 'found', complaintId: fetched.complaintId, fetched: true };
      case 'not-on-central':
        return { status: 'not-found' };
      case 'unreachable':
        console.warn('The central could not be asked for a complaint:', fetched.message);
        return notFetched(notHere, 'unreachable');
      default: {
        const never: never = fetched;
        throw new TypeError(`Unknown outcome ${JSON.stringify(never)}`);
      }
    }
  };
  return {
    /** A page of the index, newest first; `cursor` is the previous page's `nextCursor`. */
    page: (status: ComplaintStatus | 'all', limit: number, cursor?: string): Promise<IndexPage> =>
      index.page(status, limit, cursor),

    countByStatus: (): Promise<Readonly<Record<ComplaintStatus, number>>> => index.countByStatus(),

    /** How many complaints were received at or after each instant (ISO, UTC). */
    countSince: (instantsIso: readonly string[]): Promise<number[]> =>
      records.current().countSince(instantsIso),

    /**
     * Every complaint whose next deadline is due soon or already passed (up to the last due date
     * that still counts as "due soon" today), most urgent first; none before the unit has settings.
     */
    async needsAttention(): Promise<NeedsAttention> {
      const settings = store.getState().unitSettings;
      if (!settings) return { rows: [], overdue: 0 };
      const calendar = calendarOf(settings, store.getState().nationalCalendars);
      const today = unitToday(settings, deps.now());
      const margin = settings.deadlines.dueSoonWorkingDays;
      const rows = await index.needsAttention(attentionHorizon(today, calendar, margin));
      const ranked = rows
        .map((row) => ({ row, ...dueDateState(row.dueDate, today, calendar, margin) }))
        .sort((a, b) => a.workingDaysLeft - b.workingDaysLeft || (a.row.dueDate < b.row.dueDate ? -1 : 1));
      return {
        rows: ranked.map((entry) => entry.row),
        overdue: ranked.filter((entry) => entry.state === 'overdue').length,
      };
    },

    /**
     * The complaint with this tracking number. Not on this device while its first download is
     * under way, or on a device with a budget (outside it, older closed complaints stay on the
     * central): fetched whole from the central when it can be asked (and returned once the
     * complaint index has it, or after INDEXED_WAIT_MS), else named as not on this device (yet).
     * Once a device without a budget holds its unit, a number not here is simply not found
     * (nothing is asked).
     */
    async findByTrackingNumber(text: string): Promise<TrackingNumberLookup> {
      const complaintId = await records.current().findByTrackingNumber(text);
      if (complaintId !== undefined) return { status: 'found', complaintId, fetched: false };
      if (!parseTrackingNumber(text)) return { status: 'not-found' };
      const pending = firstDownloadPending(store.getState().syncStatus);
      if (pending !== null)
        return fetchFromCentral(text, { why: 'first-download', percent: pending.percent });
      if (budgetRuleOf(store.getState().unitSettings, deps.now()) !== null)
        return fetchFromCentral(text, { why: 'outside-budget' });
      return { status: 'not-found' };
    },

    /** A complaint with its events, reporter and state; undefined when it is not (yet) here. */
    detail: (complaintId: string): Promise<ComplaintDetail | undefined> =>
      records.current().detail(complaintId),

    /** The complaint's status and running deadline on the unit's calendar today (none without settings). */
    sla(state: ComplaintState): ComplaintSla | undefined {
      const settings = store.getState().unitSettings;
      return settings
        ? complaintSla(state, settings, calendarOf(settings, store.getState().nationalCalendars), deps.now())
        : undefined;
    },

    /**
     * Takes `action` on the complaint in `state` as the officer at the desk. A refused action (not
     * allowed in this status, not this role, a field missing) writes nothing and says why; an
     * accepted one resolves once its event is stored.
     */
    async act(state: ComplaintState, action: WorkflowAction, input: unknown): Promise<ActOutcome> {
      const { officer, device, unitSettings } = store.getState();
      if (!officer || !device) throw new Error('The device is not set up.');
      const eventSequence = await deps.deviceStore.nextSequence(EVENT_SEQUENCE);
      const now = deps.now();
      const decision = decideAction(
        state,
        action,
        input,
        {
          officer: { officerId: officer.id, name: officer.name },
          role: officer.role,
          deviceCode: device.deviceCode,
          unitCode: device.unitCode,
        },
        { at: now, eventSequence, ...(unitSettings ? { localDate: unitToday(unitSettings, now) } : {}) },
      );
      if (!decision.ok) return { ok: false, issues: decision.issues };
      await records.current().recordEvent(decision.event);
      return { ok: true };
    },

    /**
     * Corrects the complainant's details of complaint `complaintId` as the officer at the desk
     * (supervisors and managers; shared/workflow/reporter-correction): the reporter document and a
     * reporter-corrected event naming the changed fields are stored in one write, over the
     * revision the form started from (`rev: ''`: no reporter document was shown; the identity of a
     * complaint identified after intake, or whose identity was deleted, is recorded anew). Resolves
     * once both are stored, or says why nothing was.
     */
    async correctReporter(
      complaintId: string,
      changes: ReporterCorrectionInput,
    ): Promise<CorrectReporterOutcome> {
      const { officer, device } = store.getState();
      if (!officer || !device) throw new Error('The device is not set up.');
      const repository = records.current();
      const detail = await repository.detail(complaintId);
      if (!detail) throw new Error(`The complaint ${complaintId} is not on this device.`);
      const refusal = reporterCorrectionRefusal(officer.role, detail.state.privacyMode);
      if (refusal) return { outcome: 'refused', issues: [refusal] };
      // The form started from this revision ('' when it recorded the identity anew).
      if ((detail.reporter?._rev ?? '') !== changes.rev) return { outcome: 'conflict' };
      // Identity this device cannot open is never written over (docs/decisions/017-unit-key.md).
      if (detail.reporter?.sealedIdentity) throw new UnitKeyLockedError();
      const reporter =
        detail.reporter ??
        ((await repository.identityMayBeRecorded(detail.complaint))
          ? blankReporterDoc(detail.state, detail.complaint.unitCode)
          : null);
      const eventSequence = await deps.deviceStore.nextSequence(EVENT_SEQUENCE);
      const decision = decideReporterCorrection(
        detail.state,
        reporter,
        changes.values,
        {
          officer: { officerId: officer.id, name: officer.name },
          role: officer.role,
          deviceCode: device.deviceCode,
          unitCode: device.unitCode,
        },
        { at: deps.now(), eventSequence },
      );
      if (decision.outcome !== 'corrected') return decision;
      try {
        await repository.saveReporterCorrection(decision.reporter, decision.event);
      } catch (error) {
        if (isConflict(error)) return { outcome: 'conflict' };
        throw error;
      }
      return { outcome: 'saved', fields: decision.fields };
    },

    /**
     * Ends a conflict of the complainant's details (two devices changed them before they synced):
     * the version `keepRev` stays, every other is closed, in one write. Keeping a version other
     * than the one shown is a correction: its reporter-corrected event names the fields that
     * change. Same roles and answers as `correctReporter` (`saved` with no fields: the shown
     * version was kept; `conflict`: the versions changed meanwhile, look again).
     */
    async resolveReporterConflict(complaintId: string, keepRev: string): Promise<CorrectReporterOutcome> {
      const { officer, device } = store.getState();
      if (!officer || !device) throw new Error('The device is not set up.');
      const repository = records.current();
      const detail = await repository.detail(complaintId);
      if (!detail) throw new Error(`The complaint ${complaintId} is not on this device.`);
      const refusal = reporterCorrectionRefusal(officer.role, detail.state.privacyMode);
      if (refusal) return { outcome: 'refused', issues: [refusal] };
      const { reporter: winner, reporterConflicts: others = [] } = detail;
      if ([winner, ...others].some((version) => version?.sealedIdentity)) throw new UnitKeyLockedError();
      const chosen = [...(winner ? [winner] : []), ...others].find((version) => version._rev === keepRev);
      if (!winner || others.length === 0 || !chosen) return { outcome: 'conflict' };
      const eventSequence = await deps.deviceStore.nextSequence(EVENT_SEQUENCE);
      const decision = decideReporterCorrection(
        detail.state,
        winner,
        Object.fromEntries(REPORTER_FIELD_NAMES.map((field) => [field, chosen[field]])),
        {
          officer: { officerId: officer.id, name: officer.name },
          role: officer.role,
          deviceCode: device.deviceCode,
          unitCode: device.unitCode,
        },
        { at: deps.now(), eventSequence },
      );
      if (decision.outcome === 'refused') return decision;
      const corrected = decision.outcome === 'corrected' ? decision : null;
      try {
        await repository.resolveReporterConflict(
          winner,
          others.map((version) => version._rev ?? ''),
          corrected?.reporter ?? null,
          corrected?.event ?? null,
        );
      } catch (error) {
        if (isConflict(error)) return { outcome: 'conflict' };
        throw error;
      }
      return { outcome: 'saved', fields: corrected?.fields ?? [] };
    },

    /** Saves an attached file through the platform (a dialog in Electron, a download in the browser). */
    async saveAttachment(
      complaintId: string,
      attachment: Readonly<{ key: string; name: string; mimeType: string }>,
    ): Promise<SaveFileResult> {
      const blob = await records.current().attachment(complaintId, attachment.key);
      return platform.saveFile({
        suggestedName: attachment.name,
        mimeType: attachment.mimeType,
        data: new Uint8Array(await blob.arrayBuffer()),
      });
    },

    /** Complaints with a forged document content found on this device, oldest finding first. */
    tampered: (): Promise<TamperedRow[]> => index.tampered(),
  };
}
