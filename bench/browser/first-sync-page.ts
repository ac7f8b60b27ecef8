/**
 * The Chromium page of the first-sync measurement (../first-sync.ts; bundled and served by
 * ../chromium-page): downloads the unit's database from the central on loopback in several ways,
 * each into a fresh database, and returns the milliseconds. The Node side calls
 * `globalThis.mejaAduanFirstSyncBench.run(options)`.
 *
 * Variants (`FirstSyncVariant`):
 *   - protocol: the replication protocol alone (changes pages and `_bulk_get`, pipelined), into
 *     memory: nothing is written. Its documents are kept for the two raw baselines below.
 *   - rawIdb / rawIdbStrict: the same documents' JSON put straight into an IndexedDB object store,
 *     one transaction per batch, with the browser's default (relaxed) or strict durability.
 *   - bulkDocs: the same documents written with PouchDB's `bulkDocs({ new_edits: false })` into a
 *     database opened by the app's factory (the `idb` adapter, strict commits), a batch at a time.
 *   - replicate: one-shot `PouchDB.replicate(remote, local)` with PouchDB's defaults, or with
 *     `batchSize` (and `batchesLimit`) set: the tuned replication.
 *   - twoWay: what the app's sync did before the pipelined download: live push and pull at the
 *     app's batch size, until every document is here and the pull has caught up.
 *   - pipelined: renderer/core/sync/initial-download into the app's database.
 *   - appSync: the app's sync service as the renderer builds it (renderer/core/sync/browser-sync),
 *     until it is up to date with every document here.
 */
import PouchDB from 'pouchdb-browser';
import { databaseUrl, type SyncConfig } from '../../shared/sync/sync-config';
import { DEFAULT_BATCH_SIZE } from '../../shared/sync/sync-machine';
import { openUnitDatabase } from '../../renderer/core/data/database';
import { createBrowserSyncService } from '../../renderer/core/sync/browser-sync';
import { initialDownload, type RemoteRequest } from '../../renderer/core/sync/initial-download';
import { benchUnitCode } from './bench-unit-code';
import { pageLog } from './page-log';

export type FirstSyncVariant =
  'protocol' | 'rawIdb' | 'rawIdbStrict' | 'bulkDocs' | 'replicate' | 'twoWay' | 'pipelined' | 'appSync';

export type FirstSyncPageOptions = Readonly<{
  variant: FirstSyncVariant;
  config: SyncConfig;
  expectedDocs: number;
  /** Documents per batch (replicate: PouchDB's batch_size, unset: its default of 100). */
  batchSize?: number;
  /** replicate: PouchDB's batches_limit (unset: its default of 10). */
  batchesLimit?: number;
  timeoutMs: number;
}>;

export type FirstSyncPageResult = Readonly<{ ms: number; docs: number }>;

export type FirstSyncPageApi = Readonly<{
  run: (options: FirstSyncPageOptions) => Promise<FirstSyncPageResult>;
}>;

const POLL_MS = 5;

/** The documents the protocol variant fetched last (the raw baselines write these). */
let fetched: object[] = [];

function remoteOf(config: SyncConfig): PouchDB.Database {
  return new PouchDB(databaseUrl(config), {
    auth: { username: config.username, password: config.password },
    skip_setup: true,
  });
}

function requestOf(remote: PouchDB.Database): RemoteRequest {
  const http = remote as unknown as { fetch: RemoteRequest };
  return (path, init) => http.fetch(path, init);
}

async function docCount(db: PouchDB.Database): Promise<number> {
  return (await db.info()).doc_count;
}

function timedOut(options: FirstSyncPageOptions, start: number): boolean {
  return performance.now() - start > options.timeoutMs;
}

async function protocol(options: FirstSyncPageOptions): Promise<FirstSyncPageResult> {
  const remote = remoteOf(options.config);
  const docs: object[] = [];
  try {
    const start = performance.now();
    await initialDownload({
      request: requestOf(remote),
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      target: {
        bulkDocs: (batch) => {
          docs.push(...batch);
          return Promise.resolve([]);
        },
      },
    });
    const ms = performance.now() - start;
    fetched = docs;
    return { ms, docs: docs.length };
  } finally {
    await remote.close();
  }
}

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('docs', { keyPath: '_id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${name} did not open`));
  });
}

function deleteRaw(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

async function rawIdb(
  options: FirstSyncPageOptions,
  durability: IDBTransactionDurability,
): Promise<FirstSyncPageResult> {
  if (fetched.length === 0) throw new Error('rawIdb runs after the protocol variant (its documents)');
  const name = `bench-raw-${crypto.randomUUID()}`;
  const db = await openRaw(name);
  const batch = options.batchSize ?? DEFAULT_BATCH_SIZE;
  try {
    const start = performance.now();
    for (let at = 0; at < fetched.length; at += batch) {
      const slice = fetched.slice(at, at + batch);
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('docs', 'readwrite', { durability });
        const store = transaction.objectStore('docs');
        for (const doc of slice) store.put(doc);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('raw put failed'));
      });
    }
    return { ms: performance.now() - start, docs: fetched.length };
  } finally {
    db.close();
    await deleteRaw(name);
  }
}

async function bulkDocs(local: PouchDB.Database, options: FirstSyncPageOptions): Promise<number> {
  if (fetched.length === 0) throw new Error('bulkDocs runs after the protocol variant (its documents)');
  const batch = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const start = performance.now();
  for (let at = 0; at < fetched.length; at += batch) {
    await local.bulkDocs(fetched.slice(at, at + batch) as PouchDB.Core.PutDocument<object>[], {
      new_edits: false,
    });
  }
  return performance.now() - start;
}

async function replicate(local: PouchDB.Database, options: FirstSyncPageOptions): Promise<number> {
  const remote = remoteOf(options.config);
  try {
    const start = performance.now();
    await PouchDB.replicate(remote, local, {
      ...(options.batchSize === undefined ? {} : { batch_size: options.batchSize }),
      ...(options.batchesLimit === undefined ? {} : { batches_limit: options.batchesLimit }),
    });
    return performance.now() - start;
  } finally {
    await remote.close();
  }
}

async function twoWay(local: PouchDB.Database, options: FirstSyncPageOptions): Promise<number> {
  const remote = remoteOf(options.config);
  const live = { live: true, retry: false, batch_size: options.batchSize ?? DEFAULT_BATCH_SIZE };
  const start = performance.now();
  const push = PouchDB.replicate(local, remote, live);
  const pull = PouchDB.replicate(remote, local, live);
  const seen: { pullPaused: boolean; failure: unknown } = { pullPaused: false, failure: null };
  void pull.on('paused', () => {
    seen.pullPaused = true;
  });
  void pull.on('active', () => {
    seen.pullPaused = false;
  });
  for (const replication of [push, pull]) {
    void replication.on('error', (error) => {
      seen.failure = error;
    });
  }
  try {
    for (;;) {
      const { failure } = seen;
      if (failure !== null) throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
      if (seen.pullPaused && (await docCount(local)) === options.expectedDocs)
        return performance.now() - start;
      if (timedOut(options, start)) throw new Error(`twoWay not done after ${options.timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    push.cancel();
    pull.cancel();
    await Promise.allSettled([push, pull]);
    await remote.close();
  }
}

async function pipelined(local: PouchDB.Database, options: FirstSyncPageOptions): Promise<number> {
  const remote = remoteOf(options.config);
  try {
    const start = performance.now();
    await initialDownload({
      request: requestOf(remote),
      target: local,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    });
    return performance.now() - start;
  } finally {
    await remote.close();
  }
}

async function appSync(local: PouchDB.Database, options: FirstSyncPageOptions): Promise<number> {
  const service = createBrowserSyncService(local);
  const errors: string[] = [];
  service.subscribe((status) => {
    if (status.state === 'error') errors.push(`${status.error.reason}: ${status.error.message ?? ''}`);
  });
  try {
    const start = performance.now();
    await service.start(options.config);
    for (;;) {
      const status = service.status();
      if (
        status.state === 'up-to-date' &&
        status.pendingLocalChanges === 0 &&
        (await docCount(local)) === options.expectedDocs
      ) {
        if (errors.length > 0) pageLog(`appSync went through errors: ${errors.join('; ')}`);
        return performance.now() - start;
      }
      if (timedOut(options, start)) {
        throw new Error(`appSync not up to date after ${options.timeoutMs} ms: ${JSON.stringify(status)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await service.dispose();
  }
}

async function intoAppDatabase(options: FirstSyncPageOptions): Promise<FirstSyncPageResult> {
  const local = openUnitDatabase(benchUnitCode('BS'));
  try {
    const run = {
      bulkDocs,
      replicate,
      twoWay,
      pipelined,
      appSync,
    }[options.variant as 'bulkDocs' | 'replicate' | 'twoWay' | 'pipelined' | 'appSync'];
    const ms = await run(local, options);
    const docs = await docCount(local);
    if (docs !== options.expectedDocs) {
      throw new Error(`${options.variant}: ${docs} of ${options.expectedDocs} documents arrived`);
    }
    return { ms, docs };
  } finally {
    await local.destroy();
  }
}

const api: FirstSyncPageApi = {
  run: (options) => {
    switch (options.variant) {
      case 'protocol':
        return protocol(options);
      case 'rawIdb':
        return rawIdb(options, 'relaxed');
      case 'rawIdbStrict':
        return rawIdb(options, 'strict');
      default:
        return intoAppDatabase(options);
    }
  },
};

(globalThis as typeof globalThis & { mejaAduanFirstSyncBench?: FirstSyncPageApi }).mejaAduanFirstSyncBench =
  api;
