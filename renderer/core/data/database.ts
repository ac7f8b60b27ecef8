/**
 * The one database factory: every PouchDB database the renderer opens is named and configured
 * here, and nowhere else. Records live in one database per unit, over IndexedDB, named as on the central server
 * (shared/couch/couch-names `unitDatabaseName`).
 */
import PouchDB from 'pouchdb-browser';
import { unitDatabaseName } from '../../../shared/couch/couch-names';

/** Options every unit database is opened with. */
export const UNIT_DATABASE_OPTIONS: PouchDB.Configuration.DatabaseConfiguration = {
  // Records are append-only, so old revisions are noise; mutable documents keep their
  // conflicts (revisions in conflict are never compacted away).
  auto_compaction: true,
};

export type UnitDatabase = PouchDB.Database;

export function openUnitDatabase(
  unitCode: string,
  options: PouchDB.Configuration.DatabaseConfiguration = {},
): UnitDatabase {
  return new PouchDB(unitDatabaseName(unitCode), { ...UNIT_DATABASE_OPTIONS, ...options });
}
