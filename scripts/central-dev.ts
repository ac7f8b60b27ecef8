/**
 * `npm run central:dev`: a local central server for trying sync on one machine — never for
 * production (docs/central.md). Apache CouchDB 3.x when one is found (the test harness's locator,
 * test/support/couchdb-release: COUCHDB_HOME, the archive in ../shared/couchdb, or `couchdb` on
 * PATH), else pouchdb-server, saying so in one line. Port from PORT (default 5984), data in
 * `.central-dev/` (git-ignored; delete it to start afresh). Provisions the demo unit and the units
 * given with `--unit`, and the national database, with the same code as `central setup` and
 * `central national`; prints the URL and every unit's password; runs until Ctrl+C.
 *
 *   npm run central:dev -- --unit KBM --unit PDG,SMG        # random passwords, kept for next time
 *   npm run central:dev -- --unit KBM --password 'secret-1'  # this password for the units given
 *   npm run central:dev -- --origin http://127.0.0.1:4311    # one more web origin allowed (CORS)
 *
 * On CouchDB the national projector runs here too (as the server admin, every 10 s), so the
 * national database follows what devices sync; pouchdb-server cannot run it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CentralError } from '../central/central-error';
import { startCouchDb } from '../central/couchdb-process';
import { setupNational } from '../central/national-setup';
import { runProjectorLoop } from '../central/national-projector';
import { startPouchServer, type PouchServer } from '../central/pouchdb-server-process';
import { connectAsAdmin } from '../central/server-admin';
import { checkPassword, checkUnitCode, setupUnit } from '../central/unit-setup';
import { APP_ORIGIN } from '../electron/app-origin';
import { chooseCentral, describeCentral } from '../test/support/couchdb-release';

export const DEV_ADMIN = { name: 'admin', password: 'meja-aduan-dev-admin' } as const;
export const DEMO_UNIT = { code: 'KTB', password: 'ktb-demo-password' } as const;
const DATA_DIR = '.central-dev';
/** Passwords generated for `--unit` units, reused on the next start so devices stay signed in. */
const PASSWORDS_FILE = join(DATA_DIR, 'unit-passwords.json');
/** The Electron app, the browser host (`npm start`, port 4310) and Vite's dev server. */
const DEV_ORIGINS = [
  APP_ORIGIN,
  'http://127.0.0.1:4310',
  'http://localhost:4310',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
] as const;

const USAGE = `Usage: npm run central:dev -- [--unit <CODE>[,<CODE>…]]… [--password <unit password>] [--origin <web origin>]…`;

type Options = Readonly<{ units: readonly string[]; password?: string; origins: readonly string[] }>;

function parseOptions(args: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...args],
    options: {
      unit: { type: 'string', multiple: true },
      password: { type: 'string' },
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
  if (values.password !== undefined) {
    if (units.length === 0) throw new CentralError('--password is for the units given with --unit.');
    checkPassword(values.password);
  }
  for (const origin of values.origin ?? []) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i.test(origin)) {
      throw new CentralError(`--origin takes a web origin such as http://127.0.0.1:4311, not ${origin}`);
    }
  }
  return { units, password: values.password, origins: values.origin ?? [] };
}

function storedPasswords(): Record<string, string> {
  if (!existsSync(PASSWORDS_FILE)) return {};
  try {
    return JSON.parse(readFileSync(PASSWORDS_FILE, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** Each unit's password: the demo's, `--password`, one generated before, or a new random one. */
function unitPasswords(options: Options): Map<string, string> {
  const stored = storedPasswords();
  const passwords = new Map<string, string>([[DEMO_UNIT.code, DEMO_UNIT.password]]);
  for (const code of options.units) {
    passwords.set(code, options.password ?? stored[code] ?? randomBytes(12).toString('base64url'));
  }
  const generated =
    options.password === undefined
      ? Object.fromEntries(options.units.map((code) => [code, passwords.get(code)]))
      : {};
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(PASSWORDS_FILE, `${JSON.stringify({ ...stored, ...generated }, null, 2)}\n`);
  return passwords;
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

  const passwords = unitPasswords(options);
  const { http } = await connectAsAdmin(server.adminUrl);
  const units = [];
  for (const [code, password] of passwords)
    units.push({ ...(await setupUnit(http, code, password)), password });
  await setupNational(http, { units: [...passwords.keys()] });
  const folder = choice.kind === 'couchdb' ? join(DATA_DIR, 'couchdb') : join(DATA_DIR, 'pouchdb-server');
  const log = choice.kind === 'couchdb' ? join(folder, 'couchdb.log') : join(folder, 'log.txt');
  const demo = units[0];
  console.log(`Meja Aduan central (development server: ${describeCentral(choice)}) on ${server.url}
  data         ${folder} (delete ${DATA_DIR}/ to start afresh; log in ${log})
  server admin ${DEV_ADMIN.name} / ${DEV_ADMIN.password}
${units
  .map(
    (unit, index) =>
      `  ${index === 0 ? 'demo unit   ' : 'unit        '} ${unit.unitCode}: database ${unit.database}, user ${unit.user}, password ${unit.password}`,
  )
  .join('\n')}
  national     meja-aduan-national, set up for ${units.map((unit) => unit.unitCode).join(', ')}${choice.kind === 'couchdb' ? ', projected every 10 s' : ' (no projector on pouchdb-server)'} (docs/central.md)${
    choice.kind === 'couchdb'
      ? `\n  web origins  ${[...DEV_ORIGINS, ...options.origins].join(', ')} (CORS)`
      : ''
  }
In the app's sync settings: server ${server.url}, unit ${demo?.unitCode}, password ${demo?.password}.
Press Ctrl+C to stop.`);
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
