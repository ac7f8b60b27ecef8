/**
 * The order of a start (docs/benchmarks.md, 'The whole app'): the core asks who is at the desk
 * before the work the sign-in screen does not need begins (the search index, Beranda's indicator
 * records); that work runs in the background, and the list's first page answers while the search
 * index is still loading.
 */
import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIN_SECRET_ITERATIONS } from '../../../shared/auth/secret-verifier';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import type { PlatformApi } from '../../../shared/platform/platform-contract';
import { validateSetup } from '../../../shared/unit/unit-profile';
import { memoryDatabase } from '../../../test/support/memory-database';
import type { ClientCore } from '../client-core';
import { createClientCore } from '../create-client-core';
import type { UnitDatabase } from '../data/database';
import { DeviceDatabase } from '../data/device-database';
import { IndicatorRecords } from '../data/indicator-records';
import { SearchIndex } from '../search/search-index';
import { SearchIndexer } from '../search/search-indexer';
import { SyncService } from '../sync/sync-service';
import { TEST_NOW, TEST_PIN, TEST_SETUP } from '../test-core.fixtures';

const INTAKE: IntakeInput = {
  channel: 'phone',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: { name: 'Budi Santoso', nik: '', phone: '081211112222', email: '', address: '' },
  title: 'Jalan rusak di Kebumen',
  chronology: 'Lubang besar di Jl. Melati.',
  incidentDate: '2026-02-27',
  location: 'Jl. Melati',
  category: 'infrastructure',
  targetOffice: '',
  attachments: [],
};

const platform = {
  readSecret: () => Promise.resolve({ value: null, protection: 'browser-storage' }),
  storeSecret: () => Promise.resolve({ protection: 'browser-storage' }),
  // As the browser host: the unit key's wraps are kept as they are (docs/decisions/017-unit-key.md).
  sealKeyWrap: ({ text }: { text: string }) =>
    Promise.resolve({ sealed: text, protection: 'browser-storage' }),
  openKeyWrap: ({ sealed }: { sealed: string }) =>
    Promise.resolve({ text: sealed, protection: 'browser-storage' }),
  listen: () => () => undefined,
} as unknown as PlatformApi;

/** A core over `device` and `unit`: the same databases again are a restart of the app. */
function coreOn(device: DeviceDatabase, unit: UnitDatabase): ClientCore {
  return createClientCore({
    platform,
    isDesktop: false,
    language: { init: () => Promise.resolve(), change: () => Promise.resolve() },
    now: () => TEST_NOW,
    deviceDatabase: device,
    openDatabase: () => unit,
    secretIterations: MIN_SECRET_ITERATIONS,
    createSyncService: (localDb) =>
      new SyncService<UnitDatabase>({
        PouchDB,
        localDb,
        network: { isOnline: () => false, subscribe: () => () => undefined },
      }),
  });
}

async function until(done: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500 && !done(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!done()) throw new Error(`${what}: not reached`);
}

/** Waits until a search for `text` finds the one complaint (the search index has indexed it). */
async function found(core: ClientCore, text: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if ((await core.search.query({ text, limit: 20 })).hits.length === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${text}: not found`);
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('a start', () => {
  it('asks who is at the desk before the search index and Beranda’s records start; the list answers while the search index loads', async () => {
    const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
    const unit = memoryDatabase();
    const cores: ClientCore[] = [];
    cleanups.push(async () => {
      for (const core of cores) await core.device.stop();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await device.delete();
      await unit.destroy();
    });
    // A unit with one complaint, indexed; then the app closes.
    const first = coreOn(device, unit);
    cores.push(first);
    const setup = validateSetup(TEST_SETUP);
    if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
    await first.device.setup(setup.value, TEST_NOW);
    await first.intake.save({ input: INTAKE, files: [], receivedAt: TEST_NOW, localDate: '2026-03-02' });
    await found(first, 'kebumen');
    await first.device.stop();

    // The restart: what has started when the sign-in is asked for; the search index's load held
    // until released.
    const searchStart = vi.spyOn(SearchIndexer.prototype, 'start');
    const indicatorsStart = vi.spyOn(IndicatorRecords.prototype, 'start');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const load = vi.spyOn(SearchIndex.prototype, 'load');
    load.mockImplementationOnce(async function (this: SearchIndex, ...args) {
      await held;
      load.mockRestore();
      return this.load(...args);
    });
    const core = coreOn(device, unit);
    cores.push(core);
    let startedWhenAsked: number | undefined;
    core.store.subscribe((state) => {
      if (state.phase === 'choose-officer' && startedWhenAsked === undefined)
        startedWhenAsked = searchStart.mock.calls.length + indicatorsStart.mock.calls.length;
    });
    await core.device.prepareLanguage();
    await core.device.start();
    expect(startedWhenAsked).toBe(0);
    expect(searchStart).toHaveBeenCalledOnce();
    expect(indicatorsStart).toHaveBeenCalledOnce();

    // Signed in, the list's first page (no text: the complaint index) while the search index loads.
    const [manager] = await core.officers.listActive();
    if (!manager) throw new Error('no officer');
    expect(await core.officers.signIn(manager.id, TEST_PIN, TEST_NOW)).toMatchObject({ ok: true });
    expect(core.search.status().state).not.toBe('ready');
    const page = await core.search.query({ text: '', limit: 20 });
    expect(page.hits.map((hit) => hit.row.title)).toEqual([INTAKE.title]);
    expect(core.search.status().state).not.toBe('ready');

    // Once loaded, the search finds it.
    release();
    await until(() => core.search.status().state === 'ready', 'the search index');
    await found(core, 'kebumen');
  });
});
