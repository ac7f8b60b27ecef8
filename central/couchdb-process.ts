/**
 * Apache CouchDB 3.x as a throw-away child process on loopback, for the tests, the benchmark and
 * `npm run central:dev`: the production server itself, started from a CouchDB home folder (an
 * extracted release such as ../shared/couchdb's archive, or an installed CouchDB 3.x such as
 * /opt/couchdb). Same shape as ./pouchdb-server-process, so callers do not care which one runs.
 *
 * - Each instance has its own folder (`dataDir`): `data/` (databases), `couchdb.ini` (written on
 *   every start: port, paths, limits, log), `admins.ini` (written once: CouchDB rewrites the last
 *   ini file it loads, hashing the admin password and adding its uuid and secret, so a restart on
 *   the same folder finds the same admin and the same server uuid), `vm.args` (the home's, with an
 *   Erlang node name and cookie of its own, so several instances run side by side) and
 *   `couchdb.log`. Nothing is written into the CouchDB home.
 * - A real server admin from the first request: no "admin party".
 * - Single node, `[cluster] n = 1`; `[couchdb] max_document_size` 8 MB and `[chttpd]
 *   max_http_request_size` 64 MiB by default (docs/central.md, "Test and development servers").
 * - The process runs in its own process group (`detached`): `stop()` sends SIGTERM to the group
 *   and waits, `kill()` sends SIGKILL (a crash: the data folder survives). The group is killed
 *   when this process exits, and a small watchdog kills it too if this process dies without
 *   running its exit handlers (SIGKILL, Ctrl+C on a test run). Erlang's `epmd` daemon, started by
 *   the first instance, keeps running; that is normal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';
import type { PouchServer } from './pouchdb-server-process';

export type CouchDbOptions = Readonly<{
  /** The CouchDB home: the folder holding `bin/couchdb`, `etc/default.ini` and `etc/vm.args`. */
  home: string;
  /** The instance's folder (data, ini files, vm.args, log). Created if missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one when omitted or 0. */
  port?: number;
  admin: Readonly<{ name: string; password: string }>;
  /** CouchDB's log level in `<dataDir>/couchdb.log` (default `warning`). */
  logLevel?: 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'none';
  /** `[chttpd] max_http_request_size` in bytes (default 64 MiB). */
  maxHttpRequestSize?: number;
  /** `[couchdb] max_document_size` in bytes (default 8 000 000, CouchDB's own). */
  maxDocumentSize?: number;
  /**
   * Web origins allowed to call the server with credentials (CORS as in docs/central.md's
   * production setup, e.g. `app://meja-aduan` and the browser host's origin). None: CORS off.
   */
  corsOrigins?: readonly string[];
}>;

export type CouchDbServer = PouchServer &
  Readonly<{
    /** The version CouchDB reports at `GET /`, e.g. `3.5.0`. */
    version: string;
    home: string;
  }>;

export const COUCHDB_DEFAULT_MAX_HTTP_REQUEST_SIZE = 67_108_864;
export const COUCHDB_DEFAULT_MAX_DOCUMENT_SIZE = 8_000_000;

/** The CORS settings of docs/central.md's production setup, but `origins`. */
const CORS_SETTINGS = {
  credentials: 'true',
  methods: 'GET, PUT, POST, HEAD, DELETE',
  headers: 'accept, authorization, content-type, origin, referer',
} as const;

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const OUTPUT_TAIL = 4000;
const PORT_ATTEMPTS = 5;

/** Whether `home` looks like a CouchDB home folder this module can start. */
export function isCouchDbHome(home: string): boolean {
  return ['bin/couchdb', 'etc/default.ini', 'etc/vm.args'].every((file) => existsSync(join(home, file)));
}

/** The CouchDB version of a home folder, from its `lib/couch-<version>/` application folder. */
export function couchDbReleaseVersion(home: string): string | undefined {
  try {
    const versions = readdirSync(join(home, 'lib'))
      .map((name) => /^couch-(\d+\.\d+\.\d+.*)$/.exec(name)?.[1])
      .filter((version): version is string => version !== undefined);
    return versions.sort().at(-1);
  } catch {
    return undefined;
  }
}

function writeInstanceFiles(home: string, dataDir: string, port: number, options: CouchDbOptions): string[] {
  const data = join(dataDir, 'data');
  mkdirSync(data, { recursive: true });
  const settings = join(dataDir, 'couchdb.ini');
  const origins = options.corsOrigins ?? [];
  const cors =
    origins.length === 0
      ? ''
      : `
[cors]
origins = ${origins.join(', ')}
${Object.entries(CORS_SETTINGS)
  .map(([key, value]) => `${key} = ${value}`)
  .join('\n')}
`;
  writeFileSync(
    settings,
    `; Written by central/couchdb-process.ts on every start; admins.ini (loaded after) is CouchDB's.
[couchdb]
single_node = true
database_dir = ${data}
view_index_dir = ${data}
uri_file = ${join(dataDir, 'couchdb.uri')}
max_document_size = ${options.maxDocumentSize ?? COUCHDB_DEFAULT_MAX_DOCUMENT_SIZE}

[cluster]
n = 1

[chttpd]
bind_address = 127.0.0.1
port = ${port}
max_http_request_size = ${options.maxHttpRequestSize ?? COUCHDB_DEFAULT_MAX_HTTP_REQUEST_SIZE}
enable_cors = ${origins.length > 0}

[httpd]
port = 0

[prometheus]
additional_port = false

[smoosh]
state_dir = ${data}

[log]
writer = file
file = ${join(dataDir, 'couchdb.log')}
level = ${options.logLevel ?? 'warning'}
${cors}`,
  );
  // Written once: CouchDB replaces the password by its hash here and adds its uuid and secret.
  const admins = join(dataDir, 'admins.ini');
  if (!existsSync(admins)) {
    const { name, password } = options.admin;
    if (/[\s=;[\]]/.test(name) || /[\r\n]/.test(password)) {
      throw new Error(`The CouchDB admin name or password cannot be written to an ini file: ${name}`);
    }
    writeFileSync(admins, `[admins]\n${name} = ${password}\n`);
  }
  // Written once too: the home's vm.args with an Erlang node name and a cookie of this instance's
  // own. The node name is stored in the databases' shard maps, so a restart must keep it.
  const vmArgs = join(dataDir, 'vm.args');
  if (!existsSync(vmArgs)) {
    const lines = readFileSync(join(home, 'etc', 'vm.args'), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*-(s?name|setcookie)\s/.test(line));
    const node = `meja-aduan-${randomBytes(6).toString('hex')}@127.0.0.1`;
    lines.push(`-name ${node}`, `-setcookie ${randomBytes(16).toString('hex')}`, '');
    writeFileSync(vmArgs, lines.join('\n'));
  }
  return [join(home, 'etc', 'default.ini'), settings, admins];
}

type Launched = Readonly<{
  child: ChildProcess;
  output: () => string;
  /** Resolves when the process has ended and its group is gone. */
  ended: Promise<void>;
  signal: (signal: NodeJS.Signals) => void;
}>;

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A detached `sh` that kills the group `pid` when our end of its stdin closes without a `stop`
 * line first, i.e. when this process dies in any way.
 */
function startWatchdog(pid: number): () => void {
  const watchdog = spawn(
    '/bin/sh',
    ['-c', `read line; [ "$line" = stop ] || kill -s KILL -- -${pid} 2>/dev/null`],
    {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  watchdog.on('error', () => undefined);
  watchdog.stdin.on('error', () => undefined);
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    watchdog.stdin.end('stop\n');
  };
}

function launch(home: string, dataDir: string, iniFiles: readonly string[]): Launched {
  const child = spawn(join(home, 'bin', 'couchdb'), [], {
    cwd: dataDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      COUCHDB_ARGS_FILE: join(dataDir, 'vm.args'),
      COUCHDB_INI_FILES: iniFiles.join(' '),
      ERL_CRASH_DUMP: join(dataDir, 'erl_crash.dump'),
    },
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const pid = child.pid;
  const signal = (name: NodeJS.Signals): void => {
    if (pid === undefined) return;
    try {
      process.kill(-pid, name);
    } catch {
      // the group is gone already
    }
  };
  // A test that fails before its `stop()` must not leave a server running after the run ends.
  const killOnExit = (): void => signal('SIGKILL');
  process.once('exit', killOnExit);
  const releaseWatchdog = pid === undefined ? () => undefined : startWatchdog(pid);
  const ended = new Promise<void>((done) => {
    const finish = async (): Promise<void> => {
      // The group may outlive its leader for a moment (couchjs, erl_child_setup).
      for (let i = 0; pid !== undefined && groupAlive(pid) && i < 50; i += 1) {
        await new Promise((wait) => setTimeout(wait, 20));
      }
      if (pid !== undefined && groupAlive(pid)) signal('SIGKILL');
      process.removeListener('exit', killOnExit);
      releaseWatchdog();
      done();
    };
    child.once('exit', () => void finish());
    child.once('error', (error) => {
      output += `\n${error.message}`;
      void finish();
    });
  });
  return { child, output: () => output, ended, signal };
}

const hasEnded = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

async function waitUntilReady(
  url: string,
  adminAuth: string,
  dataDir: string,
  launched: Launched,
): Promise<'ready' | 'port-in-use' | 'other-server'> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const get = async (path: string): Promise<Response> =>
    fetch(new URL(path, url), {
      headers: { Authorization: adminAuth },
      signal: AbortSignal.timeout(5000),
    });
  while (Date.now() < deadline) {
    if (hasEnded(launched.child)) {
      await launched.ended;
      if (/eaddrinuse/i.test(launched.output())) return 'port-in-use';
      throw new Error(`CouchDB exited before it was ready:\n${launched.output()}`);
    }
    try {
      const up = await get('_up');
      await up.body?.cancel();
      if (up.ok) {
        // Our instance, not another server that took the port meanwhile?
        const config = await get('_node/_local/_config/couchdb/database_dir');
        const databaseDir = config.ok ? ((await config.json()) as unknown) : await config.body?.cancel();
        if (databaseDir !== join(dataDir, 'data')) return 'other-server';
        // single_node creates _users and _replicator a moment after /_up answers.
        const users = await get('_users');
        const replicator = await get('_replicator');
        await users.body?.cancel();
        await replicator.body?.cancel();
        if (users.ok && replicator.ok) return 'ready';
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  launched.signal('SIGKILL');
  throw new Error(
    `CouchDB did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${launched.output()}`,
  );
}

function logTail(dataDir: string): string {
  try {
    return readFileSync(join(dataDir, 'couchdb.log'), 'utf8').slice(-OUTPUT_TAIL);
  } catch {
    return '';
  }
}

/**
 * Allows `origins` too (CORS with credentials), on a running server, through its configuration
 * API as the server admin: for origins known only once the server runs (a test's browser page).
 * CouchDB keeps the change in the instance's last ini file, so it survives a restart.
 */
export async function allowCorsOrigins(
  server: Readonly<{ url: string; adminUrl: string }>,
  origins: readonly string[],
): Promise<void> {
  const admin = new URL(server.adminUrl);
  const authorization = `Basic ${Buffer.from(
    `${decodeURIComponent(admin.username)}:${decodeURIComponent(admin.password)}`,
  ).toString('base64')}`;
  const config = async (method: 'GET' | 'PUT', key: string, value?: string): Promise<Response> =>
    fetch(new URL(`_node/_local/_config/${key}`, server.url), {
      method,
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: value === undefined ? undefined : JSON.stringify(value),
    });
  const current = await config('GET', 'cors/origins');
  const known = current.ok ? String(await current.json()) : (await current.body?.cancel(), '');
  const wanted = [...new Set([...known.split(','), ...origins].map((origin) => origin.trim()))].filter(
    Boolean,
  );
  const settings: [string, string][] = [
    ['cors/origins', wanted.join(', ')],
    ...Object.entries(CORS_SETTINGS).map(([key, value]): [string, string] => [`cors/${key}`, value]),
    ['chttpd/enable_cors', 'true'],
  ];
  for (const [key, value] of settings) {
    const response = await config('PUT', key, value);
    await response.body?.cancel();
    if (!response.ok) throw new Error(`Setting ${key} on ${server.url} failed: HTTP ${response.status}`);
  }
}

export async function startCouchDb(options: CouchDbOptions): Promise<CouchDbServer> {
  const home = resolve(options.home);
  if (!isCouchDbHome(home)) {
    throw new Error(`${home} is not a CouchDB home folder (bin/couchdb, etc/default.ini, etc/vm.args)`);
  }
  const dataDir = resolve(options.dataDir);
  if (/\s/.test(dataDir) || /\s/.test(home)) {
    // COUCHDB_INI_FILES is a space-separated list.
    throw new Error(`CouchDB's folders must not contain spaces: ${home}, ${dataDir}`);
  }
  mkdirSync(dataDir, { recursive: true });
  const fixedPort = options.port !== undefined && options.port > 0 ? options.port : undefined;
  const adminAuth = `Basic ${Buffer.from(`${options.admin.name}:${options.admin.password}`).toString('base64')}`;

  let launched: Launched | undefined;
  let port = 0;
  for (let attempt = 1; launched === undefined; attempt += 1) {
    port = fixedPort ?? (await freePort());
    const iniFiles = writeInstanceFiles(home, dataDir, port, options);
    const candidate = launch(home, dataDir, iniFiles);
    const outcome = await waitUntilReady(`http://127.0.0.1:${port}/`, adminAuth, dataDir, candidate);
    if (outcome === 'ready') {
      launched = candidate;
      break;
    }
    candidate.signal('SIGKILL');
    await candidate.ended;
    if (fixedPort !== undefined || attempt >= PORT_ATTEMPTS) {
      throw new Error(
        `CouchDB could not listen on 127.0.0.1:${port} (${outcome === 'port-in-use' ? 'port in use' : 'another server answers there'})`,
      );
    }
  }
  const current = launched;

  const url = `http://127.0.0.1:${port}/`;
  const welcome = await fetch(url, { headers: { Authorization: adminAuth } });
  const version = ((await welcome.json()) as { version?: string }).version ?? 'unknown';
  const adminUrl = new URL(url);
  adminUrl.username = encodeURIComponent(options.admin.name);
  adminUrl.password = encodeURIComponent(options.admin.password);

  const stop = async (): Promise<void> => {
    if (!hasEnded(current.child)) current.signal('SIGTERM');
    const timer = setTimeout(() => current.signal('SIGKILL'), STOP_TIMEOUT_MS);
    await current.ended;
    clearTimeout(timer);
  };
  const kill = async (): Promise<void> => {
    current.signal('SIGKILL');
    await current.ended;
  };
  return {
    url,
    adminUrl: adminUrl.href,
    port,
    dataDir,
    version,
    home,
    stop,
    kill,
    exited: () =>
      hasEnded(current.child)
        ? {
            code: current.child.exitCode,
            signal: current.child.signalCode,
            output: `${current.output()}\n${logTail(dataDir)}`.trim(),
          }
        : null,
  };
}
