import { describe, expect, it } from 'vitest';
import { SETTINGS_MESSAGES } from '../messages/settings-messages';
import { formatMessage } from '../messages/validation-messages';
import {
  DEADLINE_SETTINGS,
  DEADLINE_SETTING_NAMES,
  DEFAULT_DEADLINES,
  DEFAULT_SLA_RULES,
  SLA_RULE_IDS,
  checkDeadlineInput,
  deadlineSettingsSchema,
  slaRulesSchema,
  type DeadlineInput,
  type SlaRulesInput,
} from './deadline-settings';

const textInput: DeadlineInput = {
  verifyWorkingDays: '3',
  followUpWorkingDays: ' 5 ',
  replyWindowWorkingDays: 10,
  resolveCalendarDays: '60',
  respondWithinDays: 14,
  dueSoonWorkingDays: '1',
};
const rules: SlaRulesInput = { autoCloseAfterReplyWindow: true, respondWithin14Days: false };

describe('deadline defaults', () => {
  it('are the SP4N-LAPOR! and Perpres 76/2013 clocks, the 14-day rule off', () => {
    expect(DEFAULT_DEADLINES).toEqual({
      verifyWorkingDays: 3, // verify and dispose ≤ 3 working days after intake
      followUpWorkingDays: 5, // office follow-up ≤ 5 working days after disposition
      replyWindowWorkingDays: 10, // complainant reply window, working days
      resolveCalendarDays: 60, // Perpres 76/2013: resolved within 60 days of a complete file
      respondWithinDays: 14, // UU 25/2009 art. 50 as commonly cited (unconfirmed)
      dueSoonWorkingDays: 1,
    });
    expect(DEFAULT_SLA_RULES).toEqual({ autoCloseAfterReplyWindow: true, respondWithin14Days: false });
    expect(deadlineSettingsSchema.parse(DEFAULT_DEADLINES)).toEqual(DEFAULT_DEADLINES);
    expect(slaRulesSchema.parse(DEFAULT_SLA_RULES)).toEqual(DEFAULT_SLA_RULES);
  });

  it('lie within their own bounds, and every stage names its source', () => {
    for (const name of DEADLINE_SETTING_NAMES) {
      const { default: value, min, max } = DEADLINE_SETTINGS[name];
      expect(value).toBeGreaterThanOrEqual(min);
      expect(value).toBeLessThanOrEqual(max);
    }
    expect(SLA_RULE_IDS.resolve).toMatch(/perpres-76-2013/);
    expect(SLA_RULE_IDS['respond-14']).toMatch(/unconfirmed/);
  });

  it('reject a value out of bounds or a fraction in the stored schema', () => {
    expect(deadlineSettingsSchema.safeParse({ ...DEFAULT_DEADLINES, verifyWorkingDays: 0 }).success).toBe(
      false,
    );
    expect(deadlineSettingsSchema.safeParse({ ...DEFAULT_DEADLINES, verifyWorkingDays: 2.5 }).success).toBe(
      false,
    );
    expect(deadlineSettingsSchema.safeParse({ ...DEFAULT_DEADLINES, extra: 1 }).success).toBe(false);
    expect(deadlineSettingsSchema.safeParse({ ...DEFAULT_DEADLINES, dueSoonWorkingDays: 0 }).success).toBe(
      true,
    );
  });
});

describe('checkDeadlineInput', () => {
  it('reads whole numbers typed as text, with spaces around them', () => {
    expect(checkDeadlineInput(textInput, rules)).toEqual({ deadlines: DEFAULT_DEADLINES, rules, issues: [] });
    expect(
      checkDeadlineInput({ ...textInput, verifyWorkingDays: '007' }, rules).deadlines?.verifyWorkingDays,
    ).toBe(7);
  });

  it('accepts each bound itself', () => {
    const atMin = Object.fromEntries(
      DEADLINE_SETTING_NAMES.map((n) => [n, String(DEADLINE_SETTINGS[n].min)]),
    );
    const atMax = Object.fromEntries(DEADLINE_SETTING_NAMES.map((n) => [n, DEADLINE_SETTINGS[n].max]));
    expect(checkDeadlineInput(atMin as DeadlineInput, rules).issues).toEqual([]);
    expect(checkDeadlineInput(atMax as DeadlineInput, rules).issues).toEqual([]);
    // The due-soon margin may be 0 (only the due day itself is "due soon").
    expect(
      checkDeadlineInput({ ...textInput, dueSoonWorkingDays: '0' }, rules).deadlines?.dueSoonWorkingDays,
    ).toBe(0);
  });

  it.each([
    ['abc', 'unitSettings.deadline.notWholeNumber'],
    ['', 'unitSettings.deadline.notWholeNumber'],
    ['   ', 'unitSettings.deadline.notWholeNumber'],
    ['3.5', 'unitSettings.deadline.notWholeNumber'],
    ['1e1', 'unitSettings.deadline.notWholeNumber'],
    ['-3', 'unitSettings.deadline.notWholeNumber'],
    [2.5, 'unitSettings.deadline.notWholeNumber'],
    [Number.NaN, 'unitSettings.deadline.notWholeNumber'],
    [Number.POSITIVE_INFINITY, 'unitSettings.deadline.notWholeNumber'],
    ['0', 'unitSettings.deadline.outOfRange'],
    [0, 'unitSettings.deadline.outOfRange'],
    ['31', 'unitSettings.deadline.outOfRange'],
    ['999', 'unitSettings.deadline.outOfRange'],
    [-1, 'unitSettings.deadline.outOfRange'],
  ] as const)('refuses %j for the verification deadline with %s', (raw, key) => {
    const result = checkDeadlineInput({ ...textInput, verifyWorkingDays: raw }, rules);
    expect(result.issues).toEqual([
      { path: 'deadlines.verifyWorkingDays', key, params: { min: 1, max: 30 } },
    ]);
    expect(result.deadlines).toBeNull();
    expect(result.rules).toEqual(rules); // the rules were fine
  });

  it('gives each field its own bounds and reports every field, in form order', () => {
    const result = checkDeadlineInput(
      {
        verifyWorkingDays: 'abc',
        followUpWorkingDays: '0',
        replyWindowWorkingDays: '999',
        resolveCalendarDays: '366',
        respondWithinDays: 2.5,
        dueSoonWorkingDays: '11',
      },
      rules,
    );
    expect(result.issues).toEqual([
      {
        path: 'deadlines.verifyWorkingDays',
        key: 'unitSettings.deadline.notWholeNumber',
        params: { min: 1, max: 30 },
      },
      {
        path: 'deadlines.followUpWorkingDays',
        key: 'unitSettings.deadline.outOfRange',
        params: { min: 1, max: 30 },
      },
      {
        path: 'deadlines.replyWindowWorkingDays',
        key: 'unitSettings.deadline.outOfRange',
        params: { min: 1, max: 30 },
      },
      {
        path: 'deadlines.resolveCalendarDays',
        key: 'unitSettings.deadline.outOfRange',
        params: { min: 1, max: 365 },
      },
      {
        path: 'deadlines.respondWithinDays',
        key: 'unitSettings.deadline.notWholeNumber',
        params: { min: 1, max: 90 },
      },
      {
        path: 'deadlines.dueSoonWorkingDays',
        key: 'unitSettings.deadline.outOfRange',
        params: { min: 0, max: 10 },
      },
    ]);
  });

  it('takes either rule on or off, and refuses anything that is not a boolean', () => {
    const on = { autoCloseAfterReplyWindow: false, respondWithin14Days: true };
    expect(checkDeadlineInput(textInput, on)).toMatchObject({ rules: on, issues: [] });
    const bad = {
      autoCloseAfterReplyWindow: 'yes',
      respondWithin14Days: undefined,
    } as unknown as SlaRulesInput;
    const result = checkDeadlineInput(textInput, bad);
    expect(result.rules).toBeNull();
    expect(result.deadlines).toEqual(DEFAULT_DEADLINES);
    expect(result.issues).toEqual([
      { path: 'rules.autoCloseAfterReplyWindow', key: 'unitSettings.rule.invalid' },
      { path: 'rules.respondWithin14Days', key: 'unitSettings.rule.invalid' },
    ]);
  });

  it('uses message keys that exist in both languages, with min and max filled in', () => {
    for (const key of [
      'unitSettings.deadline.notWholeNumber',
      'unitSettings.deadline.outOfRange',
      'unitSettings.rule.invalid',
    ] as const) {
      expect(SETTINGS_MESSAGES[key].id).not.toBe('');
      expect(SETTINGS_MESSAGES[key].en).not.toBe('');
    }
    expect(formatMessage('unitSettings.deadline.outOfRange', 'id', { min: 1, max: 30 })).toBe(
      'Nilai harus antara 1 dan 30.',
    );
    expect(formatMessage('unitSettings.deadline.notWholeNumber', 'en', { min: 1, max: 30 })).toBe(
      'Enter a whole number from 1 to 30.',
    );
  });
});
