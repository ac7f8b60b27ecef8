/**
 * The unit profile: who the complaint unit is and how complainants reach it (printed on every
 * receipt). One mutable document per unit database, so it syncs to every device of the unit.
 */
import { z } from 'zod';
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
}>;

export type ValidSetup = Readonly<{
  profile: Omit<UnitProfile, '_rev' | 'updatedAt'>;
  timeZone: IndonesianTimeZone;
  deviceCode: string;
  officerName: string;
  officerRole: Role;
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
    },
  };
}
