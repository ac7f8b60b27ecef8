/**
 * A central server for tests and the benchmark (README, Tests: integration and E2E tiers): Apache
 * CouchDB 3.x when one is found (./couchdb-release: COUCHDB_HOME, the archive in ../shared/couchdb,
 * or `couchdb` on PATH), else pouchdb-server; `MEJA_ADUAN_CENTRAL=couchdb|pouchdb-server` chooses.
 * Either way: a free loopback port, a real server admin (no "admin party", so unit users are real
 * non-admins and `_security` is enforced), data in a fresh temporary folder removed by `stop()`.
 *
 *   const central = await startCentralServer();          // CouchDB; pouchdb-server: in memory
 *   const central = await startCentralServer({ persistent: true });  // data in the folder:
 *   await central.kill(); await central.restart();       // survives a crash, same port and data
 *   central.kind                                          // 'couchdb' | 'pouchdb-server'
 *
 * CouchDB always keeps its data in the folder (it has no in-memory mode), so `persistent` only
 * matters for pouchdb-server. Provision units with the same code as the CLI:
 * `await setupCentralUnit(central, 'KTB')`, and a device's own account with
 * `const { user, password } = await addCentralDevice(central, 'KTB', 'K23')` (the one-time
 * password signs in until the device replaces it). The test starts and stops the server itself;
 * nothing outside the temporary folder is touched (and the extracted CouchDB release, once).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowCorsOrigins, startCouchDb } from '../../central/couchdb-process';
import { startPouchServer, type PouchServer } from '../../central/pouchdb-server-process';
import { connectAsAdmin } from '../../central/server-admin';
import { setupUnit, type UnitSetupResult } from '../../central/unit-setup';
import { addDevice } from '../../central/device-accounts';
import { CouchHttp } from '../../central/couch-http';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { writeAll } from './unit-writes';
import type { Enrolment } from '../../shared/enrolment/enrolment-code';
import { APP_ORIGIN } from '../../electron/app-origin';
import { chooseCentral, describeCentral, type CentralKind } from './couchdb-release';

export const TEST_ADMIN = { name: 'central-admin', password: 'central-admin-password' } as const;

export type CentralServer = Readonly<{
  /** Which server runs: Apache CouchDB, or the pouchdb-server stand-in. */
  kind: CentralKind;
  /** e.g. `Apache CouchDB 3.5.0 (/…/couchdb, from ../shared/couchdb/…)`, for test and bench output. */
  description: string;
  /** `http://127.0.0.1:<port>/`, without credentials. */
  url: string;
  /** The same with the server admin's credentials. */
  adminUrl: string;
  port: number;
  /** The server's temporary folder (config, log, and the databases when persistent). */
  dataDir: string;
  /** Ends the server and deletes its folder. */
  stop: () => Promise<void>;
  /** Ends the server at once (SIGKILL), keeping its folder; `restart()` brings it back. */
  kill: () => Promise<void>;
  /** Starts the server again on the same port and folder (after `kill`; kills it first if running). */
  restart: () => Promise<void>;
  /** Null while the server runs; its exit and last output once it has ended. */
  exited: () => ReturnType<PouchServer['exited']>;
  /**
   * Lets web pages from `origins` call the server (CORS with credentials, as in production; the
   * Electron app's origin is allowed from the start). A browser page's origin is known only once
   * its host runs. pouchdb-server answers every origin already.
   */
  allowOrigins: (origins: readonly string[]) => Promise<void>;
}>;

export type CentralServerOptions = Readonly<{
  /** pouchdb-server: LevelDB in the folder instead of memory. CouchDB: always. */
  persistent?: boolean;
  /**
   * CouchDB's `[chttpd] max_http_request_size` for this instance (default 64 MiB, see
   * central/couchdb-process). pouchdb-server has no such limit and ignores it.
   */
  maxHttpRequestSize?: number;
}>;

/** The kind of server `startCentralServer` starts in this process, and its one-line description. */
export function centralServerKind(): Readonly<{ kind: CentralKind; description: string }> {
  const choice = chooseCentral();
  return { kind: choice.kind, description: describeCentral(choice) };
}

/**
 * True when the tests run against Apache CouchDB. A few behaviours of the real server that the
 * app relies on are not reproduced by the pouchdb-server fallback (a re-sent existing revision is
 * skipped before validation; DELETE sends a bare tombstone): tests of those run on CouchDB only,
 * with `it.skipIf(!ON_COUCHDB)` and the reason in a comment (CI always runs CouchDB).
 */
export const ON_COUCHDB = chooseCentral().kind === 'couchdb';

export async function startCentralServer(options: CentralServerOptions = {}): Promise<CentralServer> {
  const choice = chooseCentral();
  const dataDir = mkdtempSync(join(tmpdir(), 'meja-aduan-central-'));
  const start = async (port?: number): Promise<PouchServer> =>
    choice.kind === 'couchdb'
      ? startCouchDb({
          home: choice.release.home,
          dataDir,
          port,
          admin: TEST_ADMIN,
          maxHttpRequestSize: options.maxHttpRequestSize,
          corsOrigins: [APP_ORIGIN],
        })
      : startPouchServer({ dataDir, port, inMemory: !options.persistent, admin: TEST_ADMIN });
  let server: PouchServer;
  try {
    server = await start();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = server.port;
  return {
    kind: choice.kind,
    description: describeCentral(choice),
    url: server.url,
    adminUrl: server.adminUrl,
    port,
    dataDir,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => server.kill(),
    restart: async () => {
      await server.kill();
      server = await start(port);
    },
    exited: () => server.exited(),
    allowOrigins: async (origins) => {
      if (choice.kind === 'couchdb') await allowCorsOrigins(server, origins);
    },
  };
}

/** `central setup` for one unit on `central` (idempotent, like the CLI). */
export async function setupCentralUnit(
  central: Pick<CentralServer, 'adminUrl'>,
  unitCode: string,
): Promise<UnitSetupResult> {
  const { http } = await connectAsAdmin(central.adminUrl);
  return setupUnit(http, unitCode);
}

export type DeviceCredentials = Readonly<{
  user: string;
  password: string;
  code: string;
  enrolment: Enrolment;
}>;

/**
 * `central device add` for one device of a set-up unit: its account (`unit-<unit>-<device>`) with a
 * one-time password, which signs in until the device replaces it (enrolment); `code` is the
 * enrolment code. `serverUrl` is what the code names (default: the central's URL).
 */
export async function addCentralDevice(
  central: Pick<CentralServer, 'adminUrl' | 'url'>,
  unitCode: string,
  deviceCode: string,
  options: Readonly<{ validHours?: number; serverUrl?: string; now?: Date }> = {},
): Promise<DeviceCredentials> {
  const { http } = await connectAsAdmin(central.adminUrl);
  const added = await addDevice(http, {
    unitCode,
    deviceCode,
    serverUrl: options.serverUrl ?? central.url,
    validHours: options.validHours,
    now: options.now,
  });
  return {
    user: added.user,
    password: added.enrolment.password,
    code: added.code,
    enrolment: added.enrolment,
  };
}

const accounts = new Map<string, Promise<DeviceCredentials>>();

/**
 * The credentials of device `deviceCode` of `unitCode` on `central`: its account is added on the
 * first call and the same one-time password returned afterwards (a second `device add` would
 * replace it), so a test's sync service and its direct requests sign in as the same device.
 */
export function centralDeviceCredentials(
  central: Pick<CentralServer, 'adminUrl' | 'url'>,
  unitCode: string,
  deviceCode: string,
): Promise<DeviceCredentials> {
  const key = `${central.url} ${unitCode} ${deviceCode}`;
  let account = accounts.get(key);
  if (!account) {
    account = addCentralDevice(central, unitCode, deviceCode);
    accounts.set(key, account);
  }
  return account;
}

/** A client of `central` signed in as device `deviceCode` of `unitCode` (./centralDeviceCredentials). */
export async function centralDeviceHttp(
  central: Pick<CentralServer, 'adminUrl' | 'url'>,
  unitCode: string,
  deviceCode: string,
): Promise<CouchHttp> {
  const { user, password } = await centralDeviceCredentials(central, unitCode, deviceCode);
  return new CouchHttp(central.url).as(user, password);
}

type WrittenDoc = Readonly<{ _id: string; deviceCode?: unknown; lastChangedBy?: unknown }>;

/** The device a document names as its writer: a record's `deviceCode`, a mutable one's `lastChangedBy.device`. */
export function writerOf(doc: WrittenDoc, fallback: string): string {
  if (typeof doc.deviceCode === 'string') return doc.deviceCode;
  const by = doc.lastChangedBy as { device?: unknown } | undefined;
  return typeof by?.device === 'string' ? by.device : fallback;
}

/**
 * `writeAll` as the devices that wrote the documents (each signed in as the device its document
 * names, as the server requires: docs/central.md, "Who wrote what"); `fallback` for documents
 * that name none.
 */
export async function writeAllAsDevices(
  central: Pick<CentralServer, 'adminUrl' | 'url'>,
  unitCode: string,
  docs: readonly WrittenDoc[],
  fallback = 'X7Q',
): Promise<void> {
  const byDevice = new Map<string, WrittenDoc[]>();
  for (const doc of docs) {
    const device = writerOf(doc, fallback);
    byDevice.set(device, [...(byDevice.get(device) ?? []), doc]);
  }
  for (const [device, written] of byDevice) {
    await writeAll(await centralDeviceHttp(central, unitCode, device), unitDatabaseName(unitCode), written);
  }
}
