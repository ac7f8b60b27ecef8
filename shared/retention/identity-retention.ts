/**
 * How long a complainant's identity is kept after a complaint is closed (UU 27/2022 asks for a
 * retention period and deletion at its end; docs/domain.md, 'Personal data'). A unit setting,
 * `identityRetentionMonths` in the unit-settings document (../unit/unit-settings): N calendar
 * months after closure, 24 where the unit has set nothing.
 *
 * "Closed" is a final status of the workflow (docs/domain.md, 'Workflow'): closed (by a close
 * event, or by the reply-window rule: `autoClose.on`), archived, or forwarded (not our authority).
 * The closure date is the unit-local date the complaint reached that status last: a reopen ends
 * it, and a complaint closed again counts from its new closure. An anonymous complaint has no
 * identity to delete.
 *
 * The identity is kept through the day N calendar months after the closure date (the day clamped
 * to the month's end: closed 31 January, 1 month, kept through 28 or 29 February) and is past
 * retention from the next day on. Pure: the caller gives the complaint's reduced state, its
 * reply-window closure (../sla/complaint-sla), the unit's time zone and today's unit-local date.
 */
import type { AutoClose } from '../sla/deadlines';
import { isIsoDate, localDateOf } from '../time/local-date';
import type { ComplaintState } from '../workflow/complaint-state-types';
import { IDENTITY_RETENTION_MONTHS, isRetentionMonths } from './retention-months';

export { IDENTITY_RETENTION_MONTHS, isRetentionMonths } from './retention-months';

/** The unit's months; the default where the unit has set none (documents from before the setting). */
export function retentionMonthsOf(months: number | undefined): number {
  return isRetentionMonths(months) ? months : IDENTITY_RETENTION_MONTHS.default;
}

/** The ISO date `months` calendar months after `isoDate`, the day clamped to the month's end. */
export function monthsAfter(isoDate: string, months: number): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`monthsAfter: not a date: ${isoDate}`);
  if (!Number.isInteger(months)) throw new RangeError(`monthsAfter: not a whole number: ${months}`);
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

/**
 * The unit-local date the complaint was closed, or null while it is not (open, or reopened).
 * `autoClose`: its closure by the reply-window rule, as the deadline view computed it today.
 */
export function closureDate(
  state: Pick<ComplaintState, 'status' | 'stages'>,
  autoClose: Pick<AutoClose, 'on'> | null,
  timeZone: string,
): string | null {
  const local = (instant: string | undefined): string | null => {
    if (instant === undefined) return null;
    const date = new Date(instant);
    return Number.isNaN(date.getTime()) ? null : localDateOf(date, timeZone);
  };
  switch (state.status) {
    case 'closed':
      return local(state.stages.closedAt);
    case 'archived':
      return local(state.stages.archivedAt);
    case 'forwarded':
      return local(state.stages.forwardedAt);
    default:
      return autoClose && isIsoDate(autoClose.on) ? autoClose.on : null;
  }
}

export type RetentionVerdict = Readonly<{
  /** The unit-local date of closure. */
  closedOn: string;
  /** The last day the identity is kept. */
  keptThrough: string;
  /** True from the day after `keptThrough`: the identity is to be deleted. */
  due: boolean;
}>;

/**
 * Whether the identity of the complaint in `state` is past retention on `today` (unit-local);
 * null when there is nothing to keep or delete: the complaint is not closed, or anonymous now.
 */
export function identityRetention(
  input: Readonly<{
    state: Pick<ComplaintState, 'status' | 'stages' | 'privacyMode'>;
    autoClose: Pick<AutoClose, 'on'> | null;
    months: number | undefined;
    timeZone: string;
    today: string;
  }>,
): RetentionVerdict | null {
  if (input.state.privacyMode === 'anonymous') return null;
  const closedOn = closureDate(input.state, input.autoClose, input.timeZone);
  if (closedOn === null) return null;
  const keptThrough = monthsAfter(closedOn, retentionMonthsOf(input.months));
  return { closedOn, keptThrough, due: input.today > keptThrough };
}

/**
 * The earliest receipt instant (ISO, UTC) a complaint may have and not be past retention on
 * `today`: a complaint is closed on or after the day it was received, so every complaint past
 * retention was received before this. A list can read only the complaints received before it
 * (ids sort by receipt instant); two days of margin cover the time zones (UTC+7 to +9).
 */
export function retentionReceiptCutoff(today: string, months: number | undefined): string {
  const back = monthsAfter(today, -retentionMonthsOf(months));
  const [year = 0, month = 1, day = 1] = back.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 2)).toISOString();
}
