/**
 * The pipelined first download on the central (renderer/core/sync/initial-download; Apache CouchDB
 * 3.5 where found): a download stopped midway (the app closed, the network gone) resumes from its
 * last checkpoint, fetching at most the batch in flight twice, and ends with the central's
 * documents, revisions and count; PouchDB's replication from the sequence it noted then finds
 * nothing left to fetch, and brings what the central received afterwards.
 */
import PouchDB from 'pouchdb-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseUrl, type SyncConfig } from '../../shared/sync/sync-config';
import {
  initialDownload,
  type DownloadedBatch,
  type InitialDownloadCheckpoint,
  type RemoteRequest,
  UNIT_DOCUMENT_IDS,
} from '../../renderer/core/sync/initial-download';
import type { FetchFunction } from '../../renderer/core/sync/sync-dependencies';
import { setupCentralUnit, startCentralServer, type CentralServer } from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import {
  UNIT,
  centralDatabase,
  createDevice,
  deviceSyncConfig,
  documentsOf,
  expectIdentical,
  logComplaint,
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
const devices: Device[] = [];

/** Requests to the unit's database on the central as the device of `config` (like PouchDB's http adapter). */
function remoteRequest(config: SyncConfig, fetchFn: FetchFunction): RemoteRequest {
  const authorization = `Basic ${btoa(`${config.username}:${config.password}`)}`;
  return (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', authorization);
    return fetchFn(`${databaseUrl(config)}/${path}`, { ...init, headers });
  };
}

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  centralDb = centralDatabase(central);
  first = createDevice('N23');
  devices.push(first);
  for (let i = 0; i < COMPLAINTS; i += 1) await logComplaint(first, i % 3 === 0 ? 'anonymous' : 'named');
  await first.service.start(await deviceSyncConfig(central, first.code));
  const ids = new Set((await documentsOf(first.db)).keys());
  await waitUntilConverged([first], centralDb, ids, 30_000);
  await first.service.stop();
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
});

it('resumes an interrupted download from its checkpoint, ends equal to the central, then replicates from the noted sequence', async () => {
  const config = await deviceSyncConfig(central, 'Q23');
  const counting = bulkGetCountingFetch();
  const request = remoteRequest(config, counting.fetch);
  const local = new PouchDB<object>(`device-Q23-${crypto.randomUUID()}`, { adapter: 'memory' });
  const remote = new PouchDB<object>(databaseUrl(config), {
    adapter: 'http',
    auth: { username: config.username, password: config.password },
    skip_setup: true,
    fetch: (url, init) => counting.fetch(url, init),
  });
  try {
    let stored: InitialDownloadCheckpoint | null = null;
    const controller = new AbortController();
    let batches = 0;
    let largest = 0;
    const onBatch = ({ checkpoint, docs }: DownloadedBatch): void => {
      stored = checkpoint;
      largest = Math.max(largest, docs.length);
      if (docs.length > 0) batches += 1;
      // The app closes after the third batch of documents is stored.
      if (batches === 3) controller.abort(new Error('closed'));
    };
    await expect(
      initialDownload({ request, target: local, batchSize: BATCH, signal: controller.signal, onBatch }),
    ).rejects.toThrow();
    expect(stored).not.toBeNull();
    expect((stored as InitialDownloadCheckpoint | null)?.docsWritten).toBeGreaterThan(BATCH);

    const result = await initialDownload({
      request,
      target: local,
      batchSize: BATCH,
      resumeFrom: stored,
      onBatch,
    });
    expect(result.missing).toBe(0);
    // Every document of the central (and its two design documents: the validator's, the stages
    // views) is here, each in its revision.
    const onCentral = new Set((await documentsOf(centralDb)).keys());
    expect(result.docsWritten).toBe(onCentral.size + 2);
    await expectIdentical([local, centralDb], onCentral);
    expect((await local.info()).doc_count).toBe((await centralDb.info()).doc_count);
    // At most the batch in flight when it stopped was fetched twice (and the unit's own documents
    // were asked for first: this unit has none).
    expect(counting.fetched()).toBeLessThanOrEqual(result.docsWritten + largest + UNIT_DOCUMENT_IDS.length);

    // The replication from the noted sequence fetches nothing again…
    const fetchedBefore = counting.fetched();
    expect((await PouchDB.replicate(remote, local, { since: result.since })).docs_written).toBe(0);
    expect(counting.fetched()).toBe(fetchedBefore);
    // …and brings what the central received after the download, alone.
    await first.service.start(await deviceSyncConfig(central, first.code));
    await logComplaint(first, 'named');
    const all = new Set((await documentsOf(first.db)).keys());
    await waitUntilConverged([first], centralDb, all, 30_000);
    const later = await PouchDB.replicate(remote, local);
    expect(later.docs_written).toBe(all.size - onCentral.size);
    expect(counting.fetched()).toBe(fetchedBefore + all.size - onCentral.size);
    await expectIdentical([local, centralDb], all);
  } finally {
    await remote.close();
    await local.destroy();
  }
});
