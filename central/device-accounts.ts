/**
 * Device accounts (docs/central.md, "Device accounts"; docs/decisions/014-device-accounts.md):
 * one CouchDB user per device of a unit, `unit-<unit>-<device>` (../shared/couch/couch-names),
 * with the unit's role (which the unit database's `_security` admits) and a role naming the
 * device (which the unit validator reads). A server admin adds one with a one-time password and
 * an expiry, printed as an enrolment code (../shared/enrolment/enrolment-code); the device
 * replaces the password with its own long random one ("enrolment"), which only it knows.
 *
 * What the server enforces, beside CouchDB's own `_users` rules (a user may update only their own
 * document and never its roles): `_design/meja-aduan-devices` in `_users` (below) refuses a
 * device's change of its own account after the enrolment code expired, a second enrolment, and
 * any change of the Meja Aduan fields other than the moment of enrolment. `sweepDevices`
 * disables pending accounts whose code expired (their one-time password would otherwise keep
 * signing in until then: the residual risk, docs/decisions/014-device-accounts.md).
 * `revokeDevice` removes both roles and sets a random password nobody knows.
 */
import { randomBytes, randomInt } from 'node:crypto';
import {
  DEVICE_ACCOUNT_ROLE,
  deviceRole,
  deviceUserId,
  deviceUserName,
  unitDatabaseName,
  unitRole,
} from '../shared/couch/couch-names';
import { formatEnrolmentCode, oneTimePassword, type Enrolment } from '../shared/enrolment/enrolment-code';
import { SAFE_ALPHABET, isValidDeviceCode, normaliseCode } from '../shared/ids/tracking-number';
import { normalizeServerUrl } from '../shared/sync/sync-config';
import { CentralError } from './central-error';
import { expectStatus, type CouchHttp } from './couch-http';
import { DEVICE_FIELD } from './device-validation';
import { ensureDeviceValidation } from './unit-setup';

export const DEFAULT_VALID_HOURS = 72;

/** The Meja Aduan state of a device account, in its `_users` document. */
export type DeviceAccountState = Readonly<{
  unitCode: string;
  deviceCode: string;
  createdAt: string;
  /** The enrolment code's expiry: after it, the account cannot be enrolled (the server refuses). */
  expiresAt: string;
  /** When the device replaced the one-time password with its own (set by the device). */
  enrolledAt: string | null;
  /** When `central device sweep` disabled the account because its code expired unused. */
  expiredAt: string | null;
  revokedAt: string | null;
}>;

export type DeviceStatus = 'pending' | 'enrolled' | 'expired' | 'revoked';
export type DeviceListing = DeviceAccountState & Readonly<{ user: string; status: DeviceStatus }>;

export function checkDeviceCode(text: string): string {
  const code = normaliseCode(text);
  if (!isValidDeviceCode(code)) {
    throw new CentralError(
      `${JSON.stringify(text)} is not a device code: exactly 3 letters and digits, without I, L, O, 0 and 1 (e.g. K23).`,
    );
  }
  return code;
}

function userPath(unitCode: string, deviceCode: string): string {
  return `_users/${encodeURIComponent(deviceUserId(unitCode, deviceCode))}`;
}

/** A password nobody knows (what a disabled account is left with). */
function unknowablePassword(): string {
  return randomBytes(32).toString('base64url');
}

const secureRandom = (): number => randomInt(SAFE_ALPHABET.length) / SAFE_ALPHABET.length;

export type AddedDevice = Readonly<{
  user: string;
  code: string;
  enrolment: Enrolment;
  outcome: 'created' | 'replaced';
}>;

/**
 * Creates (or replaces: a new one-time password, the old account's password stops working) the
 * account of `deviceCode` in `unitCode`, valid for enrolment for `validHours`. The unit must be set
 * up. `serverUrl` is the address devices use (put in the enrolment code).
 */
export async function addDevice(
  http: CouchHttp,
  options: Readonly<{
    unitCode: string;
    deviceCode: string;
    serverUrl: string;
    validHours?: number;
    now?: Date;
    random?: () => number;
  }>,
): Promise<AddedDevice> {
  const { unitCode } = options;
  const deviceCode = checkDeviceCode(options.deviceCode);
  const serverUrl = normalizeServerUrl(options.serverUrl);
  if (serverUrl === null) {
    throw new CentralError(
      `${JSON.stringify(options.serverUrl)} is not a server address devices can use (http:// or https://, no credentials).`,
    );
  }
  const validHours = options.validHours ?? DEFAULT_VALID_HOURS;
  if (!(validHours > 0 && validHours <= 24 * 30)) {
    throw new CentralError('--valid-hours must be more than 0 and at most 720 (30 days).');
  }
  const database = await http.get(encodeURIComponent(unitDatabaseName(unitCode)));
  if (database.status === 404) {
    throw new CentralError(`Unit ${unitCode} is not set up on this server: run central setup first.`);
  }
  expectStatus(database, [200], `Reading the database of unit ${unitCode}`);
  await ensureDeviceValidation(http);
  const now = options.now ?? new Date();
  // Whole minutes (the code carries minutes), rounded down: never later than promised.
  const expiry = new Date(now.getTime() + validHours * 3_600_000);
  expiry.setUTCSeconds(0, 0);
  const password = oneTimePassword(options.random ?? secureRandom);
  const state: DeviceAccountState = {
    unitCode,
    deviceCode,
    createdAt: now.toISOString(),
    expiresAt: expiry.toISOString(),
    enrolledAt: null,
    expiredAt: null,
    revokedAt: null,
  };
  const path = userPath(unitCode, deviceCode);
  const current = await http.get(path);
  if (current.status !== 404) expectStatus(current, [200], `Reading the account of device ${deviceCode}`);
  const rev = current.status === 200 ? (current.body as { _rev?: string })._rev : undefined;
  const user = deviceUserName(unitCode, deviceCode);
  const doc = {
    _id: deviceUserId(unitCode, deviceCode),
    ...(rev === undefined ? {} : { _rev: rev }),
    name: user,
    type: 'user',
    roles: [unitRole(unitCode), DEVICE_ACCOUNT_ROLE, deviceRole(unitCode, deviceCode)],
    password,
    [DEVICE_FIELD]: state,
  };
  expectStatus(await http.put(path, doc), [201, 202], `Writing the account of device ${deviceCode}`);
  const enrolment: Enrolment = { serverUrl, unitCode, deviceCode, password, expiresAt: state.expiresAt };
  return {
    user,
    code: formatEnrolmentCode(enrolment),
    enrolment,
    outcome: rev === undefined ? 'created' : 'replaced',
  };
}

function statusOf(state: DeviceAccountState, now: Date): DeviceStatus {
  if (state.revokedAt) return 'revoked';
  if (state.expiredAt) return 'expired';
  if (state.enrolledAt) return 'enrolled';
  return now.getTime() >= Date.parse(state.expiresAt) ? 'expired' : 'pending';
}

type UserRow = Readonly<{ doc?: Record<string, unknown> }>;

function stateOfDoc(doc: Record<string, unknown> | undefined): DeviceAccountState | null {
  const state = doc?.[DEVICE_FIELD];
  if (typeof state !== 'object' || state === null) return null;
  const candidate = state as Partial<DeviceAccountState>;
  return typeof candidate.unitCode === 'string' && typeof candidate.deviceCode === 'string'
    ? (state as DeviceAccountState)
    : null;
}

/** Every device account (of `unitCode`, or of every unit), sorted by unit and device. */
export async function listDevices(
  http: CouchHttp,
  options: Readonly<{ unitCode?: string; now?: Date }> = {},
): Promise<DeviceListing[]> {
  const prefix = `org.couchdb.user:unit-${options.unitCode === undefined ? '' : `${options.unitCode.toLowerCase()}-`}`;
  const query = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}&include_docs=true`;
  const response = await http.get(`_users/_all_docs?${query}`);
  expectStatus(response, [200], 'Reading the device accounts');
  const now = options.now ?? new Date();
  const listings: DeviceListing[] = [];
  for (const row of (response.body as { rows: UserRow[] }).rows) {
    const state = stateOfDoc(row.doc);
    if (!state || (options.unitCode !== undefined && state.unitCode !== options.unitCode)) continue;
    listings.push({ ...state, user: String(row.doc?.name), status: statusOf(state, now) });
  }
  return listings.sort((a, b) =>
    a.unitCode === b.unitCode
      ? a.deviceCode.localeCompare(b.deviceCode)
      : a.unitCode.localeCompare(b.unitCode),
  );
}

/** Disables an account: no roles, a password nobody knows, `field` set to now. */
async function disable(
  http: CouchHttp,
  unitCode: string,
  deviceCode: string,
  field: 'revokedAt' | 'expiredAt',
  now: Date,
): Promise<'disabled' | 'already'> {
  const path = userPath(unitCode, deviceCode);
  const current = await http.get(path);
  if (current.status === 404) {
    throw new CentralError(`Device ${deviceCode} of unit ${unitCode} has no account on this server.`);
  }
  expectStatus(current, [200], `Reading the account of device ${deviceCode}`);
  const doc = current.body as Record<string, unknown>;
  const state = stateOfDoc(doc);
  if (!state) throw new CentralError(`The user ${String(doc.name)} is not a Meja Aduan device account.`);
  if (state[field] && Array.isArray(doc.roles) && doc.roles.length === 0) return 'already';
  const written = await http.put(path, {
    ...doc,
    roles: [],
    password: unknowablePassword(),
    [DEVICE_FIELD]: { ...state, [field]: state[field] ?? now.toISOString() },
  });
  expectStatus(written, [201, 202], `Disabling the account of device ${deviceCode}`);
  return 'disabled';
}

/** The device can no longer sign in or sync; the unit's other devices are not touched. */
export function revokeDevice(
  http: CouchHttp,
  unitCode: string,
  deviceCode: string,
  now: Date = new Date(),
): Promise<'disabled' | 'already'> {
  return disable(http, unitCode, checkDeviceCode(deviceCode), 'revokedAt', now);
}

/** Disables every pending account whose enrolment code has expired; returns them. */
export async function sweepDevices(http: CouchHttp, now: Date = new Date()): Promise<DeviceListing[]> {
  const due = (await listDevices(http, { now })).filter(
    (device) => !device.enrolledAt && !device.revokedAt && !device.expiredAt && device.status === 'expired',
  );
  for (const device of due) await disable(http, device.unitCode, device.deviceCode, 'expiredAt', now);
  return due;
}
