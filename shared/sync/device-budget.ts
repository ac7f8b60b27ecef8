/**
 * The device budget: what each device of a unit keeps (docs/decisions/027-device-budget.md). A
 * unit setting, `deviceBudgetMonths` in the unit-settings document (../unit/unit-settings):
 *   absent   everything (the default: every device holds the whole unit);
 *   N        the complaints received in the last N calendar months, plus every open one.
 * A complaint outside the budget stays on the central and is fetched whole on demand.
 *
 * "Received in the last N months" is read from the tracking number: it carries the unit-local
 * date of intake (../ids/tracking-number), and every document of a complaint carries its tracking
 * number in its id (`complaint:<receivedAt>:<tn>:<H>`, `event:<tn>:…`, `reporter:<tn>`;
 * ../ids/document-ids; files are inline on the complaint document). So whether a document belongs
 * to a complaint received before the cutoff is told from its id alone, in a changes feed, without
 * its body. Whether a complaint is open is not in its ids: the download asks the central
 * (renderer/core/sync/closed-complaints), the live pull keeps what the device holds.
 *
 * The cutoff is N calendar months before the unit-local today, the day clamped to the month's end
 * (7 December, 6 months: 7 June; 31 August, 6 months: 28 or 29 February). A complaint received on
 * the cutoff date or later is inside.
 */
import { isCanonicalTrackingNumber, parseTrackingNumber } from '../ids/tracking-number';
import { parseComplaintId, parseEventId, REPORTER_ID_PREFIX } from '../ids/document-ids';
import { monthsAfter } from '../retention/identity-retention';
import { localDateOf } from '../time/local-date';

/**
 * Bounds of `deviceBudgetMonths`: at least a month (a shorter budget would send the complaints a
 * desk still talks about every day to the central), at most 120 (ten years; a longer one is
 * "everything" for any unit the app has).
 */
export const DEVICE_BUDGET_MONTHS = { min: 1, max: 120 } as const;

/** Whether `months` is a valid budget (a whole number within the bounds). */
export function isDeviceBudgetMonths(months: unknown): months is number {
  return (
    typeof months === 'number' &&
    Number.isInteger(months) &&
    months >= DEVICE_BUDGET_MONTHS.min &&
    months <= DEVICE_BUDGET_MONTHS.max
  );
}

/** The budget in force on one day: complaints received on `cutoff` (unit-local ISO date) or later are kept. */
export type BudgetRule = Readonly<{ months: number; cutoff: string }>;

/** The first unit-local date inside a budget of `months` months on `today`. */
export function budgetCutoff(today: string, months: number): string {
  if (!isDeviceBudgetMonths(months)) throw new RangeError(`budgetCutoff: not a budget: ${String(months)}`);
  return monthsAfter(today, -months);
}

/**
 * The rule of the unit's settings at `now`, or null when the unit keeps everything (no setting,
 * no settings document yet, or a value out of bounds from a newer version).
 */
export function budgetRuleOf(
  settings: Readonly<{ timeZone: string; deviceBudgetMonths?: number | undefined }> | null | undefined,
  now: Date,
): BudgetRule | null {
  const months = settings?.deviceBudgetMonths;
  if (!settings || !isDeviceBudgetMonths(months)) return null;
  return { months, cutoff: budgetCutoff(localDateOf(now, settings.timeZone), months) };
}

/**
 * The tracking number of the complaint a document belongs to, from its id: the complaint itself,
 * one of its events, its reporter document; null for every other document (the unit's own, access
 * records, packets, design documents) and for ids not written as the app writes them.
 */
export function trackingNumberOfDocId(id: string): string | null {
  if (id.startsWith(REPORTER_ID_PREFIX)) {
    const trackingNumber = id.slice(REPORTER_ID_PREFIX.length);
    return isCanonicalTrackingNumber(trackingNumber) ? trackingNumber : null;
  }
  return parseComplaintId(id)?.trackingNumber ?? parseEventId(id)?.trackingNumber ?? null;
}

/** Whether the complaint with `trackingNumber` was received on or after the rule's cutoff (always, without a rule). */
export function isReceivedInBudget(rule: BudgetRule | null, trackingNumber: string): boolean {
  if (rule === null) return true;
  const parts = parseTrackingNumber(trackingNumber);
  return parts === null || parts.localDate >= rule.cutoff;
}

/**
 * Whether the document `id` is kept by its receipt date alone: every document that is not a
 * complaint's, and every document of a complaint received inside the budget. A document this says
 * no to is still kept when its complaint is open or already on the device (the callers know that).
 */
export function isDocInBudget(rule: BudgetRule | null, id: string): boolean {
  if (rule === null) return true;
  const trackingNumber = trackingNumberOfDocId(id);
  return trackingNumber === null || isReceivedInBudget(rule, trackingNumber);
}
