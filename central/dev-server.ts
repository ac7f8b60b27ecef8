/**
 * `npm run central:dev`: a CouchDB-compatible server (pouchdb-server) on 127.0.0.1 for trying
 * sync on one machine — never for production (docs/central.md). Port from PORT (default 5984),
 * data in `.central-dev/` (git-ignored; delete it to start afresh). Provisions the demo unit
 * with the same code as `central setup` and `central national`, prints the URL and the demo
 * credentials, and runs until Ctrl+C.
 */
import { join } from 'node:path';
import { CentralError } from './central-error';
import { setupNational } from './national-setup';
import { startPouchServer } from './pouchdb-server-process';
import { connectAsAdmin } from './server-admin';
import { setupUnit } from './unit-setup';

export const DEV_ADMIN = { name: 'admin', password: 'meja-aduan-dev-admin' } as const;
export const DEMO_UNIT = { code: 'KTB', password: 'ktb-demo-password' } as const;
const DATA_DIR = '.central-dev';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 5984);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new CentralError(`PORT must be a TCP port, not ${process.env.PORT}`);
  const server = await startPouchServer({ dataDir: DATA_DIR, port, admin: DEV_ADMIN, logLevel: 'info' });
  const shutdown = (): void => {
    console.log('\nStopping the development server ...');
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const { http } = await connectAsAdmin(server.adminUrl);
  const unit = await setupUnit(http, DEMO_UNIT.code, DEMO_UNIT.password);
  await setupNational(http, { units: [DEMO_UNIT.code] });
  console.log(`Meja Aduan central (development server, pouchdb-server) on ${server.url}
  data         ${join(DATA_DIR, 'db')} (delete ${DATA_DIR}/ to start afresh; log in ${join(DATA_DIR, 'log.txt')})
  server admin ${DEV_ADMIN.name} / ${DEV_ADMIN.password}
  demo unit    ${unit.unitCode}: database ${unit.database}, user ${unit.user}, password ${DEMO_UNIT.password}
  national     meja-aduan-national (complaints and events of ${unit.unitCode}, never reporter identity or files)
In the app's sync settings: server ${server.url}, unit ${unit.unitCode}, password ${DEMO_UNIT.password}.
Press Ctrl+C to stop.`);
  const timer = setInterval(() => {
    const ended = server.exited();
    if (ended) {
      console.error(
        `pouchdb-server stopped unexpectedly (exit ${ended.code ?? ended.signal}):\n${ended.output}`,
      );
      clearInterval(timer);
      process.exit(1);
    }
  }, 1000);
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
