/**
 * The desk lock through the real core (memory PouchDB, fake-indexeddb): locking closes the desk at
 * once and keeps who was signed in; that officer opens it with their own secret (a wrong one counts
 * towards the five-failure lock like any sign-in); "Ganti petugas" from the lock signs them out; a
 * lock with nobody at the desk does nothing. The unit's idle time is a manager's setting, stored
 * in the synced unit settings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACCESS_ID_PREFIX, type AccessDoc } from '../../../shared/auth/access-record';
import { validateSetup } from '../../../shared/unit/unit-profile';
import { UNIT_SETTINGS_ID, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import type { UnitDatabase } from '../data/database';
import { TEST_NOW, TEST_PIN, TEST_SETUP, signInAs, stopTestCores, testCore } from '../test-core.fixtures';

afterEach(stopTestCores);

async function newUnit(): Promise<ReturnType<typeof testCore>> {
  const built = testCore();
  const setup = validateSetup(TEST_SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await built.core.device.setup(setup.value, TEST_NOW);
  return built;
}

/** The access log's records of `kind` (decision 016), with the officer each names. */
async function recorded(
  db: UnitDatabase | undefined,
  kind: AccessDoc['kind'],
): Promise<(string | undefined)[]> {
  if (!db) throw new Error('no unit database');
  const result = await db.allDocs({
    startkey: ACCESS_ID_PREFIX,
    endkey: `${ACCESS_ID_PREFIX}\ufff0`,
    include_docs: true,
  });
  return result.rows
    .map((row) => row.doc as unknown as AccessDoc)
    .filter((doc) => doc.kind === kind)
    .map((doc) => doc.officerId);
}

describe('the desk lock', () => {
  it('closes the desk at once, and the officer opens it again with their own PIN', async () => {
    const { core, unitDatabases } = await newUnit();
    const [db] = unitDatabases;
    const sari = core.store.getState().officer;
    if (!sari) throw new Error('nobody signed in');
    const signIns = await recorded(db, 'sign-in');
    const locking = core.officers.lock();
    // Before anything is recorded, the screens are closed.
    expect(core.store.getState()).toMatchObject({ phase: 'choose-officer', lockedBy: sari.id });
    expect(core.store.getState().officer).toBeUndefined();
    await locking;
    expect(await recorded(db, 'lock')).toEqual([sari.id]);
    // Locked already: another lock (the timer and the shortcut at once) changes nothing.
    await core.officers.lock();
    expect(core.store.getState()).toMatchObject({ phase: 'choose-officer', lockedBy: sari.id });

    expect(await core.officers.signIn(sari.id, '000111', TEST_NOW)).toEqual({
      ok: false,
      problem: 'wrong-secret',
      attemptsLeft: 4,
    });
    expect(await core.officers.lockState(sari.id, TEST_NOW)).toEqual({ remainingMs: 0, attemptsLeft: 4 });
    expect(await core.officers.signIn(sari.id, TEST_PIN, TEST_NOW)).toMatchObject({
      ok: true,
      mustChangeSecret: false,
    });
    expect(core.store.getState()).toMatchObject({ phase: 'ready', officer: { id: sari.id } });
    expect(core.store.getState().lockedBy).toBeUndefined();
    // Recorded as the desk opened again, not as a new sign-in; one lock for the two calls.
    expect(await recorded(db, 'unlock')).toEqual([sari.id]);
    expect(await recorded(db, 'lock')).toEqual([sari.id]);
    expect(await recorded(db, 'sign-in')).toEqual(signIns);
  });

  it('"Ganti petugas" on the lock signs the officer out; another officer opens the desk as themselves', async () => {
    const { core, unitDatabases } = await newUnit();
    const [db] = unitDatabases;
    await signInAs(core, 'Budi', 'officer');
    const budi = core.store.getState().officer;
    await core.officers.lock();
    expect(core.store.getState().lockedBy).toBe(budi?.id);
    expect(await recorded(db, 'sign-out')).toEqual([]);
    await core.officers.chooseAnother();
    // The officer whose desk locked is signed out.
    expect(await recorded(db, 'sign-out')).toEqual([budi?.id]);
    expect(core.store.getState()).toMatchObject({ phase: 'choose-officer' });
    expect(core.store.getState().lockedBy).toBeUndefined();
    await signInAs(core, 'Sari', 'manager');
    expect(core.store.getState()).toMatchObject({
      phase: 'ready',
      officer: { name: 'Sari', role: 'manager' },
    });
  });

  it('does nothing with nobody at the desk', async () => {
    const { core } = await newUnit();
    await core.officers.chooseAnother();
    await core.officers.lock();
    expect(core.store.getState().phase).toBe('choose-officer');
    expect(core.store.getState().lockedBy).toBeUndefined();
  });

  it('keeps the idle time a manager sets in the synced unit settings; an officer cannot', async () => {
    const { core, unitDatabases } = await newUnit();
    expect(core.store.getState().unitSettings?.idleLockMinutes).toBeUndefined();
    expect(await core.settings.saveIdleLock(5, TEST_NOW)).toBe('saved');
    expect(core.store.getState().unitSettings?.idleLockMinutes).toBe(5);
    const [db] = unitDatabases;
    if (!db) throw new Error('no unit database');
    expect((await db.get<UnitSettingsDoc>(UNIT_SETTINGS_ID)).idleLockMinutes).toBe(5);

    await signInAs(core, 'Budi', 'officer');
    expect(await core.settings.saveIdleLock(1, TEST_NOW)).toBe('not-allowed');
    expect((await db.get<UnitSettingsDoc>(UNIT_SETTINGS_ID)).idleLockMinutes).toBe(5);
  });
});
