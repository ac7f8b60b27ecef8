/**
 * Setting up a further device of a unit that already syncs with a central server: instead of
 * typing the unit profile again (which would make a second, conflicting profile, settings and
 * office list), the device signs in to the unit's database, downloads it, and only adds itself
 * and its first officer. Checks of the form here; the download in the renderer.
 */
import {
  generateDeviceCode,
  isValidDeviceCode,
  isValidUnitCode,
  normaliseCode,
} from '../ids/tracking-number';
import type { MessageKey, ValidationIssue } from '../messages/validation-messages';
import { normalizeServerUrl } from '../sync/sync-config';
import { ROLES, type Role } from '../workflow/roles';

export type JoinInput = Readonly<{
  unitCode: string;
  serverUrl: string;
  password: string;
  deviceCode: string;
  officerName: string;
  officerRole: string;
}>;

export type ValidJoin = Readonly<{
  unitCode: string;
  serverUrl: string;
  password: string;
  deviceCode: string;
  officerName: string;
  officerRole: Role;
}>;

export function emptyJoinInput(random: () => number = Math.random): JoinInput {
  return {
    unitCode: '',
    serverUrl: '',
    password: '',
    deviceCode: generateDeviceCode(random),
    officerName: '',
    officerRole: 'officer',
  };
}

/** Checks the join form; reports every problem at once, in form order. */
export function validateJoin(
  input: JoinInput,
): { ok: true; value: ValidJoin } | { ok: false; issues: readonly ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const fail = (path: string, key: MessageKey): void => void issues.push({ path, key });
  const unitCode = normaliseCode(input.unitCode);
  const serverUrl = normalizeServerUrl(input.serverUrl);
  const deviceCode = normaliseCode(input.deviceCode);
  const officerName = input.officerName.trim();
  const officerRole = ROLES.find((role) => role === input.officerRole);
  if (!isValidUnitCode(unitCode)) fail('unitCode', 'validation.unitCode.invalid');
  if (serverUrl === null) fail('serverUrl', 'validation.serverUrl.invalid');
  if (input.password === '') fail('password', 'validation.password.required');
  if (!isValidDeviceCode(deviceCode)) fail('deviceCode', 'validation.deviceCode.invalid');
  if (!officerName) fail('officerName', 'validation.officerName.required');
  if (!officerRole) fail('officerRole', 'validation.invalid');
  if (issues.length > 0 || serverUrl === null || !officerRole) return { ok: false, issues };
  return {
    ok: true,
    value: { unitCode, serverUrl, password: input.password, deviceCode, officerName, officerRole },
  };
}

/** True when a complaint or event id already carries `deviceCode` (another device of the unit uses it). */
export function deviceCodeInUse(ids: Iterable<string>, deviceCode: string): boolean {
  const inTrackingNumber = `-${deviceCode}-`;
  for (const id of ids) {
    if ((id.startsWith('complaint:') || id.startsWith('event:')) && id.includes(inTrackingNumber))
      return true;
    // Events name the device that wrote them: event:<tn>:<at>:<device>:<seq>.
    if (id.startsWith('event:') && id.split(':').at(-2) === deviceCode) return true;
  }
  return false;
}
