/**
 * Setting up a further device of a unit that already syncs with a central server: instead of
 * typing the unit profile again (which would make a second, conflicting profile, settings and
 * office list), the device enrols with the enrolment code of its own account on the central
 * (../enrolment/enrolment-code: server, unit, device, one-time password), downloads the unit, and
 * only adds itself and its first officer. Checks of the form here; the enrolment and the download
 * in the renderer's core.
 */
import { parseEnrolmentCode, type Enrolment } from '../enrolment/enrolment-code';
import { parseEventId } from '../ids/document-ids';
import { isValidDeviceCode, normaliseCode } from '../ids/tracking-number';
import type { MessageKey, ValidationIssue } from '../messages/validation-messages';
import { ROLES, type Role } from '../workflow/roles';

export type JoinInput = Readonly<{
  /** The enrolment code as typed or pasted. */
  enrolmentCode: string;
  /** The device code: filled in from the enrolment code (./join-unit-form), which it must match. */
  deviceCode: string;
  officerName: string;
  officerRole: string;
}>;

export type ValidJoin = Readonly<{
  enrolment: Enrolment;
  unitCode: string;
  serverUrl: string;
  deviceCode: string;
  officerName: string;
  officerRole: Role;
}>;

export function emptyJoinInput(): JoinInput {
  return { enrolmentCode: '', deviceCode: '', officerName: '', officerRole: 'officer' };
}

/** The device code an enrolment code names, or null while it is not a whole valid code. */
export function deviceCodeOfEnrolment(text: string): string | null {
  const parsed = parseEnrolmentCode(text);
  return parsed.ok ? parsed.value.deviceCode : null;
}

/** Checks the join form (an expired code too, against `now`); reports every problem at once, in form order. */
export function validateJoin(
  input: JoinInput,
  now: Date,
): { ok: true; value: ValidJoin } | { ok: false; issues: readonly ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const fail = (path: string, key: MessageKey, params?: ValidationIssue['params']): void =>
    void issues.push({ path, key, ...(params ? { params } : {}) });
  const parsed = parseEnrolmentCode(input.enrolmentCode, now);
  const deviceCode = normaliseCode(input.deviceCode);
  const officerName = input.officerName.trim();
  const officerRole = ROLES.find((role) => role === input.officerRole);
  if (!parsed.ok) fail('enrolmentCode', parsed.problem.key, parsed.problem.params);
  if (!isValidDeviceCode(deviceCode)) fail('deviceCode', 'validation.deviceCode.invalid');
  else if (parsed.ok && parsed.value.deviceCode !== deviceCode) {
    fail('deviceCode', 'enrolment.code.otherDevice', {
      deviceCode: parsed.value.deviceCode,
      thisDevice: deviceCode,
    });
  }
  if (!officerName) fail('officerName', 'validation.officerName.required');
  if (!officerRole) fail('officerRole', 'validation.invalid');
  if (issues.length > 0 || !parsed.ok || !officerRole) return { ok: false, issues };
  const enrolment = parsed.value;
  return {
    ok: true,
    value: {
      enrolment,
      unitCode: enrolment.unitCode,
      serverUrl: enrolment.serverUrl,
      deviceCode,
      officerName,
      officerRole,
    },
  };
}

/**
 * True when a complaint or event id already carries `deviceCode` (another device of the unit uses
 * it): in the tracking number (`<unit>-<yymmdd>-<device>-<seq>`), or, for an event, as the device
 * that wrote it (`event:<tn>:<at>:<device>:<seq>:<H>`; the instant holds colons of its own, so the
 * id is parsed, not split).
 */
export function deviceCodeInUse(ids: Iterable<string>, deviceCode: string): boolean {
  const inTrackingNumber = `-${deviceCode}-`;
  for (const id of ids) {
    if ((id.startsWith('complaint:') || id.startsWith('event:')) && id.includes(inTrackingNumber))
      return true;
    if (id.startsWith('event:') && parseEventId(id)?.deviceCode === deviceCode) return true;
  }
  return false;
}
