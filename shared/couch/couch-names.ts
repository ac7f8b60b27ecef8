/**
 * Names on the central CouchDB (docs/decisions/003-one-database-per-unit.md), derived from
 * the unit code so that the app, the provisioning CLI and the national aggregation agree:
 *
 *   unit database      meja-aduan-unit-<code in lower case>   e.g. meja-aduan-unit-ktb
 *   device user        unit-<code>-<device>, lower case       (`org.couchdb.user:unit-ktb-k23` in `_users`)
 *   device role        meja-aduan-device:<CODE>:<DEVICE>      names the device (the validator reads it)
 *   unit role          unit-<code in lower case>              every device of the unit; the member role
 *                                                              of the unit database
 *   national database  meja-aduan-national
 *   national readers   role meja-aduan-national-reader        (granted by a central admin, by hand)
 *   national projector user and role meja-aduan-projector     (central national creates the user;
 *                                                              the role reads every unit database)
 *   unit registry      document `units` in the national database (the units the projector follows)
 *
 * CouchDB database names must start with a lower-case letter and hold only `a-z 0-9 _$()+-/`;
 * unit codes are upper-case letters and digits (../ids/tracking-number), so lower-casing is
 * one-to-one and every unit database name is valid.
 */
import { isValidDeviceCode, isValidUnitCode } from '../ids/tracking-number';

export const UNIT_DATABASE_PREFIX = 'meja-aduan-unit-';
export const NATIONAL_DATABASE_NAME = 'meja-aduan-national';
export const NATIONAL_READER_ROLE = 'meja-aduan-national-reader';
/**
 * The national projector (central/national-projector): its CouchDB user and role. The role is a
 * member of every unit database (reads, never writes: the unit validator refuses it) and of the
 * national database, where it writes the projection.
 */
export const PROJECTOR_ROLE = 'meja-aduan-projector';
export const PROJECTOR_USER = 'meja-aduan-projector';
/** The registry of units in the national database (`_all_dbs` is for server admins only). */
export const NATIONAL_UNITS_ID = 'units';
/** The design document holding the validator and the national filter, in every unit database. */
export const UNIT_DESIGN_DOC_ID = '_design/meja-aduan';
/** The design document of the national database (its own validator). */
export const NATIONAL_DESIGN_DOC_ID = '_design/meja-aduan-national';
/**
 * The `_replicator` document ids of the former national replication,
 * `meja-aduan-national-<code in lower case>`: `central national` removes them (the national
 * database is now written by the projector, docs/decisions/008-national-projection.md).
 */
export const NATIONAL_REPLICATION_PREFIX = 'meja-aduan-national-';

function assertUnitCode(unitCode: string): void {
  if (!isValidUnitCode(unitCode)) throw new RangeError(`Invalid unit code: ${JSON.stringify(unitCode)}`);
}

export function unitDatabaseName(unitCode: string): string {
  assertUnitCode(unitCode);
  return `${UNIT_DATABASE_PREFIX}${unitCode.toLowerCase()}`;
}

/**
 * The former shared user of a unit (`unit-<code>`, one password for every device): `central setup`
 * removes it (docs/central.md, "Moving a unit to device accounts"). Devices sign in with their own
 * account, `deviceUserName`.
 */
export function legacyUnitUserName(unitCode: string): string {
  assertUnitCode(unitCode);
  return `unit-${unitCode.toLowerCase()}`;
}

function assertDeviceCode(deviceCode: string): void {
  if (!isValidDeviceCode(deviceCode))
    throw new RangeError(`Invalid device code: ${JSON.stringify(deviceCode)}`);
}

/** The CouchDB user of one device of a unit: `unit-<unit>-<device>`, lower case (`unit-ktb-k23`). */
export function deviceUserName(unitCode: string, deviceCode: string): string {
  assertUnitCode(unitCode);
  assertDeviceCode(deviceCode);
  return `unit-${unitCode.toLowerCase()}-${deviceCode.toLowerCase()}`;
}

/** The `_users` document id of a device's account. */
export function deviceUserId(unitCode: string, deviceCode: string): string {
  return `org.couchdb.user:${deviceUserName(unitCode, deviceCode)}`;
}

/**
 * The role naming one device (`meja-aduan-device:KTB:K23`): the unit validator reads the
 * authenticated device from it (a device may write only as itself). Besides it, a device's
 * account holds the unit role, which `_security` admits.
 */
export const DEVICE_ROLE_PREFIX = 'meja-aduan-device:';
/** Held by every device account: a member of `_users`, so that a device can enrol itself. */
export const DEVICE_ACCOUNT_ROLE = 'meja-aduan-device';
export function deviceRole(unitCode: string, deviceCode: string): string {
  assertUnitCode(unitCode);
  assertDeviceCode(deviceCode);
  return `${DEVICE_ROLE_PREFIX}${unitCode}:${deviceCode}`;
}

/** The validator of device accounts in `_users` (central/device-accounts). */
export const USERS_DESIGN_DOC_ID = '_design/meja-aduan-devices';

export function unitRole(unitCode: string): string {
  assertUnitCode(unitCode);
  return `unit-${unitCode.toLowerCase()}`;
}

/** The unit code of a unit database name, or null if `name` is not one. */
export function unitCodeOfDatabase(name: string): string | null {
  if (!name.startsWith(UNIT_DATABASE_PREFIX)) return null;
  const rest = name.slice(UNIT_DATABASE_PREFIX.length);
  const code = rest.toUpperCase();
  return rest === code.toLowerCase() && isValidUnitCode(code) ? code : null;
}
