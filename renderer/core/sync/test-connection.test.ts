/**
 * "Test connection" against a scripted server: each failure told apart at its step, with realistic
 * bodies (CouchDB 3.5.0's, pouchdb-server 4.2's), and never more than one request carrying the
 * credentials per test, whatever the answer: every wrong one counts towards CouchDB's lockout.
 */
import { describe, expect, it } from 'vitest';
import type { SyncConfig } from '../../../shared/sync/sync-config';
import { testConnection } from './test-connection';

const CONFIG: SyncConfig = {
  serverUrl: 'https://central.example.go.id/couch',
  databaseName: 'meja-aduan-unit-kbm',
  username: 'unit-kbm',
  password: 'kata-sandi-é',
};
const BASIC = `Basic ${Buffer.from('unit-kbm:kata-sandi-é', 'utf8').toString('base64')}`;

const COUCHDB_WELCOME = {
  couchdb: 'Welcome',
  version: '3.4.2',
  vendor: { name: 'The Apache Software Foundation' },
};
const WRONG_PASSWORD = { error: 'unauthorized', reason: 'Name or password is incorrect.' };
/** CouchDB 3.5.0's answer to every request of a locked-out user (chttpd_auth_lockout), right password or not. */
const LOCKED_OUT = {
  error: 'forbidden',
  reason: 'Account is temporarily locked due to multiple authentication failures',
};
const DB_INFO = { db_name: 'meja-aduan-unit-kbm', doc_count: 1234, update_seq: '1300-g1AAAA' };

type Route =
  Readonly<{ status?: number; body: unknown; statusText?: string; headers?: Record<string, string> }> | Error;
type Routes = Readonly<Record<string, Route | ((authorized: boolean) => Route)>>;

/** A fetch answering by path; records the requests with whether they carried the credentials. */
function server(routes: Routes) {
  const requests: { path: string; authorization: string | null }[] = [];
  const fetch = (input: string | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const path = url.pathname.replace(/^\/couch/, '');
    const authorization = new Headers(init?.headers).get('authorization');
    requests.push({ path, authorization });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    const entry = routes[path];
    const route = typeof entry === 'function' ? entry(authorization === BASIC) : entry;
    if (!route) {
      return Promise.resolve(new Response('{"error":"not_found","reason":"missing"}', { status: 404 }));
    }
    if (route instanceof Error) return Promise.reject(route);
    const body = typeof route.body === 'string' ? route.body : JSON.stringify(route.body);
    return Promise.resolve(
      new Response(body, {
        status: route.status ?? 200,
        statusText: route.statusText ?? '',
        headers: route.headers ?? {},
      }),
    );
  };
  /** Requests that carried credentials (right or wrong): the login attempts CouchDB counts. */
  const logins = (): number => requests.filter((request) => request.authorization !== null).length;
  return { fetch, requests, logins };
}

const HEALTHY: Routes = {
  '/': { body: COUCHDB_WELCOME },
  '/meja-aduan-unit-kbm': (authorized) =>
    authorized ? { body: DB_INFO } : { status: 401, body: WRONG_PASSWORD },
};

describe('testConnection', () => {
  it('reports the server, its version and the unit database when all is well', async () => {
    const { fetch, requests } = server(HEALTHY);
    expect(await testConnection(CONFIG, fetch)).toEqual({
      ok: true,
      server: { vendor: 'The Apache Software Foundation', version: '3.4.2' },
      database: { name: 'meja-aduan-unit-kbm', docCount: 1234 },
    });
    // `/` without the credentials; the database once with them (UTF-8, base64).
    expect(requests).toEqual([
      { path: '/', authorization: null },
      { path: '/meja-aduan-unit-kbm', authorization: BASIC },
    ]);
  });

  it('works with pouchdb-server’s welcome', async () => {
    const welcome = { 'express-pouchdb': 'Welcome!', version: '4.2.0', vendor: { name: 'PouchDB authors' } };
    const { fetch } = server({ ...HEALTHY, '/': { body: welcome } });
    expect(await testConnection(CONFIG, fetch)).toMatchObject({
      ok: true,
      server: { vendor: 'PouchDB authors', version: '4.2.0' },
    });
  });

  it('logs in once when the server wants a login for everything (require_valid_user): the version from its Server header', async () => {
    const server401 = { 'content-type': 'application/json', server: 'CouchDB/3.5.0 (Erlang OTP/25)' };
    const { fetch, requests, logins } = server({
      '/': (authorized) =>
        authorized
          ? { body: COUCHDB_WELCOME }
          : { status: 401, body: { error: 'unauthorized', reason: 'Authentication required.' } },
      '/meja-aduan-unit-kbm': (authorized) =>
        authorized ? { body: DB_INFO, headers: server401 } : { status: 401, body: WRONG_PASSWORD },
    });
    expect(await testConnection(CONFIG, fetch)).toEqual({
      ok: true,
      server: { vendor: 'CouchDB', version: '3.5.0' },
      database: { name: 'meja-aduan-unit-kbm', docCount: 1234 },
    });
    expect(requests.map((request) => request.path)).toEqual(['/', '/meja-aduan-unit-kbm']);
    expect(logins()).toBe(1);
    // A browser that may not read the header: no version, still connected.
    const hidden = server({
      '/': { status: 401, body: { error: 'unauthorized', reason: 'Authentication required.' } },
      '/meja-aduan-unit-kbm': { body: DB_INFO },
    });
    expect(await testConnection(CONFIG, hidden.fetch)).toMatchObject({
      ok: true,
      server: { vendor: 'CouchDB', version: '' },
    });
  });

  it('tells a wrong password at the login step, after one attempt', async () => {
    const { fetch, logins } = server(HEALTHY);
    expect(await testConnection({ ...CONFIG, password: 'salah' }, fetch)).toEqual({
      ok: false,
      step: 'login',
      error: { reason: 'unauthorized', status: 401, message: 'Name or password is incorrect.' },
    });
    expect(logins()).toBe(1);
  });

  it('tells a unit the server does not have (a wrong unit code) from a wrong password, after one attempt', async () => {
    // CouchDB answers the login of a unit that does not exist like a wrong password (its user does
    // not exist either); asked without credentials, the database it would open is plainly missing.
    const { fetch, logins, requests } = server({
      '/': { body: COUCHDB_WELCOME },
      '/meja-aduan-unit-kbm': (authorized) =>
        authorized
          ? { status: 401, body: WRONG_PASSWORD }
          : { status: 404, body: { error: 'not_found', reason: 'Database does not exist.' } },
    });
    expect(await testConnection(CONFIG, fetch)).toEqual({
      ok: false,
      step: 'database',
      error: { reason: 'not-found', status: 404, message: 'Database does not exist.' },
    });
    expect(requests.map((request) => [request.path, request.authorization !== null])).toEqual([
      ['/', false],
      ['/meja-aduan-unit-kbm', true],
      ['/meja-aduan-unit-kbm', false],
    ]);
    expect(logins()).toBe(1);
  });

  it('tells a locked account at the login step (CouchDB 3.4+ after repeated wrong passwords), after one attempt', async () => {
    const { fetch, logins } = server({
      ...HEALTHY,
      '/meja-aduan-unit-kbm': { status: 403, body: LOCKED_OUT },
    });
    expect(await testConnection(CONFIG, fetch)).toEqual({
      ok: false,
      step: 'login',
      error: { reason: 'locked-out', status: 403, message: LOCKED_OUT.reason },
    });
    expect(logins()).toBe(1);
  });

  it('costs at most one login attempt per press, whatever the server answers', async () => {
    const answers: Route[] = [
      { body: DB_INFO },
      { status: 401, body: WRONG_PASSWORD },
      { status: 403, body: LOCKED_OUT },
      { status: 403, body: { error: 'forbidden', reason: 'You are not allowed to access this db.' } },
      { status: 404, body: { error: 'not_found', reason: 'Database does not exist.' } },
      { status: 500, body: { error: 'unknown_error', reason: 'function_clause' } },
      { status: 502, statusText: 'Bad Gateway', body: '<html>502</html>' },
      new TypeError('Failed to fetch'),
    ];
    for (const answer of answers) {
      for (const root of [{ body: COUCHDB_WELCOME }, { status: 401, body: WRONG_PASSWORD }]) {
        const { fetch, logins } = server({
          '/': root,
          '/meja-aduan-unit-kbm': (authorized) =>
            authorized ? answer : { status: 401, body: WRONG_PASSWORD },
        });
        await testConnection(CONFIG, fetch);
        expect(logins(), JSON.stringify(answer)).toBe(1);
      }
    }
    // No answer at the address, or not a CouchDB there: the password is not sent at all.
    for (const root of [new TypeError('Failed to fetch'), { body: '<html>portal</html>' }]) {
      const { fetch, logins } = server({ '/': root, '/meja-aduan-unit-kbm': { body: DB_INFO } });
      expect(await testConnection(CONFIG, fetch)).toMatchObject({ ok: false, step: 'server' });
      expect(logins()).toBe(0);
    }
  });

  it('tells no access to the database (CouchDB 403, pouchdb-server 401) from a missing database', async () => {
    const couch403 = server({
      ...HEALTHY,
      '/meja-aduan-unit-kbm': {
        status: 403,
        body: { error: 'forbidden', reason: 'You are not allowed to access this db.' },
      },
    });
    expect(await testConnection(CONFIG, couch403.fetch)).toEqual({
      ok: false,
      step: 'database',
      error: { reason: 'forbidden', status: 403, message: 'You are not allowed to access this db.' },
    });
    const pouch401 = server({
      ...HEALTHY,
      '/meja-aduan-unit-kbm': {
        status: 401,
        body: { error: 'unauthorized', reason: 'You are not authorized to access this db.' },
      },
    });
    expect(await testConnection(CONFIG, pouch401.fetch)).toMatchObject({
      step: 'database',
      error: { reason: 'forbidden', status: 401 },
    });
    const missing = server({
      ...HEALTHY,
      '/meja-aduan-unit-kbm': {
        status: 404,
        body: { error: 'not_found', reason: 'Database does not exist.' },
      },
    });
    expect(await testConnection(CONFIG, missing.fetch)).toEqual({
      ok: false,
      step: 'database',
      error: { reason: 'not-found', status: 404, message: 'Database does not exist.' },
    });
  });

  it('tells an address that is not a CouchDB', async () => {
    const page = server({ '/': { body: '<html><body>Selamat datang</body></html>' } });
    expect(await testConnection(CONFIG, page.fetch)).toMatchObject({
      ok: false,
      step: 'server',
      error: { reason: 'server' },
    });
    const otherJson = server({ ...HEALTHY, '/': { body: { hello: 'world' } } });
    expect(await testConnection(CONFIG, otherJson.fetch)).toMatchObject({
      step: 'server',
      error: { reason: 'server' },
    });
    const gateway = server({
      '/': { status: 502, statusText: 'Bad Gateway', body: '<html>502 Bad Gateway</html>' },
    });
    expect(await testConnection(CONFIG, gateway.fetch)).toEqual({
      ok: false,
      step: 'server',
      error: { reason: 'server', status: 502, message: '<html>502 Bad Gateway</html>' },
    });
  });

  it('tells no answer, TLS trouble and a timeout', async () => {
    const down = server({ '/': new TypeError('Failed to fetch') });
    expect(await testConnection(CONFIG, down.fetch)).toEqual({
      ok: false,
      step: 'server',
      error: { reason: 'unreachable', message: 'Failed to fetch' },
    });
    const tls = server({
      '/': new TypeError('fetch failed', {
        cause: Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }),
      }),
    });
    expect(await testConnection(CONFIG, tls.fetch)).toMatchObject({
      step: 'server',
      error: { reason: 'tls' },
    });
    const slow = server({
      '/': new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
    });
    expect(await testConnection(CONFIG, slow.fetch)).toMatchObject({
      step: 'server',
      error: { reason: 'unreachable' },
    });
  });

  it('gives up after the timeout it is given', async () => {
    const hanging = (_input: string | Request, init?: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => {
          // As fetch does: the signal's reason (AbortSignal.timeout's TimeoutError, an Error).
          const reason: unknown = init.signal?.reason;
          reject(reason instanceof Error ? reason : new Error('aborted', { cause: reason }));
        }),
      );
    expect(await testConnection(CONFIG, hanging, 20)).toMatchObject({
      ok: false,
      step: 'server',
      error: { reason: 'unreachable' },
    });
  });
});
