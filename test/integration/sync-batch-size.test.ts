/**
 * Sync halves its batch on HTTP 413 (docs/decisions/009-sync-state-machine.md). A proxy in front of
 * the central with a small request body limit (nginx's `client_max_body_size`) answers large
 * requests with its HTML 413 page. The sync halves its batch size and retries at once until the
 * requests fit, and converges without showing an error; when even one document is too large, it
 * reports 'too-large' and keeps retrying later. The same halving against CouchDB's own limit
 * (`[chttpd] max_http_request_size`, set low on a central of its own): CouchDB's JSON 413, not a
 * proxy's page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_BATCH_SIZE, MIN_BATCH_SIZE } from '../../shared/sync/sync-machine';
import type { FetchFunction } from '../../renderer/core/sync/sync-dependencies';
import {
  centralServerKind,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import {
  UNIT,
  deviceSyncConfig,
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
import { stopStarted } from '../support/stop-started';

const NGINX_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

let central: CentralServer;
let centralDb: Db;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
});

const limited: CentralServer[] = [];

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central, ...limited);
});

/** Node's fetch behind a proxy that refuses request bodies over `limit` bytes, as nginx does. */
function proxiedFetch(limit: number, seen: { refused: number; limits: Set<number> }): FetchFunction {
  return async (url, init) => {
    const size = typeof init?.body === 'string' ? new TextEncoder().encode(init.body).length : 0;
    const limitParam = /[?&]limit=(\d+)/.exec(typeof url === 'string' ? url : url.url)?.[1];
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
  await device.service.start(await deviceSyncConfig(central, device.code));
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
  await device.service.start(await deviceSyncConfig(central, device.code));
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
      message: expect.stringContaining('413 Request Entity Too Large') as unknown,
    },
    nextRetryAt: expect.any(String) as unknown,
  });
  // Halved down to one document before saying so: a run per size (500, 250, … 3, 1), each ended by a
  // refusal. (Which request a run sends first, and so whether `limit=1` shows in a URL, depends on
  // timing: the push and the first download run side by side.)
  let runs = 1;
  for (
    let size = DEFAULT_BATCH_SIZE;
    size > MIN_BATCH_SIZE;
    size = Math.max(MIN_BATCH_SIZE, Math.floor(size / 2))
  )
    runs += 1;
  expect(runs).toBe(9);
  expect(seen.refused).toBeGreaterThanOrEqual(runs);
  // Kept: every document of its own, unchanged (the first test's documents may arrive meanwhile).
  const after = await documentsOf(device.db);
  for (const [id, doc] of before) expect(after.get(id)).toEqual(doc);
});

/** Node's fetch, counting the server's own 413 answers and the batch sizes asked for. */
function countingFetch(seen: { refused: string[]; limits: Set<number> }): FetchFunction {
  return async (url, init) => {
    const limitParam = /[?&]limit=(\d+)/.exec(typeof url === 'string' ? url : url.url)?.[1];
    if (limitParam) seen.limits.add(Number(limitParam));
    const response = await fetch(url, init);
    if (response.status === 413) seen.refused.push(await response.clone().text());
    return response;
  };
}

// pouchdb-server has no request size limit to set.
it.skipIf(centralServerKind().kind !== 'couchdb')(
  'halves the batch size on CouchDB’s own 413 (max_http_request_size) and converges',
  async () => {
    // Above the unit's design document (~50 KB, written by setup), below a default batch.
    const server = await startCentralServer({ maxHttpRequestSize: 128 * 1024 });
    limited.push(server);
    await setupCentralUnit(server, UNIT);
    const seen = { refused: [] as string[], limits: new Set<number>() };
    const device = createDevice('P23', { fetch: countingFetch(seen) });
    devices.push(device);
    for (let i = 0; i < 150; i += 1) await logComplaint(device, 'named');
    const ids = new Set((await documentsOf(device.db)).keys());
    await device.service.start(await deviceSyncConfig(server, device.code));
    const serverDb = centralDatabase(server);
    await waitUntilConverged([device], serverDb, ids, 30_000);
    await expectIdentical([device.db, serverDb], ids);
    expect(seen.refused.length).toBeGreaterThan(0);
    expect(JSON.parse(seen.refused[0] ?? '{}')).toMatchObject({ error: 'too_large' });
    expect([...seen.limits]).toContain(DEFAULT_BATCH_SIZE / 2);
    expect(device.statuses.map((status) => status.state)).not.toContain('error');
  },
);
