/**
 * The competition packet's indicators (docs/domain.md, 'Kompetisi P4'), computed from the unit's records
 * with the workflow reducer, the unit's working-day calendar and its deadline settings. Pure and
 * linear in the documents: events are grouped by complaint once, each complaint is reduced once.
 * Every definition is documented on `indicatorsSchema` (./indicators-types).
 */
import type { CalendarVersion } from '../calendar/calendar-precedence';
import { allHolidays, type HolidaysByYear } from '../calendar/holiday-list';
import { createWorkingCalendar } from '../calendar/working-calendar';
import type { ComplaintDoc } from '../complaint/complaint-schema';
import type { DeadlineSettings, SlaRules } from '../sla/deadline-settings';
import { toIsoInstant } from '../time/iso-instant';
import { isIsoDate, type IndonesianTimeZone } from '../time/local-date';
import type { EventDoc } from '../workflow/events';
import {
  complaintStanding,
  complaintTimeliness,
  type ComplaintStanding,
  type ComplaintTimeliness,
  type OutcomeStatus,
} from './complaint-outcome';
import { median, percentile90, roundTo, shareOf } from './distribution';
import {
  INDICATORS_SCHEMA_VERSION,
  type IndicatorGroupRow,
  type Indicators,
  type IndicatorScope,
} from './indicators-types';
import { endOfLocalDay, localDateCache } from './local-day';
import { memoCalendar } from './memo-calendar';

/**
 * A complaint received in the period: what the totals read of where it stands, and how timely it
 * was handled (only these few values are kept per complaint, never its state).
 */
type ReceivedComplaint = Readonly<{
  channel: string;
  category: string;
  reportType: string;
  status: OutcomeStatus;
  shownStatus: string;
  timeliness: ComplaintTimeliness;
}>;

/** What the indicators read from the unit settings (a UnitSettingsDoc fits). */
export type IndicatorSettings = Readonly<{
  timeZone: IndonesianTimeZone;
  deadlines: DeadlineSettings;
  rules: SlaRules;
  holidays: HolidaysByYear;
  /**
   * Which national list each year counted with (../calendar/calendar-precedence calendarVersions):
   * written to indicators.json as `calendar` when given.
   */
  calendar?: readonly CalendarVersion[];
}>;

export type IndicatorsInput = Readonly<{
  /** The unit's complaints (any order; a document given twice counts once). */
  complaints: readonly ComplaintDoc[];
  /** The unit's events (any order; events of complaints not given are ignored). */
  events: readonly EventDoc[];
  unit: Readonly<{ code: string; name: string }>;
  /** The unit's settings at export time. */
  settings: IndicatorSettings;
  /** Unit-local dates, both inclusive. */
  period: Readonly<{ from: string; to: string }>;
  computedAt: Date;
  /**
   * Only the complaints of one office and/or one category (the dashboard's filter); the packet
   * never sets it. An absent or null field is "any".
   */
  scope?: Readonly<{ office?: string | null; category?: string | null }>;
}>;

/** A group's complaints: those received in the period and the open ones at its end. */
type Group = { received: ComplaintTimeliness[]; open: number; overdue: number; dueSoon: number };
type GroupKey = 'byChannel' | 'byCategory' | 'byOffice';

function groupOf(groups: Map<string, Group>, key: string): Group {
  let group = groups.get(key);
  if (!group) {
    group = { received: [], open: 0, overdue: 0, dueSoon: 0 };
    groups.set(key, group);
  }
  return group;
}

/** The timeliness figures over `timely` (complaints received in the period), shares of their number. */
function timelinessOf(
  timely: readonly ComplaintTimeliness[],
): Pick<
  IndicatorGroupRow,
  | 'verifiedWithin3WorkingDays'
  | 'followedUpWithin5WorkingDays'
  | 'resolvedWithin60Days'
  | 'timeToVerifyWorkingDays'
  | 'timeToResolveDays'
> {
  const total = timely.length;
  const countShare = (met: (timeliness: ComplaintTimeliness) => boolean) => {
    const count = timely.filter(met).length;
    return { count, share: shareOf(count, total) };
  };
  const distribution = (values: readonly (number | null)[]) => {
    const present = values.filter((value): value is number => value !== null);
    return { median: median(present), p90: percentile90(present) };
  };
  return {
    verifiedWithin3WorkingDays: countShare((timeliness) => timeliness.verifyMet),
    followedUpWithin5WorkingDays: countShare((timeliness) => timeliness.followUpMet),
    resolvedWithin60Days: countShare((timeliness) => timeliness.resolveMet),
    timeToVerifyWorkingDays: distribution(timely.map((timeliness) => timeliness.workingDaysToDispatch)),
    timeToResolveDays: distribution(timely.map((timeliness) => timeliness.daysToResolve)),
  };
}

function groupRows(groups: ReadonlyMap<string, Group>): IndicatorGroupRow[] {
  return [...groups].map(([key, group]) => ({
    key,
    received: group.received.length,
    ...timelinessOf(group.received),
    open: group.open,
    overdue: group.overdue,
    dueSoon: group.dueSoon,
  }));
}

const byKey = (a: IndicatorGroupRow, b: IndicatorGroupRow): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
/** Most received first. */
const mostReceived = (a: IndicatorGroupRow, b: IndicatorGroupRow): number =>
  b.received - a.received || byKey(a, b);
/** Worst first: most overdue, then most open, most due soon, most received. */
const worstFirst = (a: IndicatorGroupRow, b: IndicatorGroupRow): number =>
  b.overdue - a.overdue || b.open - a.open || b.dueSoon - a.dueSoon || mostReceived(a, b);

/** Every month from `from`'s to `to`'s, as `YYYY-MM`. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** The events of each complaint up to `end` (an ISO instant), grouped in one pass. */
function eventsUpTo(events: readonly EventDoc[], end: string): Map<string, EventDoc[]> {
  const byComplaint = new Map<string, EventDoc[]>();
  for (const event of events) {
    if (event.at > end) continue;
    const own = byComplaint.get(event.complaintId);
    if (own) own.push(event);
    else byComplaint.set(event.complaintId, [event]);
  }
  return byComplaint;
}

/** What the indicators are computed over, without the records (given one complaint at a time). */
export type IndicatorsFrame = Omit<IndicatorsInput, 'complaints' | 'events'>;

/**
 * The indicators computed one complaint at a time: `add` each complaint with its own events (any
 * order; those after `end` are left out here), then `result`. `computeIndicators` is this over
 * whole arrays; Beranda feeds it the device's indicator records (./indicator-record) page by page,
 * so both compute with the same code. Keeps only a few numbers per complaint received in the
 * period, never the complaints. Throws a RangeError when the period's dates are not real
 * `YYYY-MM-DD` days or `from` is after `to` (a caller's bug: the form checks them).
 */
export function indicatorsComputation(input: IndicatorsFrame): {
  /** The period's last instant (ISO): complaints received and events written after it do not count. */
  end: string;
  add(complaint: ComplaintDoc, events: readonly EventDoc[]): void;
  result(): Indicators;
} {
  const { settings, period } = input;
  if (!isIsoDate(period.from) || !isIsoDate(period.to) || period.from > period.to) {
    throw new RangeError(`computeIndicators: invalid period ${JSON.stringify(period)}`);
  }
  const { timeZone, deadlines, rules } = settings;
  const calendar = memoCalendar(createWorkingCalendar(allHolidays(settings.holidays)));
  const end = endOfLocalDay(period.to, timeZone);
  const localDate = localDateCache(timeZone);
  const context = { settings, calendar, periodEnd: new Date(end), localDate };

  const months = monthsOf(period.from, period.to);
  const monthly = new Map(months.map((month) => [month, { month, received: 0, closed: 0 }]));
  const inPeriod = (date: string): boolean => date >= period.from && date <= period.to;

  const scope: IndicatorScope | null =
    input.scope && (input.scope.office != null || input.scope.category != null)
      ? { office: input.scope.office ?? null, category: input.scope.category ?? null }
      : null;
  const inScope = (standing: ComplaintStanding): boolean =>
    scope === null ||
    ((scope.office === null || standing.office === scope.office) &&
      (scope.category === null || standing.state.current.category === scope.category));

  const received: ReceivedComplaint[] = [];
  const backlog = { open: 0, overdue: 0 };
  let backlogDueSoon = 0;
  const groups: Record<GroupKey, Map<string, Group>> = {
    byChannel: new Map(),
    byCategory: new Map(),
    byOffice: new Map(),
  };
  const groupsOf = (standing: ComplaintStanding): Group[] => [
    groupOf(groups.byChannel, standing.state.current.channel),
    groupOf(groups.byCategory, standing.state.current.category),
    groupOf(groups.byOffice, standing.office),
  ];
  const seen = new Set<string>();
  const add = (complaint: ComplaintDoc, events: readonly EventDoc[]): void => {
    if (seen.has(complaint._id) || complaint.receivedAt > end) return;
    seen.add(complaint._id);
    const upToEnd = events.every((event) => event.at <= end)
      ? events
      : events.filter((event) => event.at <= end);
    const standing = complaintStanding(complaint, upToEnd, context);
    if (!inScope(standing)) return;
    if (standing.status === 'open') {
      backlog.open += 1;
      if (standing.overdue) backlog.overdue += 1;
      if (standing.dueSoon) backlogDueSoon += 1;
      for (const group of groupsOf(standing)) {
        group.open += 1;
        if (standing.overdue) group.overdue += 1;
        if (standing.dueSoon) group.dueSoon += 1;
      }
    }
    if (standing.resolutionDate !== null && inPeriod(standing.resolutionDate)) {
      const row = monthly.get(standing.resolutionDate.slice(0, 7));
      if (row) row.closed += 1;
    }
    if (inPeriod(standing.receivedDate)) {
      const timeliness = complaintTimeliness(standing, context);
      const { channel, category, reportType } = standing.state.current;
      received.push({
        channel,
        category,
        reportType,
        status: standing.status,
        shownStatus: standing.shownStatus,
        timeliness,
      });
      for (const group of groupsOf(standing)) group.received.push(timeliness);
      const row = monthly.get(standing.receivedDate.slice(0, 7));
      if (row) row.received += 1;
    }
  };

  const result = (): Indicators => {
    const total = received.length;
    const timely = received.map(({ timeliness }) => timeliness);

    const byChannel: Record<string, number> = {};
    const byCategory: Record<string, number> = {};
    const byType: Record<string, number> = {};
    const outcomes: Record<OutcomeStatus, number> = { open: 0, resolved: 0, archived: 0, forwarded: 0 };
    const byRating: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    const scores: number[] = [];
    let replies = 0;
    let repliedComplaints = 0;
    for (const { channel, category, reportType, status, shownStatus, timeliness } of received) {
      increment(byChannel, channel);
      increment(byCategory, category);
      increment(byType, reportType);
      outcomes[status] += 1;
      increment(byStatus, shownStatus);
      if (timeliness.satisfactionScore !== null) {
        scores.push(timeliness.satisfactionScore);
        increment(byRating, String(timeliness.satisfactionScore));
      }
      replies += timeliness.replies;
      if (timeliness.replies > 0) repliedComplaints += 1;
    }
    const scoreSum = scores.reduce((sum, score) => sum + score, 0);

    return {
      schemaVersion: INDICATORS_SCHEMA_VERSION,
      computedAt: toIsoInstant(input.computedAt),
      period: { from: period.from, to: period.to },
      unit: { code: input.unit.code, name: input.unit.name },
      deadlines: {
        timeZone,
        verifyWorkingDays: deadlines.verifyWorkingDays,
        followUpWorkingDays: deadlines.followUpWorkingDays,
        resolveCalendarDays: deadlines.resolveCalendarDays,
        replyWindowWorkingDays: deadlines.replyWindowWorkingDays,
        autoCloseAfterReplyWindow: rules.autoCloseAfterReplyWindow,
      },
      ...(settings.calendar ? { calendar: settings.calendar.map((version) => ({ ...version })) } : {}),
      totals: { received: total, byChannel, byCategory, byType },
      outcomes,
      ...timelinessOf(timely),
      satisfaction: {
        responses: scores.length,
        average: scores.length === 0 ? null : roundTo(scoreSum / scores.length, 2),
        byRating,
      },
      reporterReplies: { replies, complaints: repliedComplaints },
      backlog,
      monthly: months.map((month) => monthly.get(month) ?? { month, received: 0, closed: 0 }),
      byStatus,
      backlogDueSoon,
      breakdown: {
        byChannel: groupRows(groups.byChannel).sort(mostReceived),
        byCategory: groupRows(groups.byCategory).sort(mostReceived),
        byOffice: groupRows(groups.byOffice).sort(worstFirst),
      },
      ...(scope === null ? {} : { scope }),
    };
  };

  return { end, add, result };
}

/** The indicators of `input.unit` for `input.period` over whole arrays of records (the packet's). */
export function computeIndicators(input: IndicatorsInput): Indicators {
  const computation = indicatorsComputation(input);
  const eventsByComplaint = eventsUpTo(input.events, computation.end);
  for (const complaint of input.complaints) {
    computation.add(complaint, eventsByComplaint.get(complaint._id) ?? []);
  }
  return computation.result();
}
