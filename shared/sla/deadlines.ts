/**
 * A complaint's next deadline, and whether it is on time, due soon or overdue (docs/domain.md,
 * 'Deadlines'), computed from plain facts so that it does not depend on the
 * workflow reducer's types. Every clock starts on a unit-local date (the unit's time zone, see
 * ../time/local-date) and counts the unit's working days; each stage's rule names its source
 * (./deadline-settings: SLA_RULE_IDS and the settings' defaults).
 *
 * The facts come from documents, which a damaged backup or a forged write can fill with dates that
 * are not dates (`2027-02-30`, an instant past year 9999): these functions never throw on them.
 * `slaOutcome` says "unknown" (null), `nextDeadline` and `autoClosed` return null.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { isIsoInstant } from '../time/iso-instant';
import { addDays, isIsoDate, localDateOf } from '../time/local-date';
import { DEADLINE_STAGES, SLA_RULE_IDS, type DeadlineStage, type SlaSettings } from './deadline-settings';
import { pausedWorkingDays } from './hold-pause';

export type SlaStatus =
  'new' | 'on-hold' | 'verified' | 'followed-up' | 'answered' | 'closed' | 'archived' | 'forwarded';

/** What the deadlines need to know about a complaint; instants are ISO strings. */
export type SlaFacts = Readonly<{
  status: SlaStatus;
  receivedAt: string;
  verifiedAt?: string;
  disposedAt?: string;
  followedUpAt?: string;
  lastResponseAt?: string;
  /** True when the complainant replied after the last response was sent. */
  replyAfterLastResponse: boolean;
  currentOffice: string | null;
  /** The active hold: since an instant, until a unit-local `YYYY-MM-DD`. */
  hold: Readonly<{ since: string; until: string }> | null;
  /** Ended holds, as ISO instants, with the unit-local until-date each had (inclusive). */
  holdPeriods: readonly Readonly<{ from: string; to: string; until?: string }>[];
}>;

export type DeadlineState = 'on-time' | 'due-soon' | 'overdue';

export type Deadline = Readonly<{
  stage: DeadlineStage;
  /** The unit-local date by the end of which the stage is due. */
  dueDate: string;
  state: DeadlineState;
  /** Working days after today up to the due date; negative (at most -1) when overdue. */
  workingDaysLeft: number;
  /** A stable id naming the rule's source (SLA_RULE_IDS). */
  rule: string;
}>;

export type AutoClose = Readonly<{ closedBy: 'rule'; rule: 'reply-window'; on: string }>;

type Clock = Readonly<{
  facts: SlaFacts;
  settings: SlaSettings;
  calendar: WorkingCalendar;
  today: string;
  local: (instant: string) => string;
}>;

function clockOf(facts: SlaFacts, settings: SlaSettings, calendar: WorkingCalendar, now: Date): Clock {
  const local = (instant: string): string => localDateOf(new Date(instant), settings.timeZone);
  return { facts, settings, calendar, today: localDateOf(now, settings.timeZone), local };
}

function classify(clock: Clock, stage: DeadlineStage, dueDate: string): Deadline {
  const { calendar, today, settings } = clock;
  const overdue = today > dueDate;
  const workingDaysLeft = overdue
    ? -Math.max(1, calendar.workingDaysBetween(dueDate, today))
    : calendar.workingDaysBetween(today, dueDate);
  const state: DeadlineState = overdue
    ? 'overdue'
    : workingDaysLeft <= settings.deadlines.dueSoonWorkingDays
      ? 'due-soon'
      : 'on-time';
  return { stage, dueDate, state, workingDaysLeft, rule: SLA_RULE_IDS[stage] };
}

/** SP4N-LAPOR!: verify and dispose within N working days of receipt, plus the days on hold. */
function verifyDue({ facts, settings, calendar, today, local }: Clock): string {
  const received = local(facts.receivedAt);
  const paused = pausedWorkingDays(facts, calendar, settings.timeZone, today, received);
  return calendar.addWorkingDays(received, settings.deadlines.verifyWorkingDays + paused);
}

/** Perpres 76/2013: resolved within N calendar days of the file being complete (= verified). */
function resolveDue({ facts, settings, local }: Clock): string {
  // A followed-up complaint is verified; should the fact be missing, receipt is the safe side.
  return addDays(local(facts.verifiedAt ?? facts.receivedAt), settings.deadlines.resolveCalendarDays);
}

/** The stages still open before a response is sent, each with its due date. */
function openStages(clock: Clock): [DeadlineStage, string][] {
  const { facts, settings, calendar, local } = clock;
  const stages: [DeadlineStage, string][] = [];
  switch (facts.status) {
    case 'new':
    case 'on-hold':
      stages.push(['verify', verifyDue(clock)]);
      break;
    case 'verified': {
      const disposedAt = facts.currentOffice === null ? undefined : facts.disposedAt;
      if (disposedAt === undefined) stages.push(['verify', verifyDue(clock)]);
      else if (facts.followedUpAt === undefined || facts.followedUpAt < disposedAt) {
        const due = calendar.addWorkingDays(local(disposedAt), settings.deadlines.followUpWorkingDays);
        stages.push(['follow-up', due]);
      }
      stages.push(['resolve', resolveDue(clock)]);
      break;
    }
    case 'followed-up':
      stages.push(['resolve', resolveDue(clock)]);
      break;
    case 'answered':
    case 'closed':
    case 'archived':
    case 'forwarded':
      return stages;
    default: {
      const unknown: never = facts.status;
      throw new RangeError(`Unknown status: ${String(unknown)}`);
    }
  }
  if (settings.rules.respondWithin14Days) {
    stages.push(['respond-14', addDays(local(facts.receivedAt), settings.deadlines.respondWithinDays)]);
  }
  return stages;
}

const stageRank = (stage: DeadlineStage): number => DEADLINE_STAGES.indexOf(stage);

/** Working days since the last response, when the reply window applies at all. */
function replyWindowElapsed(clock: Clock): { last: string; elapsed: number } | null {
  const { facts, calendar, today, local } = clock;
  if (facts.status !== 'answered' || facts.replyAfterLastResponse || facts.lastResponseAt === undefined)
    return null;
  const last = local(facts.lastResponseAt);
  return { last, elapsed: calendar.workingDaysBetween(last, today) };
}

const INSTANT_FACTS = ['receivedAt', 'verifiedAt', 'disposedAt', 'followedUpAt', 'lastResponseAt'] as const;

/**
 * True when every instant of `facts` is an ISO instant and every until-date a real calendar date
 * (what the deadlines can count with).
 */
export function slaDatesAreValid(facts: SlaFacts): boolean {
  if (!isIsoInstant(facts.receivedAt)) return false;
  for (const field of INSTANT_FACTS) {
    const value = facts[field];
    if (value !== undefined && !isIsoInstant(value)) return false;
  }
  if (facts.hold && (!isIsoInstant(facts.hold.since) || !isIsoDate(facts.hold.until))) return false;
  return facts.holdPeriods.every(
    (period) =>
      isIsoInstant(period.from) &&
      isIsoInstant(period.to) &&
      (period.until === undefined || isIsoDate(period.until)),
  );
}

/** `compute()`, or null when the facts hold an invalid date or date arithmetic leaves 0001–9999. */
function unlessUnknown<T>(facts: SlaFacts, now: Date, compute: () => T): T | null {
  if (!slaDatesAreValid(facts) || Number.isNaN(now.getTime())) return null;
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Whether the complaint closed by rule and its next deadline, or null when they are unknown: a
 * date of the facts is not a real date or instant (see slaDatesAreValid), or counting from it
 * leaves the years 0001–9999. Never throws on the facts' dates.
 */
export function slaOutcome(
  facts: SlaFacts,
  settings: SlaSettings,
  calendar: WorkingCalendar,
  now: Date,
): { autoClose: AutoClose | null; deadline: Deadline | null } | null {
  return unlessUnknown(facts, now, () => {
    const autoClose = computeAutoClose(facts, settings, calendar, now);
    return { autoClose, deadline: autoClose ? null : computeNextDeadline(facts, settings, calendar, now) };
  });
}

/**
 * The complaint's next deadline, or null when nothing is due (closed, archived, forwarded, or
 * closed by the reply-window rule) or when it is unknown (see slaOutcome). Before a response, the
 * earliest open stage wins.
 */
export function nextDeadline(
  facts: SlaFacts,
  settings: SlaSettings,
  calendar: WorkingCalendar,
  now: Date,
): Deadline | null {
  return unlessUnknown(facts, now, () => computeNextDeadline(facts, settings, calendar, now));
}

function computeNextDeadline(
  facts: SlaFacts,
  settings: SlaSettings,
  calendar: WorkingCalendar,
  now: Date,
): Deadline | null {
  const clock = clockOf(facts, settings, calendar, now);
  if (facts.status === 'answered') {
    // With the auto-close rule off the end of the window closes nothing: the resolution clock runs.
    const replyWindow = settings.rules.autoCloseAfterReplyWindow ? replyWindowElapsed(clock) : null;
    const length = settings.deadlines.replyWindowWorkingDays;
    if (replyWindow && replyWindow.elapsed <= length) {
      // Informational: the end of the window closes the complaint, it does not make it late.
      const end = calendar.addWorkingDays(replyWindow.last, length);
      const left = Math.max(0, calendar.workingDaysBetween(clock.today, end));
      return {
        stage: 'reply-window',
        dueDate: end,
        state: 'on-time',
        workingDaysLeft: left,
        rule: SLA_RULE_IDS['reply-window'],
      };
    }
    if (replyWindow) return null;
    // The complainant replied, or the unit closes by hand: the resolution clock still runs.
    return classify(clock, 'resolve', resolveDue(clock));
  }
  const stages = openStages(clock);
  stages.sort(([stageA, dueA], [stageB, dueB]) =>
    dueA !== dueB ? (dueA < dueB ? -1 : 1) : stageRank(stageA) - stageRank(stageB),
  );
  const first = stages[0];
  return first ? classify(clock, first[0], first[1]) : null;
}

/**
 * SP4N-LAPOR!: a complaint with a response and no answer for the reply window (working days)
 * counts as finished, unless the unit turned the rule off. `on` is the first day it is closed.
 * Null also when it is unknown (see slaOutcome).
 */
export function autoClosed(
  facts: SlaFacts,
  settings: SlaSettings,
  calendar: WorkingCalendar,
  now: Date,
): AutoClose | null {
  return unlessUnknown(facts, now, () => computeAutoClose(facts, settings, calendar, now));
}

function computeAutoClose(
  facts: SlaFacts,
  settings: SlaSettings,
  calendar: WorkingCalendar,
  now: Date,
): AutoClose | null {
  if (!settings.rules.autoCloseAfterReplyWindow) return null;
  const replyWindow = replyWindowElapsed(clockOf(facts, settings, calendar, now));
  const length = settings.deadlines.replyWindowWorkingDays;
  if (!replyWindow || replyWindow.elapsed <= length) return null;
  return {
    closedBy: 'rule',
    rule: 'reply-window',
    on: calendar.addWorkingDays(replyWindow.last, length + 1),
  };
}

/** Due soon or overdue: what the "needs attention" view lists. */
export function needsAttention(deadline: Deadline | null): boolean {
  return deadline !== null && (deadline.state === 'due-soon' || deadline.state === 'overdue');
}

const stateRank: Readonly<Record<DeadlineState, number>> = { overdue: 0, 'due-soon': 1, 'on-time': 2 };

/**
 * Most urgent first: overdue by most working days overdue, then due soon by fewest working days
 * left, then on time; no deadline last. Ties: earlier due date, then stage order.
 */
export function urgencyOrder(a: Deadline | null, b: Deadline | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (
    stateRank[a.state] - stateRank[b.state] ||
    a.workingDaysLeft - b.workingDaysLeft ||
    (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
    stageRank(a.stage) - stageRank(b.stage)
  );
}
