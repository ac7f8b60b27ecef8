/**
 * The unit key's transfer through real PouchDB (memory) and Dexie (fake-indexeddb): device A (a
 * manager, key unlocked) makes a code; device B, which lacks the key, is waiting for sync when the
 * document arrives by replication, opens it with the code as typed, installs the key after checking
 * it against the unit's `unit-key` document, keeps it for its officer, deletes the transfer, and
 * opens a reporter identity A sealed. A wrong code is judged only once sync has caught up; five
 * lock the field (kept across a new use case on the same device); an expired code is told and
 * deleted; a cancelled code opens nothing; a key whose fingerprint is not the unit's is refused.
 */
import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIN_SECRET_ITERATIONS } from '../../../shared/auth/secret-verifier';
import type { ReporterFields } from '../../../shared/complaint/reporter-fields';
import { openIdentity, sealIdentity } from '../../../shared/crypto/reporter-seal';
import { newUnitKeyDoc } from '../../../shared/crypto/unit-key-document';
import { createUnitKey, type UnitKey } from '../../../shared/crypto/unit-key';
import { KEY_TRANSFER_ID_PREFIX } from '../../../shared/enrolment/key-transfer-document';
import { formatTransferCode } from '../../../shared/enrolment/transfer-code';
import type { SyncStatus } from '../../../shared/sync/sync-status';
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
import { createKeyTransferUseCases } from './key-transfer';
import type { UnitRecords } from './unit-records';

PouchDB.plugin(replication);

const NOW = new Date('2026-03-02T03:00:00.000Z');
const IDENTITY: ReporterFields = {
  name: 'Siti Aminah',
  nik: '3374015505900001',
  phone: '081234567890',
  email: '',
  address: 'Jl. Pemuda 5',
};
const status = (state: SyncStatus['state']): SyncStatus =>
  ({ state, pendingLocalChanges: 0, lastSyncedAt: null, rejectedDocuments: [] }) as unknown as SyncStatus;

type Desk = Readonly<{
  db: UnitDatabase;
  deps: CoreDeps;
  keyring: UnitKeyring;
  kept: number[];
  clock: { now: Date };
  transfer: ReturnType<typeof createKeyTransferUseCases>;
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
): Desk {
  const db = memoryDatabase();
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
    // The transfer is given its keyring below; nothing of the session is used here.
    unitKeys: undefined as unknown as CoreDeps['unitKeys'],
  };
  const keyring = new UnitKeyring();
  const kept: number[] = [];
  const transfer = createKeyTransferUseCases(
    deps,
    {
      keyring,
      expected: (version) => expectedKey(db, version),
      keepForOfficer: () => {
        kept.push(keyring.versions().length);
        return Promise.resolve();
      },
    },
    // The lowest count a wrap accepts: the tests open many.
    { iterations: MIN_SECRET_ITERATIONS },
  );
  return { db, deps, keyring, kept, clock, transfer };
}

/** Device A: a manager whose keyring holds the unit's key, with its `unit-key` document and a sealed identity. */
async function managerDesk(key?: UnitKey): Promise<Desk & { key: UnitKey; reporterId: string }> {
  const a = desk('A2C', 'manager');
  const unitKey = key ?? (await createUnitKey(1));
  a.keyring.install(unitKey, { version: unitKey.version, fingerprint: unitKey.fingerprint });
  await a.db.put(newUnitKeyDoc('KTB', unitKey, NOW, { device: 'A2C', officer: 'officer-a2c' }));
  const reporterId = 'reporter:KTB-260302-A2C-0001';
  const seal = await a.keyring.purposeKey('reporter-seal');
  await a.db.put({ _id: reporterId, sealed: await sealIdentity(seal, reporterId, IDENTITY) });
  return { ...a, key: unitKey, reporterId };
}

async function transferIds(db: UnitDatabase): Promise<string[]> {
  const rows = await db.allDocs({
    startkey: KEY_TRANSFER_ID_PREFIX,
    endkey: `${KEY_TRANSFER_ID_PREFIX}\ufff0`,
  });
  return rows.rows.map((row) => row.id);
}

describe('key transfer', () => {
  it('carries the key from A to B, which was waiting for sync, and B opens what A sealed', async () => {
    const a = await managerDesk();
    const b = desk('B4D', 'officer');
    expect(b.transfer.hasKey()).toBe(false);
    const made = await a.transfer.create();
    if (!made.ok) throw new Error(made.reason);
    expect(made.transfer.expiresAt).toBe('2026-03-02T03:15:00.000Z');

    b.deps.store.getState().setSyncStatus(status('syncing'));
    const progress: string[] = [];
    const receiving = b.transfer.receive(made.transfer.code.toLowerCase().replace(/-/g, ' '), {
      onProgress: (step) => progress.push(step.phase === 'waiting' ? `waiting:${step.sync}` : step.phase),
    });
    await vi.waitFor(() => expect(progress).toContain('waiting:syncing'));
    await a.db.replicate.to(b.db);
    b.deps.store.getState().setSyncStatus(status('up-to-date'));
    expect(await receiving).toEqual({ ok: true, versions: [1] });

    expect(b.transfer.hasKey()).toBe(true);
    expect(b.keyring.current().fingerprint).toBe(a.key.fingerprint);
    expect(b.kept).toEqual([1]);
    expect(await transferIds(b.db)).toEqual([]);
    const sealed = (await b.db.get(a.reporterId)) as unknown as { sealed: unknown };
    const opened = await openIdentity(
      await b.keyring.purposeKey('reporter-seal'),
      a.reporterId,
      sealed.sealed,
    );
    expect(opened).toEqual({ ok: true, fields: IDENTITY });
    // The deletion travels back: A's document is gone too.
    await b.db.replicate.to(a.db);
    expect(await transferIds(a.db)).toEqual([]);
  });

  it('judges a code wrong only once sync has caught up, and locks the field after five', async () => {
    const a = await managerDesk();
    const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
    const b = desk('B4D', 'officer', device);
    const made = await a.transfer.create();
    if (!made.ok) throw new Error(made.reason);
    await a.db.replicate.to(b.db);
    const other = (await managerDesk()).transfer;
    const wrongMade = await other.create();
    if (!wrongMade.ok) throw new Error(wrongMade.reason);
    const wrong = wrongMade.transfer.code;

    // Sync still running: the wrong code waits (the right document may be on its way).
    b.deps.store.getState().setSyncStatus(status('syncing'));
    const stop = new AbortController();
    const progress: string[] = [];
    const waiting = b.transfer.receive(wrong, {
      signal: stop.signal,
      onProgress: (step) => progress.push(step.phase),
    });
    await vi.waitFor(() => expect(progress).toContain('waiting'));
    stop.abort();
    expect(await waiting).toEqual({ ok: false, cancelled: true });

    b.deps.store.getState().setSyncStatus(status('up-to-date'));
    for (let i = 0; i < 4; i++) {
      expect(await b.transfer.receive(wrong)).toEqual({
        ok: false,
        problem: { key: 'keyTransfer.code.wrong' },
      });
    }
    // A typo the check catches is not counted.
    const typo = `${wrong.slice(0, -1)}${wrong.endsWith('A') ? 'B' : 'A'}`;
    expect(await b.transfer.receive(typo)).toEqual({
      ok: false,
      problem: { key: 'keyTransfer.code.checksum' },
    });
    expect(await b.transfer.receive(wrong)).toEqual({
      ok: false,
      problem: { key: 'keyTransfer.code.locked', params: { until: '2026-03-02T03:15:00.000Z' } },
    });
    // Locked, also for the right code, also for the device's next use case (a reload).
    const again = createKeyTransferUseCases(b.deps, {
      keyring: b.keyring,
      expected: (version) => expectedKey(b.db, version),
      keepForOfficer: () => Promise.resolve(),
    });
    expect(await again.lockedUntil()).toBe('2026-03-02T03:15:00.000Z');
    expect((await again.receive(made.transfer.code)).ok).toBe(false);
    expect(b.keyring.isUnlocked()).toBe(false);
  });

  it('judges a wrong code when sync catches up while the code is being checked (no change comes after)', async () => {
    const a = await managerDesk();
    const b = desk('B4D', 'officer');
    const made = await a.transfer.create();
    if (!made.ok) throw new Error(made.reason);
    await a.db.replicate.to(b.db);
    const wrongMade = await (await managerDesk()).transfer.create();
    if (!wrongMade.ok) throw new Error(wrongMade.reason);

    b.deps.store.getState().setSyncStatus(status('syncing'));
    const outcome = await b.transfer.receive(wrongMade.transfer.code, {
      onProgress: (step) => {
        // Sync catches up while the document is opened (the key derivation takes a while).
        if (step.phase === 'checking') b.deps.store.getState().setSyncStatus(status('up-to-date'));
      },
    });
    expect(outcome).toEqual({ ok: false, problem: { key: 'keyTransfer.code.wrong' } });
  });

  it('tells an expired code and deletes it; a code of another unit; a cancelled code opens nothing', async () => {
    const a = await managerDesk();
    const b = desk('B4D', 'officer');
    b.deps.store.getState().setSyncStatus(status('up-to-date'));
    const made = await a.transfer.create();
    if (!made.ok) throw new Error(made.reason);
    await a.db.replicate.to(b.db);

    expect(
      await b.transfer.receive(formatTransferCode({ unitCode: 'BDG', secret: 'ABCDEFGHJKMNPQ' })),
    ).toEqual({
      ok: false,
      problem: { key: 'keyTransfer.code.otherUnit', params: { unitCode: 'BDG', deviceUnit: 'KTB' } },
    });
    b.clock.now = new Date('2026-03-02T03:15:00.000Z');
    expect(await b.transfer.receive(made.transfer.code)).toEqual({
      ok: false,
      problem: { key: 'keyTransfer.code.expired', params: { expiresAt: '2026-03-02T03:15:00.000Z' } },
    });
    expect(await transferIds(b.db)).toEqual([]);
    expect(b.keyring.isUnlocked()).toBe(false);

    // Cancelled on A before B sees it: B finds nothing to open.
    const second = await a.transfer.create();
    if (!second.ok) throw new Error(second.reason);
    await a.transfer.cancel(second.transfer.id);
    await a.db.replicate.to(b.db);
    expect(await transferIds(b.db)).toEqual([]);
  });

  it("refuses a key whose fingerprint is not the unit's, storing nothing", async () => {
    const a = await managerDesk();
    const b = desk('B4D', 'officer');
    // B's unit says version 1 is another key.
    const other = await createUnitKey(1);
    await b.db.put(newUnitKeyDoc('KTB', other, NOW, { device: 'B4D', officer: 'officer-b4d' }));
    b.deps.store.getState().setSyncStatus(status('up-to-date'));
    const made = await a.transfer.create();
    if (!made.ok) throw new Error(made.reason);
    await a.db.replicate.to(b.db, { doc_ids: [made.transfer.id] });
    expect(await b.transfer.receive(made.transfer.code)).toEqual({
      ok: false,
      problem: { key: 'keyTransfer.code.fingerprint' },
    });
    expect(b.keyring.isUnlocked()).toBe(false);
    expect(b.kept).toEqual([]);
  });

  it('makes codes for managers with the key only', async () => {
    const officer = desk('C5E', 'officer');
    expect(await officer.transfer.create()).toEqual({ ok: false, reason: 'not-allowed' });
    const manager = desk('C6F', 'manager');
    expect(await manager.transfer.create()).toEqual({ ok: false, reason: 'no-key' });
  });
});
