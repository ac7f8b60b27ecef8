/**
 * Names on the central CouchDB (docs/decisions/003-one-database-per-unit.md), derived from
 * the unit code so that the app, the provisioning CLI and the national aggregation agree:
 *
 *   unit database      meja-aduan-unit-<code in lower case>   e.g. meja-aduan-unit-ktb
 *   unit user          unit-<code in lower case>              (`org.couchdb.user:unit-ktb` in `_users`)
 *   unit role          unit-<code in lower case>              the only member role of the unit database
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
import { isValidUnitCode } from '../ids/tracking-number';

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

/** The CouchDB user name of a unit (its devices log in with it and the unit password). */
export function unitUserName(unitCode: string): string {
  assertUnitCode(unitCode);
  return `unit-${unitCode.toLowerCase()}`;
}

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
