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
 *
 * `adapter` says which PouchDB adapter the database is opened with: pouchdb-browser's `idb` (the
 * app's, the default) or `indexeddb` (pouchdb-adapter-indexeddb, the same major version; bulkDocs,
 * replicate and pipelined only). Both are opened by the app's factory, with its options and strict
 * commits (both adapters open the IndexedDB database named PouchDB's prefix + the name, the one
 * ../../renderer/core/data/strict-durability is told). With `reads`, the database just written is
 * then read back as the app's start reads it, each read timed alone: `allDocs` over the complaints'
 * ids with their documents and the changes feed from 0 with the documents, both in pages of the
 * followers' batch (renderer/core/data/change-follower), then every complaint's files once.
 */
import PouchDB from 'pouchdb-browser';
import IndexeddbAdapter from 'pouchdb-adapter-indexeddb';
import { COMPLAINT_ID_PREFIX } from '../../shared/ids/document-ids';
import { databaseUrl, type SyncConfig } from '../../shared/sync/sync-config';
import { DEFAULT_BATCH_SIZE } from '../../shared/sync/sync-machine';
import { FOLLOW_BATCH } from '../../renderer/core/data/change-follower';
import { openUnitDatabase } from '../../renderer/core/data/database';
import { createBrowserSyncService } from '../../renderer/core/sync/browser-sync';
import {
  initialDownload,
  type InitialDownloadResult,
  type RemoteRequest,
} from '../../renderer/core/sync/initial-download';
import { benchUnitCode } from './bench-unit-code';
import { pageLog } from './page-log';

// Registered after `idb`, so a database opened without `adapter` still gets `idb` (PouchDB takes
// the first of its preferred adapters); the bench names the adapter anyway.
PouchDB.plugin(IndexeddbAdapter);

export type FirstSyncVariant =
  'protocol' | 'rawIdb' | 'rawIdbStrict' | 'bulkDocs' | 'replicate' | 'twoWay' | 'pipelined' | 'appSync';

/** The PouchDB adapter a variant writes into (`idb`: the app's). */
export type FirstSyncAdapter = 'idb' | 'indexeddb';

export type FirstSyncPageOptions = Readonly<{
  variant: FirstSyncVariant;
  /** bulkDocs, replicate, pipelined: the adapter of the database written (unset: `idb`). */
  adapter?: FirstSyncAdapter;
  /** After the write, read the database back as the app's start does (`FirstSyncReads`). */
  reads?: boolean;
  config: SyncConfig;
  expectedDocs: number;
  /** Documents per batch (replicate: PouchDB's batch_size, unset: its default of 100). */
  batchSize?: number;
  /** replicate: PouchDB's batches_limit (unset: its default of 10). */
  batchesLimit?: number;
  timeoutMs: number;
  /**
   * appSync: stop once every open complaint is here (stage `open` done), the time being stage
   * `open`'s; the documents are not counted (`BENCH_FIRST_SYNC_UNTIL=open`).
   */
  untilOpen?: boolean;
}>;

/** Milliseconds of the reads after a write (`reads`), and what they read. */
export type FirstSyncReads = Readonly<{
  /** `allDocs` over the complaints' ids, `include_docs`, pages of FOLLOW_BATCH. */
  allDocsComplaintsMs: number;
  complaints: number;
  /** `changes` from 0, `include_docs`, pages of FOLLOW_BATCH, until a page comes back empty. */
  changesFromZeroMs: number;
  changes: number;
  /** `getAttachment` of every file of the complaints read (as a Blob). */
  attachmentsMs: number;
  attachments: number;
  attachmentBytes: number;
}>;

export type FirstSyncPageResult = Readonly<{
  ms: number;
  docs: number;
  reads?: FirstSyncReads;
  /**
   * A new document written and then changed through the reopened database after the download:
   * 'ok', or the error (PouchDB #8599: after replicating more than 1,000 documents, the
   * `indexeddb` adapter refused every later write with a ConstraintError on its `seq` index).
   */
  writeAfter?: string;
  /** appSync: when each stage of the first download was done, and the heap's peak meanwhile. */
  stages?: FirstSyncStageTimes;
  /** pipelined: where each stage's time went, and when stage `open` was done. */
  download?: FirstSyncDownloadTimings;
}>;

/** The staged download's own account of its time (renderer/core/sync/initial-download). */
export type FirstSyncDownloadTimings = Readonly<{
  openDoneMs: number | null;
  stages: InitialDownloadResult['timings'];
}>;

/**
 * Milliseconds from the sync's start until stage `unit` was done (the status shows a later stage:
 * the unit's documents are here, the desk can take an intake) and until stage `open` was done
 * (every open complaint here); null when the status never showed it. The JS heap's peak
 * (`performance.memory`, Chromium, precise with `--enable-precise-memory-info`) sampled at every
 * status, every poll and every 100 ms, and the heap just before the download after a full garbage
 * collection (`gc()`, exposed by the bench's `--js-flags=--expose-gc`): the page itself holds the
 * protocol pass's copy of every document for the raw baselines, so the download's own heap is the
 * peak less that start.
 */
export type FirstSyncStageTimes = Readonly<{
  unitDoneMs: number | null;
  openDoneMs: number | null;
  heapPeakBytes: number | null;
  /** The heap after a full collection just before the sync started; null without `gc()`. */
  heapAtStartBytes: number | null;
}>;

/** How often the app's download logs its pace (a line on the bench's stderr). */
const PACE_LOG_MS = 60_000;

/** How often the heap is sampled during the app's download, besides every status and poll. */
const HEAP_SAMPLE_MS = 100;

/** Chromium's `performance.memory.usedJSHeapSize`, or null elsewhere. */
function usedHeap(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}

export type FirstSyncPageApi = Readonly<{
  run: (options: FirstSyncPageOptions) => Promise<FirstSyncPageResult>;
  /**
   * Lets go of the protocol pass's documents once no variant left writes them, so that the
   * variants after run without them in the heap (760,000 at design scale: ~700 MB).
   */
  release: () => number;
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

/**
 * The database's update sequence, as a number: while a download runs, how many revisions it has
 * written (one each here: a fresh database, no conflicts). Not `doc_count`: pouchdb-browser 9.0.0's
 * `idb` adapter leaves a document first written with files out of the count it keeps while open
 * (PouchDB #9094; the app's build edits that, docs/decisions/021-pouchdb-open-edit.md, the bench's
 * bundle does not) and counts again only at the next open.
 */
async function revisionsWritten(db: PouchDB.Database): Promise<number> {
  const seq = (await db.info()).update_seq;
  return typeof seq === 'number' ? seq : Number.parseInt(seq, 10);
}

function timedOut(options: FirstSyncPageOptions, start: number): boolean {
  return performance.now() - start > options.timeoutMs;
}

async function protocol(options: FirstSyncPageOptions): Promise<FirstSyncPageResult> {
  const remote = remoteOf(options.config);
  const docs: object[] = [];
  // What a database would answer: `revsDiff` names the revisions not kept yet, `allDocs` the last
  // revision kept of each document (its winner, as the documents come without conflicts first).
  const kept = new Set<string>();
  const last = new Map<string, string>();
  const memory = {
    bulkDocs: (batch: object[]) => {
      docs.push(...batch);
      for (const doc of batch as { _id: string; _rev: string }[]) {
        kept.add(`${doc._id} ${doc._rev}`);
        last.set(doc._id, doc._rev);
      }
      return Promise.resolve([]);
    },
    allDocs: ({ keys }: { keys: string[] }) =>
      Promise.resolve({
        rows: keys.map((key) => {
          const rev = last.get(key);
          return rev === undefined ? { key } : { key, value: { rev } };
        }),
      }),
    revsDiff: (diff: Record<string, string[]>) =>
      Promise.resolve(
        Object.fromEntries(
          Object.entries(diff).map(([id, revs]) => [
            id,
            { missing: revs.filter((rev) => !kept.has(`${id} ${rev}`)) },
          ]),
        ),
      ),
  };
  try {
    const start = performance.now();
    await initialDownload({
      request: requestOf(remote),
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      target: memory,
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
  // A copy, made before the clock starts: PouchDB turns an inline attachment's base64 into a Blob
  // in the document it is given, and every run must start from the JSON the protocol fetched.
  const docs = structuredClone(fetched) as PouchDB.Core.PutDocument<object>[];
  const start = performance.now();
  for (let at = 0; at < docs.length; at += batch) {
    await local.bulkDocs(docs.slice(at, at + batch), { new_edits: false });
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
      if (seen.pullPaused && (await revisionsWritten(local)) >= options.expectedDocs)
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

/** The timings of the last staged download, pipelined alone or the app's sync service's (read by `run`). */
let lastDownload: FirstSyncDownloadTimings | undefined;

function takeLastDownload(): FirstSyncDownloadTimings | undefined {
  const download = lastDownload;
  lastDownload = undefined;
  return download;
}

async function pipelined(local: PouchDB.Database, options: FirstSyncPageOptions): Promise<number> {
  const remote = remoteOf(options.config);
  try {
    const start = performance.now();
    let openDoneMs: number | null = null;
    const result = await initialDownload({
      request: requestOf(remote),
      target: local,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      onBatch: (batch) => {
        if (openDoneMs === null && batch.stage.stage === 'history') openDoneMs = performance.now() - start;
      },
    });
    lastDownload = { openDoneMs, stages: result.timings };
    return performance.now() - start;
  } finally {
    await remote.close();
  }
}

/** The stage times of the last appSync run (read by `run`). */
let lastStages: FirstSyncStageTimes | undefined;

function takeLastStages(): FirstSyncStageTimes | undefined {
  const stages = lastStages;
  lastStages = undefined;
  return stages;
}

async function appSync(local: PouchDB.Database, options: FirstSyncPageOptions): Promise<number> {
  const service = createBrowserSyncService(local);
  const errors: string[] = [];
  let start = performance.now();
  let unitDoneMs: number | null = null;
  let openDoneMs: number | null = null;
  let heapPeakBytes: number | null = null;
  const sampleHeap = (): void => {
    const heap = usedHeap();
    if (heap !== null) heapPeakBytes = Math.max(heapPeakBytes ?? 0, heap);
  };
  const collect = (globalThis as typeof globalThis & { gc?: () => void }).gc;
  collect?.();
  const heapAtStartBytes = collect ? usedHeap() : null;
  const sampler = setInterval(sampleHeap, HEAP_SAMPLE_MS);
  let lastPaceLog = 0;
  service.subscribe((status) => {
    if (status.state === 'error') errors.push(`${status.error.reason}: ${status.error.message ?? ''}`);
    sampleHeap();
    const stage = status.state === 'syncing' ? status.progress?.stage?.stage : undefined;
    const at = performance.now() - start;
    const heapMb = (): string =>
      heapPeakBytes === null ? '–' : String(Math.round(heapPeakBytes / 1024 / 1024));
    if (unitDoneMs === null && (stage === 'open' || stage === 'history')) {
      unitDoneMs = at;
      pageLog(`appSync: desk ready after ${Math.round(at)} ms (heap peak so far ${heapMb()} MB)`);
    }
    if (openDoneMs === null && stage === 'history') {
      openDoneMs = at;
      pageLog(
        `appSync: every open complaint here after ${Math.round(at)} ms (heap peak so far ${heapMb()} MB)`,
      );
      const open = service.downloadTimings().open;
      if (open) {
        pageLog(
          `appSync: stage open ${Math.round(open.stageMs)} ms, ${open.docs} documents: writing ` +
            `${Math.round(open.writeMs)} ms, waiting for pages ${Math.round(open.fetchWaitMs)} ms, ` +
            `checkpoints ${Math.round(open.checkpointMs)} ms; listing ${Math.round(open.fetch.list)}, ` +
            `events and reporters listed ${Math.round(open.fetch.related)}, _bulk_get ${Math.round(open.fetch.bulkGet)} ms`,
        );
      }
    }
    // The pace, once a minute: a long run's progress shows before it ends.
    if (status.state === 'syncing' && status.progress && at - lastPaceLog >= PACE_LOG_MS) {
      lastPaceLog = at;
      pageLog(
        `appSync: ${Math.round(at / 1000)} s, stage ${stage ?? '–'}, ${status.progress.docsDone} documents, ` +
          `heap peak so far ${heapMb()} MB`,
      );
    }
  });
  try {
    start = performance.now();
    await service.start(options.config);
    for (;;) {
      sampleHeap();
      lastStages = { unitDoneMs, openDoneMs, heapPeakBytes, heapAtStartBytes };
      const status = service.status();
      // Set by the status callback above (TypeScript cannot see it change in this loop).
      const openAt = openDoneMs as number | null;
      if (options.untilOpen === true && openAt !== null) {
        lastDownload = { openDoneMs: openAt, stages: service.downloadTimings() };
        return openAt;
      }
      if (
        status.state === 'up-to-date' &&
        status.pendingLocalChanges === 0 &&
        (await revisionsWritten(local)) >= options.expectedDocs
      ) {
        if (errors.length > 0) pageLog(`appSync went through errors: ${errors.join('; ')}`);
        lastDownload = { openDoneMs, stages: service.downloadTimings() };
        return performance.now() - start;
      }
      if (timedOut(options, start)) {
        throw new Error(`appSync not up to date after ${options.timeoutMs} ms: ${JSON.stringify(status)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    clearInterval(sampler);
    await service.dispose();
  }
}

type StoredFile = Readonly<{ content_type?: string; length?: number }>;
type ComplaintRow = Readonly<{ id: string; doc?: Readonly<{ _attachments?: Record<string, StoredFile> }> }>;

const COMPLAINTS_END = `${COMPLAINT_ID_PREFIX}\ufff0`;

/** The app start's reads of a database just written (`FirstSyncReads`), each timed alone. */
async function readBack(local: PouchDB.Database): Promise<FirstSyncReads> {
  const files: { id: string; name: string }[] = [];
  let complaints = 0;
  let start = performance.now();
  let startkey = COMPLAINT_ID_PREFIX;
  let skip = 0;
  for (;;) {
    const page = await local.allDocs({
      startkey,
      skip,
      endkey: COMPLAINTS_END,
      include_docs: true,
      limit: FOLLOW_BATCH,
    });
    const rows = page.rows as readonly ComplaintRow[];
    complaints += rows.length;
    for (const row of rows) {
      for (const name of Object.keys(row.doc?._attachments ?? {})) files.push({ id: row.id, name });
    }
    const last = rows.at(-1);
    if (!last || rows.length < FOLLOW_BATCH) break;
    startkey = last.id;
    skip = 1;
  }
  const allDocsComplaintsMs = performance.now() - start;

  let changes = 0;
  let since: number | string = 0;
  start = performance.now();
  for (;;) {
    const batch: PouchDB.Core.ChangesResponse<object> = await local.changes({
      since,
      limit: FOLLOW_BATCH,
      include_docs: true,
    });
    if (batch.results.length === 0) break;
    changes += batch.results.length;
    since = batch.last_seq;
  }
  const changesFromZeroMs = performance.now() - start;

  let attachmentBytes = 0;
  start = performance.now();
  for (const file of files) {
    const data = (await local.getAttachment(file.id, file.name)) as Blob;
    attachmentBytes += data.size;
  }
  const attachmentsMs = performance.now() - start;
  return {
    allDocsComplaintsMs,
    complaints,
    changesFromZeroMs,
    changes,
    attachmentsMs,
    attachments: files.length,
    attachmentBytes,
  };
}

/** `FirstSyncPageResult.writeAfter`: a put and an update of a new document. */
async function writeAfter(local: PouchDB.Database): Promise<string> {
  try {
    const first = await local.put({ _id: 'bench:write-after-download', n: 1 });
    await local.put({ _id: first.id, _rev: first.rev, n: 2 });
    return 'ok';
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
  }
}

async function intoAppDatabase(options: FirstSyncPageOptions): Promise<FirstSyncPageResult> {
  const adapter = options.adapter ?? 'idb';
  if (adapter !== 'idb' && (options.variant === 'twoWay' || options.variant === 'appSync')) {
    throw new Error(`${options.variant} runs on the app's adapter only`);
  }
  // The app's factory (its options, strict commits), with the adapter named.
  const code = benchUnitCode('BS');
  let local = openUnitDatabase(code, { adapter });
  try {
    const opened = (local as unknown as { adapter?: string }).adapter;
    if (opened !== adapter) throw new Error(`opened with ${String(opened)}, not ${adapter}`);
    const run = {
      bulkDocs,
      replicate,
      twoWay,
      pipelined,
      appSync,
    }[options.variant as 'bulkDocs' | 'replicate' | 'twoWay' | 'pipelined' | 'appSync'];
    takeLastStages();
    takeLastDownload();
    const ms = await run(local, options);
    const stages = options.variant === 'appSync' ? takeLastStages() : undefined;
    const download = takeLastDownload();
    // Counted and read through a new connection, as the app's next start opens it (and the `idb`
    // adapter counts again at open: `revisionsWritten`).
    await local.close();
    local = openUnitDatabase(code, { adapter });
    const docs = await docCount(local);
    if (docs !== options.expectedDocs && options.untilOpen !== true) {
      throw new Error(`${options.variant}: ${docs} of ${options.expectedDocs} documents arrived`);
    }
    const reads = options.reads ? await readBack(local) : undefined;
    return {
      ms,
      docs,
      ...(reads ? { reads } : {}),
      ...(stages ? { stages } : {}),
      ...(download ? { download } : {}),
      writeAfter: await writeAfter(local),
    };
  } finally {
    await local.destroy();
  }
}

const api: FirstSyncPageApi = {
  release: () => {
    const released = fetched.length;
    fetched = [];
    return released;
  },
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
