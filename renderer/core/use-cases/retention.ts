/**
 * The retention task (UU 27/2022; docs/domain.md, 'Personal data'): deletes the complainant's
 * identity of every complaint closed more than the unit's N months ago
 * (shared/retention/identity-retention), each with an `identity-deleted` event that says so and
 * never what was deleted (shared/retention/retention-event), in batches, on this device.
 *
 * Which devices run it: a device where a supervisor or a manager is signed in (the roles that may
 * delete an identity by hand, by a privacy change), once a day after the sign-in, in the
 * background, and whenever one of them asks (Pengaturan → Retensi identitas pelapor). Any number
 * of such devices may run it: a device writes an event only for a complaint whose trail holds none
 * yet, and deletes only a live reporter document; two devices that run before they sync each
 * write their own event and delete the same document (harmless, see retention-event).
 *
 * How: the complaint index's rows of each final status (closed, archived, forwarded), received
 * before the date past which no complaint can be due (`retentionReceiptCutoff`), a page of
 * BATCH at a time through the `[status+id]` index (never all in memory); one read finds which of
 * them still have a live reporter document; only those are read with their events and judged by
 * the pure rule (the index may lag: the records decide). Each batch's events and deletions are one
 * write; the drafts of the intake form saved as those complaints go too; the search index follows
 * the deletions through the changes feed (../search/search-indexer). Where it got to is kept on
 * this device after each batch: a pass cut short (sign-out, closed app) resumes there the same
 * day. It gives way to intake saves and yields between complaints.
 */
import Dexie from 'dexie';
import { COMPLAINT_ID_PREFIX } from '../../../shared/ids/document-ids';
import {
  identityRetention,
  retentionMonthsOf,
  retentionReceiptCutoff,
} from '../../../shared/retention/identity-retention';
import {
  hasRetentionDeletion,
  retentionDeletionEvent,
  type IdentityDeletedEvent,
} from '../../../shared/retention/retention-event';
import { complaintSla } from '../../../shared/sla/complaint-sla';
import { toIsoInstant } from '../../../shared/time/iso-instant';
import { reduceComplaint, type ComplaintState } from '../../../shared/workflow/complaint-state';
import { canPerform } from '../../../shared/workflow/roles';
import { EVENT_SEQUENCE } from '../data/device-store';
import { foregroundSaves } from '../data/foreground-saves';
import { deleteIdentities, liveReporters } from '../data/identity-deletions';
import type { AppState } from '../state/app-state';
import { calendarOf, unitToday } from './calendar';
import type { CoreDeps } from './core-deps';

/** The final statuses, in the order a pass reads them. */
const FINAL_STATUSES = ['closed', 'archived', 'forwarded'] as const;
/** Index rows per batch (one read of the rows, one of the reporter ids, one write). */
const BATCH = 100;
/** The device setting holding where the pass of a unit got to (`RetentionMark`). */
export const RETENTION_MARK_PREFIX = 'identity-retention:';

/** The last complete pass on this device. */
export type RetentionRun = Readonly<{
  /** When it ended (ISO instant). */
  finishedAt: string;
  /** The unit-local day it judged by. */
  day: string;
  /** The retention it applied (months after closure). */
  months: number;
  /** Identities it deleted. */
  deleted: number;
}>;

export type RetentionStatus = Readonly<{
  /** A pass is running now. */
  running: boolean;
  /** Complaints looked at and identities deleted by the pass under way, or the one cut short today. */
  checked: number;
  deleted: number;
  /** Identities this device has deleted for retention, over all its passes. */
  total: number;
  last?: RetentionRun;
}>;

/** `done`: the pass ended; `paused`: the officer left meanwhile (resumed later); `not-allowed`: not a supervisor or manager. */
export type RetentionOutcome = 'done' | 'paused' | 'not-allowed';

type RetentionMark = Readonly<{
  day: string;
  months: number;
  /** Index into FINAL_STATUSES of the status being read, and the last complaint id done in it. */
  status: number;
  after?: string;
  checked: number;
  deleted: number;
  complete: boolean;
  total: number;
  last?: RetentionRun;
}>;

function isMark(value: unknown): value is RetentionMark {
  const mark = (typeof value === 'object' && value !== null ? value : {}) as Partial<RetentionMark>;
  return (
    typeof mark.day === 'string' &&
    typeof mark.months === 'number' &&
    typeof mark.status === 'number' &&
    typeof mark.checked === 'number' &&
    typeof mark.deleted === 'number' &&
    typeof mark.complete === 'boolean' &&
    typeof mark.total === 'number'
  );
}

const mayRun = (state: AppState): boolean =>
  state.phase === 'ready' && state.officer !== undefined && canPerform(state.officer.role, 'change-privacy');

export function createRetention(
  deps: CoreDeps,
  options: Readonly<{
    /** How long after a sign-in (and the start's background work) the daily pass begins. */
    afterSignInMs?: number;
  }> = {},
) {
  const { store, deviceDatabase } = deps;
  const listeners = new Set<() => void>();
  let running: Promise<RetentionOutcome> | undefined;
  let progress: { checked: number; deleted: number } | undefined;
  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const markKey = (): string | undefined => {
    const unitCode = store.getState().device?.unitCode;
    return unitCode ? `${RETENTION_MARK_PREFIX}${unitCode}` : undefined;
  };
  const readMark = async (): Promise<RetentionMark | undefined> => {
    const key = markKey();
    const value = key ? (await deviceDatabase.settings.get(key))?.value : undefined;
    return isMark(value) ? value : undefined;
  };
  const writeMark = async (mark: RetentionMark): Promise<void> => {
    const key = markKey();
    if (key) await deviceDatabase.settings.put({ key, value: mark });
  };

  /** One pass; `fresh`: from the start even when today's pass is complete or under way. */
  const pass = async (fresh: boolean): Promise<RetentionOutcome> => {
    const state = store.getState();
    const settings = state.unitSettings;
    const device = state.device;
    if (!mayRun(state) || !settings || !device) return 'not-allowed';
    const now = deps.now();
    const today = unitToday(settings, now);
    const months = retentionMonthsOf(settings.identityRetentionMonths);
    const earlier = await readMark();
    const sameDay = earlier?.day === today && earlier.months === months;
    if (sameDay && earlier.complete && !fresh) return 'done';
    const total = earlier?.total ?? 0;
    let mark: RetentionMark =
      sameDay && !earlier.complete && !fresh
        ? earlier
        : {
            day: today,
            months,
            status: 0,
            checked: 0,
            deleted: 0,
            complete: false,
            total,
            ...(earlier?.last ? { last: earlier.last } : {}),
          };
    progress = { checked: mark.checked, deleted: mark.deleted };
    changed();
    const records = deps.records.current();
    const saves = foregroundSaves(records.db);
    const calendar = calendarOf(settings);
    const cutoff = `${COMPLAINT_ID_PREFIX}${retentionReceiptCutoff(today, months)}`;

    while (mark.status < FINAL_STATUSES.length) {
      const officer = store.getState().officer;
      if (!mayRun(store.getState()) || !officer) return 'paused';
      const status = FINAL_STATUSES[mark.status] ?? 'closed';
      const rows = await deviceDatabase.complaintIndex
        .where('[status+id]')
        .between([status, mark.after ?? Dexie.minKey], [status, cutoff], mark.after === undefined, false)
        .limit(BATCH)
        .toArray();
      const last = rows[rows.length - 1];
      if (!last) {
        const { after: _done, ...rest } = mark;
        mark = { ...rest, status: mark.status + 1 };
        await writeMark(mark);
        continue;
      }
      const named = rows.filter((row) => row.privacyMode !== 'anonymous');
      const live = await liveReporters(
        records.db,
        named.map((row) => row.trackingNumber),
      );
      const due: ComplaintState[] = [];
      const again: string[] = [];
      for (const row of named) {
        if (!live.has(row.trackingNumber)) continue;
        await saves.idle();
        const found = await records.complaintWithEvents(row.id);
        if (!found) continue;
        const complaintState = reduceComplaint(found.complaint, found.events);
        const sla = complaintSla(complaintState, settings, calendar, now);
        const verdict = identityRetention({
          state: complaintState,
          autoClose: sla.autoClose,
          months,
          timeZone: settings.timeZone,
          today,
        });
        if (!verdict?.due) continue;
        if (hasRetentionDeletion(complaintState)) again.push(row.trackingNumber);
        else due.push(complaintState);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      let deleted: string[] = [];
      if (due.length > 0 || again.length > 0) {
        const first =
          due.length > 0 ? await deps.deviceStore.reserveSequences(EVENT_SEQUENCE, due.length) : 0;
        const by = {
          officer: { officerId: officer.id, name: officer.name },
          deviceCode: device.deviceCode,
          unitCode: device.unitCode,
        };
        const events: IdentityDeletedEvent[] = due.map((complaintState, index) =>
          retentionDeletionEvent(
            complaintState,
            by,
            { at: deps.now(), eventSequence: first + index },
            months,
          ),
        );
        deleted = await deleteIdentities(records.db, events, again);
        // The intake form's draft of a complaint that is now stored holds its identity too.
        const gone = new Set(deleted);
        await deviceDatabase.intakeDrafts
          .filter((draft) => draft.savingAs !== undefined && gone.has(draft.savingAs))
          .delete();
      }
      mark = {
        ...mark,
        after: last.id,
        checked: mark.checked + rows.length,
        deleted: mark.deleted + deleted.length,
        total: mark.total + deleted.length,
      };
      await writeMark(mark);
      progress = { checked: mark.checked, deleted: mark.deleted };
      if (deleted.length > 0) store.getState().bumpDataVersion();
      changed();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const run: RetentionRun = {
      finishedAt: toIsoInstant(deps.now()),
      day: today,
      months,
      deleted: mark.deleted,
    };
    await writeMark({ ...mark, complete: true, last: run });
    return 'done';
  };

  const start = (fresh: boolean): Promise<RetentionOutcome> => {
    if (running) return running;
    const current = pass(fresh).finally(() => {
      running = undefined;
      progress = undefined;
      changed();
    });
    running = current;
    return current;
  };

  // After a supervisor's or manager's sign-in: the day's pass, once the start's background work is
  // done and a moment has passed (the desk comes first).
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state, previous) => {
    const signedIn = mayRun(state) && (state.officer?.id !== previous.officer?.id || !mayRun(previous));
    if (!signedIn) return;
    clearTimeout(scheduled);
    scheduled = setTimeout(() => {
      void deps.records
        .settled()
        .then(() => (mayRun(store.getState()) ? start(false) : 'not-allowed'))
        .catch((error: unknown) => {
          console.warn('Identity retention could not run:', error);
        });
    }, options.afterSignInMs ?? 3000);
  });

  return {
    /** Where the pass stands on this device (Pengaturan shows it). */
    async status(): Promise<RetentionStatus> {
      const mark = await readMark();
      const today = progress ?? (mark && !mark.complete ? mark : undefined);
      return {
        running: running !== undefined,
        checked: today?.checked ?? 0,
        deleted: today?.deleted ?? 0,
        total: mark?.total ?? 0,
        ...(mark?.last ? { last: mark.last } : {}),
      };
    },
    /** Calls `listener` whenever the status changes; returns the unsubscribe. */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /**
     * Supervisors and managers: a pass now, from the start, with the settings as they are now (after
     * the one under way, if any); resolves when it ends.
     */
    async runNow(): Promise<RetentionOutcome> {
      if (!mayRun(store.getState())) return 'not-allowed';
      if (running) await running.catch(() => undefined);
      return start(true);
    },
  };
}
