/**
 * The unit key through the real core (memory PouchDB, fake-indexeddb, the browser host's key-wrap
 * sealing): a new unit makes key version 1 and its `unit-key:1` document; the first manager's copy
 * on this device is wrapped under their PIN (never the key in clear); after a restart identity is
 * neither shown nor written until an officer with a copy signs in; an officer without a copy gets
 * one at sign-in while the key is unlocked; a new PIN re-wraps; an officer signing in without the
 * key and without a copy is told so and gets a copy when the key arrives later in the run; a device
 * upgraded from before the unit key makes version 1 at the first sign-in and seals the reporter
 * documents it holds in clear.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { toBase64url } from '../../../shared/crypto/base64url';
import { unitKeyDocSchema } from '../../../shared/crypto/unit-key-document';
import { validateSetup } from '../../../shared/unit/unit-profile';
import { CORE_ERRORS, isCoreError, type ClientCore } from '../client-core';
import {
  TEST_FIRST_PIN,
  TEST_NOW,
  TEST_PIN,
  TEST_SETUP,
  signInAs,
  stopTestCores,
  testCore,
} from '../test-core.fixtures';
import { memoryDatabase } from '../../../test/support/memory-database';
import { ComplaintRepository } from '../data/complaint-repository';
import { testUnitKey, testVault } from './test-unit-key.fixtures';
import { REPORTERS_SEALED_PREFIX } from '../create-client-core';

afterEach(stopTestCores);

const NAMED: IntakeInput = {
  channel: 'walk-in',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: {
    name: 'Budi Santoso',
    nik: '3305123456780001',
    phone: '0812-3456-7890',
    email: '',
    address: '',
  },
  title: 'Jalan rusak',
  chronology: 'Lubang besar di Jl. Melati.',
  incidentDate: '2026-02-27',
  location: 'Jl. Melati',
  category: 'infrastructure',
  targetOffice: '',
  attachments: [],
};

async function newUnit(): Promise<ReturnType<typeof testCore>> {
  const built = testCore();
  const setup = validateSetup(TEST_SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await built.core.device.setup(setup.value, TEST_NOW);
  return built;
}

const save = (core: ClientCore, input: IntakeInput = NAMED): Promise<string> =>
  core.intake.save({ input, files: [], receivedAt: TEST_NOW, localDate: '2026-03-02' });

const idOf = async (core: ClientCore, name: string): Promise<string> => {
  const found = (await core.officers.list()).find((officer) => officer.name === name);
  if (!found) throw new Error(`no officer ${name}`);
  return found.id;
};

/** The app closing and starting again on the same databases: the keyring is empty again. */
async function restart(core: ClientCore): Promise<void> {
  await core.device.stop();
  await core.device.start();
}

describe('the unit key in the core', () => {
  it('a new unit makes key 1, announces it, and keeps only a wrapped copy for its first manager', async () => {
    const { core, device, unitDatabases } = await newUnit();
    const [db] = unitDatabases;
    if (!db) throw new Error('no unit database');
    const announced = unitKeyDocSchema.parse(await db.get('unit-key:1'));
    const key = await testUnitKey();
    expect(announced).toMatchObject({ version: '1', fingerprint: key.fingerprint, unitCode: 'KTB' });
    expect(JSON.stringify(announced)).not.toContain(toBase64url(key.exportBytes()));
    const copies = await device.unitKeyWraps.toArray();
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ keyVersion: 1, protection: 'browser-storage' });
    expect(copies[0]?.sealed).not.toContain(toBase64url(key.exportBytes()));
    expect(copies[0]?.sealed).not.toContain(TEST_PIN);
    // Unlocked for the manager who set the unit up: a named complaint is stored and shown.
    const id = await save(core);
    expect((await core.complaints.detail(id))?.reporter).toMatchObject({ name: 'Budi Santoso' });
  });

  it('after a restart identity is neither shown nor written until an officer with a copy signs in (a desk lock keeps it)', async () => {
    const { core } = await newUnit();
    const id = await save(core);
    await restart(core);
    const locked = await core.complaints.detail(id);
    expect(locked?.reporter).toMatchObject({ name: '', nik: '', sealedIdentity: 'no-key' });
    expect(locked?.complaint.title).toBe('Jalan rusak');
    const sari = await idOf(core, 'Sari');
    // A wrong PIN opens nothing.
    expect(await core.officers.signIn(sari, '000000', TEST_NOW)).toMatchObject({ ok: false });
    expect((await core.complaints.detail(id))?.reporter?.sealedIdentity).toBe('no-key');
    expect(await core.officers.signIn(sari, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      unitKey: 'unlocked',
    });
    expect((await core.complaints.detail(id))?.reporter).toMatchObject({
      name: 'Budi Santoso',
      nik: '3305123456780001',
    });
    // The desk lock is not a sign-out of the key: locked and opened again, identity is still readable.
    await core.officers.lock();
    expect(await core.officers.signIn(sari, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      unitKey: 'unlocked',
    });
    await save(core);
  });

  it('a locked-out officer with the right PIN opens nothing: the copy opened beside the check is dropped', async () => {
    const { core } = await newUnit();
    const id = await save(core);
    await restart(core);
    const sari = await idOf(core, 'Sari');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await core.officers.signIn(sari, '000000', TEST_NOW)).toMatchObject({ ok: false });
    }
    expect(await core.officers.signIn(sari, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: false,
      problem: 'locked',
    });
    expect((await core.complaints.detail(id))?.reporter?.sealedIdentity).toBe('no-key');
  });

  it('refuses a named intake without the key with its own error, before any number is taken; anonymous ones are saved', async () => {
    const { core, device } = await newUnit();
    await restart(core);
    const counters = await device.counters.toArray();
    const sari = await idOf(core, 'Sari');
    // Sari signs in, but her copy is gone (as on a device where she never signed in): no key.
    await device.unitKeyWraps.clear();
    expect(await core.officers.signIn(sari, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      unitKey: 'no-key',
    });
    const refused = await save(core).catch((error: unknown) => error);
    expect(isCoreError(refused, CORE_ERRORS.unitKeyLocked)).toBe(true);
    expect(await device.counters.toArray()).toEqual(counters);
    await expect(
      save(core, {
        ...NAMED,
        privacyMode: 'anonymous',
        reporter: { name: '', nik: '', phone: '', email: '', address: '' },
      }),
    ).resolves.toMatch(/^complaint:/);
  });

  it('an officer without a copy gets one at sign-in while the key is unlocked, and opens it alone after a restart', async () => {
    const { core, device } = await newUnit();
    const id = await save(core);
    await signInAs(core, 'Wati', 'supervisor');
    const wati = await idOf(core, 'Wati');
    expect(
      (await device.unitKeyWraps.where('officerId').equals(wati).toArray()).map((row) => row.keyVersion),
    ).toEqual([1]);
    await restart(core);
    expect(await core.officers.signIn(wati, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      unitKey: 'unlocked',
    });
    expect((await core.complaints.detail(id))?.reporter?.name).toBe('Budi Santoso');
  });

  it('a new PIN re-wraps the copy: the old PIN no longer opens it, the new one does', async () => {
    const { core, device } = await newUnit();
    await signInAs(core, 'Wati', 'supervisor');
    const wati = await idOf(core, 'Wati');
    const before = await device.unitKeyWraps.where('officerId').equals(wati).toArray();
    expect((await core.officers.changeOwnSecret('739184', '739184', TEST_NOW)).ok).toBe(true);
    const after = await device.unitKeyWraps.where('officerId').equals(wati).toArray();
    expect(after).toHaveLength(1);
    expect(after[0]?.sealed).not.toBe(before[0]?.sealed);
    await restart(core);
    expect(await core.officers.signIn(wati, '739184', TEST_NOW)).toMatchObject({
      ok: true,
      unitKey: 'unlocked',
    });
    // A manager's new first PIN for an officer (forgotten PIN) re-wraps too, while the key is unlocked.
    await restart(core);
    await core.officers.signIn(await idOf(core, 'Sari'), TEST_PIN, TEST_NOW);
    expect((await core.officers.setSecret(wati, TEST_FIRST_PIN, TEST_FIRST_PIN, TEST_NOW)).ok).toBe(true);
    await restart(core);
    expect(await core.officers.signIn(wati, TEST_FIRST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      mustChangeSecret: true,
      unitKey: 'unlocked',
    });
  });

  it('an officer signing in without key or copy is told so; an officer with a copy then opens it for the run', async () => {
    const { core, device } = await newUnit();
    const id = await save(core);
    await signInAs(core, 'Wati', 'supervisor');
    const wati = await idOf(core, 'Wati');
    await device.unitKeyWraps.where('officerId').equals(wati).delete();
    await restart(core);
    expect(await core.officers.signIn(wati, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      unitKey: 'no-key',
    });
    expect((await core.complaints.detail(id))?.reporter?.sealedIdentity).toBe('no-key');
    // Ganti petugas: Sari, who signed in here before, opens the key; Wati, signing in again, gets a copy.
    await core.officers.chooseAnother(TEST_NOW);
    expect(await core.officers.signIn(await idOf(core, 'Sari'), TEST_PIN, TEST_NOW)).toMatchObject({
      unitKey: 'unlocked',
    });
    await core.officers.chooseAnother(TEST_NOW);
    expect(await core.officers.signIn(wati, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      unitKey: 'copied',
    });
    expect(await device.unitKeyWraps.where('officerId').equals(wati).count()).toBe(1);
  });

  it('a complaint that arrives sealed while no key is unlocked is found by its complainant once an officer signs in', async () => {
    const { core, unitDatabases } = await newUnit();
    const [local] = unitDatabases;
    if (!local) throw new Error('no unit database');
    await restart(core);
    // Another device of the unit logs a named complaint; it arrives by replication before anyone signs in here.
    const other = memoryDatabase();
    const elsewhere = await new ComplaintRepository(other, await testVault()).saveIntake(
      { ...NAMED, reporter: { ...NAMED.reporter, name: 'Wiryo Kusumo' } },
      [],
      {
        unitCode: 'KTB',
        deviceCode: 'B3D',
        sequence: 1,
        eventSequence: 1,
        officer: { officerId: 'officer-b', name: 'Joko' },
        receivedAt: TEST_NOW,
        localDate: '2026-03-02',
      },
    );
    await other.replicate.to(local);
    await other.destroy();
    await expect
      .poll(async () => (await core.complaints.detail(elsewhere._id))?.reporter?.sealedIdentity)
      .toBe('no-key');
    await core.officers.signIn(await idOf(core, 'Sari'), TEST_PIN, TEST_NOW);
    await expect
      .poll(
        async () =>
          (await core.search.query({ text: 'wiryo kusumo', limit: 20 })).hits.map(
            (hit) => hit.row.trackingNumber,
          ),
        { timeout: 10_000 },
      )
      .toEqual([elsewhere.trackingNumber]);
  });

  it('a device upgraded from before the unit key makes key 1 at the first sign-in and seals the reporters it holds in clear', async () => {
    const { core, device, unitDatabases } = await newUnit();
    const [db] = unitDatabases;
    if (!db) throw new Error('no unit database');
    // As before the unit key: no announcement, no copies, a reporter document in clear.
    await db.remove(await db.get('unit-key:1'));
    await device.unitKeyWraps.clear();
    await device.settings.delete(`${REPORTERS_SEALED_PREFIX}KTB`);
    await db.put({
      _id: 'reporter:KTB-260302-A2C-0901',
      type: 'reporter',
      schemaVersion: 1,
      unitCode: 'KTB',
      complaintId: `complaint:2026-03-02T03:00:00.000Z:KTB-260302-A2C-0901:${'a'.repeat(64)}`,
      trackingNumber: 'KTB-260302-A2C-0901',
      privacyMode: 'named',
      name: 'Lama Terbuka',
      nik: '',
      phone: '081200000001',
      email: '',
      address: '',
    });
    await restart(core);
    expect(await core.officers.signIn(await idOf(core, 'Sari'), TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      unitKey: 'unlocked',
    });
    expect(unitKeyDocSchema.parse(await db.get('unit-key:1'))).toMatchObject({ version: '1' });
    expect(await device.unitKeyWraps.count()).toBe(1);
    await expect
      .poll(async () => JSON.stringify(await db.get('reporter:KTB-260302-A2C-0901')), { timeout: 10_000 })
      .not.toContain('Lama Terbuka');
    const leaves = JSON.stringify(await db.get('reporter:KTB-260302-A2C-0901', { open_revs: 'all' }));
    expect(leaves).not.toContain('Lama Terbuka');
    // The pass read every reporter document; it is remembered as done, so later starts skip it.
    await expect
      .poll(async () => (await device.settings.get(`${REPORTERS_SEALED_PREFIX}KTB`))?.value)
      .toBe(true);
  });
});
