/**
 * The one database factory: every PouchDB database the renderer opens is named and configured
 * here, and nowhere else. Records live in one database per unit, over IndexedDB, named as on the central server
 * (shared/couch/couch-names `unitDatabaseName`).
 */
import PouchDB from 'pouchdb-browser';
import { unitDatabaseName } from '../../../shared/couch/couch-names';
import { requireStrictDurability } from './strict-durability';

/** Options every unit database is opened with. */
export const UNIT_DATABASE_OPTIONS: PouchDB.Configuration.DatabaseConfiguration = {
  // Records are append-only, so old revisions are noise; mutable documents keep their
  // conflicts (revisions in conflict are never compacted away).
  auto_compaction: true,
};

export type UnitDatabase = PouchDB.Database;

/**
 * Every changes feed and replication PouchDB runs on a database listens for its `destroyed`
 * event until it ends. The app reads the feed from several places at once, each bounded: the one
 * shared live feed (../sync/shared-changes), the catch-up batches of the three followers
 * (./change-follower: complaint index, search index, Beranda's records), sync's push and pull
 * (two listeners each) and its count of changes not yet sent. Node's default warning at 10 would
 * fire on that ordinary peak; 32 still warns if feeds pile up without ending.
 */
const UNIT_DATABASE_MAX_LISTENERS = 32;

/**
 * The IndexedDB database PouchDB's `idb` adapter keeps the unit's records in: its name with
 * PouchDB's prefix (`_pouch_`).
 */
export function unitIndexedDbName(unitCode: string): string {
  const prefix = (PouchDB as { prefix?: string }).prefix ?? '_pouch_';
  return `${prefix}${unitDatabaseName(unitCode)}`;
}

export function openUnitDatabase(
  unitCode: string,
  options: PouchDB.Configuration.DatabaseConfiguration = {},
): UnitDatabase {
  // Every write the UI reports as done is flushed to disk before it is reported
  // (./strict-durability; docs/decisions/019-strict-durability.md).
  requireStrictDurability(unitIndexedDbName(unitCode));
  const db = new PouchDB(unitDatabaseName(unitCode), { ...UNIT_DATABASE_OPTIONS, ...options });
  db.setMaxListeners(UNIT_DATABASE_MAX_LISTENERS);
  return db;
}
