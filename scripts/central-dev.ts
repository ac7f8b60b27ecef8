/**
 * `npm run central:dev`: a local central server for trying sync on one machine — never for
 * production (docs/central.md). Apache CouchDB 3.x when one is found (the test harness's locator,
 * test/support/couchdb-release: COUCHDB_HOME, the archive in ../shared/couchdb, or `couchdb` on
 * PATH), else pouchdb-server, saying so in one line. Port from PORT (default 5984), data in
 * `.central-dev/` (git-ignored; delete it to start afresh). Provisions the demo unit and the units
 * given with `--unit`, and the national database, with the same code as `central setup` and
 * `central national`; a unit without device accounts gets its first device, whose enrolment code
 * is printed (valid 72 h; more with `npm run central -- device add`); pending accounts whose code
 * expired are disabled every minute (`central device sweep`); runs until Ctrl+C.
 *
 *   npm run central:dev -- --unit KBM --unit PDG,SMG        # more units
 *   npm run central:dev -- --origin http://127.0.0.1:4311    # one more web origin allowed (CORS)
 *
 * On CouchDB the national projector runs here too (as the server admin, every 10 s), so the
 * national database follows what devices sync; pouchdb-server cannot run it.
 */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CentralError } from '../central/central-error';
import { startCouchDb } from '../central/couchdb-process';
import { setupNational } from '../central/national-setup';
import { runProjectorLoop } from '../central/national-projector';
import { startPouchServer, type PouchServer } from '../central/pouchdb-server-process';
import { connectAsAdmin } from '../central/server-admin';
import { checkUnitCode, setupUnit } from '../central/unit-setup';
import { addDevice, listDevices, sweepDevices } from '../central/device-accounts';
import { generateDeviceCode } from '../shared/ids/tracking-number';
import { APP_ORIGIN } from '../electron/app-origin';
import { chooseCentral, describeCentral } from '../test/support/couchdb-release';

export const DEV_ADMIN = { name: 'admin', password: 'meja-aduan-dev-admin' } as const;
export const DEMO_UNIT = { code: 'KTB' } as const;
const DATA_DIR = '.central-dev';
/** How often pending device accounts whose enrolment code expired are disabled. */
const SWEEP_EVERY_MS = 60_000;
/** The Electron app, the browser host (`npm start`, port 4310) and Vite's dev server. */
const DEV_ORIGINS = [
  APP_ORIGIN,
  'http://127.0.0.1:4310',
  'http://localhost:4310',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
] as const;

const USAGE = `Usage: npm run central:dev -- [--unit <CODE>[,<CODE>…]]… [--origin <web origin>]…`;

type Options = Readonly<{ units: readonly string[]; origins: readonly string[] }>;

function parseOptions(args: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...args],
    options: {
      unit: { type: 'string', multiple: true },
      origin: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
  const units = [
    ...new Set(
      (values.unit ?? []).flatMap((text) =>
        text
          .split(',')
          .map((code) => code.trim())
          .filter(Boolean)
          .map(checkUnitCode),
      ),
    ),
  ];
  for (const origin of values.origin ?? []) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i.test(origin)) {
      throw new CentralError(`--origin takes a web origin such as http://127.0.0.1:4311, not ${origin}`);
    }
  }
  return { units, origins: values.origin ?? [] };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const port = Number(process.env.PORT ?? 5984);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new CentralError(`PORT must be a TCP port, not ${process.env.PORT}`);
  const choice = chooseCentral();
  const server: PouchServer =
    choice.kind === 'couchdb'
      ? await startCouchDb({
          home: choice.release.home,
          dataDir: join(DATA_DIR, 'couchdb'),
          port,
          admin: DEV_ADMIN,
          logLevel: 'info',
          corsOrigins: [...DEV_ORIGINS, ...options.origins],
        })
      : await startPouchServer({
          dataDir: join(DATA_DIR, 'pouchdb-server'),
          port,
          admin: DEV_ADMIN,
          logLevel: 'info',
        });
  const projector = new AbortController();
  const shutdown = (): void => {
    console.log('\nStopping the development server ...');
    projector.abort();
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const codes = [...new Set([DEMO_UNIT.code, ...options.units])];
  const { http } = await connectAsAdmin(server.adminUrl);
  const units = [];
  for (const code of codes) {
    const unit = await setupUnit(http, code);
    const devices = await listDevices(http, { unitCode: unit.unitCode });
    const added =
      devices.length > 0
        ? null
        : await addDevice(http, {
            unitCode: unit.unitCode,
            deviceCode: generateDeviceCode(() => randomInt(1_000_000) / 1_000_000),
            serverUrl: server.url,
          });
    units.push({ ...unit, devices: devices.length, added });
  }
  await setupNational(http, { units: codes });
  const folder = choice.kind === 'couchdb' ? join(DATA_DIR, 'couchdb') : join(DATA_DIR, 'pouchdb-server');
  const log = choice.kind === 'couchdb' ? join(folder, 'couchdb.log') : join(folder, 'log.txt');
  const demo = units[0];
  console.log(`Meja Aduan central (development server: ${describeCentral(choice)}) on ${server.url}
  data         ${folder} (delete ${DATA_DIR}/ to start afresh; log in ${log})
  server admin ${DEV_ADMIN.name} / ${DEV_ADMIN.password}
${units
  .map(
    (unit, index) =>
      `  ${index === 0 ? 'demo unit   ' : 'unit        '} ${unit.unitCode}: database ${unit.database}, ${
        unit.added
          ? `first device ${unit.added.enrolment.deviceCode}, enrolment code (valid until ${unit.added.enrolment.expiresAt}):\n      ${unit.added.code}`
          : `${unit.devices} device account(s) (npm run -s central -- device list --url ${server.adminUrl})`
      }`,
  )
  .join('\n')}
  national     meja-aduan-national, set up for ${units.map((unit) => unit.unitCode).join(', ')}${choice.kind === 'couchdb' ? ', projected every 10 s' : ' (no projector on pouchdb-server)'} (docs/central.md)${
    choice.kind === 'couchdb'
      ? `\n  web origins  ${[...DEV_ORIGINS, ...options.origins].join(', ')} (CORS)`
      : ''
  }
A device joins with its enrolment code; more codes: npm run -s central -- device add --url ${server.adminUrl} --unit ${demo?.unitCode} --device <DEV>
Pending device accounts whose code expired are disabled every minute (central device sweep).
Press Ctrl+C to stop.`);
  const sweeper = setInterval(() => {
    void sweepDevices(http)
      .then((swept) => {
        if (swept.length > 0)
          console.log(
            `device sweep: disabled ${swept.map((device) => `${device.unitCode} ${device.deviceCode}`).join(', ')} (code expired)`,
          );
      })
      .catch((error: unknown) =>
        console.log(`device sweep failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  }, SWEEP_EVERY_MS);
  projector.signal.addEventListener('abort', () => clearInterval(sweeper));
  if (choice.kind === 'couchdb') {
    const log = (line: string): void => console.log(`national projector: ${line}`);
    void runProjectorLoop(http, { intervalSeconds: 10, signal: projector.signal, log }).catch(
      (error: unknown) => {
        if (!projector.signal.aborted)
          log(`stopped: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }
  const timer = setInterval(() => {
    const ended = server.exited();
    if (ended) {
      console.error(
        `The development server stopped unexpectedly (exit ${ended.code ?? ended.signal}):\n${ended.output}`,
      );
      clearInterval(timer);
      process.exit(1);
    }
  }, 1000);
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(USAGE);
    process.exit(2);
  }
  process.exit(1);
});
