/**
 * The sync state machine (docs/decisions/009-sync-state-machine.md): a pure reducer from (state,
 * event) to (state, commands).
 * The sync service feeds it what happened (start, stop, network up/down, "sync now", a retry
 * timer, and what the replication reported) and carries out the commands it returns (start or
 * cancel one replication, set or clear one retry timer, record a completed sync). Nothing here
 * touches PouchDB, timers or the network, so every transition is unit-tested.
 *
 * Rules:
 * - At most one replication ("run") exists; a new one is only started after the old one is
 *   cancelled. Events of older runs are ignored (they can arrive after a cancel).
 * - After a failure the machine waits with exponential back-off (./retry-backoff), reset by a
 *   success; the network coming back, or "sync now", starts at once.
 * - Wrong credentials, a locked account and no access ('unauthorized', 'locked-out', 'forbidden')
 *   are never retried by the machine itself: not by the timer, and not when the network comes
 *   back. Repeating a refused login helps no one, and every wrong password counts towards
 *   CouchDB's lockout (3.4+: more than 5 failures in 5 minutes locks the unit's account, for all
 *   of its devices behind the same address). Only a person starts the next attempt: new settings
 *   saved ('start') or "sync now" pressed; after a lockout that one attempt is theirs to make.
 *   While offline such a failure is remembered (`awaitingPerson`) and shown again once online.
 * - HTTP 413 halves the batch size (down to a floor) and retries at once; at the floor it is an
 *   ordinary failure.
 */
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './retry-backoff';
import { nextStagePace, stageSecondsLeft, type StagePace } from './stage-pace';
import type {
  FirstSyncStage,
  RejectedDocument,
  SyncError,
  SyncErrorReason,
  SyncProgress,
} from './sync-status';

export type SyncDirection = 'push' | 'pull';
/** Where one direction of a run is: not heard from yet, moving documents, or caught up. */
export type DirectionPhase = 'starting' | 'active' | 'paused';
export type SyncRun = Readonly<{ id: number; push: DirectionPhase; pull: DirectionPhase }>;

/**
 * - disabled: not configured, or stopped;
 * - offline: configured, but the device has no network;
 * - running: a run exists (connecting, syncing or caught up);
 * - waiting: the last run failed, and a retry timer is set;
 * - halted: the last run failed in a way only a person can fix (no timer).
 */
export type SyncPhase = 'disabled' | 'offline' | 'running' | 'waiting' | 'halted';

export type SyncMachineState = Readonly<{
  phase: SyncPhase;
  online: boolean;
  run: SyncRun | null;
  /** The id the next run gets; ids only grow, so a stale event never matches a later run. */
  nextRunId: number;
  /** Failures since the last success (drives the back-off). */
  failures: number;
  /** Epoch ms of the retry timer (phase 'waiting'), else null. */
  nextRetryAt: number | null;
  /** The failure being shown (phases 'waiting' and 'halted'), else null. */
  lastError: SyncError | null;
  /**
   * A failure only a person can fix (REASONS_NEEDING_A_PERSON), kept until a person starts the
   * next run ('start', 'sync-now') or stops: it survives going offline, so that the network coming
   * back never repeats a refused login.
   */
  awaitingPerson: SyncError | null;
  batchSize: number;
  /** True until the first download to this device has caught up. */
  firstSync: boolean;
  progress: SyncProgress | null;
  /**
   * The pace of the first download's stage under way (./stage-pace), for its time left: kept per
   * run and stage, so a new run or the next stage starts a fresh one.
   */
  stagePace: StagePace | null;
  /** Epoch ms when both directions were last caught up. */
  lastSyncedAt: number | null;
  pendingLocalChanges: number;
  rejectedDocuments: readonly RejectedDocument[];
}>;

export type SyncMachineEvent =
  /** Configured (again): start syncing with fresh back-off and batch size. */
  | Readonly<{ type: 'start'; at: number; online: boolean; firstSync: boolean; lastSyncedAt: number | null }>
  | Readonly<{ type: 'stop' }>
  | Readonly<{ type: 'online'; at: number }>
  | Readonly<{ type: 'offline' }>
  /** The officer pressed "sync now". */
  | Readonly<{ type: 'sync-now'; at: number }>
  | Readonly<{ type: 'retry-timer-fired'; at: number }>
  | Readonly<{ type: 'replication-active'; runId: number; direction: SyncDirection }>
  | Readonly<{ type: 'replication-paused'; runId: number; direction: SyncDirection; at: number }>
  /** Documents were written (on the server for push, here for pull): the link works. */
  | Readonly<{ type: 'replication-change'; runId: number; direction: SyncDirection; at: number }>
  | Readonly<{
      type: 'first-sync-progress';
      runId: number;
      at: number;
      docsDone: number;
      docsTotal: number | null;
      /** The stage under way and its documents (total null while unknown); null when not staged. */
      stage: Readonly<{ stage: FirstSyncStage; docsDone: number; docsTotal: number | null }> | null;
    }>
  | Readonly<{ type: 'replication-error'; runId: number; error: SyncError; at: number }>
  /** A run ended without being cancelled (a live replication should not). */
  | Readonly<{ type: 'replication-complete'; runId: number; at: number }>
  | Readonly<{ type: 'pending-changed'; count: number }>
  | Readonly<{ type: 'rejections-changed'; documents: readonly RejectedDocument[] }>;

export type SyncCommand =
  | Readonly<{ type: 'start-replication'; runId: number; batchSize: number; firstSync: boolean }>
  | Readonly<{ type: 'cancel-replication'; runId: number }>
  | Readonly<{ type: 'schedule-retry'; delayMs: number }>
  | Readonly<{ type: 'cancel-retry' }>
  /** Both directions caught up at `at`: persist it (and that the first download is done). */
  | Readonly<{ type: 'record-synced'; at: number; firstSyncDone: boolean }>;

export type SyncTransition = Readonly<{ state: SyncMachineState; commands: readonly SyncCommand[] }>;

export type SyncMachineConfig = Readonly<{
  backoff: BackoffPolicy;
  /** Documents per replication batch at start, and the floor that halving on HTTP 413 stops at. */
  batchSize: number;
  minBatchSize: number;
  /** A number in [0, 1) for the back-off jitter. */
  random: () => number;
}>;

/**
 * Documents per batch. Measured for a first download of 5,100 documents from pouchdb-server on
 * loopback (2 cores, noisy): with PouchDB's default of 100 the two-way sync took 1.2–2.2× as long
 * as a plain one-way `PouchDB.replicate` with default options in the same run (the push side
 * checks every pulled batch against the server, so requests double); with 500, 0.75–1.0×; 1,000
 * was no better than 500. 500 documents of ~1 KB stay well under nginx's default 1 MB body
 * limit, and a 413 halves the size anyway.
 */
export const DEFAULT_BATCH_SIZE = 500;
/** One document per request: below that nothing can be split. */
export const MIN_BATCH_SIZE = 1;

export const DEFAULT_MACHINE_CONFIG: SyncMachineConfig = {
  backoff: DEFAULT_BACKOFF,
  batchSize: DEFAULT_BATCH_SIZE,
  minBatchSize: MIN_BATCH_SIZE,
  random: Math.random,
};

/** Reasons the retry timer does not repeat (see the file comment). */
export const REASONS_NEEDING_A_PERSON: readonly SyncErrorReason[] = [
  'unauthorized',
  'locked-out',
  'forbidden',
];

export function initialSyncState(config: SyncMachineConfig = DEFAULT_MACHINE_CONFIG): SyncMachineState {
  return {
    phase: 'disabled',
    online: true,
    run: null,
    nextRunId: 1,
    failures: 0,
    nextRetryAt: null,
    lastError: null,
    awaitingPerson: null,
    batchSize: config.batchSize,
    firstSync: false,
    progress: null,
    stagePace: null,
    lastSyncedAt: null,
    pendingLocalChanges: 0,
    rejectedDocuments: [],
  };
}

/** Commands that end what is going on: the current run and any retry timer. */
function teardown(state: SyncMachineState): SyncCommand[] {
  const commands: SyncCommand[] = [];
  if (state.run) commands.push({ type: 'cancel-replication', runId: state.run.id });
  if (state.phase === 'waiting') commands.push({ type: 'cancel-retry' });
  return commands;
}

/** Ends what is going on and starts a new run. */
function startRun(state: SyncMachineState): SyncTransition {
  const commands = teardown(state);
  const run: SyncRun = { id: state.nextRunId, push: 'starting', pull: 'starting' };
  commands.push({
    type: 'start-replication',
    runId: run.id,
    batchSize: state.batchSize,
    firstSync: state.firstSync,
  });
  return {
    state: {
      ...state,
      phase: 'running',
      run,
      nextRunId: state.nextRunId + 1,
      nextRetryAt: null,
      lastError: null,
      awaitingPerson: null,
      progress: null,
    },
    commands,
  };
}

/** Ends what is going on and settles in a phase without a run or timer. */
function settle(state: SyncMachineState, phase: 'disabled' | 'offline'): SyncTransition {
  return {
    state: { ...state, phase, run: null, nextRetryAt: null, lastError: null, progress: null },
    commands: teardown(state),
  };
}

function unchanged(state: SyncMachineState): SyncTransition {
  return { state, commands: [] };
}

function isCurrent(state: SyncMachineState, runId: number): state is SyncMachineState & { run: SyncRun } {
  return state.run !== null && state.run.id === runId;
}

/** The current run failed: halve and retry on 413, wait for a person, or back off. */
function fail(
  state: SyncMachineState,
  error: SyncError,
  at: number,
  config: SyncMachineConfig,
): SyncTransition {
  const runId = state.run?.id;
  const cancel: SyncCommand[] = runId === undefined ? [] : [{ type: 'cancel-replication', runId }];
  const ended: SyncMachineState = { ...state, run: null, progress: null };
  if (error.reason === 'too-large' && state.batchSize > config.minBatchSize) {
    const batchSize = Math.max(config.minBatchSize, Math.floor(state.batchSize / 2));
    const next = startRun({ ...ended, batchSize });
    return { state: next.state, commands: [...cancel, ...next.commands] };
  }
  const failures = state.failures + 1;
  if (REASONS_NEEDING_A_PERSON.includes(error.reason)) {
    return {
      state: {
        ...ended,
        phase: 'halted',
        failures,
        lastError: error,
        awaitingPerson: error,
        nextRetryAt: null,
      },
      commands: cancel,
    };
  }
  const delayMs = backoffDelay(failures, config.random(), config.backoff);
  return {
    state: { ...ended, phase: 'waiting', failures, lastError: error, nextRetryAt: at + delayMs },
    commands: [...cancel, { type: 'schedule-retry', delayMs }],
  };
}

function withDirection(run: SyncRun, direction: SyncDirection, phase: DirectionPhase): SyncRun {
  return direction === 'push' ? { ...run, push: phase } : { ...run, pull: phase };
}

function percentOf(docsDone: number, docsTotal: number | null): number | null {
  if (docsTotal === null || docsTotal <= 0) return null;
  return Math.min(99, Math.floor((Math.min(docsDone, docsTotal) * 100) / docsTotal));
}

/** The next state and what the service must do, for one event. */
export function reduceSync(
  state: SyncMachineState,
  event: SyncMachineEvent,
  config: SyncMachineConfig = DEFAULT_MACHINE_CONFIG,
): SyncTransition {
  switch (event.type) {
    case 'start': {
      const fresh: SyncMachineState = {
        ...state,
        online: event.online,
        failures: 0,
        awaitingPerson: null,
        batchSize: config.batchSize,
        firstSync: event.firstSync,
        lastSyncedAt: event.lastSyncedAt ?? state.lastSyncedAt,
      };
      if (event.online) return startRun(fresh);
      // `fresh` keeps the old phase, so settle() still cancels the old run and timer.
      return settle(fresh, 'offline');
    }
    case 'stop':
      return settle({ ...state, awaitingPerson: null }, 'disabled');
    case 'online': {
      const online = { ...state, online: true };
      // A refused login (or a lockout) before the network went: shown again, never repeated.
      if (state.phase === 'offline' && state.awaitingPerson !== null) {
        return unchanged({ ...online, phase: 'halted', lastError: state.awaitingPerson });
      }
      if (state.phase === 'offline' || state.phase === 'waiting') return startRun({ ...online, failures: 0 });
      return unchanged(online);
    }
    case 'offline': {
      const offline = { ...state, online: false };
      return state.phase === 'disabled' ? unchanged(offline) : settle(offline, 'offline');
    }
    case 'sync-now':
      return state.phase === 'disabled' || state.phase === 'offline' ? unchanged(state) : startRun(state);
    case 'retry-timer-fired':
      // The timer has fired, so there is none to cancel.
      return state.phase === 'waiting' ? startRun({ ...state, phase: 'running' }) : unchanged(state);
    case 'replication-active':
      if (!isCurrent(state, event.runId)) return unchanged(state);
      return unchanged({ ...state, run: withDirection(state.run, event.direction, 'active') });
    case 'replication-change':
      if (!isCurrent(state, event.runId)) return unchanged(state);
      return unchanged({ ...state, failures: 0 });
    case 'replication-paused': {
      if (!isCurrent(state, event.runId)) return unchanged(state);
      const run = withDirection(state.run, event.direction, 'paused');
      if (run.push !== 'paused' || run.pull !== 'paused') return unchanged({ ...state, run });
      const firstSyncDone = state.firstSync;
      return {
        state: { ...state, run, failures: 0, firstSync: false, progress: null, lastSyncedAt: event.at },
        commands: [{ type: 'record-synced', at: event.at, firstSyncDone }],
      };
    }
    case 'first-sync-progress': {
      if (!isCurrent(state, event.runId) || !state.firstSync) return unchanged(state);
      const docsDone = Math.max(0, event.docsDone);
      const docsTotal = event.docsTotal === null ? null : Math.max(0, event.docsTotal);
      const progress = { docsDone, docsTotal, percent: percentOf(docsDone, docsTotal) };
      if (event.stage === null) return unchanged({ ...state, progress: { ...progress, stage: null } });
      const stageDone = Math.max(0, event.stage.docsDone);
      const stageTotal = event.stage.docsTotal === null ? null : Math.max(0, event.stage.docsTotal);
      const stagePace = nextStagePace(state.stagePace, {
        runId: event.runId,
        stage: event.stage.stage,
        at: event.at,
        docsDone: stageDone,
      });
      return unchanged({
        ...state,
        stagePace,
        progress: {
          ...progress,
          stage: {
            stage: event.stage.stage,
            docsDone: stageDone,
            docsTotal: stageTotal,
            percent: percentOf(stageDone, stageTotal),
            secondsLeft: stageSecondsLeft(stagePace, stageDone, stageTotal),
          },
        },
      });
    }
    case 'replication-error':
      return isCurrent(state, event.runId) ? fail(state, event.error, event.at, config) : unchanged(state);
    case 'replication-complete':
      return isCurrent(state, event.runId)
        ? fail(state, { reason: 'unknown', message: 'The replication ended by itself.' }, event.at, config)
        : unchanged(state);
    case 'pending-changed':
      return unchanged({ ...state, pendingLocalChanges: Math.max(0, Math.floor(event.count)) });
    case 'rejections-changed':
      return unchanged({ ...state, rejectedDocuments: event.documents });
    default: {
      const never: never = event;
      throw new TypeError(`Unknown sync event ${JSON.stringify(never)}`);
    }
  }
}
