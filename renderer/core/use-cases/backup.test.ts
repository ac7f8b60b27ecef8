/**
 * Backup and restore through the real core (memory PouchDB, fake-indexeddb): a backup made on
 * device A restores into an empty device B with every record, revision history and file identical
 * (B's own backup has the same counts and SHA-256 for every part), and B signs in with the roster's
 * PIN; restoring a later backup of A into B, which has newer data of its own, adds what B lacks,
 * overwrites nothing newer, says the backup is older and lists the document changed on both sides
 * (as the conflicts screen does after a sync). Officers may not make a backup; a file of another
 * unit, a wrong passphrase and a damaged file are refused with nothing written.
 */
import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_SECRET_ITERATIONS } from '../../../shared/auth/secret-verifier';
import { openBackupFile } from '../../../shared/backup/backup-format';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import type { PlatformApi, SaveFileRequest } from '../../../shared/platform/platform-contract';
import { validateSetup } from '../../../shared/unit/unit-profile';
import { UNIT_OFFICES_ID, UNIT_SETTINGS_ID } from '../../../shared/unit/unit-settings';
import { memoryDatabase } from '../../../test/support/memory-database';
import type { ClientCore } from '../client-core';
import { createClientCore } from '../create-client-core';
import type { UnitDatabase } from '../data/database';
import { DeviceDatabase } from '../data/device-database';
import { SyncService } from '../sync/sync-service';
import { TEST_NOW, TEST_SETUP, signInAs } from '../test-core.fixtures';

// PouchDB's memory adapter and replication: registered by ../test-core.fixtures.

const PASS = 'kopi tubruk pagi hari';
const LATER = new Date('2026-03-05T03:00:00Z');
const LATEST = new Date('2026-03-06T03:00:00Z');

type Device = { core: ClientCore; device: DeviceDatabase; db: () => UnitDatabase; saved: SaveFileRequest[] };
const built: Device[] = [];

/** A core on a device not yet set up, whose host keeps every file it is asked to save. */
function device(): Device {
  const deviceDb = new DeviceDatabase(`device-${crypto.randomUUID()}`);
  const saved: SaveFileRequest[] = [];
  let unitDb: UnitDatabase | undefined;
  const platform = {
    readSecret: () => Promise.resolve({ value: null, protection: 'browser-storage' }),
    storeSecret: () => Promise.resolve({ protection: 'browser-storage' }),
    // As the browser host keeps the unit key's per-officer wraps: as they are.
    sealKeyWrap: ({ text }: { text: string }) =>
      Promise.resolve({ sealed: text, protection: 'browser-storage' }),
    openKeyWrap: ({ sealed }: { sealed: string }) =>
      Promise.resolve({ text: sealed, protection: 'browser-storage' }),
    saveFile: (request: SaveFileRequest) => {
      saved.push(request);
      return Promise.resolve({ status: 'saved', fileName: request.suggestedName, folder: null });
    },
    print: () => Promise.resolve({ status: 'printed' }),
    appInfo: () => Promise.resolve({ name: 'Meja Aduan', version: '0.0.0-test' }),
    listen: () => () => undefined,
  } as unknown as PlatformApi;
  const core = createClientCore({
    platform,
    isDesktop: false,
    language: { init: () => Promise.resolve(), change: () => Promise.resolve() },
    now: () => TEST_NOW,
    deviceDatabase: deviceDb,
    openDatabase: () => (unitDb ??= memoryDatabase()),
    secretIterations: MIN_SECRET_ITERATIONS,
    backupIterations: MIN_SECRET_ITERATIONS,
    createSyncService: (localDb) =>
      new SyncService<UnitDatabase>({
        PouchDB,
        localDb,
        network: { isOnline: () => false, subscribe: () => () => undefined },
      }),
  });
  const made: Device = {
    core,
    device: deviceDb,
    saved,
    db: () => {
      if (!unitDb) throw new Error('no unit database');
      return unitDb;
    },
  };
  built.push(made);
  return made;
}

afterEach(async () => {
  for (const { core, device: deviceDb, db } of built.splice(0)) {
    await core.device.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await deviceDb.delete();
    await db()
      .destroy()
      .catch(() => undefined);
  }
});

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0xff, 0xd9]);

const intake = (title: string, withFile = false): IntakeInput => ({
  channel: 'phone',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: { name: 'Budi Santoso', nik: '', phone: '081211112222', email: '', address: '' },
  title,
  chronology: 'Lubang besar di Jl. Melati.',
  incidentDate: '2026-02-27',
  location: 'Jl. Melati',
  category: 'infrastructure',
  targetOffice: '',
  attachments: withFile ? [{ name: 'foto.jpg', mimeType: 'image/jpeg', size: JPEG.length }] : [],
});

async function save(core: ClientCore, title: string, withFile = false): Promise<string> {
  return core.intake.save({
    input: intake(title, withFile),
    // Node's memory adapter takes a Buffer where the browser's takes a Blob.
    files: withFile ? [Buffer.from(JPEG) as unknown as Blob] : [],
    receivedAt: TEST_NOW,
    localDate: '2026-03-02',
  });
}

async function unitA(): Promise<Device> {
  const a = device();
  const setup = validateSetup(TEST_SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await a.core.device.setup(setup.value, TEST_NOW);
  await save(a.core, 'Jalan rusak', true);
  await save(a.core, 'Lampu jalan mati');
  await save(a.core, 'Sampah menumpuk');
  expect(
    await a.core.settings.saveOffices([{ code: 'dinas-pu', name: 'Dinas PU', active: true }], TEST_NOW),
  ).toBe('saved');
  expect(await a.core.settings.saveIdleLock(15, TEST_NOW)).toBe('saved');
  return a;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return read();
}

async function backupOf(d: Device): Promise<Uint8Array> {
  const outcome = await d.core.backup.create(PASS, PASS);
  if (outcome.status !== 'saved') throw new Error(`no backup: ${JSON.stringify(outcome)}`);
  const file = d.saved[d.saved.length - 1];
  if (!file) throw new Error('nothing saved');
  return file.data;
}

/** Every revision tree and leaf of the backed-up documents of `db`, by id. */
async function revisionTrees(db: UnitDatabase, ids: readonly string[]): Promise<Record<string, unknown>> {
  const trees: Record<string, unknown> = {};
  for (const id of ids) {
    trees[id] = await db.get(id, { revs: true, open_revs: 'all' });
  }
  return trees;
}

describe('backup and restore', () => {
  it('restores into an empty device: same records, revisions, files, counts and SHA-256; the roster PIN signs in', async () => {
    const a = await unitA();
    const progress: string[] = [];
    const outcome = await a.core.backup.create(PASS, PASS, (step) => progress.push(step.phase));
    expect(outcome.status).toBe('saved');
    if (outcome.status !== 'saved') return;
    expect(progress).toContain('reading');
    expect(progress.slice(-2)).toEqual(['encrypting', 'saving']);
    expect(a.saved[0]?.suggestedName).toMatch(/^cadangan-KTB-\d{8}-\d{4}\.mabackup$/);
    expect(await a.core.backup.lastBackupAt()).toBe(TEST_NOW.toISOString());
    const bytes = a.saved[0]?.data ?? new Uint8Array();
    expect(outcome.manifest.kinds).toMatchObject({
      complaint: 3,
      reporter: 3,
      'unit-settings': 1,
      officer: 1,
    });
    expect(outcome.manifest.parts.files.count).toBe(1);

    const b = device();
    await b.core.device.start();
    expect(b.core.store.getState().phase).toBe('setup');
    // A wrong passphrase and a damaged file: refused, nothing written.
    expect(await b.core.backup.inspect(bytes, 'bukan frasa sandinya')).toEqual({
      ok: false,
      error: 'wrong-passphrase',
    });
    const damaged = bytes.slice();
    damaged[damaged.length - 40] = (damaged[damaged.length - 40] ?? 0) ^ 0xff;
    expect(await b.core.backup.inspect(damaged, PASS)).toEqual({ ok: false, error: 'damaged' });
    expect(await b.core.backup.restore()).toEqual({ ok: false, error: 'nothing-inspected' });
    expect(await b.device.settings.get('device')).toBeUndefined();

    const preview = await b.core.backup.inspect(bytes, PASS);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview).toMatchObject({ target: 'empty', older: false, deviceDocuments: 0 });
    for (const check of preview.checks) expect(check.actual).toBe(check.expected);
    const restored = await b.core.backup.restore();
    expect(restored).toMatchObject({
      ok: true,
      added: outcome.manifest.parts.records.count,
      unchanged: 0,
      conflicts: [],
    });
    expect(b.core.store.getState()).toMatchObject({
      phase: 'choose-officer',
      device: { unitCode: 'KTB', deviceCode: 'A2C' },
    });

    // Every document with the same revision tree, the file with the same bytes.
    const opened = await openBackupFile(bytes, PASS);
    const ids = [...new Set(opened.documents.map((doc) => doc._id))];
    expect(await revisionTrees(b.db(), ids)).toEqual(await revisionTrees(a.db(), ids));
    const complaintId = opened.documents.find(
      (doc) => doc.type === 'complaint' && doc._attachments !== undefined,
    )?._id;
    if (!complaintId) throw new Error('no complaint with a file');
    const withFiles = async (db: UnitDatabase) =>
      (await db.get(complaintId, { attachments: true }))._attachments;
    expect(await withFiles(b.db())).toEqual(await withFiles(a.db()));
    // No number is handed out twice: B's counters are A's.
    expect(await b.device.counters.toArray()).toEqual(await a.device.counters.toArray());

    // The roster's PIN signs in; the lists show the same complaints.
    await signInAs(b.core, 'Sari');
    expect(b.core.store.getState()).toMatchObject({
      phase: 'ready',
      officer: { name: 'Sari', role: 'manager' },
    });
    const total = async (core: ClientCore): Promise<number> =>
      Object.values(await core.complaints.countByStatus()).reduce((sum, count) => sum + count, 0);
    expect(
      await until(
        () => total(a.core),
        (count) => count === 3,
      ),
    ).toBe(3);
    expect(
      await until(
        () => total(b.core),
        (count) => count === 3,
      ),
    ).toBe(3);
    expect(await b.core.complaints.countByStatus()).toEqual(await a.core.complaints.countByStatus());
    expect(b.core.store.getState().unitSettings?.idleLockMinutes).toBe(15);

    // B's own backup: the same records (but what B's sign-in wrote: its access record, and any
    // roster change it makes), the same counts per kind, and the same SHA-256 of the other parts.
    const again = await openBackupFile(await backupOf(b), PASS);
    const inB = new Map(again.documents.map((doc) => [`${doc._id} ${doc._rev}`, doc]));
    for (const doc of opened.documents) {
      if (doc._id.startsWith('officer:')) continue;
      expect(inB.get(`${doc._id} ${doc._rev}`), doc._id).toEqual(doc);
    }
    for (const kind of [
      'complaint',
      'event',
      'reporter',
      'unit-profile',
      'unit-settings',
      'unit-offices',
      'officer',
    ])
      expect(again.manifest.kinds[kind], kind).toBe(opened.manifest.kinds[kind]);
    expect(again.manifest.kinds.access).toBeGreaterThan(opened.manifest.kinds.access ?? 0);
    for (const part of ['fileIndex', 'files', 'device'] as const) {
      expect(again.manifest.parts[part], part).toEqual(opened.manifest.parts[part]);
    }
  });

  it('merges into a device with newer data: adds what it lacks, overwrites nothing newer, says it is older, lists conflicts', async () => {
    const a = await unitA();
    const first = await backupOf(a);
    const b = device();
    await b.core.device.start();
    const preview = await b.core.backup.inspect(first, PASS);
    expect(preview.ok).toBe(true);
    expect((await b.core.backup.restore()).ok).toBe(true);
    await signInAs(b.core, 'Sari');

    // A goes on: a new complaint, the offices changed. B changes them too, later, and its settings.
    const added = await save(a.core, 'Trotoar rusak');
    expect(
      await a.core.settings.saveOffices([{ code: 'dinkes', name: 'Dinas Kesehatan', active: true }], LATER),
    ).toBe('saved');
    const second = await backupOf(a);
    expect(
      await b.core.settings.saveOffices(
        [{ code: 'dishub', name: 'Dinas Perhubungan', active: true }],
        LATEST,
      ),
    ).toBe('saved');
    expect(await b.core.settings.saveIdleLock(5, LATEST)).toBe('saved');
    const settingsBefore = await b.db().get(UNIT_SETTINGS_ID);

    const merge = await b.core.backup.inspect(second, PASS);
    if (!merge.ok) throw new Error(merge.error);
    expect(merge).toMatchObject({ target: 'merge', older: true, deviceNewest: LATEST.toISOString() });
    const outcome = await b.core.backup.restore();
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.conflicts).toEqual([UNIT_OFFICES_ID]);
    expect(outcome.added).toBeGreaterThanOrEqual(2);
    // The new complaint arrived; B's newer settings stayed; both offices versions are kept.
    expect((await b.db().get(added))._id).toBe(added);
    expect((await b.db().get(UNIT_SETTINGS_ID))._rev).toBe(settingsBefore._rev);
    const conflicts = await b.core.sync.conflicts();
    expect(conflicts.map((conflict) => conflict.id)).toEqual([UNIT_OFFICES_ID]);
    const versions = [conflicts[0]?.winner, ...(conflicts[0]?.others ?? [])].map(
      (doc) => (doc?.offices as { code: string }[] | undefined)?.[0]?.code,
    );
    expect(versions.sort()).toEqual(['dinkes', 'dishub']);
    // Restoring the same file again adds nothing.
    expect((await b.core.backup.inspect(second, PASS)).ok).toBe(true);
    expect(await b.core.backup.restore()).toMatchObject({ ok: true, added: 0 });
  });

  it('refuses an officer, a short or mistyped passphrase, and a file of another unit', async () => {
    const a = await unitA();
    expect(await a.core.backup.create('pendek', 'pendek')).toEqual({
      status: 'refused',
      problem: 'too-short',
    });
    expect(await a.core.backup.create(PASS, `${PASS}!`)).toEqual({ status: 'refused', problem: 'mismatch' });
    const bytes = await backupOf(a);
    await signInAs(a.core, 'Budi', 'officer');
    expect(await a.core.backup.create(PASS, PASS)).toEqual({ status: 'refused', problem: 'not-allowed' });
    expect(await a.core.backup.inspect(bytes, PASS)).toEqual({ ok: false, error: 'not-allowed' });

    const other = device();
    const setup = validateSetup({ ...TEST_SETUP, unitCode: 'KBM' });
    if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
    await other.core.device.setup(setup.value, TEST_NOW);
    const before = (await other.db().info()).update_seq;
    expect(await other.core.backup.inspect(bytes, PASS)).toEqual({ ok: false, error: 'other-unit' });
    expect(await other.core.backup.restore()).toEqual({ ok: false, error: 'nothing-inspected' });
    expect((await other.db().info()).update_seq).toBe(before);
  });
});
