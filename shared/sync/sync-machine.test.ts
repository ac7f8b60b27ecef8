/**
 * Every transition of the sync state machine, and the status each state shows.
 */
import { describe, expect, it } from 'vitest';
import { syncStatusOf } from './machine-status';
import {
  DEFAULT_MACHINE_CONFIG,
  initialSyncState,
  reduceSync,
  type SyncCommand,
  type SyncMachineConfig,
  type SyncMachineEvent,
  type SyncMachineState,
} from './sync-machine';
import type { FirstSyncStage, RejectedDocument, SyncError } from './sync-status';

const T0 = Date.parse('2026-11-23T03:00:00.000Z');
const CONFIG: SyncMachineConfig = { ...DEFAULT_MACHINE_CONFIG, batchSize: 100, random: () => 0.5 };
const UNREACHABLE: SyncError = { reason: 'unreachable', message: 'Failed to fetch' };

type Step = Readonly<{ state: SyncMachineState; commands: readonly SyncCommand[] }>;

function apply(state: SyncMachineState, ...events: SyncMachineEvent[]): Step {
  let current: Step = { state, commands: [] };
  for (const event of events) current = reduceSync(current.state, event, CONFIG);
  return current;
}

const start = (online = true, firstSync = false): SyncMachineEvent => ({
  type: 'start',
  at: T0,
  online,
  firstSync,
  lastSyncedAt: null,
});
const active = (runId: number, direction: 'push' | 'pull' = 'pull'): SyncMachineEvent => ({
  type: 'replication-active',
  runId,
  direction,
});
const paused = (runId: number, direction: 'push' | 'pull', at = T0 + 1_000): SyncMachineEvent => ({
  type: 'replication-paused',
  runId,
  direction,
  at,
});
const failed = (runId: number, error: SyncError = UNREACHABLE, at = T0 + 1_000): SyncMachineEvent => ({
  type: 'replication-error',
  runId,
  error,
  at,
});

/** A machine with run 1 started (online, not the first sync). */
function running(firstSync = false): SyncMachineState {
  return apply(initialSyncState(CONFIG), start(true, firstSync)).state;
}

/** A machine whose run 1 failed with `error`. */
function failedWith(error: SyncError = UNREACHABLE): SyncMachineState {
  return apply(running(), failed(1, error)).state;
}

describe('initial state', () => {
  it('is disabled, online, with the configured batch size and nothing pending', () => {
    expect(initialSyncState().batchSize).toBe(500);
    const state = initialSyncState(CONFIG);
    expect(state).toMatchObject({ phase: 'disabled', online: true, run: null, batchSize: 100, failures: 0 });
    expect(syncStatusOf(state)).toEqual({
      state: 'disabled',
      pendingLocalChanges: 0,
      lastSyncedAt: null,
      rejectedDocuments: [],
    });
  });
});

describe('start', () => {
  it('starts run 1 when online, and shows connecting', () => {
    const { state, commands } = apply(initialSyncState(CONFIG), start(true, true));
    expect(commands).toEqual([{ type: 'start-replication', runId: 1, batchSize: 100, firstSync: true }]);
    expect(state).toMatchObject({ phase: 'running', run: { id: 1, push: 'starting', pull: 'starting' } });
    expect(syncStatusOf(state).state).toBe('connecting');
  });

  it('waits offline without starting anything when the device has no network', () => {
    const { state, commands } = apply(initialSyncState(CONFIG), start(false));
    expect(commands).toEqual([]);
    expect(state.phase).toBe('offline');
    expect(syncStatusOf(state).state).toBe('offline');
  });

  it('keeps the last sync time it is given', () => {
    const { state } = apply(initialSyncState(CONFIG), {
      type: 'start',
      at: T0,
      online: false,
      firstSync: false,
      lastSyncedAt: T0 - 60_000,
    });
    expect(syncStatusOf(state).lastSyncedAt).toBe('2026-11-23T02:59:00.000Z');
  });

  it('restarts a running machine: cancels the run first, then starts the next', () => {
    const { state, commands } = apply(running(), start());
    expect(commands).toEqual([
      { type: 'cancel-replication', runId: 1 },
      { type: 'start-replication', runId: 2, batchSize: 100, firstSync: false },
    ]);
    expect(state.run?.id).toBe(2);
  });

  it('restarts a waiting machine: clears its timer and forgets the failures and the halved batch size', () => {
    const halved = apply(running(), failed(1, { reason: 'too-large', status: 413 })).state;
    const waiting = apply(halved, failed(2)).state;
    expect(waiting).toMatchObject({ phase: 'waiting', failures: 1, batchSize: 50 });
    const { state, commands } = apply(waiting, start());
    expect(commands).toEqual([
      { type: 'cancel-retry' },
      { type: 'start-replication', runId: 3, batchSize: 100, firstSync: false },
    ]);
    expect(state).toMatchObject({ failures: 0, batchSize: 100, lastError: null, nextRetryAt: null });
  });

  it('cancels the run when started again offline', () => {
    const { state, commands } = apply(running(), start(false));
    expect(commands).toEqual([{ type: 'cancel-replication', runId: 1 }]);
    expect(state).toMatchObject({ phase: 'offline', run: null });
  });
});

describe('stop', () => {
  it('cancels the run and disables', () => {
    const { state, commands } = apply(running(), { type: 'stop' });
    expect(commands).toEqual([{ type: 'cancel-replication', runId: 1 }]);
    expect(state).toMatchObject({ phase: 'disabled', run: null });
    expect(syncStatusOf(state).state).toBe('disabled');
  });

  it('clears the retry timer of a waiting machine', () => {
    const { state, commands } = apply(failedWith(), { type: 'stop' });
    expect(commands).toEqual([{ type: 'cancel-retry' }]);
    expect(state).toMatchObject({ phase: 'disabled', nextRetryAt: null, lastError: null });
  });

  it('has nothing to cancel when halted, offline or disabled', () => {
    expect(apply(failedWith({ reason: 'unauthorized', status: 401 }), { type: 'stop' }).commands).toEqual([]);
    expect(apply(initialSyncState(CONFIG), start(false), { type: 'stop' }).commands).toEqual([]);
    expect(apply(initialSyncState(CONFIG), { type: 'stop' }).commands).toEqual([]);
  });
});

describe('network', () => {
  it('going offline cancels the run; coming back starts a new one at once', () => {
    const offline = apply(running(), { type: 'offline' });
    expect(offline.commands).toEqual([{ type: 'cancel-replication', runId: 1 }]);
    expect(offline.state).toMatchObject({ phase: 'offline', online: false, run: null });
    const online = apply(offline.state, { type: 'online', at: T0 });
    expect(online.commands).toEqual([
      { type: 'start-replication', runId: 2, batchSize: 100, firstSync: false },
    ]);
    expect(online.state).toMatchObject({ phase: 'running', online: true });
  });

  it('going offline while waiting clears the timer; the error is no longer shown', () => {
    const { state, commands } = apply(failedWith(), { type: 'offline' });
    expect(commands).toEqual([{ type: 'cancel-retry' }]);
    expect(syncStatusOf(state).state).toBe('offline');
  });

  it('coming back while waiting retries at once, with the back-off reset', () => {
    const waiting = apply(failedWith(), failed(99)).state;
    const { state, commands } = apply(waiting, { type: 'online', at: T0 + 2_000 });
    expect(commands).toEqual([
      { type: 'cancel-retry' },
      { type: 'start-replication', runId: 2, batchSize: 100, firstSync: false },
    ]);
    expect(state.failures).toBe(0);
  });

  it('coming back does not repeat a refused login (halted stays halted)', () => {
    const halted = failedWith({ reason: 'unauthorized', status: 401 });
    const { state, commands } = apply(halted, { type: 'online', at: T0 });
    expect(commands).toEqual([]);
    expect(state.phase).toBe('halted');
  });

  it('an online event while running or disabled changes nothing but the flag', () => {
    expect(apply(running(), { type: 'online', at: T0 }).commands).toEqual([]);
    const disabled = apply(initialSyncState(CONFIG), { type: 'offline' }, { type: 'online', at: T0 });
    expect(disabled.commands).toEqual([]);
    expect(disabled.state).toMatchObject({ phase: 'disabled', online: true });
  });

  it('remembers being offline while disabled, so a later start waits offline', () => {
    const offline = apply(initialSyncState(CONFIG), { type: 'offline' });
    expect(offline.state).toMatchObject({ phase: 'disabled', online: false });
    expect(apply(offline.state, start(false)).state.phase).toBe('offline');
  });

  it('a refused login, a lockout or no access, then offline: shows offline, and the network coming back repeats nothing', () => {
    for (const error of [
      { reason: 'unauthorized', status: 401 },
      { reason: 'locked-out', status: 403 },
      { reason: 'forbidden', status: 403 },
    ] as const) {
      const halted = failedWith(error);
      const offline = apply(halted, { type: 'offline' });
      expect(offline.commands).toEqual([]);
      expect(syncStatusOf(offline.state).state).toBe('offline');
      // Flapping changes nothing: the failure is shown again, no run starts.
      const back = apply(
        offline.state,
        { type: 'online', at: T0 },
        { type: 'offline' },
        { type: 'online', at: T0 },
      );
      expect(back.commands).toEqual([]);
      expect(back.state.phase).toBe('halted');
      expect(syncStatusOf(back.state)).toMatchObject({ state: 'error', error, nextRetryAt: null });
      // The person's "sync now" (or new settings) is the next attempt.
      expect(apply(back.state, { type: 'sync-now', at: T0 }).commands).toEqual([
        { type: 'start-replication', runId: 2, batchSize: 100, firstSync: false },
      ]);
      expect(apply(back.state, start()).commands).toEqual([
        { type: 'start-replication', runId: 2, batchSize: 100, firstSync: false },
      ]);
    }
  });

  it('forgets a refused login once stopped or started again offline', () => {
    const halted = failedWith({ reason: 'unauthorized', status: 401 });
    const restarted = apply(halted, start(false), { type: 'online', at: T0 });
    expect(restarted.commands).toHaveLength(1);
    const stopped = apply(halted, { type: 'offline' }, { type: 'stop' }, { type: 'online', at: T0 });
    expect(stopped.state).toMatchObject({ phase: 'disabled', awaitingPerson: null });
  });
});

describe('sync now', () => {
  it('does nothing when disabled or offline', () => {
    expect(apply(initialSyncState(CONFIG), { type: 'sync-now', at: T0 }).commands).toEqual([]);
    const offline = apply(initialSyncState(CONFIG), start(false)).state;
    expect(apply(offline, { type: 'sync-now', at: T0 }).commands).toEqual([]);
  });

  it('restarts a running replication', () => {
    expect(apply(running(), { type: 'sync-now', at: T0 }).commands).toEqual([
      { type: 'cancel-replication', runId: 1 },
      { type: 'start-replication', runId: 2, batchSize: 100, firstSync: false },
    ]);
  });

  it('retries at once while waiting, keeping the failure count for the next back-off', () => {
    const { state, commands } = apply(failedWith(), { type: 'sync-now', at: T0 });
    expect(commands).toEqual([
      { type: 'cancel-retry' },
      { type: 'start-replication', runId: 2, batchSize: 100, firstSync: false },
    ]);
    expect(state.failures).toBe(1);
  });

  it('retries a halted machine (the person fixed something)', () => {
    const halted = failedWith({ reason: 'unauthorized', status: 401 });
    expect(apply(halted, { type: 'sync-now', at: T0 }).commands).toEqual([
      { type: 'start-replication', runId: 2, batchSize: 100, firstSync: false },
    ]);
  });

  it('after a lockout, the person’s "sync now" is one attempt; a second lockout halts again', () => {
    const lockout: SyncError = { reason: 'locked-out', status: 403 };
    const halted = failedWith(lockout);
    const retried = apply(halted, { type: 'sync-now', at: T0 });
    expect(retried.commands).toEqual([
      { type: 'start-replication', runId: 2, batchSize: 100, firstSync: false },
    ]);
    const again = apply(retried.state, failed(2, lockout));
    expect(again.commands).toEqual([{ type: 'cancel-replication', runId: 2 }]);
    expect(again.state).toMatchObject({ phase: 'halted', nextRetryAt: null, awaitingPerson: lockout });
  });
});

describe('retry timer', () => {
  it('starts the next run when it fires while waiting', () => {
    const { state, commands } = apply(failedWith(), { type: 'retry-timer-fired', at: T0 + 3_000 });
    expect(commands).toEqual([{ type: 'start-replication', runId: 2, batchSize: 100, firstSync: false }]);
    expect(state).toMatchObject({ phase: 'running', nextRetryAt: null, lastError: null });
  });

  it('is ignored in any other phase (a timer that fired late)', () => {
    for (const state of [
      initialSyncState(CONFIG),
      running(),
      failedWith({ reason: 'unauthorized' }),
      apply(initialSyncState(CONFIG), start(false)).state,
    ]) {
      expect(apply(state, { type: 'retry-timer-fired', at: T0 }).commands).toEqual([]);
    }
  });
});

describe('replication progress', () => {
  it('shows syncing while a direction is active and connecting before', () => {
    let state = running();
    expect(syncStatusOf(state).state).toBe('connecting');
    state = apply(state, paused(1, 'push')).state;
    expect(syncStatusOf(state).state).toBe('connecting');
    state = apply(state, active(1, 'pull')).state;
    expect(syncStatusOf(state)).toMatchObject({ state: 'syncing', progress: null });
  });

  it('is up to date once both directions have caught up, and records it', () => {
    const { state, commands } = apply(
      running(),
      active(1, 'push'),
      paused(1, 'push'),
      paused(1, 'pull', T0 + 5_000),
    );
    expect(commands).toEqual([{ type: 'record-synced', at: T0 + 5_000, firstSyncDone: false }]);
    expect(syncStatusOf(state)).toMatchObject({
      state: 'up-to-date',
      lastSyncedAt: '2026-11-23T03:00:05.000Z',
    });
  });

  it('goes back to syncing when new changes flow, and records the next catch-up', () => {
    const upToDate = apply(running(), paused(1, 'push'), paused(1, 'pull')).state;
    const syncing = apply(upToDate, active(1, 'push')).state;
    expect(syncStatusOf(syncing).state).toBe('syncing');
    const again = apply(syncing, paused(1, 'push', T0 + 9_000));
    expect(again.commands).toEqual([{ type: 'record-synced', at: T0 + 9_000, firstSyncDone: false }]);
    expect(syncStatusOf(again.state).lastSyncedAt).toBe('2026-11-23T03:00:09.000Z');
  });

  it('reports the first download with progress, then marks it done once', () => {
    let state = apply(running(true), active(1, 'pull'), {
      type: 'first-sync-progress',
      runId: 1,
      at: T0,
      docsDone: 250,
      docsTotal: 1_000,
      stage: null,
    }).state;
    expect(syncStatusOf(state)).toMatchObject({
      state: 'syncing',
      progress: { docsDone: 250, docsTotal: 1_000, percent: 25 },
    });
    const done = apply(state, paused(1, 'pull'), paused(1, 'push'));
    expect(done.commands).toEqual([{ type: 'record-synced', at: T0 + 1_000, firstSyncDone: true }]);
    state = apply(done.state, active(1, 'pull')).state;
    expect(syncStatusOf(state)).toMatchObject({ state: 'syncing', progress: null });
    expect(apply(state, paused(1, 'pull')).commands).toEqual([
      { type: 'record-synced', at: T0 + 1_000, firstSyncDone: false },
    ]);
  });

  it('keeps the percentage below 100 until caught up, and unknown without a total', () => {
    const progress = (docsDone: number, docsTotal: number | null): unknown =>
      apply(running(true), active(1), {
        type: 'first-sync-progress',
        runId: 1,
        at: T0,
        docsDone,
        docsTotal,
        stage: null,
      }).state.progress;
    expect(progress(1_000, 1_000)).toEqual({ docsDone: 1_000, docsTotal: 1_000, percent: 99, stage: null });
    expect(progress(1_500, 1_000)).toEqual({ docsDone: 1_500, docsTotal: 1_000, percent: 99, stage: null });
    expect(progress(10, null)).toEqual({ docsDone: 10, docsTotal: null, percent: null, stage: null });
    expect(progress(0, 0)).toEqual({ docsDone: 0, docsTotal: 0, percent: null, stage: null });
    expect(progress(-3, -1)).toEqual({ docsDone: 0, docsTotal: 0, percent: null, stage: null });
  });

  it('ignores progress outside the first download', () => {
    const state = apply(running(false), {
      type: 'first-sync-progress',
      runId: 1,
      at: T0,
      docsDone: 5,
      docsTotal: 9,
      stage: null,
    }).state;
    expect(state.progress).toBeNull();
  });

  it("shows each stage of the first download with its percentage and the time left at the stage's pace", () => {
    const staged = (
      runId: number,
      at: number,
      stage: FirstSyncStage,
      docsDone: number,
      docsTotal: number | null,
      overall: number,
    ): SyncMachineEvent => ({
      type: 'first-sync-progress',
      runId,
      at,
      docsDone: overall,
      docsTotal: 10_000,
      stage: { stage, docsDone, docsTotal },
    });
    const stageOf = (state: SyncMachineState): unknown => {
      const status = syncStatusOf(state);
      return status.state === 'syncing' ? status.progress?.stage : undefined;
    };
    let state = apply(running(true), active(1), staged(1, T0, 'unit', 0, 12, 0)).state;
    expect(stageOf(state)).toEqual({
      stage: 'unit',
      docsDone: 0,
      docsTotal: 12,
      percent: 0,
      secondsLeft: null,
    });
    state = apply(state, staged(1, T0 + 300, 'unit', 12, 12, 12)).state;
    expect(stageOf(state)).toMatchObject({ stage: 'unit', percent: 99, secondsLeft: 0 });
    // Stage 2: 5,000 open complaints' documents; the first batch took 6 s, then 500 a second.
    state = apply(state, staged(1, T0 + 400, 'open', 0, 5_000, 12)).state;
    expect(stageOf(state)).toMatchObject({ stage: 'open', percent: 0, secondsLeft: null });
    state = apply(state, staged(1, T0 + 6_400, 'open', 500, 5_000, 512)).state;
    expect(stageOf(state)).toMatchObject({ percent: 10, secondsLeft: null });
    state = apply(state, staged(1, T0 + 7_400, 'open', 1_000, 5_000, 1_012)).state;
    expect(stageOf(state)).toMatchObject({ percent: 20, secondsLeft: null });
    state = apply(state, staged(1, T0 + 8_400, 'open', 1_500, 5_000, 1_512)).state;
    expect(syncStatusOf(state)).toMatchObject({
      state: 'syncing',
      // The whole download's percentage stays the documents of every stage over the total.
      progress: {
        docsDone: 1_512,
        docsTotal: 10_000,
        percent: 15,
        stage: { stage: 'open', docsDone: 1_500, docsTotal: 5_000, percent: 30, secondsLeft: 7 },
      },
    });
    // A failure, and run 2 resumes the stage where it stood: no time left until its own pace shows.
    state = apply(state, failed(1), { type: 'retry-timer-fired', at: T0 + 20_000 }, active(2)).state;
    state = apply(state, staged(2, T0 + 20_000, 'open', 1_500, 5_000, 1_512)).state;
    expect(stageOf(state)).toMatchObject({ docsDone: 1_500, percent: 30, secondsLeft: null });
    state = apply(state, staged(2, T0 + 21_000, 'open', 1_600, 5_000, 1_612)).state;
    state = apply(state, staged(2, T0 + 23_000, 'open', 1_800, 5_000, 1_812)).state;
    // 200 in 2 s after the first batch: 100 a second, 3,200 left.
    expect(stageOf(state)).toMatchObject({ docsDone: 1_800, secondsLeft: 32 });
    // Stage 3 with its total not known yet: a percentage and time left only once it is.
    state = apply(state, staged(2, T0 + 30_000, 'history', 0, null, 5_012)).state;
    expect(stageOf(state)).toEqual({
      stage: 'history',
      docsDone: 0,
      docsTotal: null,
      percent: null,
      secondsLeft: null,
    });
  });

  it('resets the failure count when documents move', () => {
    const retried = apply(failedWith(), { type: 'retry-timer-fired', at: T0 }).state;
    expect(retried.failures).toBe(1);
    expect(
      apply(retried, { type: 'replication-change', runId: 2, direction: 'push', at: T0 }).state.failures,
    ).toBe(0);
  });

  it('ignores every event of a run that is no longer current', () => {
    const restarted = apply(running(), { type: 'sync-now', at: T0 }).state;
    for (const event of [
      active(1),
      paused(1, 'push'),
      failed(1),
      { type: 'replication-complete', runId: 1, at: T0 } as const,
      { type: 'replication-change', runId: 1, direction: 'pull', at: T0 } as const,
      { type: 'first-sync-progress', runId: 1, at: T0, docsDone: 1, docsTotal: 2, stage: null } as const,
    ]) {
      expect(apply(restarted, event)).toEqual({ state: restarted, commands: [] });
    }
  });
});

describe('failures', () => {
  it('waits with back-off after a failure and shows the error with the retry time', () => {
    const { state, commands } = apply(running(), failed(1, UNREACHABLE, T0));
    // base 2 s, first retry: half + half × 0.5 = 1.5 s
    expect(commands).toEqual([
      { type: 'cancel-replication', runId: 1 },
      { type: 'schedule-retry', delayMs: 1_500 },
    ]);
    expect(state).toMatchObject({ phase: 'waiting', run: null, failures: 1, nextRetryAt: T0 + 1_500 });
    expect(syncStatusOf(state)).toMatchObject({
      state: 'error',
      error: UNREACHABLE,
      nextRetryAt: '2026-11-23T03:00:01.500Z',
    });
  });

  it('doubles the wait after each failure, up to five minutes', () => {
    let state = running();
    const delays: number[] = [];
    for (let runId = 1; runId <= 12; runId += 1) {
      const step = apply(state, failed(runId, UNREACHABLE, T0));
      const schedule = step.commands.find((command) => command.type === 'schedule-retry');
      delays.push(schedule?.type === 'schedule-retry' ? schedule.delayMs : -1);
      state = apply(step.state, { type: 'retry-timer-fired', at: T0 }).state;
    }
    expect(delays).toEqual([
      1_500, 3_000, 6_000, 12_000, 24_000, 48_000, 96_000, 192_000, 225_000, 225_000, 225_000, 225_000,
    ]);
  });

  it('starts the back-off again after a success', () => {
    let state = apply(failedWith(), { type: 'retry-timer-fired', at: T0 }).state;
    state = apply(state, failed(2), { type: 'retry-timer-fired', at: T0 }).state;
    expect(state.failures).toBe(2);
    state = apply(state, paused(3, 'push'), paused(3, 'pull')).state;
    expect(state.failures).toBe(0);
    expect(apply(state, failed(3, UNREACHABLE, T0)).commands).toContainEqual({
      type: 'schedule-retry',
      delayMs: 1_500,
    });
  });

  it('does not retry a refused login, a locked account or a refused database by itself', () => {
    for (const reason of ['unauthorized', 'locked-out', 'forbidden'] as const) {
      const { state, commands } = apply(running(), failed(1, { reason, status: 401 }));
      expect(commands).toEqual([{ type: 'cancel-replication', runId: 1 }]);
      expect(state.phase).toBe('halted');
      expect(syncStatusOf(state)).toMatchObject({ state: 'error', error: { reason }, nextRetryAt: null });
    }
  });

  it('retries every other reason by itself', () => {
    for (const reason of [
      'unreachable',
      'not-found',
      'tls',
      'server',
      'unknown',
      'rejected-document',
    ] as const) {
      expect(apply(running(), failed(1, { reason })).state.phase).toBe('waiting');
    }
  });

  it('halves the batch size on HTTP 413 and retries at once, down to one document', () => {
    let state = running();
    const sizes: number[] = [];
    for (let runId = 1; runId <= 7; runId += 1) {
      const step = apply(state, failed(runId, { reason: 'too-large', status: 413 }));
      const startCommand = step.commands.find((command) => command.type === 'start-replication');
      if (startCommand?.type === 'start-replication') sizes.push(startCommand.batchSize);
      expect(step.commands[0]).toEqual({ type: 'cancel-replication', runId });
      state = step.state;
    }
    expect(sizes).toEqual([50, 25, 12, 6, 3, 1]);
    expect(state).toMatchObject({ phase: 'waiting', batchSize: 1, lastError: { reason: 'too-large' } });
    expect(syncStatusOf(state)).toMatchObject({ state: 'error', error: { reason: 'too-large' } });
  });

  it('treats a live replication that ends by itself as a failure', () => {
    const { state, commands } = apply(running(), { type: 'replication-complete', runId: 1, at: T0 });
    expect(commands).toContainEqual({ type: 'cancel-replication', runId: 1 });
    expect(state).toMatchObject({ phase: 'waiting', lastError: { reason: 'unknown' } });
  });
});

describe('pending changes and refused documents', () => {
  const rejected: RejectedDocument = {
    id: 'event:X',
    message: 'immutable: events cannot change',
    rejection: 'immutable',
  };

  it('carries the pending count in every status, never negative', () => {
    const state = apply(running(), { type: 'pending-changed', count: 7 }).state;
    expect(syncStatusOf(state).pendingLocalChanges).toBe(7);
    expect(apply(state, { type: 'pending-changed', count: -2 }).state.pendingLocalChanges).toBe(0);
    const disabled = apply(initialSyncState(CONFIG), { type: 'pending-changed', count: 3 }).state;
    expect(syncStatusOf(disabled)).toMatchObject({ state: 'disabled', pendingLocalChanges: 3 });
  });

  it('shows a refused document as the error once caught up, not while syncing', () => {
    let state = apply(
      running(),
      { type: 'rejections-changed', documents: [rejected] },
      active(1, 'push'),
    ).state;
    expect(syncStatusOf(state).state).toBe('syncing');
    state = apply(state, paused(1, 'push'), paused(1, 'pull')).state;
    expect(syncStatusOf(state)).toEqual({
      state: 'error',
      error: {
        reason: 'rejected-document',
        message: 'immutable: events cannot change',
        documentId: 'event:X',
        rejection: 'immutable',
      },
      nextRetryAt: null,
      pendingLocalChanges: 0,
      lastSyncedAt: '2026-11-23T03:00:01.000Z',
      rejectedDocuments: [rejected],
    });
    state = apply(state, { type: 'rejections-changed', documents: [] }).state;
    expect(syncStatusOf(state).state).toBe('up-to-date');
  });

  it('leaves out the rejection code when the validator is not ours', () => {
    const foreign: RejectedDocument = { id: 'x', message: 'nope', rejection: null };
    const state = apply(
      running(),
      { type: 'rejections-changed', documents: [foreign] },
      paused(1, 'push'),
      paused(1, 'pull'),
    ).state;
    expect(syncStatusOf(state)).toMatchObject({
      state: 'error',
      error: { reason: 'rejected-document', documentId: 'x', message: 'nope' },
    });
    const status = syncStatusOf(state);
    expect(status.state === 'error' && 'rejection' in status.error).toBe(false);
  });
});

it('refuses an unknown event', () => {
  expect(() =>
    reduceSync(initialSyncState(CONFIG), { type: 'bogus' } as unknown as SyncMachineEvent),
  ).toThrow(TypeError);
});
