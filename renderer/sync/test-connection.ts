/**
 * "Test connection" in the sync settings (issue 4): three requests that tell the failures apart.
 *   1. `GET /`          does a CouchDB-compatible server answer at this address? (unreachable,
 *                       TLS, not CouchDB → 'server'). Asked without credentials, so that a wrong
 *                       password cannot look like a wrong address; a 401 (CouchDB's
 *                       require_valid_user) counts as an answer, and `/` is asked again after 2.
 *   2. `GET /_session`  does it accept the unit's name and password? (→ 'unauthorized')
 *   3. `GET /<db>`      may this user open the unit's database, and does it exist? (→ 'forbidden',
 *                       'not-found'; any 401/403 here means no access: the login itself worked)
 * Every request gives up after `timeoutMs`.
 */
import { classifySyncError } from '../../shared/sync/classify-error';
import { databaseUrl, type SyncConfig } from '../../shared/sync/sync-config';
import type { SyncError } from '../../shared/sync/sync-status';
import type { FetchFunction } from './sync-dependencies';

export type ConnectionTestStep = 'server' | 'login' | 'database';

export type ConnectionTestResult =
  | Readonly<{
      ok: true;
      /** The server's name and version as it gives them (CouchDB: "The Apache Software Foundation", "3.4.2"). */
      server: Readonly<{ vendor: string; version: string }>;
      database: Readonly<{ name: string; docCount: number }>;
    }>
  | Readonly<{ ok: false; step: ConnectionTestStep; error: SyncError }>;

export const CONNECTION_TEST_TIMEOUT_MS = 15_000;

type Answer =
  Readonly<{ ok: true; body: Record<string, unknown> }> | Readonly<{ ok: false; error: SyncError }>;

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
    return { ok: false, error: classifySyncError(error) };
  }
  const body = parseObject(text);
  if (!response.ok) {
    const reason = typeof body?.reason === 'string' ? body.reason : text.slice(0, 200);
    return { ok: false, error: classifySyncError({ ...body, reason, status: response.status }) };
  }
  return body ? { ok: true, body } : { ok: false, error: NOT_COUCHDB };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export async function testConnection(
  config: SyncConfig,
  fetch: FetchFunction,
  timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
): Promise<ConnectionTestResult> {
  // Without the credentials first, so that a wrong password is told apart from a wrong address.
  let root = await request(fetch, `${config.serverUrl}/`, null, timeoutMs);
  // A CouchDB with require_valid_user answers 401 even here: it answered; ask again after the login.
  const loginFirst = !root.ok && root.error.status === 401;
  if (!root.ok && !loginFirst) return { ok: false, step: 'server', error: root.error };

  const session = await request(fetch, `${config.serverUrl}/_session`, config, timeoutMs);
  if (!session.ok) return { ok: false, step: 'login', error: session.error };
  const name = (session.body.userCtx as { name?: unknown } | undefined)?.name;
  if (name !== config.username) {
    return {
      ok: false,
      step: 'login',
      error: { reason: 'unauthorized', message: 'The server did not log this user in.' },
    };
  }

  if (loginFirst) root = await request(fetch, `${config.serverUrl}/`, config, timeoutMs);
  if (!root.ok) return { ok: false, step: 'server', error: root.error };
  const welcome = root.body;
  const vendor = text((welcome.vendor as { name?: unknown } | undefined)?.name);
  const version = text(welcome.version);
  if (!('couchdb' in welcome || 'express-pouchdb' in welcome) || version === null) {
    return { ok: false, step: 'server', error: NOT_COUCHDB };
  }

  const database = await request(fetch, databaseUrl(config), config, timeoutMs);
  if (!database.ok) {
    const { error } = database;
    const noAccess = error.status === 401 || error.status === 403;
    return { ok: false, step: 'database', error: noAccess ? { ...error, reason: 'forbidden' } : error };
  }
  const docCount = database.body.doc_count;
  return {
    ok: true,
    server: { vendor: vendor ?? 'CouchDB', version },
    database: {
      name: text(database.body.db_name) ?? config.databaseName,
      docCount: typeof docCount === 'number' ? docCount : 0,
    },
  };
}
