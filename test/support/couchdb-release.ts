/**
 * Which central server the integration, E2E and benchmark tiers (and `npm run central:dev`) run:
 * Apache CouchDB 3.x, found in this order,
 *   1. `COUCHDB_HOME`: an installed CouchDB 3.x (e.g. /opt/couchdb from Apache's Debian/RPM
 *      packages or the official container image);
 *   2. the release archive in `../shared/couchdb/` beside the repository (`apache-couchdb-3.*.tar.gz`,
 *      a Linux x86-64 build), extracted once into `node_modules/.cache/meja-aduan-couchdb/<sha256>/`;
 *      its one library Debian 12 may lack, libicu72, is installed with apt-get when we run as root
 *      on Debian (like scripts/ensure-chromium.ts does for Chromium);
 *   3. `couchdb` on PATH (its home is the folder above its `bin/`);
 * else pouchdb-server (a CouchDB-compatible stand-in on Node), with one line saying so.
 * `MEJA_ADUAN_CENTRAL=couchdb` requires CouchDB (an error naming the three places when none is
 * found; `.ci/run` sets it), `MEJA_ADUAN_CENTRAL=pouchdb-server` forces the stand-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { couchDbReleaseVersion, isCouchDbHome } from '../../central/couchdb-process';

export type CentralKind = 'couchdb' | 'pouchdb-server';

export type CouchDbRelease = Readonly<{
  home: string;
  /** From `<home>/lib/couch-<version>/`; `unknown` when the home does not say. */
  version: string;
  /** Where it was found, for the line the tests print. */
  source: string;
}>;

export type CentralChoice =
  | Readonly<{ kind: 'couchdb'; release: CouchDbRelease }>
  | Readonly<{ kind: 'pouchdb-server'; reason: string }>;

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `../shared/couchdb/` beside the checkout. */
export const COUCHDB_ARCHIVE_DIR = resolve(REPOSITORY_ROOT, '..', 'shared', 'couchdb');
const CACHE_DIR = join(REPOSITORY_ROOT, 'node_modules', '.cache', 'meja-aduan-couchdb');
const ARCHIVE_NAME = /^apache-couchdb-3\.[0-9.]+.*\.tar\.gz$/;
export const LIBICU_INSTALL_COMMAND = 'apt-get install -y libicu72';

const PLACES = [
  'COUCHDB_HOME (an installed CouchDB 3.x)',
  `the release archive in ${COUCHDB_ARCHIVE_DIR}`,
  '`couchdb` on PATH',
] as const;

type Found = Readonly<{ release?: CouchDbRelease; problem?: string }>;

function checkedHome(home: string, source: string): Found {
  if (!isCouchDbHome(home)) {
    return {
      problem: `${source}: ${home} is not a CouchDB home (bin/couchdb, etc/default.ini, etc/vm.args)`,
    };
  }
  const version = couchDbReleaseVersion(home) ?? 'unknown';
  if (version !== 'unknown' && !version.startsWith('3.')) {
    return { problem: `${source}: ${home} is CouchDB ${version}, not 3.x` };
  }
  return { release: { home, version, source } };
}

function fromEnvironment(env: NodeJS.ProcessEnv): Found | undefined {
  const home = env.COUCHDB_HOME;
  if (!home) return undefined;
  return checkedHome(resolve(home), `COUCHDB_HOME=${home}`);
}

function sha256(file: string): string {
  return createHash('sha256')
    .update(new Uint8Array(readFileSync(file)))
    .digest('hex');
}

/** Shared libraries the release's native code needs and this machine lacks (via ldd). */
function missingLibraries(home: string): string[] {
  const objects: string[] = [];
  for (const app of readdirSync(join(home, 'lib'))) {
    const priv = join(home, 'lib', app, 'priv');
    if (!existsSync(priv)) continue;
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.so')) objects.push(join(dir, entry.name));
      }
    };
    walk(priv);
  }
  if (objects.length === 0) return [];
  const result = spawnSync('ldd', objects, { encoding: 'utf8' });
  if (result.error) return []; // no ldd: CouchDB will say itself what it misses
  const missing = new Set<string>();
  for (const match of result.stdout.matchAll(/^\s*(\S+) => not found/gm)) missing.add(match[1] ?? '');
  return [...missing].filter(Boolean).sort();
}

/** Installs libicu72 with apt-get when we are root on Debian; says so. */
function installLibicu(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get') || !existsSync('/etc/debian_version')) return false;
  console.log(`libicu72 not found: installing it for Apache CouchDB (${LIBICU_INSTALL_COMMAND}) …`);
  const result = spawnSync(
    'sh',
    ['-c', `(${LIBICU_INSTALL_COMMAND} || (apt-get update && ${LIBICU_INSTALL_COMMAND})) >/dev/null`],
    { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
  );
  return result.status === 0;
}

/** Extracts `archive` once into the cache (atomically: concurrent test workers may race here). */
function extracted(archive: string): string {
  const digest = sha256(archive);
  const target = join(CACHE_DIR, digest.slice(0, 16));
  const home = join(target, 'couchdb');
  if (isCouchDbHome(home)) return home;
  mkdirSync(CACHE_DIR, { recursive: true });
  const temporary = join(CACHE_DIR, `.extracting-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(temporary);
  try {
    const result = spawnSync('tar', ['xzf', archive, '-C', temporary], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tar failed on ${archive}: ${result.stderr || result.error}`);
    if (!isCouchDbHome(join(temporary, 'couchdb'))) {
      throw new Error(`${archive} holds no couchdb/ release folder`);
    }
    try {
      renameSync(temporary, target);
    } catch (error) {
      // Another worker was first: use its copy.
      if (!isCouchDbHome(home)) throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return home;
}

function fromArchive(): Found | undefined {
  if (!existsSync(COUCHDB_ARCHIVE_DIR)) return undefined;
  const archives = readdirSync(COUCHDB_ARCHIVE_DIR)
    .filter((name) => ARCHIVE_NAME.test(name))
    .sort();
  const name = archives.at(-1);
  if (!name) return undefined;
  const archive = join(COUCHDB_ARCHIVE_DIR, name);
  const source = relative(REPOSITORY_ROOT, archive);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { problem: `${source} is a Linux x86-64 build; this is ${process.platform} ${process.arch}` };
  }
  let home: string;
  try {
    home = extracted(archive);
  } catch (error) {
    return { problem: `${source}: ${error instanceof Error ? error.message : String(error)}` };
  }
  let missing = missingLibraries(home);
  if (missing.some((library) => library.startsWith('libicu')) && installLibicu()) {
    missing = missingLibraries(home);
  }
  if (missing.length > 0) {
    const hint = missing.some((library) => library.startsWith('libicu'))
      ? ` (Debian: sudo ${LIBICU_INSTALL_COMMAND})`
      : '';
    return { problem: `${source} needs ${missing.join(', ')}, missing here${hint}` };
  }
  return checkedHome(home, source);
}

function fromPath(env: NodeJS.ProcessEnv): Found | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'couchdb');
    if (!existsSync(candidate)) continue;
    const script = realpathSync(candidate);
    return checkedHome(dirname(dirname(script)), `couchdb on PATH (${candidate})`);
  }
  return undefined;
}

/**
 * CouchDB 3.x from the three places in order (only COUCHDB_HOME when it is set), or why each one
 * that exists could not be used.
 */
export function locateCouchDb(env: NodeJS.ProcessEnv = process.env): Readonly<{
  release?: CouchDbRelease;
  problems: readonly string[];
}> {
  const problems: string[] = [];
  // A COUCHDB_HOME that is set is meant: it is not passed over for another CouchDB.
  const fromHome = fromEnvironment(env);
  if (fromHome)
    return fromHome.release
      ? { release: fromHome.release, problems }
      : { problems: [fromHome.problem ?? ''] };
  for (const find of [fromArchive, () => fromPath(env)]) {
    const found = find();
    if (found?.release) return { release: found.release, problems };
    if (found?.problem) problems.push(found.problem);
  }
  return { problems };
}

let chosen: CentralChoice | undefined;

/**
 * The central for this process, decided once (see the top of this file). Throws when
 * `MEJA_ADUAN_CENTRAL=couchdb` and no CouchDB is found, or on an unknown value.
 */
export function chooseCentral(env: NodeJS.ProcessEnv = process.env): CentralChoice {
  if (chosen) return chosen;
  const wanted = env.MEJA_ADUAN_CENTRAL ?? '';
  if (!['', 'couchdb', 'pouchdb-server'].includes(wanted)) {
    throw new Error(`MEJA_ADUAN_CENTRAL must be couchdb or pouchdb-server, not ${JSON.stringify(wanted)}`);
  }
  if (wanted === 'pouchdb-server') {
    chosen = { kind: 'pouchdb-server', reason: 'MEJA_ADUAN_CENTRAL=pouchdb-server' };
    return chosen;
  }
  const { release, problems } = locateCouchDb(env);
  if (release) {
    chosen = { kind: 'couchdb', release };
    return chosen;
  }
  if (env.COUCHDB_HOME)
    throw new Error(`${problems.join('; ')}. Unset COUCHDB_HOME or point it to a CouchDB 3.x.`);
  const why = problems.length > 0 ? ` (${problems.join('; ')})` : '';
  if (wanted === 'couchdb') {
    throw new Error(
      `MEJA_ADUAN_CENTRAL=couchdb, but no Apache CouchDB 3.x was found: looked at ${PLACES.join(', ')}${why}. ` +
        'Set COUCHDB_HOME to an installed CouchDB 3.x (README.md, Tests).',
    );
  }
  chosen = {
    kind: 'pouchdb-server',
    reason: `fallback: no Apache CouchDB 3.x found in ${PLACES.join(', ')}${why}`,
  };
  if (!env.MEJA_ADUAN_CENTRAL_NOTICE_SHOWN) console.log(`central server: ${describeCentral(chosen)}`);
  return chosen;
}

/** One line naming the server, e.g. `Apache CouchDB 3.5.0 (/…/couchdb, from ../shared/couchdb/…)`. */
export function describeCentral(choice: CentralChoice): string {
  return choice.kind === 'couchdb'
    ? `Apache CouchDB ${choice.release.version} (${choice.release.home}, from ${choice.release.source})`
    : `pouchdb-server (${choice.reason})`;
}
