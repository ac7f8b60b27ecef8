/**
 * "Ganti kunci unit" in the core, through real PouchDB (memory) and Dexie (fake-indexeddb): a
 * manager rotates; the background pass the new key starts re-wraps every reporter document under
 * it, publishing its progress and then null, and is remembered on the device; an officer may not
 * rotate. Device B, which holds only v1, installs v2 by itself once the records change after the
 * `unit-key:2` document arrived by replication.
 */
import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEALED_REPORTER_SCHEMA_VERSION } from '../../../shared/complaint/sealed-reporter';
import { sealIdentity } from '../../../shared/crypto/reporter-seal';
import { createUnitKey, type UnitKey } from '../../../shared/crypto/unit-key';
import { newUnitKeyDoc } from '../../../shared/crypto/unit-key-document';
import type { PlatformApi } from '../../../shared/platform/platform-contract';
import { memoryDatabase } from '../../../test/support/memory-database';
import { ComplaintIndexQueries } from '../data/complaint-index-queries';
import type { UnitDatabase } from '../data/database';
import { DeviceDatabase } from '../data/device-database';
import { DeviceStore } from '../data/device-store';
import { webStorageDeviceMark } from '../data/device-mark';
import type { RewrapProgress } from '../keys/key-rotation';
import { UnitKeyring } from '../keys/unit-keyring';
import { createAppState } from '../state/app-state';
import type { CoreDeps } from './core-deps';
import { REWRAPPED_PREFIX, createKeyRotationUseCases } from './key-rotation';
import type { UnitRecords } from './unit-records';

PouchDB.plugin(replication);

const NOW = new Date('2026-03-02T03:00:00.000Z');

const opened: { db: UnitDatabase; device: DeviceDatabase }[] = [];
afterEach(async () => {
  for (const { db, device } of opened.splice(0)) {
    await db.destroy();
    await device.delete();
  }
});

function desk(deviceCode: string, role: 'manager' | 'officer') {
  const db = memoryDatabase();
  const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
  opened.push({ db, device });
  const store = createAppState();
  store.getState().openDesk({
    device: { unitCode: 'KTB', deviceCode, createdAt: NOW.toISOString() },
    officer: {
      id: `officer-${deviceCode.toLowerCase()}`,
      name: 'Sari',
      role,
      createdAt: NOW.toISOString(),
      active: true,
    },
  });
  const deps: CoreDeps = {
    store,
    deviceDatabase: device,
    deviceStore: new DeviceStore(device),
    deviceMark: webStorageDeviceMark(null),
    index: new ComplaintIndexQueries(device),
    records: { current: () => ({ db }) } as unknown as UnitRecords,
    platform: {} as PlatformApi,
    now: () => NOW,
    unitKeys: undefined as unknown as CoreDeps['unitKeys'],
  };
  const keyring = new UnitKeyring();
  const rotation = createKeyRotationUseCases(deps, {
    keyring,
    createOnCentral: () => Promise.resolve({ status: 'not-configured' }),
    newKey: createUnitKey,
  });
  return { db, device, store, keyring, rotation };
}

async function withReporters(
  db: UnitDatabase,
  keyring: UnitKeyring,
  v1: UnitKey,
  count: number,
): Promise<void> {
  await db.put(newUnitKeyDoc('KTB', v1, NOW, { device: 'A2C', officer: 'officer-a2c' }));
  const seal = await keyring.purposeKey('reporter-seal', 1);
  const docs = [];
  for (let index = 1; index <= count; index++) {
    const id = `reporter:KTB-260302-A2C-${String(index).padStart(4, '0')}`;
    docs.push({
      _id: id,
      type: 'reporter',
      schemaVersion: SEALED_REPORTER_SCHEMA_VERSION,
      unitCode: 'KTB',
      identity: await sealIdentity(seal, id, {
        name: `P${String(index)}`,
        nik: '',
        phone: '',
        email: '',
        address: '',
      }),
    });
  }
  await db.bulkDocs(docs);
}

const versions = async (db: UnitDatabase): Promise<number[]> =>
  (await db.allDocs({ startkey: 'reporter:', endkey: 'reporter:\ufff0', include_docs: true })).rows.map(
    (row) => (row.doc as unknown as { identity: { keyVersion: number } }).identity.keyVersion,
  );

describe('rotating the unit key in the core', () => {
  it('a manager rotates; the background pass moves every reporter to v2 with progress, once', async () => {
    const a = desk('A2C', 'manager');
    const v1 = await createUnitKey(1);
    a.keyring.install(v1, v1);
    await a.rotation.settle();
    await withReporters(a.db, a.keyring, v1, 60);
    const seen: (RewrapProgress | null)[] = [];
    a.rotation.onRewrapProgress((progress) => seen.push(progress));

    expect(await a.rotation.rotate()).toEqual({ ok: true, version: 2 });
    expect(a.rotation.currentVersion()).toBe(2);
    await a.rotation.settle();
    expect(await versions(a.db)).toEqual(Array.from({ length: 60 }, () => 2));
    expect(seen).toEqual([{ done: 0, total: 60 }, { done: 50, total: 60 }, { done: 60, total: 60 }, null]);
    expect(a.rotation.rewrapProgress()).toBeNull();
    expect((await a.device.settings.get(`${REWRAPPED_PREFIX}KTB:2`))?.value).toBe(true);

    // B holds v1 only: once the records change after unit-key:2 arrived, it installs v2 by itself.
    const b = desk('B4D', 'officer');
    b.keyring.install(v1, v1);
    expect(await b.rotation.rotate()).toEqual({ ok: false, reason: 'not-allowed' });
    await a.db.replicate.to(b.db);
    b.store.getState().bumpDataVersion();
    await vi.waitFor(() => expect(b.keyring.versions()).toEqual([1, 2]));
    await b.rotation.settle();
    expect(await versions(b.db)).toEqual(Array.from({ length: 60 }, () => 2));
  });
});
