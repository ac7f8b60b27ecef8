/** "Test connection" against a scripted server: each failure told apart at its step, with realistic bodies. */
import { describe, expect, it } from 'vitest';
import type { SyncConfig } from '../../shared/sync/sync-config';
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
const SESSION_OK = { ok: true, userCtx: { name: 'unit-kbm', roles: ['unit-kbm'] } };
const DB_INFO = { db_name: 'meja-aduan-unit-kbm', doc_count: 1234, update_seq: '1300-g1AAAA' };

type Route = Readonly<{ status?: number; body: unknown; statusText?: string }> | Error;
type Routes = Readonly<Record<string, Route | ((authorized: boolean) => Route)>>;

/** A fetch answering by path; records the requests with whether they carried the credentials. */
function server(routes: Routes) {
  const requests: { path: string; authorization: string | null }[] = [];
  const fetch = async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const path = url.pathname.replace(/^\/couch/, '');
    const authorization = new Headers(init?.headers).get('authorization');
    requests.push({ path, authorization });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    const entry = routes[path];
    const route = typeof entry === 'function' ? entry(authorization === BASIC) : entry;
    if (!route) return new Response('{"error":"not_found","reason":"missing"}', { status: 404 });
    if (route instanceof Error) throw route;
    const body = typeof route.body === 'string' ? route.body : JSON.stringify(route.body);
    return new Response(body, { status: route.status ?? 200, statusText: route.statusText ?? '' });
  };
  return { fetch, requests };
}

const HEALTHY: Routes = {
  '/': { body: COUCHDB_WELCOME },
  '/_session': (authorized) =>
    authorized
      ? { body: SESSION_OK }
      : { status: 401, body: { error: 'unauthorized', reason: 'Name or password is incorrect.' } },
  '/meja-aduan-unit-kbm': { body: DB_INFO },
};

describe('testConnection', () => {
  it('reports the server, its version and the unit database when all is well', async () => {
    const { fetch, requests } = server(HEALTHY);
    expect(await testConnection(CONFIG, fetch)).toEqual({
      ok: true,
      server: { vendor: 'The Apache Software Foundation', version: '3.4.2' },
      database: { name: 'meja-aduan-unit-kbm', docCount: 1234 },
    });
    // `/` without the credentials; the login and the database with them (UTF-8, base64).
    expect(requests).toEqual([
      { path: '/', authorization: null },
      { path: '/_session', authorization: BASIC },
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

  it('asks `/` again after the login when the server wants a login for everything (require_valid_user)', async () => {
    const { fetch, requests } = server({
      ...HEALTHY,
      '/': (authorized) =>
        authorized
          ? { body: COUCHDB_WELCOME }
          : { status: 401, body: { error: 'unauthorized', reason: 'Authentication required.' } },
    });
    expect(await testConnection(CONFIG, fetch)).toMatchObject({ ok: true, server: { version: '3.4.2' } });
    expect(requests.map((request) => request.path)).toEqual(['/', '/_session', '/', '/meja-aduan-unit-kbm']);
  });

  it('tells a wrong password at the login step', async () => {
    const { fetch } = server(HEALTHY);
    expect(await testConnection({ ...CONFIG, password: 'salah' }, fetch)).toEqual({
      ok: false,
      step: 'login',
      error: { reason: 'unauthorized', status: 401, message: 'Name or password is incorrect.' },
    });
  });

  it('refuses a login the server did not make (credentials ignored)', async () => {
    const { fetch } = server({
      ...HEALTHY,
      '/_session': { body: { ok: true, userCtx: { name: null, roles: [] } } },
    });
    expect(await testConnection(CONFIG, fetch)).toMatchObject({
      ok: false,
      step: 'login',
      error: { reason: 'unauthorized' },
    });
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
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    expect(await testConnection(CONFIG, hanging, 20)).toMatchObject({
      ok: false,
      step: 'server',
      error: { reason: 'unreachable' },
    });
  });
});
