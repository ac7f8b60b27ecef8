/**
 * The one sync service of the renderer (docs/decisions/009-sync-state-machine.md): live two-way replication of the
 * unit's local database with its database on the central server, driven by the pure state
 * machine (../../shared/sync/sync-machine), publishing a typed status
 * (../../shared/sync/sync-status) to plain callbacks. No UI and no store inside: the renderer's
 * zustand slice subscribes.
 *
 * The service carries out the machine's commands: it starts and cancels replication runs
 * (./replication-run; a new run starts only once the previous one has wound down), sets the one
 * retry timer, and keeps the sync journal (./sync-journal) with the push checkpoint, the last
 * sync time, the first download's progress and the refused documents. It feeds the machine the
 * network's ups and downs, the runs' events (errors classified by
 * ../../shared/sync/classify-error) and the count of unsent changes (./pending-changes).
 *
 * Everything it touches comes in through SyncServiceDependencies, so Node tests run it against
 * pouchdb-server over real HTTP, or against a memory database.
 */
import { parseRejection } from '../../../shared/couch/rejection';
import { parseComplaintId } from '../../../shared/ids/document-ids';
import { isReceivedInBudget } from '../../../shared/sync/device-budget';
import { classifySyncError } from '../../../shared/sync/classify-error';
import { syncStatusOf } from '../../../shared/sync/machine-status';
import {
  databaseUrl,
  normalizeServerUrl,
  remoteKey,
  type SyncConfig,
} from '../../../shared/sync/sync-config';
import {
  DEFAULT_MACHINE_CONFIG,
  initialSyncState,
  reduceSync,
  type SyncCommand,
  type SyncDirection,
  type SyncMachineConfig,
  type SyncMachineEvent,
  type SyncMachineState,
} from '../../../shared/sync/sync-machine';
import type { FirstSyncStage, RejectedDocument, SyncStatus } from '../../../shared/sync/sync-status';
import type { Enrolment } from '../../../shared/enrolment/enrolment-code';
import { budgetOnDevice, type BudgetOnDevice, type BudgetReader } from './budget-on-device';
import { budgetPullFilter } from './budget-pull-filter';
import { enrolDevice, type EnrolOutcome } from './enrol-device';
import { fetchComplaint } from './fetch-complaint';
import { jsonErrorFetch } from './json-error-fetch';
import { countPendingChanges, PendingCounter, PulledRevisions } from './pending-changes';
import type { PouchDatabase, PouchDatabaseInfo, PouchFactory } from './pouch-types';
import { quietInfo } from './quiet-info';
import type {
  DownloadStageProgress,
  DownloadStageTimings,
  DownloadTarget,
  RemoteRequest,
} from './initial-download';
import { OutsideBudgetFetches } from './outside-budget-fetches';
import { ReplicationRun, type ReplicationChange, type RunDownload } from './replication-run';
import { followChanges } from './shared-changes';
import {
  ALWAYS_ONLINE,
  GLOBAL_TIMERS,
  type FetchFunction,
  type NetworkSource,
  type SyncServiceDependencies,
  type SyncTimers,
} from './sync-dependencies';
import { MAX_REJECTED, SyncJournalStore } from './sync-journal';
import { testConnection, type ConnectionTestResult } from './test-connection';

export type SyncStatusListener = (status: SyncStatus) => void;

/** How long the sign-in before a run may take (a hung server then counts as unreachable). */
export const SIGN_IN_TIMEOUT_MS = 60_000;

/** pouchdb-adapter-http's `fetch(path)`: a request to the remote database with its credentials. */
type HttpRemote = Readonly<{ fetch(path: string, init?: RequestInit): Promise<Response> }>;

function isHttpRemote(db: object): db is HttpRemote {
  return typeof (db as Partial<HttpRemote>).fetch === 'function';
}

/**
 * `GET /<db>` with the remote's credentials: the database's info, or a thrown error in the shape
 * PouchDB gives HTTP errors (`status`, `error`, `reason`), for ../../shared/sync/classify-error.
 * Not PouchDB's `info()`: the http adapter returns an error answer's body as if it were the info
 * (pouchdb-adapter-http 9 `_info` does not look at the status). Remotes that are not HTTP (the
 * unit tests' memory databases) answer `info()`.
 */
async function signInRequest(
  remote: object,
  remoteInfo: () => Promise<PouchDatabaseInfo>,
): Promise<PouchDatabaseInfo> {
  if (!isHttpRemote(remote)) return remoteInfo();
  const response = await remote.fetch('', {
    headers: new Headers({ Accept: 'application/json' }),
    signal: AbortSignal.timeout(SIGN_IN_TIMEOUT_MS),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: told below.
  }
  if (!response.ok) {
    const reason = typeof body.reason === 'string' ? body.reason : response.statusText;
    const name = typeof body.error === 'string' ? body.error : `http_${response.status}`;
    throw Object.assign(new Error(reason), { ...body, status: response.status, name, error: name, reason });
  }
  if (typeof body.doc_count !== 'number') {
    throw new SyntaxError('The central server’s answer is not a CouchDB database (not valid JSON info).');
  }
  return body as unknown as PouchDatabaseInfo;
}

/** What the service is syncing with, while started. */
type SyncTarget<Db> = Readonly<{
  config: SyncConfig;
  remote: Db;
  /** The remote's own `info`, failures included (the instance's is quieted: ./quiet-info). */
  remoteInfo: () => Promise<PouchDatabaseInfo>;
  journal: SyncJournalStore;
  /** Complaints outside the device budget fetched whole when active again (null: not a server). */
  fetches: OutsideBudgetFetches | null;
}>;

type ActiveRun<Db extends PouchDatabase> = {
  readonly id: number;
  readonly run: ReplicationRun<Db>;
  /** Pull documents written in this run when last reported (its counter starts at 0 per run). */
  pulledInRun: number;
  docsTotal: number | null;
  /** The first download's stage under way, as it last said (null: not a staged download). */
  stage: DownloadStageProgress | null;
};

export class SyncService<Db extends PouchDatabase = PouchDatabase> {
  readonly #PouchDB: PouchFactory<Db>;
  readonly #localDb: Db;
  readonly #fetch: FetchFunction;
  readonly #timers: SyncTimers;
  readonly #network: NetworkSource;
  readonly #now: () => number;
  readonly #machineConfig: SyncMachineConfig;
  readonly #cancelGraceMs: number;

  #state: SyncMachineState;
  #status: SyncStatus;
  readonly #listeners = new Set<SyncStatusListener>();
  readonly #queue: SyncMachineEvent[] = [];
  #dispatching = false;

  #target: SyncTarget<Db> | null = null;
  /** Bumped by every start/stop, so that a slow start cannot overtake a later call. */
  #generation = 0;
  #run: ActiveRun<Db> | null = null;
  /** Resolves when the last run started has wound down (all runs before it too). */
  #runsSettled: Promise<void> = Promise.resolve();
  #retryTimer: unknown = null;
  #pending: PendingCounter | null = null;
  readonly #pulled = new PulledRevisions();
  /** The device budget the current run's pull filters by (null: everything). */
  #budget: BudgetOnDevice | null = null;
  /** Where the stages of this service's first download went so far (the benchmark reads it). */
  #downloadTimings: Partial<Record<FirstSyncStage, DownloadStageTimings>> = {};
  /** Stops following the local database's writes (for the count of unsent changes). */
  #localChanges: (() => void) | null = null;
  readonly #unsubscribeNetwork: () => void;
  #disposed = false;

  constructor(dependencies: SyncServiceDependencies<Db>) {
    this.#PouchDB = dependencies.PouchDB;
    this.#localDb = dependencies.localDb;
    this.#fetch = dependencies.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.#timers = dependencies.timers ?? GLOBAL_TIMERS;
    this.#network = dependencies.network ?? ALWAYS_ONLINE;
    this.#now = dependencies.now ?? Date.now;
    this.#machineConfig = { ...DEFAULT_MACHINE_CONFIG, ...dependencies.machine };
    this.#cancelGraceMs = dependencies.cancelGraceMs ?? 5_000;
    this.#state = { ...initialSyncState(this.#machineConfig), online: this.#network.isOnline() };
    this.#status = syncStatusOf(this.#state);
    this.#unsubscribeNetwork = this.#network.subscribe((online) =>
      this.#dispatch(online ? { type: 'online', at: this.#now() } : { type: 'offline' }),
    );
  }

  /** The current status. */
  status(): SyncStatus {
    return this.#status;
  }

  /** Calls `listener` with every new status (not with the current one: read `status()`). */
  subscribe(listener: SyncStatusListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Starts syncing with `config` (or restarts with a new one): reads this device's journal for
   * that database, counts unsent changes, and starts replicating if the device is online.
   * Throws a RangeError for a server address that is not an http(s) URL.
   */
  async start(config: SyncConfig): Promise<void> {
    this.#assertUsable();
    const serverUrl = normalizeServerUrl(config.serverUrl);
    if (serverUrl === null) throw new RangeError(`Not a server address: ${JSON.stringify(config.serverUrl)}`);
    const normalized: SyncConfig = { ...config, serverUrl };
    const generation = ++this.#generation;
    // The previous target's last journal writes land before this one's journal is read.
    await this.#target?.journal.flush();
    const journal = await SyncJournalStore.open(this.#localDb, remoteKey(normalized));
    if (generation !== this.#generation || this.#disposed) return;
    const remote = new this.#PouchDB(databaseUrl(normalized), {
      auth: { username: normalized.username, password: normalized.password },
      skip_setup: true,
      fetch: jsonErrorFetch(this.#fetch),
    });
    void this.#target?.fetches?.stop();
    this.#target = {
      config: normalized,
      remote,
      remoteInfo: quietInfo(remote),
      journal,
      fetches: this.#outsideBudgetFetches(remote, journal),
    };
    this.#watchLocalChanges();
    this.#dispatch({ type: 'rejections-changed', documents: journal.journal.rejected });
    this.#dispatch({
      type: 'start',
      at: this.#now(),
      online: this.#network.isOnline(),
      firstSync: !journal.journal.firstSyncDone,
      lastSyncedAt: journal.journal.lastSyncedAt,
    });
    this.#pending?.request();
  }

  /** Stops syncing; resolves once the replication has wound down and the journal is saved. */
  async stop(): Promise<void> {
    this.#generation += 1;
    this.#dispatch({ type: 'stop' });
    await this.#withGrace(this.#runsSettled);
    await this.#withGrace(this.#target?.fetches?.stop() ?? Promise.resolve());
    await this.#target?.journal.flush();
  }

  /** "Sync now": retries at once after a failure, or restarts the live replication. */
  syncNow(): void {
    this.#assertUsable();
    this.#dispatch({ type: 'sync-now', at: this.#now() });
  }

  /**
   * Enrols this device with its enrolment code (./enrol-device): replaces the code's one-time
   * password with `devicePassword` on the server, with this service's fetch. Starts nothing.
   */
  enrol(enrolment: Enrolment, devicePassword: string, now: Date): Promise<EnrolOutcome> {
    return enrolDevice(enrolment, devicePassword, this.#fetch, now);
  }

  /**
   * Creates `doc` (its first revision) straight on the central, not through replication: for a
   * document only one device of the unit may create (the unit key's first version,
   * ../keys/first-unit-key). `created` with the central's revision; `exists` when the central holds
   * one already (409); `unreachable` when this service is not started or the central cannot be
   * asked or refuses.
   */
  async createOnCentral(
    doc: Readonly<{ _id: string }>,
  ): Promise<Readonly<{ status: 'created'; rev: string }> | Readonly<{ status: 'exists' | 'unreachable' }>> {
    const target = this.#target;
    if (!target || this.#disposed) return { status: 'unreachable' };
    const remote = target.remote as unknown as { put(doc: object): Promise<{ rev: string }> };
    try {
      return { status: 'created', rev: (await remote.put(doc)).rev };
    } catch (error) {
      return (error as { status?: unknown } | null)?.status === 409
        ? { status: 'exists' }
        : { status: 'unreachable' };
    }
  }

  /**
   * Where each stage of this service's first download went, for the stages ended so far (the
   * benchmark's account of the app's download); empty when there was none.
   */
  downloadTimings(): Partial<Record<FirstSyncStage, DownloadStageTimings>> {
    return { ...this.#downloadTimings };
  }

  /**
   * Requests to the unit's database on the central with this device's credentials (paths relative
   * to the database, as pouchdb-adapter-http's `fetch`), for reading what is not on this device
   * yet; null when the service is not started or its remote is not a server. The caller asks only
   * when the network is up; a failed request rejects or answers with the server's status.
   */
  centralRequest(): RemoteRequest | null {
    const remote = this.#target?.remote;
    if (!remote || this.#disposed || !isHttpRemote(remote)) return null;
    return (path, init) => remote.fetch(path, init);
  }

  /**
   * Checks a configuration (see ./test-connection: one login attempt). It changes nothing, except
   * that a sync stopped by a refused login or a lockout starts again when the configuration it
   * uses now passes: the person pressed "test connection" with the saved password, and it works.
   */
  async testConnection(config: SyncConfig): Promise<ConnectionTestResult> {
    const serverUrl = normalizeServerUrl(config.serverUrl);
    if (serverUrl === null) {
      return {
        ok: false,
        step: 'server',
        error: { reason: 'unreachable', message: 'Not an http(s) address.' },
      };
    }
    const tested: SyncConfig = { ...config, serverUrl };
    const result = await testConnection(tested, this.#fetch);
    const current = this.#target?.config;
    const same =
      current !== undefined &&
      (['serverUrl', 'databaseName', 'username', 'password'] as const).every(
        (key) => current[key] === tested[key],
      );
    if (result.ok && same && !this.#disposed && this.#state.awaitingPerson !== null) {
      this.#dispatch({ type: 'sync-now', at: this.#now() });
    }
    return result;
  }

  /** Stops, and lets go of the network events and the local changes feed. The service is unusable after. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    await this.stop();
    this.#disposed = true;
    this.#unsubscribeNetwork();
    this.#localChanges?.();
    this.#localChanges = null;
    this.#pending?.dispose();
    this.#listeners.clear();
  }

  #assertUsable(): void {
    if (this.#disposed) throw new Error('The sync service was disposed.');
  }

  // ---- the machine -----------------------------------------------------------------------

  #dispatch(event: SyncMachineEvent): void {
    if (this.#disposed) return;
    this.#queue.push(event);
    if (this.#dispatching) return;
    this.#dispatching = true;
    try {
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
        const { state, commands } = reduceSync(this.#state, next, this.#machineConfig);
        this.#state = state;
        for (const command of commands) this.#carryOut(command);
      }
    } finally {
      this.#dispatching = false;
    }
    this.#publish();
  }

  #publish(): void {
    const status = syncStatusOf(this.#state);
    if (JSON.stringify(status) === JSON.stringify(this.#status)) return;
    this.#status = status;
    for (const listener of this.#listeners) {
      try {
        listener(status);
      } catch (error) {
        console.error('Meja Aduan: a sync status listener failed', error);
      }
    }
  }

  #carryOut(command: SyncCommand): void {
    switch (command.type) {
      case 'start-replication':
        this.#startRun(command.runId, command.batchSize, command.firstSync);
        return;
      case 'cancel-replication':
        if (this.#run?.id === command.runId) {
          this.#run.run.cancel();
          this.#run = null;
        }
        return;
      case 'schedule-retry':
        this.#clearRetry();
        this.#retryTimer = this.#timers.setTimeout(() => {
          this.#retryTimer = null;
          this.#dispatch({ type: 'retry-timer-fired', at: this.#now() });
        }, command.delayMs);
        return;
      case 'cancel-retry':
        this.#clearRetry();
        return;
      case 'record-synced': {
        const journal = this.#target?.journal;
        if (!journal) return;
        journal.update({
          lastSyncedAt: command.at,
          ...(command.firstSyncDone ? { firstSyncDone: true } : {}),
        });
        void journal.flush();
        this.#pending?.request(true);
        return;
      }
      default: {
        const never: never = command;
        throw new TypeError(`Unknown sync command ${JSON.stringify(never)}`);
      }
    }
  }

  #clearRetry(): void {
    if (this.#retryTimer !== null) this.#timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  // ---- runs ------------------------------------------------------------------------------

  #startRun(runId: number, batchSize: number, firstSync: boolean): void {
    const target = this.#target;
    if (!target) return;
    const previous = this.#runsSettled;
    const { journal } = target;
    const run = new ReplicationRun(
      this.#PouchDB,
      this.#localDb,
      target.remote,
      {
        batchSize,
        retryIds: journal.journal.rejected.map((document) => document.id),
        download: firstSync ? this.#downloadOf(target, batchSize) : null,
        ...(journal.journal.pullSince === null ? {} : { pullSince: journal.journal.pullSince }),
        pullStart: async () => {
          const budget = await this.#readBudget();
          this.#budget = budget;
          target.fetches?.resume();
          if (budget === null) return { filter: null };
          const { pullSeq, pullFiltered } = journal.journal;
          return {
            filter: budgetPullFilter(budget, (trackingNumber) => target.fetches?.add(trackingNumber)),
            // The unit set a budget since this pull's last checkpoint: go on from there, not from 0.
            ...(pullFiltered === false && pullSeq !== null ? { since: pullSeq } : {}),
          };
        },
      },
      {
        active: (direction) => this.#dispatch({ type: 'replication-active', runId, direction }),
        paused: (direction) => {
          if (direction === 'pull') this.#onPullPaused(target);
          this.#dispatch({ type: 'replication-paused', runId, direction, at: this.#now() });
        },
        change: (direction, change) => this.#onChange(runId, direction, change),
        denied: (direction, error) => this.#onDenied(direction, error),
        pushCheckpoint: (seq) => this.#onPushCheckpoint(seq),
        pullCheckpoint: (seq, filtered) => {
          journal.update({ pullSeq: seq, pullFiltered: filtered });
          void journal.flush();
        },
        failed: (error) =>
          this.#dispatch({
            type: 'replication-error',
            runId,
            error: classifySyncError(error),
            at: this.#now(),
          }),
        completed: () => this.#dispatch({ type: 'replication-complete', runId, at: this.#now() }),
      },
    );
    const active: ActiveRun<Db> = { id: runId, run, pulledInRun: 0, docsTotal: null, stage: null };
    this.#run = active;
    this.#runsSettled = (async () => {
      await this.#withGrace(previous);
      // Cancelled (or replaced) while the previous run wound down: it never starts.
      if (this.#run !== active) return;
      const info = await this.#signIn(active, target.remote, target.remoteInfo);
      if (info === null || this.#run !== active) return;
      run.start();
      if (firstSync) {
        active.docsTotal = info.doc_count + (info.doc_del_count ?? 0);
        this.#reportProgress(active);
      }
      await run.settled();
    })();
  }

  /**
   * The pipelined first download (./initial-download) for a run of the first sync, or null when
   * it is done already or the remote is not a server (the unit tests' memory remotes: PouchDB's
   * pull does it all). Each batch's checkpoint is stored in the journal before the next batch is
   * written, so a restart goes on from there. Pages are the run's batch size (halved on HTTP 413).
   */
  #downloadOf(target: SyncTarget<Db>, batchSize: number): RunDownload | null {
    const { journal, remote } = target;
    if (journal.journal.initialDownloadDone || !isHttpRemote(remote)) return null;
    return {
      request: (path, init) => remote.fetch(path, init),
      batchSize,
      resumeFrom: journal.journal.initialDownload,
      // The checkpoint is stored beside the next page's write, not before it: the journal's write
      // waits its turn behind the live push's own (a third of stage open's time when awaited, in
      // the benchmark). A checkpoint is noted only once its batch is written, so a stored one is
      // never ahead of the records; one lost to a crash makes the resume write a few pages again
      // (the same revisions: nothing changes). Stopping the service stores the latest.
      onBatch: (batch) => {
        journal.update({ initialDownload: batch.checkpoint });
        void journal.flush();
        return Promise.resolve();
      },
      beforeWrite: (docs) => this.#pulled.expect(docs),
      budget: () => this.#readBudget(),
      onStageEnd: (stage, timings) => {
        this.#downloadTimings = { ...this.#downloadTimings, [stage]: timings };
      },
      onDone: async (result) => {
        journal.update({ initialDownload: null, initialDownloadDone: true, pullSince: result.since });
        await journal.flush();
      },
    };
  }

  /**
   * A complaint outside the budget written on this device (fetched on demand at the desk, or
   * whole when active again) is held from now on: the pull takes its later documents.
   */
  #noteHeld(id: string): void {
    const budget = this.#budget;
    const trackingNumber = parseComplaintId(id)?.trackingNumber;
    if (budget === null || trackingNumber === undefined) return;
    if (!isReceivedInBudget(budget.rule, trackingNumber)) budget.held.add(trackingNumber);
  }

  /** The device budget on this device now (./budget-on-device), or null: everything. */
  #readBudget(): Promise<BudgetOnDevice | null> {
    return budgetOnDevice(this.#localDb as unknown as BudgetReader, new Date(this.#now()));
  }

  /**
   * The fetches of complaints outside the budget that are active again on the central, written
   * as the first download writes (their revisions known as the central's), or null when the
   * remote is not a server.
   */
  #outsideBudgetFetches(remote: Db, journal: SyncJournalStore): OutsideBudgetFetches | null {
    if (!isHttpRemote(remote)) return null;
    const local = this.#localDb as unknown as DownloadTarget;
    return new OutsideBudgetFetches({
      journal,
      fetch: (trackingNumber) =>
        fetchComplaint({
          trackingNumber,
          request: (path, init) => remote.fetch(path, init),
          target: {
            bulkDocs: async (docs, options) => {
              const written = this.#pulled.expect(
                docs.flatMap((doc) => {
                  const { _id: id, _rev: rev } = doc as { _id?: unknown; _rev?: unknown };
                  return typeof id === 'string' && typeof rev === 'string' ? [{ id, rev }] : [];
                }),
              );
              try {
                return await local.bulkDocs(docs, options);
              } finally {
                written();
              }
            },
          },
        }),
      onFetched: (trackingNumber) => this.#budget?.held.add(trackingNumber),
    });
  }

  /** The pull paused: it has stored the noted sequence as its checkpoint (if it started from it). */
  #onPullPaused(target: SyncTarget<Db>): void {
    if (target.journal.journal.pullSince === null) return;
    target.journal.update({ pullSince: null });
    void target.journal.flush();
  }

  /**
   * One request with the credentials (`GET /<db>`) before the replications' many. The push and
   * the pull each send several requests at once; with a wrong password every one is a failed
   * login, and CouchDB 3.4+ locks the unit's account after more than 5 in 5 minutes, so a single
   * run could lock every device of the unit out. With this, a wrong password or a locked account
   * costs one request per run, and the run fails with its classified error (the machine then
   * waits for a person: ../../shared/sync/sync-machine). Returns the database's info, or null
   * when the run failed (reported) or was cancelled meanwhile.
   */
  async #signIn(
    active: ActiveRun<Db>,
    remote: Db,
    remoteInfo: () => Promise<PouchDatabaseInfo>,
  ): Promise<PouchDatabaseInfo | null> {
    try {
      return await signInRequest(remote, remoteInfo);
    } catch (error) {
      if (this.#run === active) {
        this.#dispatch({
          type: 'replication-error',
          runId: active.id,
          error: classifySyncError(error),
          at: this.#now(),
        });
      }
      return null;
    }
  }

  /** Waits for `promise`, but at most the grace period (a hung request must not block sync forever). */
  async #withGrace(promise: Promise<void>): Promise<void> {
    let timer: unknown = null;
    await Promise.race([
      promise,
      new Promise<void>((resolve) => {
        timer = this.#timers.setTimeout(resolve, this.#cancelGraceMs);
      }),
    ]);
    if (timer !== null) this.#timers.clearTimeout(timer);
  }

  #reportProgress(active: ActiveRun<Db>): void {
    const journal = this.#target?.journal.journal;
    if (!journal || this.#run !== active) return;
    this.#dispatch({
      type: 'first-sync-progress',
      runId: active.id,
      at: this.#now(),
      docsDone: journal.pulledDocs,
      docsTotal: active.docsTotal,
      stage: active.stage,
    });
  }

  #onChange(runId: number, direction: SyncDirection, change: ReplicationChange): void {
    const target = this.#target;
    const active = this.#run;
    if (!target || active?.id !== runId) return;
    this.#dispatch({ type: 'replication-change', runId, direction, at: this.#now() });
    if (direction === 'push') {
      // A newer revision of a refused document went through: it is no longer refused.
      const written = new Set(change.docs.map((doc) => doc.id));
      const rejected = target.journal.journal.rejected;
      if (rejected.some((document) => written.has(document.id))) {
        this.#setRejected(rejected.filter((document) => !written.has(document.id)));
      }
      return;
    }
    for (const doc of change.docs) this.#pulled.add(doc.id, doc.rev);
    if (change.stage !== null) active.stage = change.stage;
    if (!target.journal.journal.firstSyncDone) {
      const delta = Math.max(0, change.docsWritten - active.pulledInRun);
      active.pulledInRun = change.docsWritten;
      target.journal.update({ pulledDocs: target.journal.journal.pulledDocs + delta });
      void target.journal.flush();
      this.#reportProgress(active);
    }
  }

  #onDenied(direction: SyncDirection, error: unknown): void {
    const target = this.#target;
    if (!target || direction !== 'push') return;
    const classified = classifySyncError(error);
    const id = classified.documentId;
    if (id === undefined) return;
    const message = classified.message ?? '';
    const document: RejectedDocument = { id, message, rejection: parseRejection(message)?.code ?? null };
    const others = target.journal.journal.rejected.filter((entry) => entry.id !== id);
    this.#setRejected([...others, document].slice(-MAX_REJECTED));
  }

  #setRejected(rejected: readonly RejectedDocument[]): void {
    const target = this.#target;
    if (!target) return;
    target.journal.update({ rejected });
    void target.journal.flush();
    this.#dispatch({ type: 'rejections-changed', documents: rejected });
    this.#pending?.request();
  }

  #onPushCheckpoint(seq: number | string): void {
    const target = this.#target;
    if (!target) return;
    target.journal.update({ pushedSeq: seq });
    void target.journal.flush();
    this.#pending?.request();
  }

  // ---- unsent changes --------------------------------------------------------------------

  #watchLocalChanges(): void {
    if (this.#localChanges) return;
    this.#pending = new PendingCounter(
      async () => {
        const journal = this.#target?.journal.journal;
        if (!journal) return 0;
        return countPendingChanges(
          this.#localDb,
          journal.pushedSeq,
          journal.rejected.map((document) => document.id),
          this.#pulled,
        );
      },
      (count) => this.#dispatch({ type: 'pending-changed', count }),
      this.#timers,
      this.#now,
    );
    // The database's one shared feed (./shared-changes), not a feed of its own.
    this.#localChanges = followChanges(this.#localDb, (change) => {
      this.#noteHeld(change.id);
      this.#pending?.request();
    });
  }
}
