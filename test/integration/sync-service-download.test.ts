/**
 * The sync service's first sync on a new device (renderer/core/sync/sync-service with
 * ./initial-download, on Apache CouchDB 3.5 where found): the pipelined download fetches every
 * document once while the device's own writes are pushed, the live pull then goes on from the
 * sequence the download noted and fetches only what is new; a service stopped midway (the app
 * closed) and started again on the same database resumes from the checkpoint in its journal,
 * never from the beginning.
 */
import PouchDB from 'pouchdb-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UNIT_DOCUMENT_IDS } from '../../renderer/core/sync/initial-download';
import { SyncService } from '../../renderer/core/sync/sync-service';
import { SYNC_JOURNAL_ID } from '../../renderer/core/sync/sync-journal';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import {
  UNIT,
  TEST_MACHINE,
  centralDatabase,
  createDevice,
  deviceSyncConfig,
  documentsOf,
  expectIdentical,
  logComplaint,
  waitFor,
  waitUntilConverged,
  type Db,
  type Device,
  bulkGetCountingFetch,
} from './sync-support';

const COMPLAINTS = 90;
const BATCH = 25;

let central: CentralServer;
let centralDb: Db;
let first: Device;
let ids: Set<string>;
const devices: Device[] = [];
const services: SyncService<Db>[] = [];

type Journal = Readonly<{
  initialDownload: Readonly<{ docsWritten: number }> | null;
  initialDownloadDone: boolean;
  pullSince: unknown;
  firstSyncDone: boolean;
}>;

const journalOf = (db: Db): Promise<Journal> => db.get(SYNC_JOURNAL_ID) as unknown as Promise<Journal>;

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
  first = createDevice('N23');
  devices.push(first);
  for (let i = 0; i < COMPLAINTS; i += 1) await logComplaint(first, i % 3 === 0 ? 'anonymous' : 'named');
  await first.service.start(await deviceSyncConfig(central, first.code));
  ids = new Set((await documentsOf(first.db)).keys());
  await waitUntilConverged([first], centralDb, ids, 60_000);
  await first.service.stop();
});

afterAll(async () => {
  await Promise.all([...devices.map((device) => device.service), ...services].map((s) => s.dispose()));
  await stopStarted(central);
});

it('downloads every document once while pushing its own, then pulls only what is new', async () => {
  const counting = bulkGetCountingFetch();
  const fresh = createDevice('P23', {
    fetch: counting.fetch,
    machine: { ...TEST_MACHINE, batchSize: BATCH },
  });
  devices.push(fresh);
  // The officer logged a complaint before the device first reached the central.
  const own = await logComplaint(fresh, 'named');
  const ownIds = [...(await documentsOf(fresh.db)).keys()];
  await fresh.service.start(await deviceSyncConfig(central, fresh.code));
  const both = new Set([...ids, ...ownIds]);
  await waitUntilConverged([fresh], centralDb, both, 60_000);
  await expectIdentical([fresh.db, centralDb], both);
  expect(both.has(own._id)).toBe(true);
  // The central's records and its design documents, each fetched once (the unit's own documents
  // asked for first: this unit has none; this device's own complaint, sent meanwhile, may come
  // once with the open ones); the pull fetched nothing again, not even this device's own.
  const designDocs = (await centralDb.allDocs({ startkey: '_design/', endkey: '_design0' })).rows.length;
  const fetchedAtFirst = counting.fetched();
  expect(fetchedAtFirst).toBeLessThanOrEqual(
    ids.size + designDocs + UNIT_DOCUMENT_IDS.length + ownIds.length,
  );
  expect(fetchedAtFirst).toBeGreaterThanOrEqual(ids.size + 1);
  await waitFor(
    async () => (await journalOf(fresh.db)).pullSince === null,
    20_000,
    async () => JSON.stringify(await journalOf(fresh.db)),
  );
  expect(await journalOf(fresh.db)).toMatchObject({
    initialDownloadDone: true,
    initialDownload: null,
    firstSyncDone: true,
  });
  // The first sync's progress counted the downloaded documents.
  const progress = fresh.statuses.flatMap((status) =>
    status.state === 'syncing' && status.progress ? [status.progress.docsDone] : [],
  );
  expect(Math.max(...progress)).toBeGreaterThanOrEqual(ids.size + 1);
  // Downloaded documents never counted as this device's unsent changes (only its own complaint's).
  const unsent = fresh.statuses.map((status) => status.pendingLocalChanges);
  expect(Math.max(...unsent)).toBeLessThanOrEqual(ownIds.length);
  // …stage by stage, in order, on the status.
  const stages = fresh.statuses.flatMap((status) =>
    status.state === 'syncing' && status.progress?.stage ? [status.progress.stage.stage] : [],
  );
  expect([...new Set(stages)]).toEqual(['unit', 'open', 'history']);

  // A complaint logged elsewhere afterwards comes through the live pull, alone.
  await first.service.start(await deviceSyncConfig(central, first.code));
  await logComplaint(first, 'named');
  const all = new Set([...(await documentsOf(first.db)).keys(), ...ownIds]);
  await waitUntilConverged([first, fresh], centralDb, all, 60_000);
  expect(counting.fetched() - fetchedAtFirst).toBe(all.size - both.size);
  await first.service.stop();
});

it('resumes a download stopped midway from the checkpoint in its journal', async () => {
  const counting = bulkGetCountingFetch();
  const machine = { ...TEST_MACHINE, batchSize: BATCH };
  const device = createDevice('Q23', { fetch: counting.fetch, machine });
  devices.push(device);
  const config = await deviceSyncConfig(central, device.code);
  await device.service.start(config);
  // The app closes after a few batches.
  await waitFor(
    async () => {
      const stored = await journalOf(device.db).catch(() => null);
      return (stored?.initialDownload?.docsWritten ?? 0) >= 4 * BATCH;
    },
    30_000,
    async () => JSON.stringify(await journalOf(device.db).catch(() => null)),
  );
  await device.service.dispose();
  const stopped = await journalOf(device.db);
  expect(stopped.initialDownloadDone).toBe(false);
  const writtenBefore = stopped.initialDownload?.docsWritten ?? 0;
  expect(writtenBefore).toBeGreaterThanOrEqual(4 * BATCH);
  expect(writtenBefore).toBeLessThan(ids.size);

  // The app starts again on the same database: a new service reads the journal and goes on.
  const again = new SyncService<Db>({
    PouchDB,
    localDb: device.db,
    fetch: counting.fetch,
    network: device.network,
    machine,
  });
  services.push(again);
  await again.start(config);
  // Everything the central holds (the first test's later complaint included).
  const onCentral = new Set((await documentsOf(centralDb)).keys());
  await waitFor(
    async () =>
      again.status().state === 'up-to-date' && (await documentsOf(device.db)).size === onCentral.size,
    60_000,
    () => JSON.stringify(again.status()),
  );
  await expectIdentical([device.db, centralDb], onCentral);
  // Never from the beginning: besides every document once, at most the batches in flight when it
  // stopped (the one being written and the next, fetched meanwhile) were fetched again.
  expect(counting.fetched()).toBeLessThanOrEqual(
    onCentral.size + 1 + 2 * UNIT_DOCUMENT_IDS.length + 2 * BATCH,
  );
  expect(await journalOf(device.db)).toMatchObject({ initialDownloadDone: true, initialDownload: null });
});
