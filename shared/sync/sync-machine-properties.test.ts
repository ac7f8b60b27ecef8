/**
 * Properties of the sync state machine over generated event sequences: network flaps, restarts,
 * "sync now", failures of every reason, late events of cancelled runs, timers. A model of the
 * outside world carries out the commands and checks that there is never more than one
 * replication or one retry timer, that back-off stays within its bounds, that the machine can
 * always get going again, and that after a refused login or a lockout no request is ever made
 * again until a person asks for one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncStatusOf } from './machine-status';
import { DEFAULT_BACKOFF } from './retry-backoff';
import {
  DEFAULT_MACHINE_CONFIG,
  REASONS_NEEDING_A_PERSON,
  initialSyncState,
  reduceSync,
  type SyncMachineConfig,
  type SyncMachineEvent,
  type SyncMachineState,
} from './sync-machine';
import {
  FIRST_SYNC_STAGES,
  SYNC_ERROR_REASONS,
  type FirstSyncStage,
  type SyncErrorReason,
} from './sync-status';

/** Which run a replication event names: the current one, an older one, or one never started. */
type RunRef = 'current' | 'stale' | 'unknown';
type Action =
  | Readonly<{ kind: 'start'; online: boolean; firstSync: boolean }>
  | Readonly<{ kind: 'stop' | 'online' | 'offline' | 'sync-now' | 'timer' }>
  | Readonly<{ kind: 'active' | 'paused' | 'change'; ref: RunRef; direction: 'push' | 'pull' }>
  | Readonly<{ kind: 'error'; ref: RunRef; reason: SyncErrorReason }>
  | Readonly<{ kind: 'complete'; ref: RunRef }>
  | Readonly<{
      kind: 'progress';
      ref: RunRef;
      done: number;
      total: number | null;
      stage: Readonly<{ stage: FirstSyncStage; done: number; total: number | null }> | null;
    }>
  | Readonly<{ kind: 'pending'; count: number }>;

const ref = fc.constantFrom<RunRef>('current', 'current', 'current', 'stale', 'unknown');
const direction = fc.constantFrom<'push' | 'pull'>('push', 'pull');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('start' as const), online: fc.boolean(), firstSync: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('stop' as const, 'online' as const, 'offline' as const) }),
  fc.record({ kind: fc.constantFrom('sync-now' as const, 'timer' as const) }),
  fc.record({
    kind: fc.constantFrom('active' as const, 'paused' as const, 'change' as const),
    ref,
    direction,
  }),
  fc.record({ kind: fc.constant('error' as const), ref, reason: fc.constantFrom(...SYNC_ERROR_REASONS) }),
  fc.record({ kind: fc.constant('complete' as const), ref }),
  fc.record({
    kind: fc.constant('progress' as const),
    ref,
    done: fc.integer({ min: -5, max: 2_000 }),
    total: fc.option(fc.integer({ min: -5, max: 2_000 })),
    stage: fc.option(
      fc.record({
        stage: fc.constantFrom(...FIRST_SYNC_STAGES),
        done: fc.integer({ min: -5, max: 2_000 }),
        total: fc.option(fc.integer({ min: -5, max: 2_000 })),
      }),
    ),
  }),
  fc.record({ kind: fc.constant('pending' as const), count: fc.integer({ min: -5, max: 100 }) }),
);

/** The world outside the machine: live replications and retry timers, as the commands leave them. */
class World {
  alive = new Set<number>();
  timers = 0;
  now = Date.parse('2026-11-23T03:00:00.000Z');
  delays: number[] = [];

  runIdOf(state: SyncMachineState, which: RunRef): number {
    if (which === 'current') return state.run?.id ?? state.nextRunId - 1;
    if (which === 'stale') return Math.max(0, state.nextRunId - 2);
    return state.nextRunId + 7;
  }

  /** The event `action` stands for now, or null when the world cannot produce it. */
  eventOf(state: SyncMachineState, action: Action): SyncMachineEvent | null {
    this.now += 250;
    const at = this.now;
    switch (action.kind) {
      case 'start':
        return { type: 'start', at, online: action.online, firstSync: action.firstSync, lastSyncedAt: null };
      case 'stop':
        return { type: 'stop' };
      case 'online':
        return { type: 'online', at };
      case 'offline':
        return { type: 'offline' };
      case 'sync-now':
        return { type: 'sync-now', at };
      case 'timer':
        // A cleared timer never fires.
        if (this.timers === 0) return null;
        this.timers = 0;
        return { type: 'retry-timer-fired', at };
      case 'active':
        return {
          type: 'replication-active',
          runId: this.runIdOf(state, action.ref),
          direction: action.direction,
        };
      case 'paused':
        return {
          type: 'replication-paused',
          runId: this.runIdOf(state, action.ref),
          direction: action.direction,
          at,
        };
      case 'change':
        return {
          type: 'replication-change',
          runId: this.runIdOf(state, action.ref),
          direction: action.direction,
          at,
        };
      case 'progress':
        return {
          type: 'first-sync-progress',
          runId: this.runIdOf(state, action.ref),
          at,
          docsDone: action.done,
          docsTotal: action.total,
          stage: action.stage && {
            stage: action.stage.stage,
            docsDone: action.stage.done,
            docsTotal: action.stage.total,
          },
        };
      case 'error':
      case 'complete': {
        const runId = this.runIdOf(state, action.ref);
        // A replication that failed or completed has stopped by itself.
        this.alive.delete(runId);
        return action.kind === 'error'
          ? { type: 'replication-error', runId, error: { reason: action.reason }, at }
          : { type: 'replication-complete', runId, at };
      }
      case 'pending':
        return { type: 'pending-changed', count: action.count };
    }
  }

  carryOut(state: SyncMachineState, event: SyncMachineEvent, config: SyncMachineConfig): SyncMachineState {
    const { state: next, commands } = reduceSync(state, event, config);
    for (const command of commands) {
      switch (command.type) {
        case 'start-replication':
          expect(this.alive.size, 'a replication was started while another runs').toBe(0);
          this.alive.add(command.runId);
          break;
        case 'cancel-replication':
          this.alive.delete(command.runId);
          break;
        case 'schedule-retry':
          expect(this.timers, 'a second retry timer').toBe(0);
          this.timers = 1;
          this.delays.push(command.delayMs);
          break;
        case 'cancel-retry':
          expect(this.timers, 'cancelled a timer that does not exist').toBe(1);
          this.timers = 0;
          break;
        case 'record-synced':
          break;
      }
    }
    return next;
  }
}

function checkInvariants(state: SyncMachineState, world: World, config: SyncMachineConfig): void {
  expect(world.alive.size).toBeLessThanOrEqual(1);
  expect(state.run === null ? world.alive.size : [...world.alive]).toEqual(
    state.run === null ? 0 : [state.run.id],
  );
  expect(state.phase === 'running').toBe(state.run !== null);
  expect(state.phase === 'waiting').toBe(world.timers === 1);
  expect(state.nextRetryAt !== null).toBe(state.phase === 'waiting');
  expect(state.lastError !== null).toBe(state.phase === 'waiting' || state.phase === 'halted');
  if (!state.online || state.phase === 'disabled') {
    expect(world.alive.size + world.timers).toBe(0);
  }
  expect(state.batchSize).toBeGreaterThanOrEqual(config.minBatchSize);
  expect(state.batchSize).toBeLessThanOrEqual(config.batchSize);
  expect(state.pendingLocalChanges).toBeGreaterThanOrEqual(0);
  const status = syncStatusOf(state);
  if (status.state === 'up-to-date') expect(status.lastSyncedAt).not.toBeNull();
  if (status.state === 'syncing' && status.progress?.percent != null) {
    expect(status.progress.percent).toBeGreaterThanOrEqual(0);
    expect(status.progress.percent).toBeLessThan(100);
  }
  const stage = status.state === 'syncing' ? status.progress?.stage : null;
  if (stage) {
    if (stage.percent !== null) expect(stage.percent).toBeGreaterThanOrEqual(0);
    if (stage.percent !== null) expect(stage.percent).toBeLessThan(100);
    if (stage.secondsLeft !== null) expect(Number.isInteger(stage.secondsLeft)).toBe(true);
    if (stage.secondsLeft !== null) expect(stage.secondsLeft).toBeGreaterThanOrEqual(0);
    expect(stage.docsDone).toBeGreaterThanOrEqual(0);
  }
}

const randoms = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1 });

function configWith(values: readonly number[]): SyncMachineConfig {
  let index = 0;
  return {
    ...DEFAULT_MACHINE_CONFIG,
    random: () => values[index++ % values.length] ?? 0,
  };
}

/** The events only a person causes: new settings saved (or the app started), "sync now", stop. */
const PERSON_EVENTS: ReadonlySet<SyncMachineEvent['type']> = new Set(['start', 'sync-now', 'stop']);

/** Failures after which only a person may cause the next request. */
const AUTH_FAILURES: readonly SyncErrorReason[] = ['unauthorized', 'locked-out'];

/** Sequences rich in refused logins and lockouts, network flaps and timers. */
const authHeavyAction: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: action },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('error' as const),
      ref: fc.constant<RunRef>('current'),
      reason: fc.constantFrom<SyncErrorReason>(...AUTH_FAILURES, ...REASONS_NEEDING_A_PERSON),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('online' as const, 'offline' as const, 'timer' as const) }),
  },
);

describe('sync machine properties', () => {
  it('never makes a request by itself after a refused login or a lockout: only a person’s start or "sync now" does', () => {
    /** Events checked while refused, over all runs (so the property is known to be exercised). */
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(authHeavyAction, { minLength: 40, maxLength: 150 }),
        randoms,
        (actions, values) => {
          const config = configWith(values);
          const world = new World();
          let state = initialSyncState(config);
          /** The refusal that stopped the sync, until a person acts. */
          let refused: SyncErrorReason | null = null;
          for (const next of actions) {
            const event = world.eventOf(state, next);
            if (event === null) continue;
            const current = state.run?.id;
            const { commands } = reduceSync(state, event, config);
            if (refused !== null && !PERSON_EVENTS.has(event.type)) {
              checked += 1;
              const requests = commands.filter(
                (command) => command.type === 'start-replication' || command.type === 'schedule-retry',
              );
              expect(requests, `${event.type} after ${refused}`).toEqual([]);
            }
            state = world.carryOut(state, event, config);
            if (PERSON_EVENTS.has(event.type)) refused = null;
            if (
              event.type === 'replication-error' &&
              event.runId === current &&
              AUTH_FAILURES.includes(event.error.reason)
            ) {
              refused = event.error.reason;
              expect(state.phase).toBe('halted');
              expect(state.nextRetryAt).toBeNull();
            }
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(checked).toBeGreaterThan(2_000);
  });

  it('after a refused login or a lockout, no timer, no network change and no late event starts a run', () => {
    for (const reason of AUTH_FAILURES) {
      fc.assert(
        fc.property(fc.array(action, { minLength: 10, maxLength: 60 }), (actions) => {
          const config = configWith([0.5]);
          const world = new World();
          let state = world.carryOut(
            initialSyncState(config),
            { type: 'start', at: world.now, online: true, firstSync: false, lastSyncedAt: null },
            config,
          );
          state = world.carryOut(
            state,
            { type: 'replication-error', runId: 1, error: { reason }, at: world.now },
            config,
          );
          for (const next of actions) {
            if (next.kind === 'start' || next.kind === 'sync-now' || next.kind === 'stop') continue;
            const event = world.eventOf(state, next);
            if (event === null) continue;
            state = world.carryOut(state, event, config);
            expect(world.alive.size + world.timers, `${event.type} after ${reason}`).toBe(0);
          }
          expect(['halted', 'offline']).toContain(state.phase);
          // And the person can always make the next attempt.
          state = world.carryOut(state, { type: 'online', at: world.now }, config);
          expect(syncStatusOf(state)).toMatchObject({ state: 'error', error: { reason }, nextRetryAt: null });
          expect(world.carryOut(state, { type: 'sync-now', at: world.now }, config).phase).toBe('running');
          expect(world.alive.size).toBe(1);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('never runs two replications or two timers, and keeps its state consistent', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 120 }), randoms, (actions, values) => {
        const config = configWith(values);
        const world = new World();
        let state = initialSyncState(config);
        for (const next of actions) {
          const event = world.eventOf(state, next);
          if (event === null) continue;
          state = world.carryOut(state, event, config);
          checkInvariants(state, world, config);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every back-off within [base/2, 5 minutes]', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 120 }), randoms, (actions, values) => {
        const config = configWith(values);
        const world = new World();
        let state = initialSyncState(config);
        for (const next of actions) {
          const event = world.eventOf(state, next);
          if (event !== null) state = world.carryOut(state, event, config);
        }
        for (const delay of world.delays) {
          expect(delay).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.baseMs / 2);
          expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('can always get going again: network back and "sync now" start a replication unless stopped', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), randoms, (actions, values) => {
        const config = configWith(values);
        const world = new World();
        let state = initialSyncState(config);
        for (const next of actions) {
          const event = world.eventOf(state, next);
          if (event !== null) state = world.carryOut(state, event, config);
        }
        const disabled = state.phase === 'disabled';
        state = world.carryOut(state, { type: 'online', at: world.now }, config);
        state = world.carryOut(state, { type: 'sync-now', at: world.now }, config);
        expect(state.phase).toBe(disabled ? 'disabled' : 'running');
        expect(world.alive.size).toBe(disabled ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });

  it('after stop, nothing runs and nothing is scheduled, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), randoms, (actions, values) => {
        const config = configWith(values);
        const world = new World();
        let state = initialSyncState(config);
        for (const next of actions) {
          const event = world.eventOf(state, next);
          if (event !== null) state = world.carryOut(state, event, config);
        }
        state = world.carryOut(state, { type: 'stop' }, config);
        expect(world.alive.size + world.timers).toBe(0);
        expect(syncStatusOf(state).state).toBe('disabled');
      }),
      { numRuns: 200 },
    );
  });
});
