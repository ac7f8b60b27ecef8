/**
 * One complaint as the indicators see it at the period's end: its reduced state (from the events
 * up to the period's end only) turned into the dates and yes/no facts the indicators add up. Two
 * steps: where it stands (every complaint, for the backlog and the monthly closings) and how
 * timely it was handled (only the complaints received in the period). The definitions are those
 * documented on `indicatorsSchema` (./indicators-types); the due dates are computed as the desk's
 * deadlines compute them (../sla/deadlines: the same working days, the same hold pause).
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ComplaintDoc } from '../complaint/complaint-schema';
import type { ComplaintStatus } from '../complaint/vocabulary';
import { complaintSla } from '../sla/complaint-sla';
import type { SlaSettings } from '../sla/deadline-settings';
import { pausedWorkingDays } from '../sla/hold-pause';
import { addDays, daysBetween } from '../time/local-date';
import { reduceComplaint } from '../workflow/complaint-state';
import type { ComplaintState, TrailEntry } from '../workflow/complaint-state-types';
import type { EventDoc } from '../workflow/events';
import { CONFIDENTIAL_OFFICE, NO_OFFICE } from './indicators-types';

/** Where a complaint stands at the period's end. */
export type OutcomeStatus = 'open' | 'resolved' | 'archived' | 'forwarded';

export type OutcomeContext = Readonly<{
  settings: SlaSettings;
  calendar: WorkingCalendar;
  /** The last instant of the period (the end of `period.to`, local). */
  periodEnd: Date;
  /** Memoised local date of an instant in the unit's time zone. */
  localDate: (instant: string) => string;
}>;

export type ComplaintStanding = Readonly<{
  state: ComplaintState;
  /** Local date of receipt. */
  receivedDate: string;
  status: OutcomeStatus;
  /** The status the desk shows at the period's end (closed by the reply-window rule reads closed). */
  shownStatus: ComplaintStatus;
  /** Open with a running deadline past at the period's end. */
  overdue: boolean;
  /** Open with its next deadline due soon (not yet past) at the period's end. */
  dueSoon: boolean;
  /**
   * The office responsible at the period's end (set by a disposition); NO_OFFICE while none is;
   * CONFIDENTIAL_OFFICE for a complaint confidential at the period's end (an office name is
   * content of a confidential complaint: it leaves the unit only as a count).
   */
  office: string;
  /** Local date the standing resolution took effect (close event, or the reply-window rule). */
  resolutionDate: string | null;
}>;

export type ComplaintTimeliness = Readonly<{
  /** Local date of the first dispatch (verified with an office responsible), or null. */
  dispatchDate: string | null;
  /** Working days from receipt to the first dispatch, hold days paused; null when not dispatched. */
  workingDaysToDispatch: number | null;
  /** Dispatched on or before the verify due date (receipt + N working days + hold days). */
  verifyMet: boolean;
  /** First follow-up on or before the first dispatch + N working days. */
  followUpMet: boolean;
  /** Resolved on or before verification + N calendar days. */
  resolveMet: boolean;
  /** Calendar days from receipt to resolution; null when not resolved. */
  daysToResolve: number | null;
  /** The latest satisfaction score (1–5), or null. */
  satisfactionScore: number | null;
  /** Applied complainant replies. */
  replies: number;
}>;

const TERMINAL: ReadonlySet<string> = new Set(['closed', 'archived', 'forwarded']);

/**
 * Where the complaint stands at the period's end, from `events` (its own, each at or before the
 * period's end: the caller filters them). Linear in the complaint's events.
 */
export function complaintStanding(
  complaint: ComplaintDoc,
  events: readonly EventDoc[],
  context: OutcomeContext,
): ComplaintStanding {
  const { settings, calendar, periodEnd, localDate } = context;
  const state = reduceComplaint(complaint, events);
  // Closed, archived and forwarded complaints have no deadline and are not closed by rule
  // (complaintSla would say the same): skip the clock for them.
  const sla = TERMINAL.has(state.status) ? null : complaintSla(state, settings, calendar, periodEnd);
  const shownStatus = sla?.status ?? state.status;
  const status: OutcomeStatus =
    shownStatus === 'closed'
      ? 'resolved'
      : shownStatus === 'archived' || shownStatus === 'forwarded'
        ? shownStatus
        : 'open';
  const resolutionDate =
    sla?.autoClose?.on ??
    (state.status === 'closed' && state.stages.closedAt !== undefined
      ? localDate(state.stages.closedAt)
      : null);
  return {
    state,
    receivedDate: localDate(state.receivedAt),
    status,
    shownStatus,
    overdue: status === 'open' && sla?.deadline?.state === 'overdue',
    dueSoon: status === 'open' && sla?.deadline?.state === 'due-soon',
    office: state.privacyMode === 'confidential' ? CONFIDENTIAL_OFFICE : (state.currentOffice ?? NO_OFFICE),
    resolutionDate,
  };
}

/**
 * The first applied event after which an office was responsible: a verify naming an office, or a
 * dispose (which is only allowed after a verify). SP4N-LAPOR!'s "verification and dispatch ≤ 3
 * working days" (docs/domain.md, 'Deadlines') ends here, as the desk's verify deadline does.
 */
function firstDispatch(trail: readonly TrailEntry[]): TrailEntry | undefined {
  return trail.find(
    (entry) =>
      entry.applied &&
      (entry.kind === 'dispose' || (entry.kind === 'verify' && entry.details.dispositionOffice !== null)),
  );
}

function firstApplied(trail: readonly TrailEntry[], kind: TrailEntry['kind']): TrailEntry | undefined {
  return trail.find((entry) => entry.applied && entry.kind === kind);
}

/** How timely the complaint was handled, as at the period's end. */
export function complaintTimeliness(
  standing: ComplaintStanding,
  context: OutcomeContext,
): ComplaintTimeliness {
  const { settings, calendar, localDate } = context;
  const { deadlines } = settings;
  const { state, receivedDate, resolutionDate } = standing;

  const dispatch = firstDispatch(state.trail);
  let dispatchDate: string | null = null;
  let workingDaysToDispatch: number | null = null;
  let verifyMet = false;
  if (dispatch) {
    dispatchDate = localDate(dispatch.at);
    // Holds happen only before verification; those that ended by the dispatch pause its clock.
    const holdPeriods = state.holdPeriods.filter((period) => period.to <= dispatch.at);
    const paused =
      holdPeriods.length === 0
        ? 0
        : pausedWorkingDays(
            { hold: null, holdPeriods },
            calendar,
            settings.timeZone,
            dispatchDate,
            receivedDate,
          );
    workingDaysToDispatch = Math.max(0, calendar.workingDaysBetween(receivedDate, dispatchDate) - paused);
    verifyMet = dispatchDate <= calendar.addWorkingDays(receivedDate, deadlines.verifyWorkingDays + paused);
  }

  const followUp = firstApplied(state.trail, 'follow-up');
  const followUpMet =
    dispatchDate !== null &&
    followUp !== undefined &&
    localDate(followUp.at) <= calendar.addWorkingDays(dispatchDate, deadlines.followUpWorkingDays);

  // Perpres 76/2013: from the file being complete, i.e. verification (as the desk's resolve clock).
  const resolveStart = localDate(state.stages.verifiedAt ?? state.receivedAt);
  const resolveMet =
    resolutionDate !== null && resolutionDate <= addDays(resolveStart, deadlines.resolveCalendarDays);

  return {
    dispatchDate,
    workingDaysToDispatch,
    verifyMet,
    followUpMet,
    resolveMet,
    daysToResolve: resolutionDate === null ? null : daysBetween(receivedDate, resolutionDate),
    satisfactionScore: state.satisfaction?.score ?? null,
    replies: state.trail.filter((entry) => entry.applied && entry.kind === 'complainant-reply').length,
  };
}
