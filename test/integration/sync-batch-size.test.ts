/**
 * Issue 4: "halve on HTTP 413". A proxy in front of the central with a small request body limit
 * (nginx's `client_max_body_size`) answers large requests with its HTML 413 page. The sync halves
 * its batch size and retries at once until the requests fit, and converges without showing an
 * error; when even one document is too large, it reports 'too-large' and keeps retrying later.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unitSyncConfig, type SyncConfig } from '../../shared/sync/sync-config';
import type { FetchFunction } from '../../renderer/sync/sync-dependencies';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import {
  UNIT,
  UNIT_PASSWORD,
  centralDatabase,
  createDevice,
  documentsOf,
  expectIdentical,
  logComplaint,
  waitFor,
  waitUntilConverged,
  type Db,
  type Device,
} from './sync-support';

const NGINX_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

let central: CentralServer;
let centralDb: Db;
let config: SyncConfig;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT, UNIT_PASSWORD);
  centralDb = centralDatabase(central);
  config = unitSyncConfig(central.url, UNIT, UNIT_PASSWORD);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await central?.stop();
});

/** Node's fetch behind a proxy that refuses request bodies over `limit` bytes, as nginx does. */
function proxiedFetch(limit: number, seen: { refused: number; limits: Set<number> }): FetchFunction {
  return async (url, init) => {
    const size = typeof init?.body === 'string' ? new TextEncoder().encode(init.body).length : 0;
    const limitParam = /[?&]limit=(\d+)/.exec(String(url))?.[1];
    if (limitParam) seen.limits.add(Number(limitParam));
    if (size > limit) {
      seen.refused += 1;
      return new Response(NGINX_413, {
        status: 413,
        statusText: 'Request Entity Too Large',
        headers: { 'content-type': 'text/html' },
      });
    }
    return fetch(url, init);
  };
}

it('halves the batch size on 413 until the requests fit, and converges without an error', async () => {
  const seen = { refused: 0, limits: new Set<number>() };
  const device = createDevice('K23', { fetch: proxiedFetch(16_000, seen) });
  devices.push(device);
  for (let i = 0; i < 60; i += 1) await logComplaint(device, 'named');
  await device.service.start(config);
  const ids = new Set((await documentsOf(device.db)).keys());
  await waitUntilConverged([device], centralDb, ids, 20_000);
  await expectIdentical([device.db, centralDb], ids);
  expect(seen.refused).toBeGreaterThan(0);
  // 500 → 250 → 125 → 62 → 31 → 15 (or lower): the changes feed is read in batches of the halved size.
  expect(Math.min(...seen.limits)).toBeLessThanOrEqual(31);
  expect(device.statuses.map((status) => status.state)).not.toContain('error');
});

it('reports too-large when a single document does not fit, and keeps the data', async () => {
  const seen = { refused: 0, limits: new Set<number>() };
  const device = createDevice('M23', { fetch: proxiedFetch(400, seen) });
  devices.push(device);
  await logComplaint(device, 'named');
  const before = await documentsOf(device.db);
  await device.service.start(config);
  await waitFor(
    () => device.service.status().state === 'error',
    10_000,
    () => JSON.stringify(device.service.status()),
  );
  expect(device.service.status()).toMatchObject({
    state: 'error',
    error: {
      reason: 'too-large',
      status: 413,
      message: expect.stringContaining('413 Request Entity Too Large'),
    },
    nextRetryAt: expect.any(String),
  });
  expect(seen.limits.has(1)).toBe(true);
  expect(await documentsOf(device.db)).toEqual(before);
});
