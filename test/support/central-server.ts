/**
 * A central server for tests (design.md §4: integration and E2E tiers): pouchdb-server on a free
 * loopback port, with a real server admin (no "admin party", so unit users are real non-admins
 * and `_security` is enforced), data in a fresh temporary folder removed by `stop()`.
 *
 *   const central = await startCentralServer();          // in memory: fast, for most tests
 *   const central = await startCentralServer({ persistent: true });  // LevelDB in the folder:
 *   await central.kill(); await central.restart();       // survives a crash, same port and data
 *
 * Provision units with the same code as the CLI: `await setupCentralUnit(central, 'KTB', pw)`.
 * The test starts and stops the server itself; nothing outside the temporary folder is touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPouchServer, type PouchServer } from '../../central/pouchdb-server-process';
import { connectAsAdmin } from '../../central/server-admin';
import { setupUnit, type UnitSetupResult } from '../../central/unit-setup';

export const TEST_ADMIN = { name: 'central-admin', password: 'central-admin-password' } as const;

export type CentralServer = Readonly<{
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
}>;

export async function startCentralServer(
  options: Readonly<{ persistent?: boolean }> = {},
): Promise<CentralServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'meja-aduan-central-'));
  const settings = { dataDir, inMemory: !options.persistent, admin: TEST_ADMIN };
  let server: PouchServer;
  try {
    server = await startPouchServer(settings);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = server.port;
  return {
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
      server = await startPouchServer({ ...settings, port });
    },
    exited: () => server.exited(),
  };
}

/** `central setup` for one unit on `central` (idempotent, like the CLI). */
export async function setupCentralUnit(
  central: Pick<CentralServer, 'adminUrl'>,
  unitCode: string,
  password: string,
): Promise<UnitSetupResult> {
  const { http } = await connectAsAdmin(central.adminUrl);
  return setupUnit(http, unitCode, password);
}
