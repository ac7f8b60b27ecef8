/**
 * "Test connection" against the real central (Apache CouchDB, or pouchdb-server as a fallback):
 * a wrong unit code is told apart from a wrong password. With the credentials, CouchDB answers a
 * unit that does not exist like a wrong password (401 "Name or password is incorrect.": its user
 * does not exist either), so after a refused login the test asks for the unit's database without
 * them: a missing unit is 'not-found'. Each test sends a password at most
 * once (every failed login counts toward CouchDB's lockout of the device's account).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../renderer/core/sync/test-connection';
import type { FetchFunction } from '../../renderer/core/sync/sync-dependencies';
import { unitSyncConfig } from '../../shared/sync/sync-config';
import {
  centralDeviceCredentials,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';

const UNIT_CODE = 'KTB';
const DEVICE = 'K23';
let PASSWORD: string;

let central: CentralServer;

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT_CODE);
  PASSWORD = (await centralDeviceCredentials(central, UNIT_CODE, DEVICE)).password;
});
afterAll(async () => {
  await central.stop();
});

/** fetch, counting the requests that carry credentials (login attempts). */
function countingFetch(): { fetch: FetchFunction; logins: () => number } {
  let logins = 0;
  const fetch: FetchFunction = (input, init) => {
    if (new Headers(init?.headers).has('authorization')) logins += 1;
    return globalThis.fetch(input, init);
  };
  return { fetch, logins: () => logins };
}

describe('test connection against the central', () => {
  it('tells a unit the server does not have (wrong unit code) from a wrong password, after one attempt', async () => {
    const { fetch, logins } = countingFetch();
    const result = await testConnection(unitSyncConfig(central.url, 'XYZ', DEVICE, PASSWORD), fetch);
    expect(result).toMatchObject({
      ok: false,
      step: 'database',
      error: { reason: 'not-found', status: 404 },
    });
    expect(logins()).toBe(1);
  });

  it('tells a wrong password of an existing unit at the login step, after one attempt', async () => {
    const { fetch, logins } = countingFetch();
    const result = await testConnection(
      unitSyncConfig(central.url, UNIT_CODE, DEVICE, 'bukan-sandinya'),
      fetch,
    );
    expect(result).toMatchObject({
      ok: false,
      step: 'login',
      error: { reason: 'unauthorized', status: 401 },
    });
    expect(logins()).toBe(1);
  });

  it('passes with the unit code and password the central set up, after one login', async () => {
    const { fetch, logins } = countingFetch();
    const result = await testConnection(unitSyncConfig(central.url, UNIT_CODE, DEVICE, PASSWORD), fetch);
    expect(result).toMatchObject({ ok: true, database: { name: 'meja-aduan-unit-ktb' } });
    expect(logins()).toBe(1);
  });
});
