/**
 * pouchdb-server (a CouchDB-compatible server on Node) as a child process on loopback, for
 * `npm run central:dev` and the integration tests. Not for production: that is Apache CouchDB 3.x
 * (docs/central.md).
 *
 * - The server admin is written into pouchdb-server's config file before it starts (it hashes
 *   the password on its first save), so there is no "admin party" moment: the unit users are
 *   real non-admins and `_security` is enforced from the first request.
 * - Storage: LevelDB in `dataDir` (leveldown's prebuilt binary, loaded without install scripts),
 *   or memory only (`inMemory`: faster, gone when the process ends).
 * - Known pouchdb-server 4.2 bug: a database creation (`PUT /<db>`) by a non-admin crashes the
 *   process instead of answering 401. CouchDB answers 401. Clients should open remote databases
 *   with PouchDB's `skip_setup: true` (they never create the unit database anyway).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

export type PouchServerOptions = Readonly<{
  /** Holds the config file, the log and (unless inMemory) the databases. Created if missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one when omitted or 0. */
  port?: number;
  inMemory?: boolean;
  admin: Readonly<{ name: string; password: string }>;
  /** pouchdb-server's log level in `<dataDir>/log.txt` (default `warning`). */
  logLevel?: 'debug' | 'info' | 'warning' | 'error' | 'none';
}>;

export type PouchServer = Readonly<{
  /** `http://127.0.0.1:<port>/`, without credentials. */
  url: string;
  /** The same with the server admin's credentials. */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** Ends the process (SIGTERM) and waits for it. */
  stop: () => Promise<void>;
  /** Ends the process at once (SIGKILL), as a crash or a power cut would, and waits for it. */
  kill: () => Promise<void>;
  /** Whether the process has ended, and its last output if so (for test failure messages). */
  exited: () => Readonly<{ code: number | null; signal: string | null; output: string }> | null;
}>;

const READY_TIMEOUT_MS = 30_000;
const OUTPUT_TAIL = 4000;

function serverScript(): string {
  return createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
}

function writeConfig(dataDir: string, options: PouchServerOptions): string {
  const file = join(dataDir, 'config.json');
  // Written once: pouchdb-server rewrites it with the admin password hashed, and a restart on
  // the same folder (a persistent server) must find the same admin.
  if (!existsSync(file)) {
    const config = {
      admins: { [options.admin.name]: options.admin.password },
      log: { file: join(dataDir, 'log.txt'), level: options.logLevel ?? 'warning' },
    };
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  }
  return file;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`pouchdb-server exited before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill('SIGKILL');
  throw new Error(
    `pouchdb-server did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`,
  );
}

export async function startPouchServer(options: PouchServerOptions): Promise<PouchServer> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(join(dataDir, 'db'), { recursive: true });
  const configFile = writeConfig(dataDir, options);
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const args = [
    // pouchdb-validation drops replicated revision histories: see the comment in the fix.
    '--require',
    fileURLToPath(new URL('./pouchdb-validation-fix.cjs', import.meta.url)),
    serverScript(),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    join(dataDir, 'db'),
    '--config',
    configFile,
    '--no-stdout-logs',
    ...(options.inMemory ? ['--in-memory'] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  // A test that fails before its `stop()` must not leave a server running after the run ends.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const ended = new Promise<void>((done) =>
    child.once('exit', () => {
      process.removeListener('exit', killOnExit);
      done();
    }),
  );

  const url = `http://127.0.0.1:${port}/`;
  await waitUntilReady(url, child, () => output);
  const adminUrl = new URL(url);
  adminUrl.username = encodeURIComponent(options.admin.name);
  adminUrl.password = encodeURIComponent(options.admin.password);

  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await ended;
  };
  return {
    url,
    adminUrl: adminUrl.href,
    port,
    dataDir,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    exited: () =>
      child.exitCode === null && child.signalCode === null
        ? null
        : { code: child.exitCode, signal: child.signalCode, output },
  };
}
