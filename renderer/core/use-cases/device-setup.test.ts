/**
 * A device joining its unit (device.join) with a scripted sync service: the first download reports
 * its stages as initial-download does, writing the unit's own documents in stage `unit`, and a
 * scripted central answers the device-code check (../sync/device-code-check). The desk opens once
 * stage `unit` is done, while the download goes on; a code the central says is in use is refused
 * without waiting; when the central cannot tell, join waits for the whole download and checks the
 * ids on the device.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_SECRET_ITERATIONS } from '../../../shared/auth/secret-verifier';
import { intakeDocuments, unitProfileDoc } from '../../../shared/couch/documents.fixtures';
import type { Enrolment } from '../../../shared/enrolment/enrolment-code';
import type { PlatformApi } from '../../../shared/platform/platform-contract';
import { DISABLED_STATUS, type FirstSyncStage, type SyncStatus } from '../../../shared/sync/sync-status';
import type { ValidJoin } from '../../../shared/unit/join-unit';
import { memoryDatabase } from '../../../test/support/memory-database';
import type { ClientCore } from '../client-core';
import { createClientCore } from '../create-client-core';
import type { UnitDatabase } from '../data/database';
import { DeviceDatabase } from '../data/device-database';
import type { RemoteRequest } from '../sync/download-protocol';
import type { SyncService } from '../sync/sync-service';
import { TEST_NOW } from '../test-core.fixtures';

const platform = {
  readSecret: () => Promise.resolve({ value: null, protection: 'browser-storage' }),
  storeSecret: () => Promise.resolve({ protection: 'browser-storage' }),
  sealKeyWrap: ({ text }: { text: string }) =>
    Promise.resolve({ sealed: text, protection: 'browser-storage' }),
  openKeyWrap: ({ sealed }: { sealed: string }) =>
    Promise.resolve({ text: sealed, protection: 'browser-storage' }),
  listen: () => () => undefined,
} as unknown as PlatformApi;

const UNIT = 'KBM';
const ENROLMENT: Enrolment = {
  serverUrl: 'https://pusat.example.go.id',
  unitCode: UNIT,
  deviceCode: 'Q7M',
  password: 'ABCDEFGHJKMNPQRS',
  expiresAt: '2026-03-09T14:46:00.000Z',
};
const JOIN: ValidJoin = {
  enrolment: ENROLMENT,
  unitCode: UNIT,
  serverUrl: ENROLMENT.serverUrl,
  deviceCode: 'Q7M',
  officerName: 'Rina',
  officerRole: 'officer',
};

type ViewAnswer = 'in-use' | 'free' | 'no-view';

/**
 * A sync service whose first download is scripted: on start it reports stage `unit`, writes the
 * unit profile, then reports stage `open` and stays there until `finish()` (up to date, after
 * writing `history`). The central answers the devices view with `view`.
 */
function scriptedSync(localDb: UnitDatabase, view: ViewAnswer, history: readonly object[]) {
  let status: SyncStatus = DISABLED_STATUS;
  const listeners = new Set<() => void>();
  const asked: string[] = [];
  const set = (next: SyncStatus): void => {
    status = next;
    for (const listener of listeners) listener();
  };
  const staged = (stage: FirstSyncStage): SyncStatus => ({
    ...DISABLED_STATUS,
    state: 'syncing',
    progress: {
      docsDone: 0,
      docsTotal: null,
      percent: null,
      stage: { stage, docsDone: 0, docsTotal: null, percent: null, secondsLeft: null },
    },
  });
  const json = (body: unknown, code = 200): Response =>
    new Response(JSON.stringify(body), { status: code, headers: { 'Content-Type': 'application/json' } });
  const request: RemoteRequest = (path) => {
    asked.push(path);
    if (path.startsWith('_changes')) return Promise.resolve(json({ results: [], pending: 0 }));
    if (view === 'no-view') return Promise.resolve(json({ error: 'not_found', reason: 'missing' }, 404));
    const rows = view === 'in-use' ? [{ key: JOIN.deviceCode, value: 3 }] : [];
    return Promise.resolve(json({ rows, update_seq: '5-x' }));
  };
  const service = {
    status: () => status,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: async () => {
      set(staged('unit'));
      await localDb.put(unitProfileDoc(UNIT));
      set(staged('open'));
    },
    stop: () => {
      set(DISABLED_STATUS);
      return Promise.resolve();
    },
    dispose: () => Promise.resolve(),
    enrol: () => Promise.resolve({ ok: true }),
    centralRequest: () => request,
    createOnCentral: () => Promise.resolve({ status: 'unreachable' }),
    syncNow: () => undefined,
  };
  const finish = async (): Promise<void> => {
    await localDb.bulkDocs(history as never[], { new_edits: false });
    set({ ...DISABLED_STATUS, state: 'up-to-date', lastSyncedAt: TEST_NOW.toISOString() });
  };
  return { service: service as unknown as SyncService<UnitDatabase>, asked, finish };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function joiningCore(view: ViewAnswer, history: readonly object[] = []) {
  const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
  const unit = memoryDatabase();
  let scripted: ReturnType<typeof scriptedSync> | undefined;
  const core: ClientCore = createClientCore({
    platform,
    isDesktop: false,
    language: { init: () => Promise.resolve(), change: () => Promise.resolve() },
    now: () => TEST_NOW,
    deviceDatabase: device,
    openDatabase: () => unit,
    secretIterations: MIN_SECRET_ITERATIONS,
    createSyncService: (localDb) => {
      scripted = scriptedSync(localDb, view, history);
      return scripted.service;
    },
  });
  cleanups.push(async () => {
    await core.device.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await device.delete();
    await unit.destroy();
  });
  const sync = (): ReturnType<typeof scriptedSync> => {
    if (!scripted) throw new Error('sync not started');
    return scripted;
  };
  /** The paths asked of the central so far (none before sync starts). */
  const asked = (): readonly string[] => scripted?.asked ?? [];
  return { core, sync, asked };
}

/** Waits until `done()` (a state, not a duration). */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500 && !done(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!done()) throw new Error(`${what}: not reached`);
}

describe('device.join', () => {
  it('opens the desk once the unit’s own documents are here, while the download is in stage open', async () => {
    const { core, sync } = joiningCore('free');
    const outcome = await core.device.join(JOIN, TEST_NOW);
    expect(outcome).toEqual({ ok: true });
    const state = core.store.getState();
    // The download still runs: stage `open`, not up to date.
    expect(state.syncStatus.state).toBe('syncing');
    expect(state.syncStatus.state === 'syncing' && state.syncStatus.progress?.stage?.stage).toBe('open');
    expect(state.device).toMatchObject({ unitCode: UNIT, deviceCode: 'Q7M' });
    expect(state.phase).toBe('choose-officer');
    // The central was asked about the code, by key.
    expect(sync().asked.some((path) => path.includes('_view/devices?key=%22Q7M%22'))).toBe(true);
  });

  it('refuses a code the central says is in use, without waiting for the download', async () => {
    const { core } = joiningCore('in-use');
    expect(await core.device.join(JOIN, TEST_NOW)).toEqual({
      ok: false,
      issues: [{ path: 'deviceCode', key: 'validation.deviceCode.taken' }],
    });
    expect(core.store.getState().device).toBeUndefined();
  });

  it('when the central cannot tell, waits for the whole download and checks the ids here', async () => {
    // A complaint of this code is in the history (a device revoked before).
    const old = intakeDocuments(UNIT, 1, 'anonymous', { deviceCode: 'Q7M' });
    const { core, sync, asked } = joiningCore('no-view', [old.complaint, old.received]);
    let settled = false;
    const joined = core.device.join(JOIN, TEST_NOW).finally(() => (settled = true));
    await until(() => asked().length > 0, 'the central asked');
    await until(() => {
      const status = core.store.getState().syncStatus;
      return status.state === 'syncing' && status.progress?.stage?.stage === 'open';
    }, 'stage open');
    // Asked, answered 404: join now waits for the history.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    await sync().finish();
    expect(await joined).toEqual({
      ok: false,
      issues: [{ path: 'deviceCode', key: 'validation.deviceCode.taken' }],
    });
  });
});
