/**
 * The device budget (shared/sync/device-budget; docs/decisions/027-device-budget.md) as the sync
 * applies it on this device: the rule of the unit-settings document on the device (replicated,
 * or fetched by the first download's stage `unit`), and the complaints outside the rule that the
 * device holds all the same (open ones the download brought, ones fetched on demand, ones that aged
 * out of the budget since they came). Those are kept up to date like any other: the budget only
 * decides what comes to the device, never what leaves it.
 */
import { budgetRuleOf, isReceivedInBudget, type BudgetRule } from '../../../shared/sync/device-budget';
import { addDays } from '../../../shared/time/local-date';
import { unitSettingsDocSchema, UNIT_SETTINGS_ID } from '../../../shared/unit/unit-settings';
import { isNotFound } from '../../../shared/couch/pouch-toolkit';
import { complaintsOnDevice, type ComplaintIdReader } from './complaints-on-device';

/** What the budget reads of the unit's local database (PouchDB). */
export type BudgetReader = ComplaintIdReader &
  Readonly<{
    get(id: string): Promise<object>;
  }>;

export type BudgetOnDevice = Readonly<{
  rule: BudgetRule;
  /**
   * Tracking numbers of the complaints outside the rule that the device holds; the sync adds the
   * ones it fetches.
   */
  held: Set<string>;
}>;

/** The rule of the unit-settings document on the device at `now`, or null (everything, or no settings yet). */
export async function budgetRuleOnDevice(db: BudgetReader, now: Date): Promise<BudgetRule | null> {
  let doc: object;
  try {
    doc = await db.get(UNIT_SETTINGS_ID);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const settings = unitSettingsDocSchema.safeParse(doc);
  return settings.success ? budgetRuleOf(settings.data, now) : null;
}

/**
 * The tracking numbers of the complaints on the device received before the rule's cutoff: the
 * complaint ids (keys only) received up to a day after the cutoff in UTC (ids carry the UTC
 * instant; the unit's local day starts up to 9 hours earlier), each judged by its tracking number.
 */
export async function heldOutsideBudget(db: BudgetReader, rule: BudgetRule): Promise<Set<string>> {
  const received = await complaintsOnDevice(db, addDays(rule.cutoff, 1));
  return new Set([...received].filter((trackingNumber) => !isReceivedInBudget(rule, trackingNumber)));
}

/** The budget in force on this device at `now`, or null when the unit keeps everything. */
export async function budgetOnDevice(db: BudgetReader, now: Date): Promise<BudgetOnDevice | null> {
  const rule = await budgetRuleOnDevice(db, now);
  return rule === null ? null : { rule, held: await heldOutsideBudget(db, rule) };
}
