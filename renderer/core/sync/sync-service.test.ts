/**
 * The sync service without a server: first against a "remote" that is a memory database (real
 * PouchDB replication, so documents really move), then against scripted replications and manual
 * timers, to drive every failure path exactly (back-off, 413, refused logins, refused documents,
 * one run at a time). The real HTTP paths are in test/integration/sync-*.test.ts.
 */
import { EventEmitter } from 'node:events';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncConfig } from '../../../shared/sync/sync-config';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { defaultUnitSettings } from '../../../shared/unit/unit-settings';
import { memoryDatabase } from '../../../test/support/memory-database';
import { ManualTimers } from './manual-timers.fixtures';
import type {
  PouchChanges,
  PouchDatabase,
  PouchDatabaseInfo,
  PouchRemoteOptions,
  PouchReplication,
  PouchReplicationOptions,
} from './pouch-types';
import type { FetchFunction, NetworkSource } from './sync-dependencies';
import { SYNC_JOURNAL_ID } from './sync-journal';
import { SyncService } from './sync-service';

PouchDB.plugin(memoryAdapter).plugin(replication);

const CONFIG: SyncConfig = {
  serverUrl: 'https://central.example.go.id/',
  databaseName: 'meja-aduan-unit-kbm',
  username: 'unit-kbm',
  password: 'rahasia',
};

/** Lets pending promises and PouchDB's own ticks run. */
async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

class Network implements NetworkSource {
  readonly listeners = new Set<(online: boolean) => void>();
  constructor(public online = true) {}
  isOnline(): boolean {
    return this.online;
  }
  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(online: boolean): void {
    this.online = online;
    for (const listener of this.listeners) listener(online);
  }
}

const services: SyncService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.dispose()));
});

describe('against a memory "remote" (real replication)', () => {
  const remotes = new Map<string, PouchDB.Database>();
  /** The PouchDB constructor, but every "URL" opens a memory database of that name. */
  class MemoryPouch extends PouchDB.defaults({ adapter: 'memory' }) {
    // At run time PouchDB's own `replicate`, which defaults() copies onto the class it returns; its
    // types leave it out.
    declare static replicate: typeof PouchDB.replicate;
  }
  const remoteOf = (name: string): PouchDB.Database => {
    const existing = remotes.get(name);
    if (existing) return existing;
    const created = new MemoryPouch(name);
    remotes.set(name, created);
    return created;
  };

  function service(
    local: PouchDB.Database,
    network = new Network(),
  ): {
    service: SyncService<PouchDB.Database>;
    statuses: SyncStatus[];
  } {
    const created = new SyncService<PouchDB.Database>({
      PouchDB: MemoryPouch,
      localDb: local,
      network,
    });
    services.push(created);
    const statuses: SyncStatus[] = [];
    created.subscribe((status) => statuses.push(status));
    return { service: created, statuses };
  }

  it('replicates both ways, live, and shows connecting, then up to date', async () => {
    const config = { ...CONFIG, databaseName: `unit-${crypto.randomUUID()}` };
    const remote = remoteOf(`https://central.example.go.id/${config.databaseName}`);
    await remote.put({ _id: 'from-central' });
    const local = memoryDatabase();
    await local.put({ _id: 'from-device' });
    const { service: sync, statuses } = service(local);
    expect(sync.status().state).toBe('disabled');

    await sync.start(config);
    await until(
      () => sync.status().state === 'up-to-date' && sync.status().pendingLocalChanges === 0,
      'up to date',
    );
    expect(await remote.get('from-device')).toMatchObject({ _id: 'from-device' });
    expect(await local.get('from-central')).toMatchObject({ _id: 'from-central' });
    expect(statuses[0]?.state).toBe('connecting');
    expect(sync.status()).toMatchObject({ state: 'up-to-date', lastSyncedAt: expect.any(String) as unknown });

    // Live: a later document goes up without anything else happening.
    const mark = statuses.length;
    await local.put({ _id: 'later' });
    let arrived = false;
    const feed = remote.changes({ since: 'now', live: true, doc_ids: ['later'] }).on('change', () => {
      arrived = true;
    });
    await until(() => arrived, 'the later document on the remote');
    feed.cancel();
    await until(
      () => sync.status().state === 'up-to-date' && sync.status().pendingLocalChanges === 0,
      'up to date again',
    );
    expect(statuses.slice(mark).map((status) => status.state)).toContain('syncing');

    // The journal remembers the first download and the last sync.
    const journal = (await local.get(SYNC_JOURNAL_ID)) as Record<string, unknown>;
    expect(journal).toMatchObject({ firstSyncDone: true, lastSyncedAt: expect.any(Number) as unknown });
  });

  it('when the unit sets a device budget, the pull gains its filter and goes on from its last checkpoint', async () => {
    const config = { ...CONFIG, databaseName: `unit-${crypto.randomUUID()}` };
    const url = `https://central.example.go.id/${config.databaseName}`;
    const remote = remoteOf(url);
    const settings = defaultUnitSettings('KBM', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
      officerId: 'officer-1',
      name: 'Siti',
    });
    await remote.bulkDocs([settings, { _id: 'a' }]);
    // Where each changes feed of the central the service reads starts.
    const since: unknown[] = [];
    class WatchedPouch extends MemoryPouch {
      constructor(...args: ConstructorParameters<typeof MemoryPouch>) {
        super(...args);
        const changes = this.changes.bind(this);
        const watched = (options?: PouchDB.Core.ChangesOptions) => {
          since.push(options?.since);
          return changes(options);
        };
        this.changes = watched as PouchDB.Database['changes'];
      }
    }
    const local = memoryDatabase();
    const sync = new SyncService<PouchDB.Database>({
      PouchDB: WatchedPouch,
      localDb: local,
      network: new Network(),
    });
    services.push(sync);
    const journal = async () =>
      (await local.get(SYNC_JOURNAL_ID)) as { pullSeq: unknown; pullFiltered: unknown };
    await sync.start(config);
    await until(() => sync.status().state === 'up-to-date', 'up to date');
    await local.get('a');
    // The manager's budget arrives like any setting.
    const stored = (await remote.get('unit-settings')) as typeof settings;
    await remote.put({ ...stored, deviceBudgetMonths: 6 });
    await until(() => since.length > 0, 'a feed read');
    for (let tries = 0; ; tries += 1) {
      const here = (await local.get('unit-settings')) as { deviceBudgetMonths?: number };
      const { pullFiltered, pullSeq } = await journal();
      if (here.deviceBudgetMonths === 6 && pullFiltered === false && typeof pullSeq === 'number') break;
      if (tries > 500) throw new Error('the budget did not arrive');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await sync.stop();
    const { pullSeq } = await journal();
    since.length = 0;

    await sync.start(config);
    await remote.bulkDocs([{ _id: 'reporter:KBM-240101-X7Q-0001' }, { _id: 'b' }]);
    await until(() => sync.status().state === 'up-to-date', 'up to date with the budget');
    await until(() => since.length > 0, 'a feed read');
    for (let tries = 0; (await local.get('b').catch(() => null)) === null; tries += 1) {
      if (tries > 500) throw new Error('b did not arrive');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Not from the beginning: from where the pull without the filter had stored its checkpoint.
    expect(since[0]).toBe(pullSeq);
    expect(since).not.toContain(0);
    await expect(local.get('reporter:KBM-240101-X7Q-0001')).rejects.toMatchObject({ status: 404 });
    for (let tries = 0; (await journal()).pullFiltered !== true; tries += 1) {
      if (tries > 500) throw new Error('the filtered pull stored no checkpoint');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });

  it('with a budget, pulls the later documents of an old complaint written here since the run began', async () => {
    const config = { ...CONFIG, databaseName: `unit-${crypto.randomUUID()}` };
    const remote = remoteOf(`https://central.example.go.id/${config.databaseName}`);
    const settings = defaultUnitSettings('KBM', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
      officerId: 'officer-1',
      name: 'Siti',
    });
    const old = 'KBM-240101-X7Q-0001';
    const complaintId = `complaint:2024-01-01T02:00:00.000Z:${old}:${'a'.repeat(64)}`;
    const eventId = (n: number) =>
      `event:${old}:2024-01-0${n}T02:00:00.000Z:X7Q:000000000${n}:${'b'.repeat(64)}`;
    await remote.bulkDocs([
      { ...settings, deviceBudgetMonths: 6 },
      { _id: complaintId },
      { _id: eventId(1) },
    ]);
    const local = memoryDatabase();
    // The settings are here (as after a first download); the old complaint is not.
    await local.put({ ...settings, deviceBudgetMonths: 6 });
    const { service: sync } = service(local);
    await sync.start(config);
    await until(() => sync.status().state === 'up-to-date', 'up to date');
    await expect(local.get(complaintId)).rejects.toMatchObject({ status: 404 });
    // Fetched whole at the desk (on demand), while the pull runs.
    await local.bulkDocs([{ _id: complaintId }, { _id: eventId(1) }]);
    await settle(20);
    await remote.put({ _id: eventId(2) });
    for (let tries = 0; (await local.get(eventId(2)).catch(() => null)) === null; tries += 1) {
      if (tries > 500) throw new Error('the later event of the complaint held here did not come');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });

  it('counts unsent changes offline and sends them when the network comes back', async () => {
    const config = { ...CONFIG, databaseName: `unit-${crypto.randomUUID()}` };
    const local = memoryDatabase();
    await local.bulkDocs([{ _id: 'a' }, { _id: 'b' }]);
    const network = new Network(false);
    const { service: sync } = service(local, network);
    await sync.start(config);
    expect(sync.status().state).toBe('offline');
    await until(() => sync.status().pendingLocalChanges === 2, 'two pending');
    await local.put({ _id: 'c' });
    await until(() => sync.status().pendingLocalChanges === 3, 'three pending');

    network.set(true);
    await until(
      () => sync.status().state === 'up-to-date' && sync.status().pendingLocalChanges === 0,
      'sent',
    );
    const remote = remoteOf(`https://central.example.go.id/${config.databaseName}`);
    expect((await remote.allDocs()).rows.map((row) => row.id)).toEqual(['a', 'b', 'c']);
  });

  it('stops, restarts from where it was, and cannot be used once disposed', async () => {
    const config = { ...CONFIG, databaseName: `unit-${crypto.randomUUID()}` };
    const local = memoryDatabase();
    const { service: sync, statuses } = service(local);
    await sync.start(config);
    await until(() => sync.status().state === 'up-to-date', 'up to date');
    await sync.stop();
    expect(sync.status().state).toBe('disabled');
    await sync.stop();

    await sync.start(config);
    await until(() => sync.status().state === 'up-to-date', 'up to date after restart');
    expect(statuses.some((status) => status.state === 'syncing' && status.progress !== null)).toBe(false);

    await sync.dispose();
    await sync.dispose();
    await expect(sync.start(config)).rejects.toThrow('disposed');
    expect(() => sync.syncNow()).toThrow('disposed');
  });

  it('refuses a server address that is not http(s)', async () => {
    const { service: sync } = service(memoryDatabase());
    await expect(sync.start({ ...CONFIG, serverUrl: 'central.example.go.id' })).rejects.toThrow(RangeError);
    expect(await sync.testConnection({ ...CONFIG, serverUrl: 'file:///etc' })).toEqual({
      ok: false,
      step: 'server',
      error: { reason: 'unreachable', message: 'Not an http(s) address.' },
    });
  });

  it('keeps publishing when a listener throws, and stops calling an unsubscribed one', async () => {
    const local = memoryDatabase();
    const { service: sync } = service(local, new Network(false));
    const seen: string[] = [];
    const originalError = console.error;
    console.error = () => undefined;
    try {
      sync.subscribe(() => {
        throw new Error('listener bug');
      });
      const unsubscribe = sync.subscribe((status) => seen.push(status.state));
      await sync.start(CONFIG);
      unsubscribe();
      await sync.stop();
    } finally {
      console.error = originalError;
    }
    expect(seen).toEqual(['offline']);
  });
});

// ---- scripted replications ---------------------------------------------------------------

class FakeReplication extends EventEmitter implements PouchReplication {
  cancelled = false;
  /** When true, a cancel does not end the replication (a hung request). */
  hang = false;
  #resolve: (value: unknown) => void = () => undefined;
  readonly #done = new Promise<unknown>((resolve) => {
    this.#resolve = resolve;
  });

  constructor(
    readonly kind: 'push' | 'pull' | 'retry',
    readonly options: PouchReplicationOptions,
  ) {
    super();
  }

  cancel(): void {
    this.cancelled = true;
    if (!this.hang) this.finish();
  }

  finish(): void {
    this.emit('complete', {});
    this.#resolve(undefined);
  }

  fail(error: unknown): void {
    this.emit('error', error);
    this.#resolve(undefined);
  }

  then<A = unknown, B = never>(
    onFulfilled?: ((value: unknown) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.#done.then(onFulfilled, onRejected);
  }
}

function scripted(info: PouchDatabaseInfo = { doc_count: 0, update_seq: 0 }, fetch?: FetchFunction) {
  const replications: FakeReplication[] = [];
  const opened: { name: string; options: PouchRemoteOptions }[] = [];
  let local: PouchDatabase | null = null;
  /** The remote's `info()` (the sign-in request before each run's replications) and its calls. */
  const remoteInfo = { answer: () => Promise.resolve(info), calls: 0 };
  class FakePouch implements PouchDatabase {
    static replicate(
      source: PouchDatabase,
      _target: PouchDatabase,
      options: PouchReplicationOptions,
    ): PouchReplication {
      const kind = options.doc_ids ? 'retry' : source === local ? 'push' : 'pull';
      const created = new FakeReplication(kind, options);
      replications.push(created);
      return created;
    }
    constructor(name: string, options: PouchRemoteOptions) {
      opened.push({ name, options });
    }
    info(): Promise<PouchDatabaseInfo> {
      remoteInfo.calls += 1;
      return remoteInfo.answer();
    }
    changes(): PouchChanges {
      throw new Error('not used on the remote');
    }
    get(): Promise<object> {
      return Promise.reject(new Error('not used on the remote'));
    }
    put(): Promise<{ rev: string }> {
      return Promise.reject(new Error('not used on the remote'));
    }
  }
  const timers = new ManualTimers();
  const network = new Network();
  const db = memoryDatabase();
  local = db;
  const service = new SyncService<PouchDatabase>({
    PouchDB: FakePouch,
    localDb: db,
    ...(fetch ? { fetch } : {}),
    timers,
    now: () => timers.now,
    network,
    machine: { random: () => 0.5 },
    cancelGraceMs: 5_000,
  });
  services.push(service);
  const statuses: SyncStatus[] = [];
  service.subscribe((status) => statuses.push(status));
  const live = (): FakeReplication[] =>
    replications.filter((entry) => !entry.cancelled && entry.kind !== 'retry');
  const last = (kind: FakeReplication['kind']): FakeReplication => {
    const found = replications.filter((entry) => entry.kind === kind).at(-1);
    if (!found) throw new Error(`no ${kind} replication`);
    return found;
  };
  return { service, replications, opened, timers, network, db, statuses, live, last, remoteInfo };
}

const UNREACHABLE = Object.assign(new TypeError('fetch failed'), {
  cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5984'), { code: 'ECONNREFUSED' }),
});

describe('with scripted replications', () => {
  it('opens the remote at the database URL, with basic auth, without creating it', async () => {
    const { service, opened, replications } = scripted();
    await service.start(CONFIG);
    await settle();
    expect(opened).toEqual([
      {
        name: 'https://central.example.go.id/meja-aduan-unit-kbm',
        options: {
          auth: { username: 'unit-kbm', password: 'rahasia' },
          skip_setup: true,
          fetch: expect.any(Function) as unknown,
        },
      },
    ]);
    expect(replications.map((entry) => [entry.kind, entry.options])).toEqual([
      ['push', { live: true, retry: false, batch_size: 500 }],
      ['pull', { live: true, retry: false, batch_size: 500 }],
    ]);
  });

  it('reports a failure, waits with back-off, then starts again, one run at a time', async () => {
    const { service, timers, statuses, live, last } = scripted();
    await service.start(CONFIG);
    await settle();
    last('pull').fail(UNREACHABLE);
    await settle();
    expect(live()).toEqual([]);
    expect(service.status()).toMatchObject({
      state: 'error',
      error: { reason: 'unreachable', message: 'fetch failed' },
      nextRetryAt: new Date(timers.now + 1_500).toISOString(),
    });
    expect(timers.pending()).toEqual([1_500]);

    timers.advance(1_500);
    await settle();
    expect(live().map((entry) => entry.kind)).toEqual(['push', 'pull']);
    expect(statuses.at(-1)?.state).toBe('connecting');

    // The second failure waits longer (2 s · 2, jittered to 3 s).
    last('push').fail(UNREACHABLE);
    await settle();
    expect(timers.pending()).toEqual([3_000]);
  });

  it('does not start a new run before the cancelled one has wound down (or the grace period ran out)', async () => {
    const { service, timers, replications, last } = scripted();
    await service.start(CONFIG);
    await settle();
    last('push').hang = true;
    service.syncNow();
    await settle();
    expect(replications).toHaveLength(2);
    timers.advance(4_999);
    await settle();
    expect(replications).toHaveLength(2);
    timers.advance(1);
    await settle();
    expect(replications.map((entry) => entry.kind)).toEqual(['push', 'pull', 'push', 'pull']);
  });

  it('starts the next run as soon as the cancelled one ends', async () => {
    const { service, replications, last } = scripted();
    await service.start(CONFIG);
    await settle();
    const push = last('push');
    push.hang = true;
    service.syncNow();
    await settle();
    expect(replications).toHaveLength(2);
    push.finish();
    await settle();
    expect(replications).toHaveLength(4);
  });

  it('halves the batch size on 413 and starts again at once', async () => {
    const { service, timers, last } = scripted();
    await service.start(CONFIG);
    await settle();
    last('push').fail({ status: 413, name: 'request_entity_too_large', message: 'Request Entity Too Large' });
    await settle();
    expect(last('push').options.batch_size).toBe(250);
    expect(last('pull').options.batch_size).toBe(250);
    expect(timers.pending()).toEqual([]);
    expect(service.status().state).toBe('connecting');
  });

  it('does not retry a refused login by itself; "sync now" does', async () => {
    const { service, timers, replications, last } = scripted();
    await service.start(CONFIG);
    await settle();
    last('pull').fail({ status: 401, name: 'unauthorized', message: 'Name or password is incorrect.' });
    await settle();
    expect(service.status()).toMatchObject({
      state: 'error',
      error: { reason: 'unauthorized' },
      nextRetryAt: null,
    });
    expect(timers.pending()).toEqual([]);
    service.syncNow();
    await settle();
    expect(replications).toHaveLength(4);
  });

  it('signs in with one request before replicating: a wrong password or a locked account starts no replication and is not repeated', async () => {
    const wrong = {
      status: 401,
      error: 'unauthorized',
      name: 'unauthorized',
      reason: 'Name or password is incorrect.',
    };
    const locked = {
      status: 403,
      error: 'forbidden',
      name: 'forbidden',
      reason: 'Account is temporarily locked due to multiple authentication failures',
    };
    for (const [refusal, reason] of [
      [wrong, 'unauthorized'],
      [locked, 'locked-out'],
    ] as const) {
      const { service, timers, network, replications, remoteInfo } = scripted();
      remoteInfo.answer = () => Promise.reject(Object.assign(new Error(refusal.reason), refusal));
      await service.start(CONFIG);
      await settle();
      expect(remoteInfo.calls).toBe(1);
      expect(replications).toEqual([]);
      expect(service.status()).toMatchObject({
        state: 'error',
        error: { reason, status: refusal.status },
        nextRetryAt: null,
      });
      // Nothing repeats it: no timer, and the network going and coming back changes nothing.
      expect(timers.pending()).toEqual([]);
      network.set(false);
      await settle();
      network.set(true);
      timers.advance(10 * 60_000);
      await settle();
      expect(remoteInfo.calls).toBe(1);
      expect(service.status()).toMatchObject({ state: 'error', error: { reason } });
      // The person's "sync now" is one more attempt; with the right answer the replications start.
      remoteInfo.answer = () => Promise.resolve({ doc_count: 0, update_seq: 0 });
      service.syncNow();
      await settle();
      expect(remoteInfo.calls).toBe(2);
      expect(replications.map((entry) => entry.kind)).toEqual(['push', 'pull']);
    }
  });

  it('starts again after a lockout when "test connection" passes with the saved settings, not with others', async () => {
    const answers: Response[] = [];
    const fetch: FetchFunction = () =>
      Promise.resolve(answers.shift() ?? new Response('{}', { status: 500 }));
    const welcome = (): Response => new Response(JSON.stringify({ couchdb: 'Welcome', version: '3.5.0' }));
    const database = (): Response =>
      new Response(JSON.stringify({ db_name: CONFIG.databaseName, doc_count: 3 }));
    const { service, replications, remoteInfo } = scripted(undefined, fetch);
    remoteInfo.answer = () =>
      Promise.reject(
        Object.assign(new Error('locked'), {
          status: 403,
          name: 'forbidden',
          reason: 'Account is temporarily locked due to multiple authentication failures',
        }),
      );
    await service.start(CONFIG);
    await settle();
    expect(service.status()).toMatchObject({ state: 'error', error: { reason: 'locked-out' } });
    remoteInfo.answer = () => Promise.resolve({ doc_count: 3, update_seq: 0 });

    // Another password passes: shown as a result, but the sync keeps the saved one and waits.
    answers.push(welcome(), database());
    expect(await service.testConnection({ ...CONFIG, password: 'lain' })).toMatchObject({ ok: true });
    await settle();
    expect(remoteInfo.calls).toBe(1);
    expect(replications).toEqual([]);

    // The saved settings pass: the sync starts again, with one sign-in.
    answers.push(welcome(), database());
    expect(await service.testConnection(CONFIG)).toMatchObject({ ok: true });
    await settle();
    expect(remoteInfo.calls).toBe(2);
    expect(replications.map((entry) => entry.kind)).toEqual(['push', 'pull']);
  });

  it('goes offline and back with the network', async () => {
    const { service, network, live } = scripted();
    await service.start(CONFIG);
    await settle();
    network.set(false);
    await settle();
    expect(service.status().state).toBe('offline');
    expect(live()).toEqual([]);
    network.set(true);
    await settle();
    expect(live()).toHaveLength(2);
  });

  it('shows syncing, then up to date once both directions caught up', async () => {
    const { service, last } = scripted();
    await service.start(CONFIG);
    await settle();
    last('push').emit('active');
    expect(service.status().state).toBe('syncing');
    last('push').emit('paused');
    expect(service.status().state).toBe('connecting');
    last('pull').emit('paused');
    expect(service.status()).toMatchObject({ state: 'up-to-date' });
  });

  it('shows the first download’s progress from the remote’s count and the pull’s writes', async () => {
    const { service, last } = scripted({ doc_count: 180, doc_del_count: 20, update_seq: '200-x' });
    await service.start(CONFIG);
    await settle();
    const pull = last('pull');
    pull.emit('active');
    pull.emit('change', { docs_written: 50, docs: [] });
    expect(service.status()).toMatchObject({
      state: 'syncing',
      progress: { docsDone: 50, docsTotal: 200, percent: 25 },
    });
    pull.emit('change', { docs_written: 150, docs: [] });
    expect(service.status()).toMatchObject({ progress: { docsDone: 150, percent: 75 } });
  });

  it('keeps a refused document, reports it, offers it again at the next start, and forgets it once accepted', async () => {
    const { service, db, replications, last } = scripted();
    await db.put({ _id: 'event:x' });
    await service.start(CONFIG);
    await settle();
    const refusal = {
      id: 'event:x',
      error: 'forbidden',
      name: 'forbidden',
      status: 500,
      reason: 'immutable: events cannot change',
      message: 'immutable: events cannot change',
    };
    last('push').emit('denied', refusal);
    last('push').emit('paused');
    last('pull').emit('paused');
    expect(service.status()).toMatchObject({
      state: 'error',
      error: { reason: 'rejected-document', documentId: 'event:x', rejection: 'immutable' },
      nextRetryAt: null,
      rejectedDocuments: [
        { id: 'event:x', message: 'immutable: events cannot change', rejection: 'immutable' },
      ],
    });
    await settle();
    const journal = (await db.get(SYNC_JOURNAL_ID)) as { rejected: unknown[] };
    expect(journal.rejected).toHaveLength(1);

    // "Sync now": the refused document is offered first, on its own, without a checkpoint.
    service.syncNow();
    await settle();
    const retry = last('retry');
    expect(retry.options).toEqual({ doc_ids: ['event:x'], checkpoint: false, batch_size: 500 });
    expect(replications.at(-1)?.kind).toBe('retry');
    retry.emit('change', { docs_written: 1, docs: [{ _id: 'event:x', _rev: '2-b' }] });
    retry.finish();
    await settle();
    expect(service.status().rejectedDocuments).toEqual([]);
    expect(replications.slice(-2).map((entry) => entry.kind)).toEqual(['push', 'pull']);
  });

  it('keeps counting a refused document as unsent', async () => {
    const { service, db, timers, last } = scripted();
    await db.put({ _id: 'event:y' });
    await service.start(CONFIG);
    await settle();
    const push = last('push');
    push.emit('denied', { id: 'event:y', name: 'forbidden', status: 500, reason: 'schema: bad' });
    push.emit('checkpoint', { checkpoint: 1 });
    await settle(10);
    timers.advance(1_000);
    await settle(10);
    expect(service.status().pendingLocalChanges).toBe(1);
  });

  it('treats a live replication that ends by itself as a failure', async () => {
    const { service, timers, last } = scripted();
    await service.start(CONFIG);
    await settle();
    last('pull').finish();
    await settle();
    expect(service.status()).toMatchObject({ state: 'error', error: { reason: 'unknown' } });
    expect(timers.pending()).toEqual([1_500]);
  });

  it('cancels everything and clears its timer on stop', async () => {
    const { service, timers, live, last } = scripted();
    await service.start(CONFIG);
    await settle();
    last('pull').fail(UNREACHABLE);
    await settle();
    expect(timers.pending()).toEqual([1_500]);
    await service.stop();
    expect(timers.pending()).toEqual([]);
    expect(live()).toEqual([]);
    expect(service.status().state).toBe('disabled');
  });
});
