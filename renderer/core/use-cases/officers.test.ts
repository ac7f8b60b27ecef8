/**
 * Signing in and the roster through the real core (memory PouchDB, fake-indexeddb): the roster is
 * synced documents with verifiers (never the PIN); a wrong PIN counts towards the lock, five lock
 * the officer on this device for 15 minutes, a supervisor unlocks; a first PIN set by a manager
 * must be changed at first sign-in; an officer cannot change roles or add officers; the last
 * active manager stays; a device upgraded from the local officer list migrates its officers
 * without PINs and lets a manager set the first one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validateSetup } from '../../../shared/unit/unit-profile';
import { OFFICER_ID_PREFIX } from '../../../shared/unit/officer-document';
import type { ClientCore } from '../client-core';
import {
  TEST_FIRST_PIN,
  TEST_NOW,
  TEST_PIN,
  TEST_SETUP,
  signInAs,
  stopTestCores,
  testCore,
} from '../test-core.fixtures';

afterEach(stopTestCores);

const minutes = (count: number): Date => new Date(TEST_NOW.getTime() + count * 60_000);

async function newUnit(): Promise<ReturnType<typeof testCore>> {
  const built = testCore();
  const setup = validateSetup(TEST_SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await built.core.device.setup(setup.value, TEST_NOW);
  return built;
}

const idOf = async (core: ClientCore, name: string): Promise<string> => {
  const found = (await core.officers.list()).find((officer) => officer.name === name);
  if (!found) throw new Error(`no officer ${name}`);
  return found.id;
};

describe('officers: sign-in and roster', () => {
  it('stores the first manager with a verifier, never the PIN, as a synced roster document', async () => {
    const { core, unitDatabases } = await newUnit();
    expect(core.store.getState()).toMatchObject({
      phase: 'ready',
      officer: { name: 'Sari', role: 'manager' },
    });
    const [db] = unitDatabases;
    if (!db) throw new Error('no unit database');
    const rows = await db.allDocs({
      startkey: OFFICER_ID_PREFIX,
      endkey: `${OFFICER_ID_PREFIX}\ufff0`,
      include_docs: true,
    });
    expect(rows.rows).toHaveLength(1);
    const text = JSON.stringify(rows.rows[0]?.doc);
    expect(text).not.toContain(TEST_PIN);
    expect(rows.rows[0]?.doc).toMatchObject({
      type: 'officer',
      role: 'manager',
      mustChangeSecret: false,
      verifier: { algorithm: 'PBKDF2-SHA256' },
      lastChangedBy: { device: 'A2C' },
    });
  });

  it('asks for the PIN at every start; a wrong PIN is refused and counted', async () => {
    const { core } = await newUnit();
    await core.device.stop();
    await core.device.start();
    expect(core.store.getState().phase).toBe('choose-officer');
    expect(core.store.getState().officer).toBeUndefined();
    const sari = await idOf(core, 'Sari');
    expect(await core.officers.signIn(sari, '000111', TEST_NOW)).toEqual({
      ok: false,
      problem: 'wrong-secret',
      attemptsLeft: 4,
    });
    expect(core.store.getState().phase).toBe('choose-officer');
    expect(await core.officers.signIn(sari, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      mustChangeSecret: false,
    });
    expect(core.store.getState()).toMatchObject({ phase: 'ready', officer: { name: 'Sari' } });
  });

  it('makes a new officer change the first PIN at first sign-in', async () => {
    const { core } = await newUnit();
    const added = await core.officers.add('Budi', 'officer', TEST_FIRST_PIN, TEST_FIRST_PIN, TEST_NOW);
    expect(added).toMatchObject({ ok: true, officer: { hasSecret: true, mustChangeSecret: true } });
    await core.officers.chooseAnother();
    const budi = await idOf(core, 'Budi');
    expect(await core.officers.signIn(budi, TEST_FIRST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      mustChangeSecret: true,
    });
    expect(core.store.getState().phase).toBe('change-secret');
    expect(await core.officers.changeOwnSecret(TEST_FIRST_PIN, TEST_FIRST_PIN, TEST_NOW)).toEqual({
      ok: false,
      problem: 'same-secret',
    });
    expect(await core.officers.changeOwnSecret('48', '48', TEST_NOW)).toEqual({
      ok: false,
      problem: 'pin-too-short',
    });
    expect(await core.officers.changeOwnSecret(TEST_PIN, TEST_PIN, TEST_NOW)).toEqual({ ok: true });
    expect(core.store.getState()).toMatchObject({
      phase: 'ready',
      officer: { name: 'Budi', role: 'officer' },
    });
    await core.officers.chooseAnother();
    expect(await core.officers.signIn(budi, TEST_FIRST_PIN, TEST_NOW)).toMatchObject({ ok: false });
    expect(await core.officers.signIn(budi, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      mustChangeSecret: false,
    });
  });

  it('refuses roster changes to an officer: no role raised, nobody added, no PIN set for another', async () => {
    const { core } = await newUnit();
    await signInAs(core, 'Budi', 'officer');
    const budi = await idOf(core, 'Budi');
    const sari = await idOf(core, 'Sari');
    expect(await core.officers.setRole(budi, 'manager')).toBe('not-allowed');
    expect(await core.officers.add('Ani', 'manager', TEST_PIN, TEST_PIN, TEST_NOW)).toEqual({
      ok: false,
      problem: 'not-allowed',
    });
    expect(await core.officers.setSecret(sari, TEST_FIRST_PIN, TEST_FIRST_PIN, TEST_NOW)).toEqual({
      ok: false,
      problem: 'not-allowed',
    });
    expect((await core.officers.list()).find((officer) => officer.id === budi)?.role).toBe('officer');
  });

  it('keeps the last active manager: not demoted, not deactivated', async () => {
    const { core } = await newUnit();
    await signInAs(core, 'Wati', 'manager');
    const sari = await idOf(core, 'Sari');
    const wati = await idOf(core, 'Wati');
    expect(await core.officers.setRole(sari, 'officer')).toBeNull();
    await signInAs(core, 'Sari');
    expect(await core.officers.setRole(wati, 'officer')).toBe('not-allowed');
    await signInAs(core, 'Wati');
    expect(await core.officers.setActive(wati, false)).toBe('self');
    expect(await core.officers.setRole(wati, 'supervisor')).toBe('self');
  });

  // Many sign-ins, each also opening or copying the unit key (a PBKDF2 derivation more): slow on a busy machine.
  it('locks after five wrong PINs for 15 minutes; a supervisor unlocks, an officer cannot', async () => {
    const { core } = await newUnit();
    await signInAs(core, 'Wati', 'supervisor');
    await signInAs(core, 'Ani', 'officer');
    await signInAs(core, 'Budi', 'officer');
    await core.officers.chooseAnother();
    const [budi, wati, ani] = [await idOf(core, 'Budi'), await idOf(core, 'Wati'), await idOf(core, 'Ani')];
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await core.officers.signIn(budi, '000111', TEST_NOW)).toMatchObject({
        attemptsLeft: 5 - attempt,
      });
    }
    expect(await core.officers.signIn(budi, '000111', TEST_NOW)).toEqual({
      ok: false,
      problem: 'locked',
      remainingMs: 15 * 60_000,
    });
    // Locked: even the right PIN is refused, until the 15 minutes are over.
    expect(await core.officers.signIn(budi, TEST_PIN, minutes(10))).toMatchObject({ problem: 'locked' });
    expect(await core.officers.lockState(budi, minutes(10))).toEqual({
      remainingMs: 5 * 60_000,
      attemptsLeft: 5,
    });
    expect(await core.officers.signIn(budi, TEST_PIN, minutes(15))).toMatchObject({ ok: true });
    await core.officers.chooseAnother();

    for (let attempt = 1; attempt <= 5; attempt++) await core.officers.signIn(budi, '000111', minutes(20));
    expect(await core.officers.unlock(budi, ani, TEST_PIN, minutes(21))).toEqual({
      ok: false,
      problem: 'not-allowed',
    });
    expect(await core.officers.unlock(budi, wati, '000111', minutes(21))).toEqual({
      ok: false,
      problem: 'wrong-secret',
    });
    expect(await core.officers.unlock(budi, wati, TEST_PIN, minutes(21))).toEqual({ ok: true });
    expect(await core.officers.signIn(budi, TEST_PIN, minutes(21))).toMatchObject({ ok: true });
  }, 30_000);

  it('migrates a device’s local officers without PINs; a manager sets the first PIN, then the others’', async () => {
    const { core, device } = testCore();
    // A device set up before the roster synced: its officers only in Dexie, no roster documents.
    await device.settings.put({
      key: 'device',
      value: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: TEST_NOW.toISOString() },
    });
    await device.officers.bulkPut([
      {
        id: 'officer-old-siti',
        name: 'Siti',
        role: 'manager',
        createdAt: TEST_NOW.toISOString(),
        active: true,
      },
      {
        id: 'officer-old-budi',
        name: 'Budi',
        role: 'officer',
        createdAt: TEST_NOW.toISOString(),
        active: true,
      },
    ]);
    await core.device.start();
    expect(core.store.getState().phase).toBe('choose-officer');
    expect((await core.officers.list()).map((officer) => [officer.name, officer.hasSecret])).toEqual([
      ['Budi', false],
      ['Siti', false],
    ]);
    expect(await core.officers.needsFirstManagerSecret()).toBe(true);
    expect(await core.officers.signIn('officer-old-budi', TEST_PIN, TEST_NOW)).toEqual({
      ok: false,
      problem: 'no-secret',
    });
    expect(
      await core.officers.setFirstManagerSecret('officer-old-budi', TEST_PIN, TEST_PIN, TEST_NOW),
    ).toEqual({
      ok: false,
      problem: 'not-allowed',
    });
    expect(
      await core.officers.setFirstManagerSecret('officer-old-siti', TEST_PIN, TEST_PIN, TEST_NOW),
    ).toEqual({
      ok: true,
    });
    expect(core.store.getState()).toMatchObject({ phase: 'ready', officer: { name: 'Siti' } });
    expect(await core.officers.needsFirstManagerSecret()).toBe(false);
    // Once a manager has a PIN, nobody else sets a "first manager" PIN.
    expect(
      await core.officers.setSecret('officer-old-budi', TEST_FIRST_PIN, TEST_FIRST_PIN, TEST_NOW),
    ).toEqual({
      ok: true,
    });
    await core.officers.chooseAnother();
    expect(await core.officers.signIn('officer-old-budi', TEST_FIRST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      mustChangeSecret: true,
    });
  });
});
