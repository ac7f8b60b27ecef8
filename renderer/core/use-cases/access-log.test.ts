/**
 * The access log through the real core (memory PouchDB, fake-indexeddb): signing in, a wrong PIN,
 * a lockout, an unlock, signing out and roster changes each write one sealed `access` document
 * into the unit's database (never a PIN); a manager pages through them newest first, by kind or
 * officer; anyone else is refused by the core; a record the database refuses does not stop the
 * sign-in, is kept on the device and written with the next one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCESS_ID_PREFIX, accessDocSchema, type AccessDoc } from '../../../shared/auth/access-record';
import { verifyImmutable } from '../../../shared/ids/content-id';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { AccessLogRow, ClientCore } from '../client-core';
import type { UnitDatabase } from '../data/database';
import {
  TEST_FIRST_PIN,
  TEST_NOW,
  TEST_PIN,
  TEST_SETUP,
  signInAs,
  stopTestCores,
  testCore,
} from '../test-core.fixtures';
import { PENDING_KEY } from './access-log';

afterEach(stopTestCores);

const minutes = (count: number): Date => new Date(TEST_NOW.getTime() + count * 60_000);

async function newUnit(): Promise<ReturnType<typeof testCore> & { db: UnitDatabase }> {
  const built = testCore();
  const setup = validateSetup(TEST_SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await built.core.device.setup(setup.value, TEST_NOW);
  const [db] = built.unitDatabases;
  if (!db) throw new Error('no unit database');
  return { ...built, db };
}

/** The access documents as stored, oldest first. */
async function stored(db: UnitDatabase): Promise<(AccessDoc & { _rev: string })[]> {
  const result = await db.allDocs({
    startkey: ACCESS_ID_PREFIX,
    endkey: `${ACCESS_ID_PREFIX}\ufff0`,
    include_docs: true,
  });
  return result.rows.map((row) => row.doc as unknown as AccessDoc & { _rev: string });
}

const idOf = async (core: ClientCore, name: string): Promise<string> => {
  const found = (await core.officers.list()).find((officer) => officer.name === name);
  if (!found) throw new Error(`no officer ${name}`);
  return found.id;
};

async function allRows(
  core: ClientCore,
  query: Readonly<{ kind?: AccessLogRow['kind']; officerId?: string }> = {},
  limit = 2,
): Promise<AccessLogRow[]> {
  const rows: AccessLogRow[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const outcome = await core.accessLog.page({ limit, ...query, ...(cursor ? { cursor } : {}) });
    if (!outcome.ok) throw new Error(outcome.problem);
    rows.push(...outcome.page.rows);
    cursor = outcome.page.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error('too many pages');
}

describe('access log: recording', () => {
  it('writes a sealed record for sign-in, a wrong PIN, sign-out and roster changes, never the PIN', async () => {
    const { core, db } = await newUnit();
    const sari = await idOf(core, 'Sari');
    // Setup signed the first manager in.
    expect((await stored(db)).map((doc) => doc.kind)).toEqual(['sign-in']);
    /** The records `action` wrote (the core's clock stands still: several share an instant). */
    const recorded = async (action: () => Promise<unknown>): Promise<Record<string, unknown>[]> => {
      const before = new Set((await stored(db)).map((doc) => doc._id));
      await action();
      return (await stored(db))
        .filter((doc) => !before.has(doc._id))
        .map(({ kind, officerId, subjectId, role }) => ({ kind, officerId, subjectId, role }));
    };

    let budi = '';
    expect(
      await recorded(async () => {
        const added = await core.officers.add('Budi', 'officer', TEST_FIRST_PIN, TEST_FIRST_PIN, minutes(1));
        if (!added.ok) throw new Error(added.problem);
        budi = added.officer.id;
      }),
    ).toEqual([{ kind: 'officer-added', officerId: sari, subjectId: budi, role: 'officer' }]);
    expect(await recorded(() => core.officers.setRole(budi, 'supervisor'))).toEqual([
      { kind: 'role-changed', officerId: sari, subjectId: budi, role: 'supervisor' },
    ]);
    expect(await recorded(() => core.officers.setActive(budi, false))).toEqual([
      { kind: 'officer-deactivated', officerId: sari, subjectId: budi },
    ]);
    expect(await recorded(() => core.officers.setActive(budi, true))).toEqual([
      { kind: 'officer-reactivated', officerId: sari, subjectId: budi },
    ]);
    expect(await recorded(() => core.officers.chooseAnother(minutes(5)))).toEqual([
      { kind: 'sign-out', officerId: sari },
    ]);
    expect(await recorded(() => core.officers.signIn(sari, '000111', minutes(6)))).toEqual([
      { kind: 'sign-in-failed', officerId: sari },
    ]);
    expect(await recorded(() => core.officers.signIn(budi, TEST_FIRST_PIN, minutes(7)))).toEqual([
      { kind: 'sign-in', officerId: budi },
    ]);
    expect(await recorded(() => core.officers.changeOwnSecret(TEST_PIN, TEST_PIN, minutes(8)))).toEqual([
      { kind: 'secret-changed', officerId: budi },
    ]);

    const docs = await stored(db);
    expect(docs).toHaveLength(9);
    for (const doc of docs) {
      expect(accessDocSchema.safeParse(doc).success).toBe(true);
      expect(verifyImmutable(doc)).toBe('ok');
      expect(doc).toMatchObject({ type: 'access', unitCode: 'KTB', deviceCode: 'A2C' });
      const text = JSON.stringify(doc);
      expect(text).not.toContain(TEST_PIN);
      expect(text).not.toContain(TEST_FIRST_PIN);
      expect(text).not.toContain('000111');
    }
    expect(docs.find((doc) => doc.kind === 'sign-in-failed')?.at).toBe(minutes(6).toISOString());
  });

  it('records the lockout after five failures and the unlock by a supervisor', async () => {
    const { core, db } = await newUnit();
    await signInAs(core, 'Wati', 'supervisor');
    await signInAs(core, 'Budi', 'officer');
    await core.officers.chooseAnother(minutes(1));
    const [budi, wati] = [await idOf(core, 'Budi'), await idOf(core, 'Wati')];
    for (let attempt = 1; attempt <= 5; attempt++) await core.officers.signIn(budi, '000111', minutes(2));
    expect(await core.officers.unlock(budi, wati, TEST_PIN, minutes(3))).toEqual({ ok: true });
    const recent = (await stored(db)).filter((doc) => doc.at >= minutes(2).toISOString());
    expect(recent.filter((doc) => doc.kind === 'sign-in-failed')).toHaveLength(5);
    expect(recent.filter((doc) => doc.kind === 'locked-out')).toMatchObject([{ officerId: budi }]);
    expect(recent.filter((doc) => doc.kind === 'unlocked')).toMatchObject([
      { officerId: wati, subjectId: budi },
    ]);
  });

  it('records a sign-in tried for an officer the roster does not hold without naming anyone', async () => {
    const { core, db } = await newUnit();
    await core.officers.chooseAnother(minutes(1));
    expect(await core.officers.signIn('officer-nobody', TEST_PIN, minutes(2))).toEqual({
      ok: false,
      problem: 'unknown',
    });
    const failed = (await stored(db)).filter((doc) => doc.kind === 'sign-in-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).not.toHaveProperty('officerId');
  });

  it('never blocks a sign-in: a refused record is kept on the device and written with the next', async () => {
    const { core, db, device } = await newUnit();
    const sari = await idOf(core, 'Sari');
    await core.officers.chooseAnother(minutes(1));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const refuse = vi.spyOn(db, 'bulkDocs').mockRejectedValueOnce(new Error('QuotaExceededError'));
    expect(await core.officers.signIn(sari, TEST_PIN, minutes(2))).toMatchObject({
      ok: true,
      mustChangeSecret: false,
    });
    expect(core.store.getState().phase).toBe('ready');
    expect(warn).toHaveBeenCalled();
    refuse.mockRestore();
    warn.mockRestore();
    const kept = (await device.settings.get(PENDING_KEY))?.value as { kind: string; at: string }[];
    expect(kept).toMatchObject([{ kind: 'sign-in', at: minutes(2).toISOString() }]);
    expect((await stored(db)).filter((doc) => doc.at === minutes(2).toISOString())).toEqual([]);

    await core.officers.chooseAnother(minutes(3));
    const later = (await stored(db)).filter((doc) => doc.at >= minutes(2).toISOString());
    expect(later.map((doc) => [doc.kind, doc.at])).toEqual([
      ['sign-in', minutes(2).toISOString()],
      ['sign-out', minutes(3).toISOString()],
    ]);
    expect(await device.settings.get(PENDING_KEY)).toBeUndefined();
  });
});

describe('access log: reading', () => {
  it('gives a manager pages newest first with names, by kind and by officer', async () => {
    const { core } = await newUnit();
    const sari = await idOf(core, 'Sari');
    const added = await core.officers.add('Budi', 'officer', TEST_FIRST_PIN, TEST_FIRST_PIN, minutes(1));
    if (!added.ok) throw new Error(added.problem);
    const budi = added.officer.id;
    await core.officers.chooseAnother(minutes(2));
    await core.officers.signIn(budi, '000111', minutes(3));
    await core.officers.signIn(sari, '000111', minutes(4));
    await core.officers.signIn(sari, TEST_PIN, minutes(5));

    const first = await core.accessLog.page({ limit: 2 });
    expect(first).toMatchObject({
      ok: true,
      page: {
        rows: [
          {
            kind: 'sign-in',
            officerId: sari,
            officerName: 'Sari',
            at: minutes(5).toISOString(),
            deviceCode: 'A2C',
          },
          { kind: 'sign-in-failed', officerName: 'Sari', at: minutes(4).toISOString() },
        ],
        tampered: 0,
      },
    });
    const rows = await allRows(core);
    expect(rows.map((row) => row.kind)).toEqual([
      'sign-in',
      'sign-in-failed',
      'sign-in-failed',
      'sign-out',
      'officer-added',
      'sign-in',
    ]);
    expect(rows[4]).toMatchObject({ subjectId: budi, subjectName: 'Budi', role: 'officer' });
    expect((await allRows(core, { kind: 'sign-in-failed' })).map((row) => row.officerName)).toEqual([
      'Sari',
      'Budi',
    ]);
    // Budi's records: as the one who acted and as the one acted on.
    expect((await allRows(core, { officerId: budi }, 1)).map((row) => row.kind)).toEqual([
      'sign-in-failed',
      'officer-added',
    ]);
  });

  it('refuses the log to an officer and a supervisor (the core decides, not the screen)', async () => {
    const { core } = await newUnit();
    await signInAs(core, 'Wati', 'supervisor');
    expect(await core.accessLog.page({ limit: 10 })).toEqual({ ok: false, problem: 'not-allowed' });
    await signInAs(core, 'Budi', 'officer');
    expect(await core.accessLog.page({ limit: 10 })).toEqual({ ok: false, problem: 'not-allowed' });
    await core.officers.chooseAnother();
    expect(await core.accessLog.page({ limit: 10 })).toEqual({ ok: false, problem: 'not-allowed' });
    await signInAs(core, 'Sari');
    expect(await core.accessLog.page({ limit: 10 })).toMatchObject({ ok: true });
  });

  it('leaves out and counts a record whose content is not what its id names', async () => {
    const { core, db } = await newUnit();
    const [record] = await stored(db);
    if (!record) throw new Error('no record');
    // A copy changed on this device (a tampered backup): the id no longer names its content.
    // Its last character changed, whatever it was (a hash ending in 0 made the "copy" the record).
    const changedId = `${record._id.slice(0, -1)}${record._id.endsWith('0') ? '1' : '0'}`;
    await db.bulkDocs([{ ...record, _id: changedId, kind: 'sign-out' }], {
      new_edits: false,
    });
    const outcome = await core.accessLog.page({ limit: 10 });
    expect(outcome).toMatchObject({ ok: true, page: { tampered: 1 } });
    expect(outcome.ok && outcome.page.rows.map((row) => row.kind)).toEqual(['sign-in']);
  });
});
