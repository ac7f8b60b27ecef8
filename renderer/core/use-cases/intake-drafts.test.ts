/**
 * The intake draft through the real composition root (fake-indexeddb, memory PouchDB): kept per
 * officer on this device, read back for the officer at the desk only, and gone once discarded or
 * once the complaint is saved, even when a keep was still queued. A crash after the complaint is
 * stored and before its draft is deleted does not offer the draft again (a second save would make
 * a second complaint); a save whose documents were not stored keeps the draft, and its number is
 * not handed out again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { complaintIdRange } from '../../../shared/ids/document-ids';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { ClientCore, IntakeDraftFields, StoredIntakeDraft } from '../client-core';
import { ComplaintRepository } from '../data/complaint-repository';
import type { UnitDatabase } from '../data/database';
import type { DeviceDatabase } from '../data/device-database';
import { DeviceStore } from '../data/device-store';
import { TEST_NOW as NOW, TEST_PIN, TEST_SETUP, stopTestCores, testCore } from '../test-core.fixtures';

afterEach(async () => {
  vi.restoreAllMocks();
  await stopTestCores();
});

async function readyCore(): Promise<{
  core: ClientCore;
  device: DeviceDatabase;
  officerId: string;
  unitDatabases: UnitDatabase[];
}> {
  const { core, device, unitDatabases } = testCore();
  const setup = validateSetup(TEST_SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  const officerId = core.store.getState().officer?.id;
  if (!officerId) throw new Error('no officer at the desk');
  return { core, device, officerId, unitDatabases };
}

/** The tracking numbers of the complaints stored in the unit's records. */
async function storedTrackingNumbers(unitDatabases: readonly UnitDatabase[]): Promise<string[]> {
  const [db] = unitDatabases;
  if (!db) throw new Error('no unit database');
  const { rows } = await db.allDocs({ ...complaintIdRange(), include_docs: true });
  return rows.map((row) => (row.doc as unknown as { trackingNumber: string }).trackingNumber);
}

/** The fields of a draft read back (undefined for none, or one set aside). */
const fieldsOf = (draft: StoredIntakeDraft | undefined): IntakeDraftFields | undefined =>
  draft && 'fields' in draft ? draft.fields : undefined;

/** The app stopped and started again, and the officer signs in. */
async function restart(core: ClientCore, officerId: string): Promise<void> {
  await core.device.stop();
  await core.device.start();
  const signedIn = await core.officers.signIn(officerId, TEST_PIN, NOW);
  if (!signedIn.ok) throw new Error(`not signed in: ${signedIn.problem}`);
}

const FIELDS: IntakeDraftFields = {
  channel: 'phone',
  reportType: 'complaint',
  privacyMode: 'confidential',
  reporter: { name: 'Budi Santoso', nik: '', phone: '081211112222', email: '', address: '' },
  title: 'Jalan rusak',
  chronology: 'Lubang besar di Jl. Melati.',
  incidentDate: '27/02/2026',
  location: 'Jl. Melati',
  category: 'infrastructure',
  targetOffice: '',
};

describe('intake drafts', () => {
  it("keeps the officer's form, reads it back for them only, and discards it", async () => {
    const { core, device, officerId } = await readyCore();
    expect(await core.intake.draft()).toBeUndefined();
    await core.intake.keepDraft(officerId, FIELDS, ['foto.jpg']);
    expect(await core.intake.draft()).toEqual({
      fields: FIELDS,
      fileNames: ['foto.jpg'],
      keptAt: NOW.toISOString(),
    });
    expect(await core.intake.draft()).toBeDefined();

    await core.intake.keepDraft('officer-someone-else', { ...FIELDS, title: 'Lain' }, []);
    expect(fieldsOf(await core.intake.draft())?.title).toBe('Jalan rusak');

    await core.intake.discardDraft(officerId);
    expect(await core.intake.draft()).toBeUndefined();
    expect(await device.intakeDrafts.get(officerId)).toBeUndefined();
  });

  it('deletes the draft, identity and all, when the complaint is saved, after any keep still queued', async () => {
    const { core, device, officerId } = await readyCore();
    const keep = core.intake.keepDraft(officerId, FIELDS, []);
    const saved = core.intake.save({
      input: { ...FIELDS, incidentDate: '2026-02-27', attachments: [] },
      files: [],
      receivedAt: NOW,
      localDate: '2026-03-02',
    });
    await Promise.all([keep, saved]);
    // The deletion follows the save, before any later draft command.
    expect(await core.intake.draft()).toBeUndefined();
    expect(await device.intakeDrafts.get(officerId)).toBeUndefined();
    expect(await core.intake.lastChannel()).toBe('phone');
    // Let the projector index the complaint before the databases are closed.
    for (
      let attempt = 0;
      attempt < 100 && (await core.complaints.page('all', 10)).rows.length === 0;
      attempt += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  it('a crash after the complaint is stored and before its draft is deleted does not offer the draft again', async () => {
    const { core, device, officerId, unitDatabases } = await readyCore();
    await core.intake.keepDraft(officerId, FIELDS, []);
    // The app stops right after the documents are written: nothing of the follow-up is done.
    const stopped = () => Promise.reject(new Error('the app stopped'));
    vi.spyOn(DeviceStore.prototype, 'setLastChannel').mockImplementationOnce(stopped);
    vi.spyOn(DeviceStore.prototype, 'discardSavedDraft').mockImplementationOnce(stopped);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const id = await core.intake.save({
      input: { ...FIELDS, incidentDate: '2026-02-27', attachments: [] },
      files: [],
      receivedAt: NOW,
      localDate: '2026-03-02',
    });
    const [trackingNumber] = await storedTrackingNumbers(unitDatabases);
    expect(id).toContain(trackingNumber);
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2), { timeout: 60_000 });
    expect((await device.intakeDrafts.get(officerId))?.savingAs).toBe(trackingNumber);

    await restart(core, officerId);
    expect(await core.intake.draft()).toBeUndefined();
    expect(await device.intakeDrafts.get(officerId)).toBeUndefined();
    // What the save left undone is done: its channel is the officer's default.
    expect(await core.intake.lastChannel()).toBe('phone');
    expect(await storedTrackingNumbers(unitDatabases)).toEqual([trackingNumber]);
  });

  it('a form kept right after a save is not deleted by what follows the save', async () => {
    const { core, officerId } = await readyCore();
    await core.intake.keepDraft(officerId, FIELDS, []);
    await core.intake.save({
      input: { ...FIELDS, incidentDate: '2026-02-27', attachments: [] },
      files: [],
      receivedAt: NOW,
      localDate: '2026-03-02',
    });
    const next = { ...FIELDS, channel: 'walk-in' as const, title: 'Lampu jalan mati' };
    await core.intake.keepDraft(officerId, next, []);
    // The saved complaint's channel is remembered, then its draft is looked for: the new form stays.
    expect(await core.intake.lastChannel()).toBe('phone');
    expect(fieldsOf(await core.intake.draft())).toEqual(next);
  });

  it('a save whose documents were not stored keeps the draft, and its number is not handed out again', async () => {
    const { core, officerId, unitDatabases } = await readyCore();
    await core.intake.keepDraft(officerId, FIELDS, ['foto.jpg']);
    vi.spyOn(ComplaintRepository.prototype, 'saveIntake').mockRejectedValueOnce(new Error('disk full'));
    const save = () =>
      core.intake.save({
        input: { ...FIELDS, incidentDate: '2026-02-27', attachments: [] },
        files: [],
        receivedAt: NOW,
        localDate: '2026-03-02',
      });
    await expect(save()).rejects.toThrow('disk full');
    expect(await core.intake.draft()).toEqual({
      fields: FIELDS,
      fileNames: ['foto.jpg'],
      keptAt: NOW.toISOString(),
    });
    await restart(core, officerId);
    expect(fieldsOf(await core.intake.draft())).toEqual(FIELDS);

    await save();
    expect(await core.intake.draft()).toBeUndefined();
    expect(await storedTrackingNumbers(unitDatabases)).toEqual(['KTB-260302-A2C-0002']);
  });
});

describe('sealed intake drafts (decision 023)', () => {
  const SECRETS = [
    'Budi',
    'Santoso',
    '081211112222',
    '3305123456780001',
    'Jalan rusak',
    'Melati',
    'ktp-budi',
  ];
  const WITH_NIK: IntakeDraftFields = {
    ...FIELDS,
    reporter: { ...FIELDS.reporter, nik: '3305123456780001' },
  };

  it('stores the whole draft sealed with a fresh IV: nothing typed, no file name in clear', async () => {
    const { core, device, officerId } = await readyCore();
    await core.intake.keepDraft(officerId, WITH_NIK, ['ktp-budi.jpg']);
    const row = await device.intakeDrafts.get(officerId);
    const stored = JSON.stringify(row);
    expect(SECRETS.filter((secret) => stored.includes(secret))).toEqual([]);
    expect(row?.sealed).toMatchObject({ algorithm: 'A256GCM', keyVersion: 1 });
    expect(await core.intake.draft()).toEqual({
      fields: WITH_NIK,
      fileNames: ['ktp-budi.jpg'],
      keptAt: NOW.toISOString(),
    });
    await core.intake.keepDraft(officerId, WITH_NIK, ['ktp-budi.jpg']);
    expect((await device.intakeDrafts.get(officerId))?.sealed?.iv).not.toBe(row?.sealed?.iv);
  });

  it('seals a draft kept in clear before drafts were sealed at the next unlock, without its officer keeping again', async () => {
    const { core, device, officerId } = await readyCore();
    await core.device.stop();
    // As an older version of the app left it: the fields in clear, no seal.
    await device.intakeDrafts.put({
      officerId,
      fields: { ...WITH_NIK },
      fileNames: ['ktp-budi.jpg'],
      keptAt: NOW.toISOString(),
    });
    await core.device.start();
    const signedIn = await core.officers.signIn(officerId, TEST_PIN, NOW);
    if (!signedIn.ok) throw new Error(`not signed in: ${signedIn.problem}`);
    await vi.waitFor(async () => {
      expect((await device.intakeDrafts.get(officerId))?.sealed).toBeDefined();
    });
    const stored = JSON.stringify(await device.intakeDrafts.get(officerId));
    expect(SECRETS.filter((secret) => stored.includes(secret))).toEqual([]);
    expect(await core.intake.draft()).toEqual({
      fields: WITH_NIK,
      fileNames: ['ktp-budi.jpg'],
      keptAt: NOW.toISOString(),
    });
  });

  it("sets aside a draft that does not open (changed, another officer's, a key version not held), says so once, never offers it", async () => {
    const { core, device, officerId } = await readyCore();
    const sealedRow = async (owner: string) => {
      const row = await device.intakeDrafts.get(owner);
      if (!row?.sealed) throw new Error('no sealed draft');
      return { ...row, sealed: row.sealed };
    };
    const setAside = async (): Promise<number> =>
      (await device.intakeDrafts.toArray()).filter((row) => row.setAsideFrom === officerId).length;

    await core.intake.keepDraft(officerId, FIELDS, []);
    const changed = await sealedRow(officerId);
    const ciphertext = changed.sealed.ciphertext;
    await device.intakeDrafts.put({
      ...changed,
      sealed: {
        ...changed.sealed,
        ciphertext: (ciphertext.startsWith('A') ? 'B' : 'A') + ciphertext.slice(1),
      },
    });
    expect(await core.intake.draft()).toEqual({ setAside: 'unreadable', keptAt: changed.keptAt });
    expect(await device.intakeDrafts.get(officerId)).toBeUndefined();
    expect(await setAside()).toBe(1);
    expect(await core.intake.draft()).toBeUndefined();

    await core.intake.keepDraft('officer-other', FIELDS, []);
    await device.intakeDrafts.put({ ...(await sealedRow('officer-other')), officerId });
    expect(await core.intake.draft()).toEqual({ setAside: 'unreadable', keptAt: NOW.toISOString() });

    await core.intake.keepDraft(officerId, FIELDS, []);
    const relabelled = await sealedRow(officerId);
    await device.intakeDrafts.put({ ...relabelled, sealed: { ...relabelled.sealed, keyVersion: 2 } });
    expect(await core.intake.draft()).toEqual({ setAside: 'no-key', keptAt: relabelled.keptAt });
    expect(await setAside()).toBe(3);

    // A new draft is kept and offered; those set aside stay as they were.
    await core.intake.keepDraft(officerId, FIELDS, []);
    expect(await core.intake.draft()).toMatchObject({ fields: FIELDS });
    expect(await setAside()).toBe(3);
  });

  it('writes nothing to disk while no unit key is unlocked: the draft is kept in memory for the run', async () => {
    const { core, device, officerId } = await readyCore();
    await core.device.stop();
    await core.device.start(); // nobody signed in: the unit key is locked
    await core.intake.keepDraft(officerId, WITH_NIK, []);
    expect(await device.intakeDrafts.get(officerId)).toBeUndefined();
    const signedIn = await core.officers.signIn(officerId, TEST_PIN, NOW);
    if (!signedIn.ok) throw new Error(`not signed in: ${signedIn.problem}`);
    expect(await core.intake.draft()).toMatchObject({ fields: WITH_NIK });
    // Kept again once the key is there: sealed on disk.
    await core.intake.keepDraft(officerId, WITH_NIK, []);
    expect((await device.intakeDrafts.get(officerId))?.sealed).toBeDefined();
    expect(await core.intake.draft()).toMatchObject({ fields: WITH_NIK });
  });
});
