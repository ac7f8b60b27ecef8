/**
 * A real client core for tests: the composition root over fake-indexeddb and memory PouchDB, with
 * a fixed clock, a fake platform and sync that stays offline. `stopTestCores` (in `afterEach`)
 * stops every core built and deletes its databases.
 */
import { webStorageDeviceMark, type DeviceMarkStore } from './data/device-mark';
import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { MIN_SECRET_ITERATIONS } from '../../shared/auth/secret-verifier';
import type { PlatformApi } from '../../shared/platform/platform-contract';
import type { IntakeInput } from '../../shared/complaint/complaint-schema';
import type { Role } from '../../shared/workflow/roles';
import type { SetupInput } from '../../shared/unit/unit-profile';
import { memoryDatabase } from '../../test/support/memory-database';
import type { ClientCore } from './client-core';
import { createClientCore } from './create-client-core';
import type { UnitDatabase } from './data/database';
import { DeviceDatabase } from './data/device-database';
import { testUnitKey } from './keys/test-unit-key.fixtures';
import type { RemoteRequest } from './sync/initial-download';
import { SyncService } from './sync/sync-service';

PouchDB.plugin(memoryAdapter).plugin(replication);

/** Monday 2 March 2026, 10:00 WIB. */
export const TEST_NOW = new Date('2026-03-02T03:00:00Z');

/** Every test officer's own PIN (a manager's first PIN for them is TEST_FIRST_PIN, changed at first sign-in). */
export const TEST_PIN = '482913';
export const TEST_FIRST_PIN = '573920';

/** A new unit's first run, its first officer a manager. */
export const TEST_SETUP: SetupInput = {
  unitCode: 'KTB',
  unitName: 'Dinas Uji',
  agency: 'Pemerintah Kota Uji',
  entityType: 'city',
  contact: 'aduan@uji.go.id',
  address: 'Jl. Uji 1',
  timeZone: 'Asia/Jakarta',
  deviceCode: 'A2C',
  officerName: 'Sari',
  officerRole: 'manager',
  officerSecret: TEST_PIN,
  officerSecretConfirm: TEST_PIN,
};

const platform = {
  readSecret: () => Promise.resolve({ value: null, protection: 'browser-storage' }),
  storeSecret: () => Promise.resolve({ protection: 'browser-storage' }),
  // As the browser host: the unit key's wraps are kept as they are (docs/decisions/017-unit-key.md).
  sealKeyWrap: ({ text }: { text: string }) =>
    Promise.resolve({ sealed: text, protection: 'browser-storage' }),
  openKeyWrap: ({ sealed }: { sealed: string }) =>
    Promise.resolve({ text: sealed, protection: 'browser-storage' }),
  saveFile: () => Promise.resolve({ status: 'cancelled' }),
  print: () => Promise.resolve({ status: 'printed' }),
  appInfo: () => Promise.resolve({ name: 'Meja Aduan', version: '0.0.0-test' }),
  listen: () => () => undefined,
} as unknown as PlatformApi;

type Opened = { core: ClientCore; device: DeviceDatabase; unit: UnitDatabase[] };
const opened: Opened[] = [];

/**
 * A core (and its device database) on a device not yet set up; `unitDatabases` lists the unit
 * databases it opened (a test replicates into them as sync would). `centralRequest`: what the sync
 * service answers for requests to the central (the app's: its http remote; here none by default).
 */
export function testCore(
  options: Readonly<{
    centralRequest?: () => RemoteRequest | null;
    /** Where the mark that the device was set up is kept (in memory, this core's own, by default). */
    deviceMark?: DeviceMarkStore;
    /** This device's Dexie database (a new one by default): the same one again is a restart. */
    deviceDatabase?: DeviceDatabase;
  }> = {},
): Readonly<{
  core: ClientCore;
  device: DeviceDatabase;
  unitDatabases: UnitDatabase[];
}> {
  const device = options.deviceDatabase ?? new DeviceDatabase(`device-${crypto.randomUUID()}`);
  const unit: UnitDatabase[] = [];
  const opens = new Map<string, UnitDatabase>();
  const core = createClientCore({
    platform,
    isDesktop: false,
    language: { init: () => Promise.resolve(), change: () => Promise.resolve() },
    now: () => TEST_NOW,
    deviceDatabase: device,
    deviceMark: options.deviceMark ?? webStorageDeviceMark(null),
    // A restart (device.stop, then start) opens the same unit's database again, as on disk.
    openDatabase: (unitCode) => {
      const known = opens.get(unitCode);
      if (known) return known;
      const db = memoryDatabase();
      opens.set(unitCode, db);
      unit.push(db);
      return db;
    },
    // The lowest count the verifier accepts: a test signs in many times.
    secretIterations: MIN_SECRET_ITERATIONS,
    // Every test device makes the same unit key (./keys/test-unit-key.fixtures): a test that
    // replicates between two cores reads on one what the other sealed.
    newUnitKey: () => testUnitKey(),
    createSyncService: (localDb) => {
      const service = new SyncService<UnitDatabase>({
        PouchDB,
        localDb,
        network: { isOnline: () => false, subscribe: () => () => undefined },
      });
      if (options.centralRequest) service.centralRequest = options.centralRequest;
      return service;
    },
  });
  opened.push({ core, device, unit });
  return { core, device, unitDatabases: unit };
}

/** Stops every core built since the last call and deletes its databases. */
export async function stopTestCores(): Promise<void> {
  for (const { core, device, unit } of opened.splice(0)) {
    await core.device.stop();
    // Index work already queued finishes before the databases go.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await device.delete();
    await Promise.all(unit.map((db) => db.destroy()));
  }
}

/**
 * Signs in the officer named `name` with TEST_PIN: the first time, the unit's manager (signed in
 * for it) adds them with TEST_FIRST_PIN and they change it to TEST_PIN at their first sign-in.
 */
export async function signInAs(core: ClientCore, name: string, role: Role = 'officer'): Promise<void> {
  const now = TEST_NOW;
  const known = (await core.officers.list()).find((officer) => officer.name === name);
  if (known) {
    const outcome = await core.officers.signIn(known.id, TEST_PIN, now);
    if (!outcome.ok) throw new Error(`${name} could not sign in: ${outcome.problem}`);
    return;
  }
  if (core.store.getState().officer?.role !== 'manager') {
    const manager = (await core.officers.listActive()).find((officer) => officer.role === 'manager');
    if (!manager) throw new Error('no manager to add an officer');
    await core.officers.signIn(manager.id, TEST_PIN, now);
  }
  const added = await core.officers.add(name, role, TEST_FIRST_PIN, TEST_FIRST_PIN, now);
  if (!added.ok) throw new Error(`${name} not added: ${added.problem}`);
  const first = await core.officers.signIn(added.officer.id, TEST_FIRST_PIN, now);
  if (!first.ok || !first.mustChangeSecret)
    throw new Error(`${name}: the first sign-in did not ask for a new PIN`);
  const changed = await core.officers.changeOwnSecret(TEST_PIN, TEST_PIN, now);
  if (!changed.ok) throw new Error(`${name}: the PIN was not changed: ${changed.problem}`);
}

/** An anonymous walk-in complaint's intake with `title`, of `category` (health by default). */
export function anonymousIntake(title: string, category = 'health'): IntakeInput {
  return {
    channel: 'walk-in',
    reportType: 'complaint',
    privacyMode: 'anonymous',
    reporter: { name: '', nik: '', phone: '', email: '', address: '' },
    title,
    chronology: 'Pelayanan lambat.',
    incidentDate: '2026-02-27',
    location: '',
    category,
    targetOffice: '',
    attachments: [],
  };
}
