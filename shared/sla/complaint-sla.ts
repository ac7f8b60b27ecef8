/**
 * The deadline view of one complaint: its reduced state turned into the facts the SLA rules
 * read, then its next deadline and whether it closed by rule. The one place where the workflow
 * reducer and the deadline rules meet, used by the detail screen, the complaint index and
 * (later) the indicators.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ComplaintStatus } from '../complaint/vocabulary';
import type { ComplaintState } from '../workflow/complaint-state-types';
import type { SlaSettings } from './deadline-settings';
import { slaOutcome, type AutoClose, type Deadline, type SlaFacts } from './deadlines';

export function slaFactsOf(state: ComplaintState): SlaFacts {
  const { stages } = state;
  return {
    status: state.status,
    receivedAt: state.receivedAt,
    ...(stages.verifiedAt ? { verifiedAt: stages.verifiedAt } : {}),
    ...(stages.disposedAt ? { disposedAt: stages.disposedAt } : {}),
    ...(stages.followedUpAt ? { followedUpAt: stages.followedUpAt } : {}),
    ...(state.lastResponseAt ? { lastResponseAt: state.lastResponseAt } : {}),
    replyAfterLastResponse: state.replyAfterLastResponse,
    currentOffice: state.currentOffice,
    hold: state.hold ? { since: state.hold.since, until: state.hold.until } : null,
    holdPeriods: state.holdPeriods.map((period) => ({
      from: period.from,
      to: period.to,
      until: period.until,
    })),
  };
}

export type ComplaintSla = Readonly<{
  /** What people see: a complaint closed by the reply-window rule shows as closed. */
  status: ComplaintStatus;
  autoClose: AutoClose | null;
  deadline: Deadline | null;
  /**
   * Present (true) when the deadline cannot be known: a date in the complaint's documents is not
   * a real date or instant (a damaged or forged document). `deadline` and `autoClose` are null.
   */
  deadlineUnknown?: true;
}>;

export function complaintSla(
  state: ComplaintState,
  settings: SlaSettings,
  calendar: WorkingCalendar,
  now: Date,
): ComplaintSla {
  const outcome = slaOutcome(slaFactsOf(state), settings, calendar, now);
  if (outcome === null)
    return { status: state.status, autoClose: null, deadline: null, deadlineUnknown: true };
  if (outcome.autoClose) return { status: 'closed', autoClose: outcome.autoClose, deadline: null };
  return { status: state.status, autoClose: null, deadline: outcome.deadline };
}
