/**
 * One run of the sync: the two live replications between the unit's local database and its
 * database on the central (push: local → remote, pull: remote → local), with `retry: false`
 * because the state machine decides about retries. It is what `PouchDB.sync(live)` does (two
 * `replicate` calls); made here directly so that each direction's events (and the push's
 * checkpoints) are typed and reported on their own, and both stop as soon as one fails.
 *
 * Documents the server refused earlier are offered once more before the live replications start
 * (a replication of just those ids, without checkpoint): the live push's checkpoint has passed
 * them, so it would never send them again.
 *
 * On a device's first download the pull is replaced, until it has everything, by the pipelined
 * download (./initial-download), reported as pull changes (the push runs meanwhile, from stage
 * `history`: see `#start`); the pull then
 * starts from the sequence it noted (`pullSince`: PouchDB writes that as the pull's checkpoint and
 * goes on from it). On a device with a budget the pull has a filter (./budget-pull-filter), asked
 * for just before the pull starts: the unit-settings document is on the device by then.
 */
import type { SyncDirection } from '../../../shared/sync/sync-machine';
import {
  initialDownload,
  type DownloadedBatch,
  type DownloadStageProgress,
  type InitialDownloadTarget,
  type InitialDownloadCheckpoint,
  type InitialDownloadOptions,
  type RemoteRequest,
} from './initial-download';
import type { BudgetOnDevice } from './budget-on-device';
import type { PullFilter } from './budget-pull-filter';
import type { Revision } from './download-protocol';
import type { PouchDatabase, PouchFactory, PouchReplication } from './pouch-types';

/** What a replication's 'change' event says: documents written so far in this run, and which now. */
export type ReplicationChange = Readonly<{
  docsWritten: number;
  docs: readonly Readonly<{ id: string; rev: string }>[];
  /** The first download's stage and its progress (a pull change of the download), else null. */
  stage: DownloadStageProgress | null;
}>;

export type RunEvents = Readonly<{
  active(direction: SyncDirection): void;
  paused(direction: SyncDirection): void;
  change(direction: SyncDirection, change: ReplicationChange): void;
  /** One document the other side refused (PouchDB's per-document error object). */
  denied(direction: SyncDirection, error: unknown): void;
  /** The push stored its checkpoint: every local change up to `seq` has been handled. */
  pushCheckpoint(seq: number | string): void;
  /** The pull stored its checkpoint at `seq`; `filtered`: it is the device budget's pull. */
  pullCheckpoint(seq: number | string, filtered: boolean): void;
  /** The run stopped on an error (reported once; the other direction is cancelled). */
  failed(error: unknown): void;
  /** A replication ended although nobody cancelled it. */
  completed(): void;
}>;

/** The first download the run does before its live replications (./initial-download). */
export type RunDownload = Readonly<{
  /** The remote database's requests with its credentials (pouchdb-adapter-http's `fetch`). */
  request: RemoteRequest;
  /** Documents per page, `_bulk_get` and write. */
  batchSize: number;
  /** The checkpoint an interrupted download stored, or null to start from the beginning. */
  resumeFrom: InitialDownloadCheckpoint | null;
  /**
   * Hears each batch's checkpoint once the batch is written (to store it); the next batch is
   * written only once it resolves.
   */
  onBatch: (batch: DownloadedBatch) => Promise<void>;
  /** The download ended: the pull starts from `since`. */
  onDone: (result: InitialDownloadCheckpoint) => Promise<void>;
  /**
   * The revisions about to be written (before the write: a count of unsent changes made right
   * after it must already know them as the central's); what it returns is called once the write
   * is done or failed.
   */
  beforeWrite: (docs: readonly Revision[]) => () => void;
  /** The device budget, read once stage `unit` is written (./initial-download); absent: everything. */
  budget?: () => Promise<BudgetOnDevice | null>;
  /** Hears where each stage's time went, as it ends (./initial-download `onStageEnd`). */
  onStageEnd?: InitialDownloadOptions['onStageEnd'];
}>;

export type RunOptions = Readonly<{
  batchSize: number;
  /** Refused documents to offer again before the live replications start. */
  retryIds: readonly string[];
  /** A first download to do before the live replications, or null. */
  download?: RunDownload | null;
  /**
   * Where the pull starts when it has no checkpoint of its own yet (the sequence a finished first
   * download noted); undefined: from its checkpoint, as always.
   */
  pullSince?: number | string;
  /**
   * How the pull starts, asked for just before it does: its filter (the device budget's; null:
   * none) and, when it has no start of its own (`pullSince`, a first download), where to begin.
   */
  pullStart?: () => Promise<PullStart>;
}>;

export type PullStart = Readonly<{ filter: PullFilter | null; since?: number | string }>;

function readChange(value: unknown): ReplicationChange {
  const info = (typeof value === 'object' && value !== null ? value : {}) as {
    docs_written?: unknown;
    docs?: unknown;
  };
  const docs = Array.isArray(info.docs) ? (info.docs as unknown[]) : [];
  return {
    stage: null,
    docsWritten: typeof info.docs_written === 'number' ? info.docs_written : 0,
    docs: docs.flatMap((doc) => {
      const { _id: id, _rev: rev } = (doc ?? {}) as { _id?: unknown; _rev?: unknown };
      return typeof id === 'string' && typeof rev === 'string' ? [{ id, rev }] : [];
    }),
  };
}

function revisionOf(doc: object): Revision {
  const { _id: id, _rev: rev } = doc as { _id?: unknown; _rev?: unknown };
  return { id: typeof id === 'string' ? id : '', rev: typeof rev === 'string' ? rev : '' };
}

function checkpointSeq(value: unknown): number | string | null {
  const seq = (value as { checkpoint?: unknown } | null)?.checkpoint;
  return typeof seq === 'number' || typeof seq === 'string' ? seq : null;
}

export class ReplicationRun<Db extends PouchDatabase> {
  readonly #replications: PouchReplication[] = [];
  #cancelled = false;
  #ended = false;
  #started: Promise<void> = Promise.resolve();
  /** Aborts the first download's requests on cancel. */
  readonly #abort = new AbortController();
  /** Documents the first download wrote in this run: the pull's counts go on from there. */
  #downloaded = 0;

  constructor(
    private readonly PouchDB: PouchFactory<Db>,
    private readonly local: Db,
    private readonly remote: Db,
    private readonly options: RunOptions,
    private readonly events: RunEvents,
  ) {}

  /** Starts the run; failures are reported through `events.failed`, never thrown. */
  start(): void {
    this.#started = this.#start().catch((error: unknown) => this.#fail(error));
  }

  /** Stops both directions (idempotent). Events after this are not reported. */
  cancel(): void {
    this.#cancelled = true;
    this.#abort.abort();
    for (const replication of this.#replications) replication.cancel();
  }

  /** Resolves when every replication of the run has ended (after `cancel` or a failure). */
  async settled(): Promise<void> {
    await this.#started;
    await Promise.allSettled(this.#replications.map((replication) => Promise.resolve(replication)));
  }

  get #live(): boolean {
    return !this.#cancelled && !this.#ended;
  }

  async #start(): Promise<void> {
    const { batchSize, retryIds, download } = this.options;
    if (retryIds.length > 0) {
      const retry = this.PouchDB.replicate(this.local, this.remote, {
        doc_ids: [...retryIds],
        checkpoint: false,
        batch_size: batchSize,
      });
      this.#replications.push(retry);
      retry.on('change', (value) => this.#report(() => this.events.change('push', readChange(value))));
      retry.on('denied', (error) => this.#report(() => this.events.denied('push', error)));
      await retry;
    }
    if (!this.#live) return;
    const options = { live: true, retry: false, batch_size: batchSize };
    let pushing = false;
    const startPush = (): void => {
      if (pushing || !this.#live) return;
      pushing = true;
      this.#watch(this.PouchDB.replicate(this.local, this.remote, options), 'push');
    };
    // The push sends this device's own writes; the pull waits for the first download. During a
    // first download the push starts once the open complaints are here (stage `history`): in
    // stage `open` it would read every page back and store a checkpoint per page beside the
    // download's writes (a third of that stage's time in the benchmark), while an intake taken
    // meanwhile waits at most that stage on the device, stored, counted as unsent.
    if (!download) startPush();
    let pullSince = this.options.pullSince;
    if (download) {
      const done = await this.#download(download, startPush);
      // Cancelled while the download's end was being stored: no pull may start on a dead run.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the await above can change it
      if (done === null || !this.#live) return;
      startPush();
      pullSince = done.since;
    }
    const start: PullStart = (await this.options.pullStart?.()) ?? { filter: null };
    // Cancelled while the budget was read.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the await above can change it
    if (!this.#live) return;
    const { filter } = start;
    pullSince ??= start.since;
    this.#watch(
      this.PouchDB.replicate(this.remote, this.local, {
        ...options,
        ...(pullSince === undefined ? {} : { since: pullSince }),
        ...(filter === null ? {} : { filter }),
      }),
      'pull',
      filter !== null,
    );
  }

  /**
   * The first download, reported as the pull's changes; its result, or null when the run was
   * cancelled meanwhile (a failure is thrown, and reported by `start`).
   */
  async #download(download: RunDownload, startPush: () => void): Promise<InitialDownloadCheckpoint | null> {
    const local = this.local as unknown as InitialDownloadTarget;
    this.#report(() => this.events.active('pull'));
    let docsWritten = 0;
    try {
      const result = await initialDownload({
        request: download.request,
        target: {
          bulkDocs: async (docs, writeOptions) => {
            const written = download.beforeWrite(docs.map(revisionOf));
            try {
              return await local.bulkDocs(docs, writeOptions);
            } finally {
              written();
            }
          },
          revsDiff: (diff) => local.revsDiff(diff),
          allDocs: (keys) => local.allDocs(keys),
        },
        batchSize: download.batchSize,
        resumeFrom: download.resumeFrom,
        ...(download.budget ? { budget: download.budget } : {}),
        ...(download.onStageEnd ? { onStageEnd: download.onStageEnd } : {}),
        signal: this.#abort.signal,
        onBatch: async (batch) => {
          if (!this.#live) return;
          if (batch.stage.stage === 'history') startPush();
          await download.onBatch(batch);
          docsWritten += batch.docs.length;
          this.#downloaded = docsWritten;
          this.#report(() =>
            this.events.change('pull', { docsWritten, docs: batch.docs, stage: batch.stage }),
          );
        },
      });
      if (!this.#live) return null;
      await download.onDone(result);
      return result;
    } catch (error) {
      if (!this.#live) return null;
      throw error;
    }
  }

  #watch(replication: PouchReplication, direction: SyncDirection, filtered = false): void {
    this.#replications.push(replication);
    replication.on('active', () => this.#report(() => this.events.active(direction)));
    replication.on('paused', () => this.#report(() => this.events.paused(direction)));
    replication.on('change', (value) => {
      const change = readChange(value);
      const offset = direction === 'pull' ? this.#downloaded : 0;
      this.#report(() =>
        this.events.change(direction, { ...change, docsWritten: change.docsWritten + offset }),
      );
    });
    replication.on('denied', (error) => this.#report(() => this.events.denied(direction, error)));
    replication.on('checkpoint', (value) => {
      const seq = checkpointSeq(value);
      if (seq === null) return;
      if (direction === 'push') this.#report(() => this.events.pushCheckpoint(seq));
      else this.#report(() => this.events.pullCheckpoint(seq, filtered));
    });
    replication.on('error', (error) => this.#fail(error));
    replication.on('complete', () => {
      if (!this.#live) return;
      this.#ended = true;
      this.cancel();
      this.events.completed();
    });
  }

  /** Reports an event unless the run was cancelled or has ended. */
  #report(event: () => void): void {
    if (this.#live) event();
  }

  #fail(error: unknown): void {
    if (!this.#live) return;
    this.#ended = true;
    for (const replication of this.#replications) replication.cancel();
    this.events.failed(error);
  }
}
