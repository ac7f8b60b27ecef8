/**
 * Deadline settings: every deadline is a unit setting with a default, because agencies publish
 * different local standards (docs/domain.md, 'Deadlines', lists each default with its source). Each
 * default names its source here too; the bounds keep
 * a mistyped value from producing an absurd clock.
 */
import { z } from 'zod';
import type { ValidationIssue } from '../messages/validation-messages';
import type { IndonesianTimeZone } from '../time/local-date';

type Bounds = Readonly<{ default: number; min: number; max: number }>;

export const DEADLINE_SETTINGS = {
  /** SP4N-LAPOR! default clock: verification and dispatch within 3 working days of intake. */
  verifyWorkingDays: { default: 3, min: 1, max: 30 },
  /** SP4N-LAPOR!: the responsible office follows up within 5 working days. */
  followUpWorkingDays: { default: 5, min: 1, max: 30 },
  /**
   * SP4N-LAPOR!: the complainant may answer a follow-up within 10 days; with no
   * answer for 10 working days the complaint counts as finished. Counted in working days.
   */
  replyWindowWorkingDays: { default: 10, min: 1, max: 30 },
  /** Perpres 76/2013: resolved within 60 days of the file being complete (here: verification). */
  resolveCalendarDays: { default: 60, min: 1, max: 365 },
  /** UU 25/2009 art. 50 as commonly cited, NOT confirmed: respond within 14 days of receipt. */
  respondWithinDays: { default: 14, min: 1, max: 90 },
  /** Meja Aduan's own: "due soon" from this many working days before the due date (default 1). */
  dueSoonWorkingDays: { default: 1, min: 0, max: 10 },
} as const satisfies Record<string, Bounds>;

export type DeadlineSettingName = keyof typeof DEADLINE_SETTINGS;
export const DEADLINE_SETTING_NAMES = Object.keys(DEADLINE_SETTINGS) as readonly DeadlineSettingName[];

const bounded = (name: DeadlineSettingName) =>
  z.number().int().min(DEADLINE_SETTINGS[name].min).max(DEADLINE_SETTINGS[name].max);

export const deadlineSettingsSchema = z
  .object({
    verifyWorkingDays: bounded('verifyWorkingDays'),
    followUpWorkingDays: bounded('followUpWorkingDays'),
    replyWindowWorkingDays: bounded('replyWindowWorkingDays'),
    resolveCalendarDays: bounded('resolveCalendarDays'),
    respondWithinDays: bounded('respondWithinDays'),
    dueSoonWorkingDays: bounded('dueSoonWorkingDays'),
  })
  .strict();
export type DeadlineSettings = Readonly<z.infer<typeof deadlineSettingsSchema>>;

export const slaRulesSchema = z
  .object({
    /**
     * SP4N-LAPOR! (docs/domain.md, 'Deadlines'): an answered complaint with no reply for the reply
     * window is closed by rule, unless the unit turns the rule off. On by default.
     */
    autoCloseAfterReplyWindow: z.boolean(),
    /** UU 25/2009 art. 50 "respond within 14 days": NOT confirmed (docs/domain.md), off by default. */
    respondWithin14Days: z.boolean(),
  })
  .strict();
export type SlaRules = Readonly<z.infer<typeof slaRulesSchema>>;
export const SLA_RULE_NAMES = ['autoCloseAfterReplyWindow', 'respondWithin14Days'] as const;

export const DEFAULT_DEADLINES: DeadlineSettings = {
  verifyWorkingDays: DEADLINE_SETTINGS.verifyWorkingDays.default,
  followUpWorkingDays: DEADLINE_SETTINGS.followUpWorkingDays.default,
  replyWindowWorkingDays: DEADLINE_SETTINGS.replyWindowWorkingDays.default,
  resolveCalendarDays: DEADLINE_SETTINGS.resolveCalendarDays.default,
  respondWithinDays: DEADLINE_SETTINGS.respondWithinDays.default,
  dueSoonWorkingDays: DEADLINE_SETTINGS.dueSoonWorkingDays.default,
};

export const DEFAULT_SLA_RULES: SlaRules = { autoCloseAfterReplyWindow: true, respondWithin14Days: false };

/** The deadline fields of the settings form; number inputs may deliver text. */
export type DeadlineInput = Readonly<Record<DeadlineSettingName, number | string>>;
export type SlaRulesInput = Readonly<Record<(typeof SLA_RULE_NAMES)[number], boolean>>;

function parseDeadline(name: DeadlineSettingName, raw: number | string): number | ValidationIssue {
  const { min, max } = DEADLINE_SETTINGS[name];
  const text = typeof raw === 'string' ? raw.trim() : '';
  const value = typeof raw === 'number' ? raw : /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  const path = `deadlines.${name}`;
  if (!Number.isInteger(value))
    return { path, key: 'unitSettings.deadline.notWholeNumber', params: { min, max } };
  if (value < min || value > max)
    return { path, key: 'unitSettings.deadline.outOfRange', params: { min, max } };
  return value;
}

/**
 * Checks the deadline and rule fields of the settings form (each deadline a whole number within
 * its bounds, each rule on or off). The values are null when anything is wrong.
 */
export function checkDeadlineInput(
  deadlines: DeadlineInput,
  rules: SlaRulesInput,
): { deadlines: DeadlineSettings | null; rules: SlaRules | null; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const parsed: Partial<Record<DeadlineSettingName, number>> = {};
  for (const name of DEADLINE_SETTING_NAMES) {
    const result = parseDeadline(name, deadlines[name]);
    if (typeof result === 'number') parsed[name] = result;
    else issues.push(result);
  }
  const badRules = SLA_RULE_NAMES.filter((name) => typeof rules[name] !== 'boolean');
  for (const name of badRules) issues.push({ path: `rules.${name}`, key: 'unitSettings.rule.invalid' });
  const validDeadlines = deadlineSettingsSchema.safeParse(parsed);
  return {
    deadlines: validDeadlines.success ? validDeadlines.data : null,
    rules:
      badRules.length === 0
        ? {
            autoCloseAfterReplyWindow: rules.autoCloseAfterReplyWindow,
            respondWithin14Days: rules.respondWithin14Days,
          }
        : null,
    issues,
  };
}

/** What the deadline functions read from the unit settings (a UnitSettingsDoc fits). */
export type SlaSettings = Readonly<{
  timeZone: IndonesianTimeZone;
  deadlines: DeadlineSettings;
  rules: SlaRules;
}>;

export const DEADLINE_STAGES = ['verify', 'follow-up', 'respond-14', 'resolve', 'reply-window'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

/** Stable rule ids, each naming the source of its stage's clock. */
export const SLA_RULE_IDS = {
  verify: 'sp4n-lapor.verify-dispatch',
  'follow-up': 'sp4n-lapor.office-follow-up',
  'respond-14': 'uu-25-2009.art-50.respond-unconfirmed',
  resolve: 'perpres-76-2013.resolve',
  'reply-window': 'sp4n-lapor.reply-window',
} as const satisfies Record<DeadlineStage, string>;
