import { afterEach, describe, expect, it } from 'vitest';
import { memoryDatabase } from '../../../test/support/memory-database';
import type { UnitDatabase } from './database';
import { listConflicts, resolveConflict } from './mutable-conflicts';

let db: UnitDatabase;
/** The device and officer who resolve the conflicts here. */
const RESOLVER = { device: 'C67', officer: 'officer-3' };
afterEach(async () => db.destroy());

/** Two devices changed the office list from the same first revision before syncing. */
async function conflictedOffices(): Promise<{ mine: string; theirs: string }> {
  db = memoryDatabase();
  const base = {
    _id: 'unit-offices',
    type: 'unit-offices',
    offices: ['Dinas Kesehatan'],
    lastChangedBy: { device: 'A23', officer: 'officer-1' },
  };
  const first = await db.put(base);
  const mine = await db.put({ ...base, _rev: first.rev, offices: ['Dinas Kesehatan', 'Dinas PU'] });
  // Replication delivers the other device's revision as is (new_edits: false).
  const theirs = `2-${'b'.repeat(32)}`;
  await db.bulkDocs(
    [
      {
        ...base,
        _rev: theirs,
        offices: ['Dinas Kesehatan', 'Dinas Sosial'],
        lastChangedBy: { device: 'B45', officer: 'officer-2' },
        _revisions: { start: 2, ids: ['b'.repeat(32), first.rev.slice(2)] },
      } as PouchDB.Core.PutDocument<object>,
    ],
    { new_edits: false },
  );
  return { mine: mine.rev, theirs };
}

describe('mutable-document conflicts', () => {
  it('lists nothing while no document has two versions', async () => {
    db = memoryDatabase();
    await db.put({ _id: 'unit-settings', type: 'unit-settings' });
    expect(await listConflicts(db)).toEqual([]);
  });

  it('lists both versions of a conflicted document', async () => {
    const { mine, theirs } = await conflictedOffices();
    const [conflict, ...more] = await listConflicts(db);
    expect(more).toEqual([]);
    expect(conflict?.id).toBe('unit-offices');
    const versions = [conflict?.winner, ...(conflict?.others ?? [])];
    expect(versions.map((doc) => doc?._rev).sort()).toEqual([mine, theirs].sort());
    expect(versions.map((doc) => doc?.offices)).toContainEqual(['Dinas Kesehatan', 'Dinas Sosial']);
    expect(versions.map((doc) => doc?.offices)).toContainEqual(['Dinas Kesehatan', 'Dinas PU']);
  });

  it.each(['mine', 'theirs'] as const)(
    'keeps the version a person chose (%s) and closes the other',
    async (side) => {
      const revs = await conflictedOffices();
      await resolveConflict(db, 'unit-offices', revs[side], RESOLVER);
      const after = await db.get('unit-offices', { conflicts: true });
      expect(after._conflicts ?? []).toEqual([]);
      expect((after as unknown as { offices: string[] }).offices).toEqual(
        side === 'mine' ? ['Dinas Kesehatan', 'Dinas PU'] : ['Dinas Kesehatan', 'Dinas Sosial'],
      );
      // The new revision is the resolving device's, whoever wrote the kept content (the central
      // refuses a revision naming another device).
      expect((after as unknown as { lastChangedBy: unknown }).lastChangedBy).toEqual(RESOLVER);
      expect(await listConflicts(db)).toEqual([]);
    },
  );

  it('lists a packet draft changed on two devices, after the fixed documents', async () => {
    await conflictedOffices();
    const base = { _id: 'packet-draft:2026-upp', type: 'packet-draft', draft: { year: 2026 } };
    const first = await db.put(base);
    await db.put({ ...base, _rev: first.rev, draft: { year: 2026, note: 'mine' } });
    await db.bulkDocs(
      [
        {
          ...base,
          _rev: `2-${'d'.repeat(32)}`,
          draft: { year: 2026, note: 'theirs' },
          _revisions: { start: 2, ids: ['d'.repeat(32), first.rev.slice(2)] },
        } as PouchDB.Core.PutDocument<object>,
      ],
      { new_edits: false },
    );
    await db.put({ _id: 'packet-draft:2027-upp', type: 'packet-draft' }); // no conflict: not listed
    const conflicts = await listConflicts(db);
    expect(conflicts.map((conflict) => conflict.id)).toEqual(['unit-offices', 'packet-draft:2026-upp']);
    const drafts = [conflicts[1]?.winner, ...(conflicts[1]?.others ?? [])].map((doc) => doc?.draft);
    expect(drafts).toContainEqual({ year: 2026, note: 'theirs' });
    expect(drafts).toContainEqual({ year: 2026, note: 'mine' });
  });

  it('refuses a revision that is not in conflict any more', async () => {
    await conflictedOffices();
    await expect(resolveConflict(db, 'unit-offices', `9-${'c'.repeat(32)}`, RESOLVER)).rejects.toMatchObject({
      status: 409,
    });
  });
});
