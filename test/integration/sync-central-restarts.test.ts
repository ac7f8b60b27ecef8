/**
 * Sync survives a central that is killed (SIGKILL) and restarted mid-replication
 * (docs/decisions/009-sync-state-machine.md), 22 times in a loop with random timing, while two
 * devices keep logging complaints. Everything converges: both devices and the central hold the same
 * documents, none lost, none duplicated, none in conflict; and each device's status stream shows an
 * error and, after it, the recovery. The timing is random from a seed printed on failure (set
 * SYNC_CHAOS_SEED to replay it).
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { docKind } from '../../shared/ids/document-ids';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import {
  UNIT,
  deviceSyncConfig,
  centralDatabase,
  createDevice,
  documentsOf,
  expectIdentical,
  logComplaint,
  waitUntilConverged,
  type Db,
  type Device,
} from './sync-support';
import { stopStarted } from '../support/stop-started';

const RESTARTS = 21;
// Apache CouchDB takes about 2 s to boot (pouchdb-server well under 1 s): 21 restarts need more
// than the integration project's 60 s per test.
vi.setConfig({ testTimeout: 240_000 });
const SEED = Number(process.env.SYNC_CHAOS_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a small seeded PRNG, so that a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let central: CentralServer;
let centralDb: Db;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer({ persistent: true });
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

it(`converges after the central is killed and restarted ${RESTARTS} times mid-replication (seed ${SEED})`, async () => {
  const random = seeded(SEED);
  // Back-off capped low, so that the devices are back at work between most kills.
  const machine = { backoff: { baseMs: 50, capMs: 250 } };
  const a = createDevice('A23', { machine });
  const b = createDevice('B45', { machine });
  devices.push(a, b);
  // Enough on each side that the first exchange is still under way when the central dies.
  for (let i = 0; i < 80; i += 1) await logComplaint(a, i % 3 === 0 ? 'anonymous' : 'named');
  for (let i = 0; i < 40; i += 1) await logComplaint(b, 'confidential');
  await Promise.all([
    a.service.start(await deviceSyncConfig(central, a.code)),
    b.service.start(await deviceSyncConfig(central, b.code)),
  ]);

  // The officers keep working while the central comes and goes.
  const officers = new AbortController();
  const desk = (async () => {
    while (!officers.signal.aborted) {
      await logComplaint(random() < 0.5 ? a : b, random() < 0.3 ? 'anonymous' : 'named');
      await sleep(20 + random() * 80);
    }
  })();

  // What each device was doing at each kill: documents moving, or about to.
  const atKill: string[] = [];
  for (let restart = 0; restart < RESTARTS; restart += 1) {
    await sleep(20 + random() * 280);
    atKill.push(...[a, b].map((device) => device.service.status().state));
    await central.kill();
    await sleep(random() * 150);
    await central.restart();
  }
  officers.abort();
  await desk;
  // Mid-replication: most kills find a device moving documents or connecting, not waiting.
  expect(atKill.filter((state) => state === 'syncing').length, atKill.join(' ')).toBeGreaterThanOrEqual(5);

  const union = new Set([...(await documentsOf(a.db)).keys(), ...(await documentsOf(b.db)).keys()]);
  await waitUntilConverged([a, b], centralDb, union, 30_000);
  await expectIdentical([a.db, b.db, centralDb], union);
  const complaints = [...(await documentsOf(centralDb)).values()].filter(
    (doc) => docKind(doc._id) === 'complaint',
  );
  expect(complaints.length).toBe(a.counters.sequence + b.counters.sequence);
  expect(new Set(complaints.map((doc) => doc.trackingNumber)).size).toBe(complaints.length);

  for (const device of [a, b]) {
    const states = device.statuses.map((status) => status.state);
    const firstError = states.indexOf('error');
    expect(firstError, `${device.code} never reported an error: ${states.join(' ')}`).toBeGreaterThanOrEqual(
      0,
    );
    expect(states.slice(firstError)).toContain('up-to-date');
    const reasons = new Set(
      device.statuses.flatMap((status) => (status.state === 'error' ? [status.error.reason] : [])),
    );
    // Only reasons the machine retries by itself: a restart must never look like a wrong password.
    for (const reason of reasons) expect(['unreachable', 'server', 'unknown', 'not-found']).toContain(reason);
    expect(device.service.status()).toMatchObject({ state: 'up-to-date', pendingLocalChanges: 0 });
  }
});
