/**
 * The unit's mutable, synced settings documents (settings are among the few mutable documents; a
 * conflict is shown to a person, never dropped: docs/decisions/001-append-only-events.md):
 *   unit-settings  time zone, deadlines and rules (../sla/deadline-settings names each source),
 *                  holidays and collective leave per year (defaults: ../calendar/indonesian-holidays)
 *   unit-offices   the offices (OPD / work units) complaints are disposed to
 * Managers edit them (docs/domain.md, 'Workflow'); the forms go through validateSettingsInput /
 * validateOfficesInput.
 */
import { z } from 'zod';
import { IDLE_LOCK_MINUTES } from '../auth/idle-lock';
import { BACKUP_REMINDER_DAYS } from '../backup/backup-reminder';
import { checkHolidaysByYear, holidaysByYearSchema, type HolidayInput } from '../calendar/holiday-list';
import { DEFAULT_HOLIDAYS } from '../calendar/indonesian-holidays';
import { officerRefSchema, type OfficerRef } from '../complaint/complaint-schema';
import { isValidUnitCode } from '../ids/tracking-number';
import { IDENTITY_RETENTION_MONTHS, isRetentionMonths } from '../retention/retention-months';
import { DEVICE_BUDGET_MONTHS, isDeviceBudgetMonths } from '../sync/device-budget';
import type { MessageKey, MessageParams, ValidationIssue } from '../messages/validation-messages';
import {
  DEFAULT_DEADLINES,
  DEFAULT_SLA_RULES,
  checkDeadlineInput,
  deadlineSettingsSchema,
  slaRulesSchema,
  type DeadlineInput,
  type SlaRulesInput,
} from '../sla/deadline-settings';
import { isIsoInstant, toIsoInstant } from '../time/iso-instant';
import { INDONESIAN_TIME_ZONES, type IndonesianTimeZone } from '../time/local-date';
import { changedBySchema } from './changed-by';

export const UNIT_SETTINGS_ID = 'unit-settings';
export const UNIT_OFFICES_ID = 'unit-offices';
/** Version of these two documents' shape (independent of the complaint schema's version). */
export const UNIT_SETTINGS_SCHEMA_VERSION = 1;
export const OFFICE_NAME_MAX = 200;
export const OFFICE_CODE_MAX = 40;
/** `dinkes`, `dinas-pu`, `DPMPTSP`: letters and digits, optionally joined by single hyphens. */
const OFFICE_CODE_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

type Result<T> = { ok: true; value: T } | { ok: false; issues: readonly ValidationIssue[] };
const issue = (path: string, key: MessageKey, params?: MessageParams): ValidationIssue =>
  params ? { path, key, params } : { path, key };

const documentBase = {
  _rev: z.string().optional(),
  schemaVersion: z.literal(UNIT_SETTINGS_SCHEMA_VERSION),
  unitCode: z.string().refine(isValidUnitCode, { message: 'validation.unitCode.invalid' }),
  updatedAt: z.string().refine(isIsoInstant, { message: 'validation.invalid' }),
  updatedBy: officerRefSchema,
  /** Who wrote this revision (./changed-by): absent only on revisions written before it existed. */
  lastChangedBy: changedBySchema.optional(),
};

export const unitSettingsDocSchema = z
  .object({
    _id: z.literal(UNIT_SETTINGS_ID),
    type: z.literal('unit-settings'),
    ...documentBase,
    timeZone: z.enum(INDONESIAN_TIME_ZONES),
    deadlines: deadlineSettingsSchema,
    rules: slaRulesSchema,
    holidays: holidaysByYearSchema,
    /**
     * Minutes without input before the desk locks itself (shared/auth/idle-lock); absent in
     * documents from before the setting existed, which lock after the default 10.
     */
    idleLockMinutes: z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max).optional(),
    /**
     * Days after a device's last backup before its status bar reminds (shared/backup/backup-reminder,
     * only while it holds changes the central lacks); absent: no reminder.
     */
    backupReminderDays: z
      .number()
      .int()
      .min(BACKUP_REMINDER_DAYS.min)
      .max(BACKUP_REMINDER_DAYS.max)
      .optional(),
    /**
     * Calendar months after a complaint's closure before its complainant's identity is deleted
     * (shared/retention/identity-retention); absent in documents from before the setting existed,
     * which keep identity for the default 24.
     */
    identityRetentionMonths: z
      .number()
      .int()
      .min(IDENTITY_RETENTION_MONTHS.min)
      .max(IDENTITY_RETENTION_MONTHS.max)
      .optional(),
    /**
     * What each device keeps (../sync/device-budget): the complaints received in the last N
     * calendar months plus every open one; absent (documents from before the setting, and the
     * default): everything.
     */
    deviceBudgetMonths: z
      .number()
      .int()
      .min(DEVICE_BUDGET_MONTHS.min)
      .max(DEVICE_BUDGET_MONTHS.max)
      .optional(),
  })
  .strict();
export type UnitSettingsDoc = z.infer<typeof unitSettingsDocSchema>;

/** The editable part of the settings, as validateSettingsInput returns it. */
export type ValidSettings = Readonly<Pick<UnitSettingsDoc, 'timeZone' | 'deadlines' | 'rules' | 'holidays'>>;

/** What the settings form submits; deadline fields may arrive as text from number inputs. */
export type SettingsInput = Readonly<{
  timeZone: string;
  deadlines: DeadlineInput;
  rules: SlaRulesInput;
  holidays: Readonly<Record<string, readonly HolidayInput[]>>;
}>;

export function defaultUnitSettings(
  unitCode: string,
  timeZone: IndonesianTimeZone,
  now: Date,
  by: OfficerRef,
): UnitSettingsDoc {
  const holidays: UnitSettingsDoc['holidays'] = {};
  for (const [year, list] of Object.entries(DEFAULT_HOLIDAYS)) {
    holidays[year] = list.map((holiday) => ({ ...holiday, name: { ...holiday.name } }));
  }
  return {
    _id: UNIT_SETTINGS_ID,
    type: 'unit-settings',
    schemaVersion: UNIT_SETTINGS_SCHEMA_VERSION,
    unitCode,
    timeZone,
    deadlines: { ...DEFAULT_DEADLINES },
    rules: { ...DEFAULT_SLA_RULES },
    holidays,
    updatedAt: toIsoInstant(now),
    updatedBy: { ...by },
  };
}

/** Checks the settings form; reports every problem at once, in form order. */
export function validateSettingsInput(input: SettingsInput): Result<ValidSettings> {
  const issues: ValidationIssue[] = [];
  const timeZone = INDONESIAN_TIME_ZONES.find((zone) => zone === input.timeZone);
  if (!timeZone) issues.push(issue('timeZone', 'unitSettings.timeZone.unknown'));
  const sla = checkDeadlineInput(input.deadlines, input.rules);
  issues.push(...sla.issues);
  const holidays = checkHolidaysByYear(input.holidays);
  issues.push(...holidays.issues);
  if (issues.length > 0 || !timeZone || !sla.deadlines || !sla.rules) return { ok: false, issues };
  return {
    ok: true,
    value: {
      timeZone,
      deadlines: sla.deadlines,
      rules: sla.rules,
      holidays: holidays.value,
    },
  };
}

/** The settings document after a manager saved `value`. */
export function applySettings(
  doc: UnitSettingsDoc,
  value: ValidSettings,
  now: Date,
  by: OfficerRef,
): UnitSettingsDoc {
  return { ...doc, ...value, updatedAt: toIsoInstant(now), updatedBy: { ...by } };
}

// ---- Idle lock ----

/**
 * Checks the idle lock field of the settings form (text from a number input): a whole number of
 * minutes within IDLE_LOCK_MINUTES.
 */
export function validateIdleLockInput(raw: string): Result<number> {
  const text = raw.trim();
  const value = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < IDLE_LOCK_MINUTES.min || value > IDLE_LOCK_MINUTES.max) {
    return {
      ok: false,
      issues: [
        issue('idleLockMinutes', 'unitSettings.idleLock.invalid', {
          min: IDLE_LOCK_MINUTES.min,
          max: IDLE_LOCK_MINUTES.max,
        }),
      ],
    };
  }
  return { ok: true, value };
}

/** The settings document after a manager set the idle lock to `minutes` (validated). */
export function applyIdleLock(
  doc: UnitSettingsDoc,
  minutes: number,
  now: Date,
  by: OfficerRef,
): UnitSettingsDoc {
  return { ...doc, idleLockMinutes: minutes, updatedAt: toIsoInstant(now), updatedBy: { ...by } };
}

// ---- Backup reminder ----

/** The settings document after a manager set the backup reminder to `days` (validated), or off (null). */
export function applyBackupReminder(
  doc: UnitSettingsDoc,
  days: number | null,
  now: Date,
  by: OfficerRef,
): UnitSettingsDoc {
  const { backupReminderDays: _previous, ...rest } = doc;
  return {
    ...rest,
    ...(days === null ? {} : { backupReminderDays: days }),
    updatedAt: toIsoInstant(now),
    updatedBy: { ...by },
  };
}

// ---- Identity retention ----

/**
 * Checks the retention field of the settings form (text from a number input): a whole number of
 * months within IDENTITY_RETENTION_MONTHS.
 */
export function validateRetentionInput(raw: string): Result<number> {
  const text = raw.trim();
  const value = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!isRetentionMonths(value)) {
    return {
      ok: false,
      issues: [
        issue('identityRetentionMonths', 'unitSettings.retention.invalid', {
          min: IDENTITY_RETENTION_MONTHS.min,
          max: IDENTITY_RETENTION_MONTHS.max,
        }),
      ],
    };
  }
  return { ok: true, value };
}

/** The settings document after a manager set the identity retention to `months` (validated). */
export function applyIdentityRetention(
  doc: UnitSettingsDoc,
  months: number,
  now: Date,
  by: OfficerRef,
): UnitSettingsDoc {
  return { ...doc, identityRetentionMonths: months, updatedAt: toIsoInstant(now), updatedBy: { ...by } };
}

// ---- Device budget ----

/** What the device budget's part of the settings form submits: the choice, and the months as typed. */
export type DeviceBudgetInput = Readonly<{ keep: 'everything' | 'months'; months: string }>;

/**
 * Checks the device budget form: everything (null), or a whole number of months within
 * DEVICE_BUDGET_MONTHS.
 */
export function validateDeviceBudgetInput(input: DeviceBudgetInput): Result<number | null> {
  if (input.keep === 'everything') return { ok: true, value: null };
  const text = input.months.trim();
  const value = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!isDeviceBudgetMonths(value)) {
    return {
      ok: false,
      issues: [
        issue('deviceBudgetMonths', 'unitSettings.deviceBudget.invalid', {
          min: DEVICE_BUDGET_MONTHS.min,
          max: DEVICE_BUDGET_MONTHS.max,
        }),
      ],
    };
  }
  return { ok: true, value };
}

/** The settings document after a manager set the device budget to `months` (validated), or everything (null). */
export function applyDeviceBudget(
  doc: UnitSettingsDoc,
  months: number | null,
  now: Date,
  by: OfficerRef,
): UnitSettingsDoc {
  const { deviceBudgetMonths: _previous, ...rest } = doc;
  return {
    ...rest,
    ...(months === null ? {} : { deviceBudgetMonths: months }),
    updatedAt: toIsoInstant(now),
    updatedBy: { ...by },
  };
}

// ---- Offices ----

export type Office = Readonly<{ code: string; name: string; active: boolean }>;
export type OfficeInput = Readonly<{ code: string; name: string; active: boolean }>;

const sameName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

/** Checks an office list: codes well-formed and unique, names given and unique (both ignoring case). */
function checkOffices(input: readonly OfficeInput[]): { value: Office[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const codes = new Set<string>();
  const names = new Set<string>();
  const value = input.map((office, index) => {
    const code = office.code.trim();
    const name = office.name.trim().replace(/\s+/g, ' ');
    if (code.length > OFFICE_CODE_MAX || !OFFICE_CODE_PATTERN.test(code)) {
      issues.push(
        issue(`offices.${index}.code`, 'unitSettings.office.codeInvalid', { max: OFFICE_CODE_MAX }),
      );
    } else if (codes.has(code.toLowerCase())) {
      issues.push(issue(`offices.${index}.code`, 'unitSettings.office.codeDuplicate', { code }));
    }
    codes.add(code.toLowerCase());
    if (!name) issues.push(issue(`offices.${index}.name`, 'unitSettings.office.nameRequired'));
    else if (name.length > OFFICE_NAME_MAX) {
      issues.push(
        issue(`offices.${index}.name`, 'unitSettings.office.nameTooLong', { max: OFFICE_NAME_MAX }),
      );
    } else if (names.has(sameName(name))) {
      issues.push(issue(`offices.${index}.name`, 'unitSettings.office.nameDuplicate', { name }));
    }
    names.add(sameName(name));
    if (typeof office.active !== 'boolean') {
      issues.push(issue(`offices.${index}.active`, 'unitSettings.office.activeInvalid'));
    }
    return { code, name, active: office.active };
  });
  return { value, issues };
}

export const officeSchema = z
  .object({
    code: z.string().max(OFFICE_CODE_MAX).regex(OFFICE_CODE_PATTERN),
    name: z.string().min(1).max(OFFICE_NAME_MAX),
    active: z.boolean(),
  })
  .strict();

export const unitOfficesDocSchema = z
  .object({
    _id: z.literal(UNIT_OFFICES_ID),
    type: z.literal('unit-offices'),
    ...documentBase,
    offices: z.array(officeSchema).superRefine((offices, ctx) => {
      for (const found of checkOffices(offices).issues) {
        const path = found.path
          .split('.')
          .slice(1)
          .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
        ctx.addIssue({ code: 'custom', message: found.key, path, params: found.params });
      }
    }),
  })
  .strict();
export type UnitOfficesDoc = z.infer<typeof unitOfficesDocSchema>;

export function defaultUnitOffices(unitCode: string, now: Date, by: OfficerRef): UnitOfficesDoc {
  return {
    _id: UNIT_OFFICES_ID,
    type: 'unit-offices',
    schemaVersion: UNIT_SETTINGS_SCHEMA_VERSION,
    unitCode,
    offices: [],
    updatedAt: toIsoInstant(now),
    updatedBy: { ...by },
  };
}

/** Checks the office list form; names are trimmed and inner spaces collapsed. */
export function validateOfficesInput(input: readonly OfficeInput[]): Result<Office[]> {
  const { value, issues } = checkOffices(input);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** The offices document after a manager saved `offices`. */
export function applyOffices(
  doc: UnitOfficesDoc,
  offices: readonly Office[],
  now: Date,
  by: OfficerRef,
): UnitOfficesDoc {
  return {
    ...doc,
    offices: offices.map((office) => ({ ...office })),
    updatedAt: toIsoInstant(now),
    updatedBy: { ...by },
  };
}
