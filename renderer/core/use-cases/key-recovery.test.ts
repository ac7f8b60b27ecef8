/**
 * The unit key's recovery passphrase through real PouchDB (memory) and Dexie (fake-indexeddb):
 * a manager's device A sets it (refused for a short or mistyped passphrase, an officer, no key);
 * device B, which never held the key, receives the copy by replication, is told a wrong passphrase
 * (counted; after two each next try waits, kept across a new use case on the same device, and
 * reset by the right one), recovers with the right one as typed on another keyboard, keeps the key
 * for its officer and opens an identity A sealed. A replacement closes the revisions in conflict;
 * while they exist, either passphrase opens. No copy, a copy before the unit's `unit-key` document
 * and a copy of a key that is not the unit's are told.
 */
import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_SECRET_ITERATIONS } from '../../../shared/auth/secret-verifier';
import type { ReporterFields } from '../../../shared/complaint/reporter-fields';
import { openIdentity, sealIdentity } from '../../../shared/crypto/reporter-seal';
import { newUnitKeyDoc } from '../../../shared/crypto/unit-key-document';
import { createUnitKey, type UnitKey } from '../../../shared/crypto/unit-key';
import {
  UNIT_KEY_RECOVERY_ID,
  createUnitKeyRecovery,
} from '../../../shared/crypto/unit-key-recovery-document';
import type { PlatformApi } from '../../../shared/platform/platform-contract';
import { memoryDatabase } from '../../../test/support/memory-database';
import { ComplaintIndexQueries } from '../data/complaint-index-queries';
import type { UnitDatabase } from '../data/database';
import { DeviceDatabase } from '../data/device-database';
import { DeviceStore } from '../data/device-store';
import { webStorageDeviceMark } from '../data/device-mark';
import { expectedKey } from '../keys/unit-key-documents';
import { UnitKeyring } from '../keys/unit-keyring';
import { createAppState } from '../state/app-state';
import type { CoreDeps } from './core-deps';
import { createKeyRecoveryUseCases } from './key-recovery';
import type { UnitRecords } from './unit-records';

PouchDB.plugin(replication);

const NOW = new Date('2026-03-02T03:00:00.000Z');
const PASSPHRASE = 'kopi tubruk pagi hari di Semarang';
const IDENTITY: ReporterFields = {
  name: 'Siti Aminah',
  nik: '3374015505900001',
  phone: '081234567890',
  email: '',
  address: 'Jl. Pemuda 5',
};

type Desk = Readonly<{
  db: UnitDatabase;
  deps: CoreDeps;
  keyring: UnitKeyring;
  kept: number[];
  clock: { now: Date };
  recovery: ReturnType<typeof createKeyRecoveryUseCases>;
}>;

const opened: { db: UnitDatabase; device: DeviceDatabase }[] = [];
afterEach(async () => {
  for (const { db, device } of opened.splice(0)) {
    await db.destroy();
    await device.delete();
  }
});

function desk(
  deviceCode: string,
  role: 'manager' | 'officer',
  device = new DeviceDatabase(`device-${crypto.randomUUID()}`),
  db: UnitDatabase = memoryDatabase(),
): Desk {
  // A reloaded desk shares the device's databases: each is removed once.
  if (!opened.some((entry) => entry.db === db)) opened.push({ db, device });
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
  const clock = { now: NOW };
  const deps: CoreDeps = {
    store,
    deviceDatabase: device,
    deviceStore: new DeviceStore(device),
    deviceMark: webStorageDeviceMark(null),
    index: new ComplaintIndexQueries(device),
    records: { current: () => ({ db }) } as unknown as UnitRecords,
    platform: {} as PlatformApi,
    now: () => clock.now,
    // Recovery is given its keyring below; nothing of the session is used here.
    unitKeys: undefined as unknown as CoreDeps['unitKeys'],
  };
  const keyring = new UnitKeyring();
  const kept: number[] = [];
  const recovery = createKeyRecoveryUseCases(
    deps,
    {
      keyring,
      expected: (version) => expectedKey(db, version),
      keepForOfficer: () => {
        kept.push(keyring.versions().length);
        return Promise.resolve();
      },
    },
    { iterations: MIN_SECRET_ITERATIONS },
  );
  return { db, deps, keyring, kept, clock, recovery };
}

/** Device A: a manager whose keyring holds the unit's key, its `unit-key` document and a sealed identity. */
async function managerDesk(deviceCode = 'A2C'): Promise<Desk & { key: UnitKey; reporterId: string }> {
  const a = desk(deviceCode, 'manager');
  const key = await createUnitKey(1);
  a.keyring.install(key, key);
  await a.db.put(newUnitKeyDoc('KTB', key, NOW, { device: deviceCode, officer: 'officer-a2c' }));
  const reporterId = 'reporter:KTB-260302-A2C-0001';
  const seal = await a.keyring.purposeKey('reporter-seal');
  await a.db.put({ _id: reporterId, sealed: await sealIdentity(seal, reporterId, IDENTITY) });
  return { ...a, key, reporterId };
}

describe('the recovery passphrase', () => {
  it('is set by a manager on A; B, which never held the key, recovers it and opens what A sealed', async () => {
    const a = await managerDesk();
    expect(await a.recovery.status()).toEqual({ set: false });
    expect(await a.recovery.set('pendek', 'pendek')).toEqual({ ok: false, reason: 'too-short' });
    expect(await a.recovery.set(PASSPHRASE, `${PASSPHRASE}!`)).toEqual({ ok: false, reason: 'mismatch' });
    const set = await a.recovery.set(PASSPHRASE, `  ${PASSPHRASE.replace(/ /g, '  ')}`);
    expect(set).toEqual({ ok: true, setAt: NOW.toISOString() });
    expect(await a.recovery.status()).toEqual({
      set: true,
      setAt: NOW.toISOString(),
      by: { device: 'A2C', officer: 'officer-a2c' },
      versions: [1],
    });

    const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
    const b = desk('B4D', 'officer', device);
    expect(await b.recovery.recover(PASSPHRASE)).toEqual({ ok: false, reason: 'not-found' });
    await a.db.replicate.to(b.db);

    expect(await b.recovery.recover('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(await b.recovery.recover('bukan frasa yang benar')).toEqual({ ok: false, reason: 'wrong' });
    expect(await b.recovery.recover('bukan frasa yang benar')).toEqual({ ok: false, reason: 'wrong' });
    expect(await b.recovery.recover('bukan frasa yang benar')).toEqual({
      ok: false,
      reason: 'wrong',
      waitUntil: '2026-03-02T03:00:15.000Z',
    });
    // The wait holds for the right passphrase too, and for a new use case on the same device (a reload).
    const reloaded = desk('B4D', 'officer', device, b.db);
    expect(await reloaded.recovery.recover(PASSPHRASE)).toEqual({
      ok: false,
      reason: 'wait',
      waitUntil: '2026-03-02T03:00:15.000Z',
    });
    expect(await reloaded.recovery.waitUntil()).toBe('2026-03-02T03:00:15.000Z');
    b.clock.now = new Date('2026-03-02T03:00:15.000Z');
    expect(await b.recovery.recover('lagi lagi salah frasa')).toEqual({
      ok: false,
      reason: 'wrong',
      waitUntil: '2026-03-02T03:00:45.000Z',
    });
    b.clock.now = new Date('2026-03-02T03:01:00.000Z');

    // Typed on another keyboard: other spacing; the key is installed, kept and opens A's seal.
    expect(await b.recovery.recover(`\t${PASSPHRASE.replace(/ /g, '   ')} `)).toEqual({
      ok: true,
      versions: [1],
    });
    expect(b.keyring.current().fingerprint).toBe(a.key.fingerprint);
    expect(b.kept).toEqual([1]);
    expect(await b.recovery.waitUntil()).toBeNull();
    const sealed = (await b.db.get(a.reporterId)) as unknown as { sealed: unknown };
    expect(
      await openIdentity(await b.keyring.purposeKey('reporter-seal'), a.reporterId, sealed.sealed),
    ).toEqual({ ok: true, fields: IDENTITY });
  });

  it('is set only by a manager on a device holding the key', async () => {
    const officer = desk('C3D', 'officer');
    expect(await officer.recovery.set(PASSPHRASE, PASSPHRASE)).toEqual({ ok: false, reason: 'not-allowed' });
    const manager = desk('D4E', 'manager');
    expect(await manager.recovery.set(PASSPHRASE, PASSPHRASE)).toEqual({ ok: false, reason: 'no-key' });
    expect(await manager.recovery.status()).toEqual({ set: false });
  });

  it('while two copies conflict, either passphrase opens; a replacement closes the conflict', async () => {
    const a = await managerDesk();
    const other = desk('E5F', 'manager');
    other.keyring.install(a.key, a.key);
    expect((await a.recovery.set(PASSPHRASE, PASSPHRASE)).ok).toBe(true);
    const second = 'teh manis hangat sore hari';
    expect((await other.recovery.set(second, second)).ok).toBe(true);
    await other.db.replicate.to(a.db);
    const conflicted = await a.db.get(UNIT_KEY_RECOVERY_ID, { conflicts: true });
    expect(conflicted._conflicts).toHaveLength(1);

    for (const passphrase of [PASSPHRASE, second]) {
      const b = desk('B4D', 'officer');
      await a.db.replicate.to(b.db);
      expect(await b.recovery.recover(passphrase)).toEqual({ ok: true, versions: [1] });
    }

    const third = 'nasi goreng kampung pedas';
    expect((await a.recovery.set(third, third)).ok).toBe(true);
    const resolved = await a.db.get(UNIT_KEY_RECOVERY_ID, { conflicts: true });
    expect(resolved._conflicts).toBeUndefined();
    const b = desk('B4D', 'officer');
    await a.db.replicate.to(b.db);
    expect(await b.recovery.recover(PASSPHRASE)).toEqual({ ok: false, reason: 'wrong' });
    expect(await b.recovery.recover(third)).toEqual({ ok: true, versions: [1] });
  });

  it("waits for the unit's unit-key document, and refuses a copy of a key that is not the unit's", async () => {
    const key = await createUnitKey(1);
    const copy = await createUnitKeyRecovery({
      unitCode: 'KTB',
      keys: [key],
      passphrase: PASSPHRASE,
      now: NOW,
      by: { device: 'A2C', officer: 'officer-a2c' },
      iterations: MIN_SECRET_ITERATIONS,
    });
    const b = desk('B4D', 'officer');
    await b.db.put(copy);
    expect(await b.recovery.recover(PASSPHRASE)).toEqual({ ok: false, reason: 'not-synced' });
    const unitsKey = await createUnitKey(1);
    await b.db.put(newUnitKeyDoc('KTB', unitsKey, NOW, { device: 'A2C', officer: 'officer-a2c' }));
    expect(await b.recovery.recover(PASSPHRASE)).toEqual({ ok: false, reason: 'mismatch' });
    expect(b.keyring.isUnlocked()).toBe(false);
  });
});
