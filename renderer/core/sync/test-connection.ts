/**
 * "Test connection" in the sync settings (docs/central.md): two requests that tell the failures apart
 * (a third, without credentials, after a refused login),
 * only one of them carrying the unit's credentials, so that one press costs at most one login
 * attempt. (CouchDB 3.4+ locks a user out after more than 5 failed logins in 5 minutes, counting
 * every request with a wrong password: a test that sent the password three times would let two
 * presses with a typo lock the unit's account, for every device of the unit.)
 *   1. `GET /`      without credentials: does a CouchDB-compatible server answer at this address?
 *                   (unreachable, TLS, not CouchDB → 'server'). A wrong password cannot look like a
 *                   wrong address. A 401 (CouchDB's require_valid_user) counts as an answer.
 *   2. `GET /<db>`  with the credentials, once: its answer tells everything else. 200: the login
 *                   worked, the user may open the database, and it exists. 401 "Name or password is
 *                   incorrect." → 'unauthorized' and 403 "Account is temporarily locked …" →
 *                   'locked-out' (step 'login'); 403 (CouchDB) or 401 "not authorized to access
 *                   this db" (pouchdb-server) → 'forbidden' and 404 → 'not-found' (step 'database':
 *                   the login itself worked, CouchDB checks credentials before the database).
 *   3. `GET /<db>`  without credentials, only after a refused login (401) where step 1 wanted no
 *                   login: 404 → 'not-found' (step 'database'): the unit does not exist on the
 *                   server (a wrong unit code, whose user does not exist either, is refused like a
 *                   wrong password); otherwise it stays 'unauthorized'.
 * The server's version comes from the welcome of step 1, or (require_valid_user) from the `Server`
 * header (`CouchDB/3.5.0 (Erlang OTP/25)`) when the browser may read it; '' when unknown.
 * Every request gives up after `timeoutMs`.
 */
import { classifySyncError } from '../../../shared/sync/classify-error';
import { databaseUrl, type SyncConfig } from '../../../shared/sync/sync-config';
import type { SyncError } from '../../../shared/sync/sync-status';
import type { FetchFunction } from './sync-dependencies';

export type ConnectionTestStep = 'server' | 'login' | 'database';

export type ConnectionTestResult =
  | Readonly<{
      ok: true;
      /**
       * The server's name and version as it gives them (CouchDB: "The Apache Software Foundation",
       * "3.4.2"); the version is '' when a server that wants a login for everything hides it.
       */
      server: Readonly<{ vendor: string; version: string }>;
      database: Readonly<{ name: string; docCount: number }>;
    }>
  | Readonly<{ ok: false; step: ConnectionTestStep; error: SyncError }>;

export const CONNECTION_TEST_TIMEOUT_MS = 15_000;

type Answer =
  | Readonly<{ ok: true; body: Record<string, unknown>; server: string | null }>
  | Readonly<{ ok: false; error: SyncError; server: string | null }>;

function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const NOT_COUCHDB: SyncError = {
  reason: 'server',
  message: 'The address does not answer like a CouchDB server.',
};

async function request(
  fetch: FetchFunction,
  url: string,
  config: SyncConfig | null,
  timeoutMs: number,
): Promise<Answer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      headers: {
        Accept: 'application/json',
        ...(config ? { Authorization: basicAuth(config.username, config.password) } : {}),
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return { ok: false, error: classifySyncError(error), server: null };
  }
  const server = response.headers.get('server');
  const body = parseObject(text);
  if (!response.ok) {
    const reason = typeof body?.reason === 'string' ? body.reason : text.slice(0, 200);
    return { ok: false, error: classifySyncError({ ...body, reason, status: response.status }), server };
  }
  return body ? { ok: true, body, server } : { ok: false, error: NOT_COUCHDB, server };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The version in a `Server: CouchDB/3.5.0 (Erlang OTP/25)` header, or null. */
function versionInHeader(server: string | null): string | null {
  return /\bCouchDB\/(\d[\w.+-]*)/i.exec(server ?? '')?.[1] ?? null;
}

/** The step a failed `GET /<db>` with the credentials belongs to. */
function databaseFailure(
  error: SyncError,
): Readonly<{ ok: false; step: ConnectionTestStep; error: SyncError }> {
  if (error.reason === 'unauthorized' || error.reason === 'locked-out')
    return { ok: false, step: 'login', error };
  // Any other 401/403 here means no access: the login itself worked (or CouchDB would say so).
  const noAccess = error.status === 401 || error.status === 403;
  return { ok: false, step: 'database', error: noAccess ? { ...error, reason: 'forbidden' } : error };
}

export async function testConnection(
  config: SyncConfig,
  fetch: FetchFunction,
  timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
): Promise<ConnectionTestResult> {
  // 1. Without the credentials, so that a wrong password is told apart from a wrong address.
  const root = await request(fetch, `${config.serverUrl}/`, null, timeoutMs);
  // A CouchDB with require_valid_user answers 401 even here: it answered.
  const loginRequired = !root.ok && root.error.status === 401;
  if (!root.ok && !loginRequired) return { ok: false, step: 'server', error: root.error };
  let vendor: string | null = null;
  let version: string | null = null;
  if (root.ok) {
    const welcome = root.body;
    vendor = text((welcome.vendor as { name?: unknown } | undefined)?.name);
    version = text(welcome.version);
    if (!('couchdb' in welcome || 'express-pouchdb' in welcome) || version === null) {
      return { ok: false, step: 'server', error: NOT_COUCHDB };
    }
  }

  // 2. The one request with the credentials.
  const database = await request(fetch, databaseUrl(config), config, timeoutMs);
  if (!database.ok && database.error.reason === 'unauthorized' && !loginRequired) {
    // 3. Refused login: CouchDB answers a unit that does not exist (a wrong unit code: its user does
    // not exist either) like a wrong password. Without the credentials, the unit's database tells
    // them apart: 404 when the unit does not exist on the server. (Asked only now, so that a
    // working setup logs no refused request in the console.)
    const anonymous = await request(fetch, databaseUrl(config), null, timeoutMs);
    if (!anonymous.ok && anonymous.error.status === 404) {
      return { ok: false, step: 'database', error: { ...anonymous.error, reason: 'not-found' } };
    }
  }
  if (!database.ok) return databaseFailure(database.error);
  const docCount = database.body.doc_count;
  if (typeof docCount !== 'number') return { ok: false, step: 'server', error: NOT_COUCHDB };
  return {
    ok: true,
    server: {
      vendor: vendor ?? 'CouchDB',
      version: version ?? versionInHeader(database.server) ?? versionInHeader(root.server) ?? '',
    },
    database: { name: text(database.body.db_name) ?? config.databaseName, docCount },
  };
}
