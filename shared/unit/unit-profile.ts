/**
 * The unit profile: who the complaint unit is and how complainants reach it (printed on every
 * receipt). One mutable document per unit database, so it syncs to every device of the unit.
 */
import { z } from 'zod';
import { newSecretProblem } from '../auth/secret-rules';
import { officerRefSchema, type OfficerRef } from '../complaint/complaint-schema';
import { ENTITY_TYPES, SCHEMA_VERSION } from '../complaint/vocabulary';
import { UNIT_PROFILE_ID } from '../ids/document-ids';
import {
  generateDeviceCode,
  isValidDeviceCode,
  isValidUnitCode,
  normaliseCode,
} from '../ids/tracking-number';
import type { MessageKey, ValidationIssue } from '../messages/validation-messages';
import { INDONESIAN_TIME_ZONES, type IndonesianTimeZone } from '../time/local-date';
import { ROLES, type Role } from '../workflow/roles';
import { changedBySchema } from './changed-by';

export const unitProfileDocSchema = z
  .object({
    _id: z.literal(UNIT_PROFILE_ID),
    _rev: z.string().optional(),
    type: z.literal('unit-profile'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    unitCode: z.string().refine(isValidUnitCode),
    unitName: z.string().min(1).max(200),
    agency: z.string().min(1).max(200),
    entityType: z.enum(ENTITY_TYPES),
    contact: z.string().min(1).max(200),
    address: z.string().max(300),
    updatedAt: z.string(),
    /** Who last edited it after setup (absent until then): the conflicts screen names them. */
    updatedBy: officerRefSchema.optional(),
    /** Who wrote this revision (./changed-by): absent only on revisions written before it existed. */
    lastChangedBy: changedBySchema.optional(),
  })
  .strict();
export type UnitProfile = z.infer<typeof unitProfileDocSchema>;

/** What the first-run setup form submits. */
export type SetupInput = Readonly<{
  unitCode: string;
  unitName: string;
  agency: string;
  entityType: string;
  contact: string;
  address: string;
  /** WIB, WITA or WIT: the unit's local dates (tracking numbers, deadlines) follow it. */
  timeZone: string;
  deviceCode: string;
  officerName: string;
  /** The first officer sets the device up; usually the unit's manager. */
  officerRole: string;
  /** The first officer's PIN (or, for a manager, passphrase), typed twice (../auth/secret-rules). */
  officerSecret: string;
  officerSecretConfirm: string;
}>;

export type ValidSetup = Readonly<{
  profile: Omit<UnitProfile, '_rev' | 'updatedAt' | 'updatedBy' | 'lastChangedBy'>;
  timeZone: IndonesianTimeZone;
  deviceCode: string;
  officerName: string;
  officerRole: Role;
  officerSecret: string;
}>;

/** The device's own zone when it is an Indonesian one, else WIB. */
export function defaultTimeZone(deviceTimeZone: string): IndonesianTimeZone {
  return INDONESIAN_TIME_ZONES.find((zone) => zone === deviceTimeZone) ?? 'Asia/Jakarta';
}

export function emptySetupInput(deviceTimeZone: string, random: () => number = Math.random): SetupInput {
  return {
    unitCode: '',
    unitName: '',
    agency: '',
    entityType: '',
    contact: '',
    address: '',
    timeZone: defaultTimeZone(deviceTimeZone),
    deviceCode: generateDeviceCode(random),
    officerName: '',
    officerRole: 'manager',
    officerSecret: '',
    officerSecretConfirm: '',
  };
}

/** Checks the setup form; reports every problem at once, in form order. */
export function validateSetup(
  input: SetupInput,
): { ok: true; value: ValidSetup } | { ok: false; issues: readonly ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const fail = (path: string, key: MessageKey): void => void issues.push({ path, key });
  const unitCode = normaliseCode(input.unitCode);
  const deviceCode = normaliseCode(input.deviceCode);
  const text = (value: string): string => value.trim();

  if (!isValidUnitCode(unitCode)) fail('unitCode', 'validation.unitCode.invalid');
  if (!text(input.unitName)) fail('unitName', 'validation.unitName.required');
  if (!text(input.agency)) fail('agency', 'validation.agency.required');
  const entityType = ENTITY_TYPES.find((type) => type === input.entityType);
  if (!entityType) fail('entityType', 'validation.entityType.unknown');
  if (!text(input.contact)) fail('contact', 'validation.unitContact.required');
  const timeZone = INDONESIAN_TIME_ZONES.find((zone) => zone === input.timeZone);
  if (!timeZone) fail('timeZone', 'validation.invalid');
  if (!isValidDeviceCode(deviceCode)) fail('deviceCode', 'validation.deviceCode.invalid');
  if (!text(input.officerName)) fail('officerName', 'validation.officerName.required');
  const officerRole = ROLES.find((role) => role === input.officerRole);
  if (!officerRole) fail('officerRole', 'validation.invalid');
  const secret = newSecretProblem(input.officerSecret, input.officerSecretConfirm, officerRole ?? 'officer');
  if (secret)
    fail(
      secret === 'mismatch' ? 'officerSecretConfirm' : 'officerSecret',
      `validation.officerSecret.${secret}`,
    );
  if (issues.length > 0 || !entityType || !timeZone || !officerRole) return { ok: false, issues };

  return {
    ok: true,
    value: {
      profile: {
        _id: UNIT_PROFILE_ID,
        type: 'unit-profile',
        schemaVersion: SCHEMA_VERSION,
        unitCode,
        unitName: text(input.unitName),
        agency: text(input.agency),
        entityType,
        contact: text(input.contact),
        address: text(input.address),
      },
      timeZone,
      deviceCode,
      officerName: text(input.officerName),
      officerRole,
      officerSecret: input.officerSecret,
    },
  };
}

/** The parts of the profile a manager edits after setup (the unit code names the database: it stays). */
export const EDITABLE_PROFILE_FIELDS = ['unitName', 'agency', 'entityType', 'contact', 'address'] as const;
export type ProfileEditInput = Readonly<Record<(typeof EDITABLE_PROFILE_FIELDS)[number], string>>;
export type ValidProfileEdit = Readonly<Pick<UnitProfile, (typeof EDITABLE_PROFILE_FIELDS)[number]>>;

const PROFILE_TEXT_MAX = { unitName: 200, agency: 200, contact: 200, address: 300 } as const;

/** The edit form's starting values: the profile as stored. */
export function profileEditInput(profile: UnitProfile): ProfileEditInput {
  const { unitName, agency, entityType, contact, address } = profile;
  return { unitName, agency, entityType, contact, address };
}

/** Checks an edit of the unit profile; reports every problem at once, in form order. */
export function validateProfileEdit(
  input: ProfileEditInput,
): { ok: true; value: ValidProfileEdit } | { ok: false; issues: readonly ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const text = (key: keyof typeof PROFILE_TEXT_MAX, required?: MessageKey): string => {
    const value = input[key].trim();
    if (required && value === '') issues.push({ path: key, key: required });
    else if (value.length > PROFILE_TEXT_MAX[key])
      issues.push({ path: key, key: 'validation.tooLong', params: { max: PROFILE_TEXT_MAX[key] } });
    return value;
  };
  const unitName = text('unitName', 'validation.unitName.required');
  const agency = text('agency', 'validation.agency.required');
  const entityType = ENTITY_TYPES.find((type) => type === input.entityType);
  if (!entityType) issues.push({ path: 'entityType', key: 'validation.entityType.unknown' });
  const contact = text('contact', 'validation.unitContact.required');
  const address = text('address');
  if (issues.length > 0 || !entityType) return { ok: false, issues };
  return { ok: true, value: { unitName, agency, entityType, contact, address } };
}

/**
 * `profile` with `edit` applied by `by`: same id, unit and revision (so a change made meanwhile
 * conflicts).
 */
export function applyProfileEdit(
  profile: UnitProfile,
  edit: ValidProfileEdit,
  now: Date,
  by: OfficerRef,
): UnitProfile {
  return unitProfileDocSchema.parse({
    ...profile,
    ...edit,
    updatedAt: now.toISOString(),
    updatedBy: { ...by },
  });
}
