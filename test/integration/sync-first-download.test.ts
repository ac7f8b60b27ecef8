/**
 * Syncing, with progress during the first sync in documents and percent
 * (docs/decisions/009-sync-state-machine.md). A new
 * device downloads a unit's records and its status shows how far it is; once caught up, later
 * syncs show no progress, also after a restart (the sync journal remembers).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/sync/sync-status';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import {
  UNIT,
  deviceSyncConfig,
  centralDatabase,
  createDevice,
  documentsOf,
  logComplaint,
  waitUntilConverged,
  type Db,
  type Device,
} from './sync-support';
import { stopStarted } from '../support/stop-started';

let central: CentralServer;
let centralDb: Db;
const devices: Device[] = [];

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

it('shows the first download’s progress, and only the first', async () => {
  const first = createDevice('N23');
  devices.push(first);
  for (let i = 0; i < 150; i += 1) await logComplaint(first, i % 2 === 0 ? 'named' : 'anonymous');
  await first.service.start(await deviceSyncConfig(central, first.code));
  const ids = new Set((await documentsOf(first.db)).keys());
  await waitUntilConverged([first], centralDb, ids, 20_000);

  const fresh = createDevice('P23');
  devices.push(fresh);
  const freshConfig = await deviceSyncConfig(central, fresh.code);
  await fresh.service.start(freshConfig);
  await waitUntilConverged([first, fresh], centralDb, ids, 20_000);

  const progress = fresh.statuses.flatMap((status) =>
    status.state === 'syncing' && status.progress ? [status.progress] : [],
  );
  expect(progress.length).toBeGreaterThan(1);
  const last = progress.at(-1) as SyncProgress;
  // The central's documents: the records and its two design documents.
  expect(last.docsTotal).toBe(ids.size + 2);
  expect(progress.every((step) => step.percent === null || (step.percent >= 0 && step.percent < 100))).toBe(
    true,
  );
  const done = progress.map((step) => step.docsDone);
  expect(done).toEqual([...done].sort((x, y) => x - y));
  expect(last.docsDone).toBeGreaterThan(ids.size / 2);

  // Later syncs, and a restart, show no progress.
  await fresh.service.stop();
  const mark = fresh.statuses.length;
  await logComplaint(first);
  await fresh.service.start(freshConfig);
  await waitUntilConverged([first, fresh], centralDb, new Set((await documentsOf(first.db)).keys()), 10_000);
  const later = fresh.statuses.slice(mark);
  expect(later.some((status) => status.state === 'syncing' && status.progress !== null)).toBe(false);
  expect(later.at(-1)).toMatchObject({ state: 'up-to-date', pendingLocalChanges: 0 });
});
