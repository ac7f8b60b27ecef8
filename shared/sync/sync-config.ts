/**
 * What the sync needs to reach the unit's database on the central server: the server address,
 * the database, and the unit's credentials (docs/decisions/003-one-database-per-unit.md). Names come from
 * ../couch/couch-names, so the app and the provisioning CLI agree.
 */
import { deviceUserName, unitDatabaseName } from '../couch/couch-names';

export type SyncConfig = Readonly<{
  /** `http(s)://host[:port][/path]`, without a trailing slash (see `normalizeServerUrl`). */
  serverUrl: string;
  databaseName: string;
  username: string;
  password: string;
}>;

/**
 * The server address as typed in the settings, tidied: surrounding spaces and trailing slashes
 * removed. Null unless it is an absolute http(s) URL without credentials, query or fragment
 * (credentials belong in the password field, where they are stored safely).
 */
export function normalizeServerUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * The configuration of one device of a unit: the unit's database and the device's own account
 * (../couch/couch-names `deviceUserName`; docs/central.md, "Device accounts").
 */
export function unitSyncConfig(
  serverUrl: string,
  unitCode: string,
  deviceCode: string,
  password: string,
): SyncConfig {
  const normalized = normalizeServerUrl(serverUrl);
  if (normalized === null) throw new RangeError(`Not a server address: ${JSON.stringify(serverUrl)}`);
  return {
    serverUrl: normalized,
    databaseName: unitDatabaseName(unitCode),
    username: deviceUserName(unitCode, deviceCode),
    password,
  };
}

/** The database's URL (the name is encoded: CouchDB names may hold `/`). */
export function databaseUrl(config: Pick<SyncConfig, 'serverUrl' | 'databaseName'>): string {
  return `${config.serverUrl}/${encodeURIComponent(config.databaseName)}`;
}

/** Identifies the remote database (not the credentials): what this device's sync journal is about. */
export function remoteKey(config: Pick<SyncConfig, 'serverUrl' | 'databaseName'>): string {
  return databaseUrl(config);
}
