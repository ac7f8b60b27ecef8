/**
 * The repository over PouchDB's memory adapter: intake writes, identity kept apart, pages
 * through the id index. (The IndexedDB build itself runs in the E2E tests, in Chromium.)
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { memoryDatabase } from '../../../test/support/memory-database';
import type { UnitDatabase } from './database';
import { decideAction } from '../../../shared/workflow/decide-action';
import { ComplaintRepository, type IntakeContext } from './complaint-repository';
import type { ReporterVault } from '../keys/reporter-vault';
import { testVault } from '../keys/test-unit-key.fixtures';
import { isUnitKeyLocked } from '../keys/unit-keyring';

let db: UnitDatabase;
/** The session's vault with the unit key unlocked (the tests' key). */
let vault: ReporterVault;
beforeAll(async () => {
  vault = await testVault();
});
const open = (): ComplaintRepository => {
  db = memoryDatabase();
  return new ComplaintRepository(db, vault);
};
afterEach(async () => db.destroy());

/** Every revision of every document the database holds, as stored (bodies of old revisions too). */
async function rawStoredText(database: UnitDatabase): Promise<string> {
  const { rows } = await database.allDocs();
  const parts: string[] = [];
  for (const row of rows) {
    const leaves = (await database.get(row.id, { open_revs: 'all', revs: true })) as unknown as {
      ok?: { _revisions?: { start: number; ids: string[] } };
    }[];
    for (const leaf of leaves) {
      parts.push(JSON.stringify(leaf));
      const history = leaf.ok?._revisions;
      if (!history) continue;
      for (const [at, id] of history.ids.entries()) {
        const old = await database.get(row.id, { rev: `${history.start - at}-${id}` }).catch(() => null);
        parts.push(JSON.stringify(old));
      }
    }
  }
  return parts.join('\n');
}

const input = (overrides: Partial<IntakeInput> = {}): IntakeInput => ({
  channel: 'walk-in',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: { name: 'Budi Santoso', nik: '', phone: '081211112222', email: '', address: '' },
  title: 'Jalan rusak',
  chronology: 'Lubang besar di Jl. Melati.',
  incidentDate: '2026-11-20',
  location: 'Jl. Melati',
  category: 'infrastructure',
  targetOffice: '',
  attachments: [],
  ...overrides,
});

let sequence = 0;
const context = (receivedAt: Date, deviceCode = 'A2C'): IntakeContext => {
  sequence += 1;
  return {
    unitCode: 'KTB',
    deviceCode,
    sequence,
    eventSequence: sequence,
    officer: { officerId: 'officer-1', name: 'Siti' },
    receivedAt,
    localDate: '2026-11-23',
  };
};

describe('ComplaintRepository', () => {
  it('saves complaint, reporter and received event together, identity outside the complaint', async () => {
    const repo = open();
    const complaint = await repo.saveIntake(input(), [], context(new Date('2026-11-23T03:00:00Z')));
    const detail = await repo.detail(complaint._id);
    expect(detail?.complaint.title).toBe('Jalan rusak');
    expect(detail?.reporter?.name).toBe('Budi Santoso');
    expect(JSON.stringify(detail?.complaint)).not.toContain('Budi');
    expect(detail?.events.map((event) => event.kind)).toEqual(['received']);
    expect(detail?.state.status).toBe('new');
  });

  it('stores the reporter identity only sealed: no name, NIK or phone in any stored revision; reading opens it', async () => {
    const repo = open();
    const reporter = {
      name: 'Budi Santoso',
      nik: '3305123456780001',
      phone: '0812-1111-2222',
      email: 'budi@contoh.id',
      address: 'Jl. Kenanga 9',
    };
    const complaint = await repo.saveIntake(
      input({ reporter }),
      [],
      context(new Date('2026-11-23T03:00:00Z')),
    );
    const stored = await rawStoredText(db);
    for (const secret of [
      'Budi',
      'Santoso',
      '3305123456780001',
      '0812-1111-2222',
      '081211112222',
      'budi@',
      'Kenanga',
    ]) {
      expect(stored).not.toContain(secret);
    }
    expect(stored).toContain('"identity"');
    expect((await repo.detail(complaint._id))?.reporter).toMatchObject(reporter);
    expect((await repo.reporter(complaint.trackingNumber))?.nik).toBe('3305123456780001');
  });

  it('without an unlocked unit key: refuses a named intake and writes nothing; shows a stored identity as sealed', async () => {
    const repo = open();
    const complaint = await repo.saveIntake(input(), [], context(new Date('2026-11-23T03:00:00Z')));
    const locked = new ComplaintRepository(db);
    const before = (await db.allDocs()).rows.length;
    await expect(locked.saveIntake(input(), [], context(new Date('2026-11-23T04:00:00Z')))).rejects.toSatisfy(
      isUnitKeyLocked,
    );
    expect((await db.allDocs()).rows.length).toBe(before);
    const detail = await locked.detail(complaint._id);
    expect(detail?.reporter).toMatchObject({ name: '', nik: '', phone: '', sealedIdentity: 'no-key' });
    expect(detail?.complaint.title).toBe('Jalan rusak');
    // An anonymous complaint needs no key.
    await expect(
      locked.saveIntake(
        input({
          privacyMode: 'anonymous',
          reporter: { name: '', nik: '', phone: '', email: '', address: '' },
        }),
        [],
        context(new Date('2026-11-23T05:00:00Z')),
      ),
    ).resolves.toMatchObject({ reporterId: null });
  });

  it('re-writes reporter documents stored in clear as sealed revisions, in batches, and compacts the clear ones away', async () => {
    const repo = open();
    const complaint = await repo.saveIntake(input(), [], context(new Date('2026-11-23T03:00:00Z')));
    // Two documents as devices stored them before sealing existed.
    const clear = [1, 2].map((n) => ({
      _id: `reporter:KTB-261123-A2C-090${n}`,
      type: 'reporter',
      schemaVersion: 1,
      unitCode: 'KTB',
      complaintId: `complaint:2026-11-23T03:00:00.000Z:KTB-261123-A2C-090${n}:${'a'.repeat(64)}`,
      trackingNumber: `KTB-261123-A2C-090${n}`,
      privacyMode: 'named',
      name: `Lama Terbuka ${n}`,
      nik: '',
      phone: `0812000000${n}0`,
      email: '',
      address: '',
    }));
    await db.bulkDocs(clear);
    expect(await rawStoredText(db)).toContain('Lama Terbuka');
    const progress: unknown[] = [];
    expect(await repo.sealClearReporters((step) => progress.push(step), 1)).toEqual({ sealed: 2, found: 2 });
    expect(progress).toEqual([
      { sealed: 1, found: 1 },
      { sealed: 2, found: 2 },
    ]);
    const text = await rawStoredText(db);
    expect(text).not.toContain('Lama Terbuka');
    expect(text).not.toContain('08120000010');
    expect((await repo.reporter('KTB-261123-A2C-0901'))?.name).toBe('Lama Terbuka 1');
    // Resumable and idempotent: nothing is left to seal, the sealed intake was never touched.
    expect(await repo.sealClearReporters()).toEqual({ sealed: 0, found: 0 });
    expect((await repo.detail(complaint._id))?.reporter?._rev).toMatch(/^1-/);
  });

  it('stores no reporter document at all for an anonymous complaint', async () => {
    const repo = open();
    const anonymous = input({
      privacyMode: 'anonymous',
      reporter: { name: '', nik: '', phone: '', email: '', address: '' },
    });
    const complaint = await repo.saveIntake(anonymous, [], context(new Date('2026-11-23T03:00:00Z')));
    expect(complaint.reporterId).toBeNull();
    const all = await db.allDocs();
    expect(all.rows.filter((row) => row.id.startsWith('reporter:'))).toEqual([]);
    expect((await repo.detail(complaint._id))?.reporter).toBeNull();
  });

  it('pages newest first through every complaint exactly once', async () => {
    const repo = open();
    const saved: string[] = [];
    for (let index = 0; index < 57; index += 1) {
      const complaint = await repo.saveIntake(
        input({ title: `Aduan ${index}` }),
        [],
        context(new Date(Date.UTC(2026, 10, 23, 1, 0, index))),
      );
      saved.push(complaint._id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await repo.page(25, cursor);
      seen.push(...page.rows.map((row) => row.complaint._id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...saved].reverse());
  });

  it('finds a complaint by its tracking number, however it was typed', async () => {
    const repo = open();
    const complaint = await repo.saveIntake(input(), [], context(new Date('2026-11-22T20:30:00Z')));
    const typed = ` ${complaint.trackingNumber.toLowerCase()} `;
    expect(await repo.findByTrackingNumber(typed)).toBe(complaint._id);
    expect(await repo.findByTrackingNumber('KTB-261123-A2C-9999')).toBeUndefined();
    expect(await repo.findByTrackingNumber('not a number')).toBeUndefined();
  });

  it('counts complaints received since given instants', async () => {
    const repo = open();
    await repo.saveIntake(input(), [], context(new Date('2026-10-30T03:00:00Z')));
    await repo.saveIntake(input(), [], context(new Date('2026-11-23T03:00:00Z')));
    await repo.saveIntake(input(), [], context(new Date('2026-11-23T04:00:00Z')));
    expect(
      await repo.countSince([
        '2026-11-23T00:00:00.000Z',
        '2026-11-01T00:00:00.000Z',
        '2026-01-01T00:00:00.000Z',
      ]),
    ).toEqual([2, 2, 3]);
  });

  it('tells watchers about every document written', async () => {
    const repo = open();
    const seen: string[] = [];
    const stop = repo.watch((id) => seen.push(id));
    const complaint = await repo.saveIntake(input(), [], context(new Date('2026-11-23T03:00:00Z')));
    await expect.poll(() => seen.length).toBe(3);
    stop();
    expect(seen).toContain(complaint._id);
  });

  it('deletes the reporter and its earlier revisions when a complaint becomes anonymous', async () => {
    const repo = open();
    const complaint = await repo.saveIntake(input(), [], context(new Date('2026-11-23T03:00:00Z')));
    const before = await repo.detail(complaint._id);
    const reporterRev = (await db.get(complaint.reporterId ?? ''))._rev;
    if (!before) throw new Error('complaint not stored');
    const decision = decideAction(
      before.state,
      'change-privacy',
      { to: 'anonymous', reason: 'Pelapor meminta identitasnya dihapus' },
      {
        officer: { officerId: 'officer-2', name: 'Wati' },
        role: 'supervisor',
        deviceCode: 'A2C',
        unitCode: 'KTB',
      },
      { at: new Date('2026-11-24T03:00:00Z'), eventSequence: 99, localDate: '2026-11-24' },
    );
    if (!decision.ok) throw new Error(JSON.stringify(decision.issues));
    await repo.recordEvent(decision.event);

    const after = await repo.detail(complaint._id);
    expect(after?.state.privacyMode).toBe('anonymous');
    expect(after?.reporter).toBeNull();
    expect(after?.state.trail.at(-1)?.details).toMatchObject({
      from: 'named',
      to: 'anonymous',
      identityDeleted: true,
    });
    expect(JSON.stringify(after?.events)).not.toContain('Budi');
    // Not hidden but gone: the revision that held the identity no longer has a body.
    await expect(db.get(complaint.reporterId ?? '', { rev: reporterRev })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('stores many events in chunks with progress, and stops at a refused write saying how far it got', async () => {
    const repo = open();
    const supervisor = {
      officer: { officerId: 'officer-2', name: 'Wati' },
      role: 'supervisor' as const,
      deviceCode: 'A2C',
      unitCode: 'KTB',
    };
    const events = [];
    for (let i = 0; i < 5; i += 1) {
      const complaint = await repo.saveIntake(input(), [], context(new Date(`2026-11-23T03:0${i}:00Z`)));
      const detail = await repo.detail(complaint._id);
      if (!detail) throw new Error('complaint not stored');
      const decision = decideAction(detail.state, 'record-lapor', { exportFile: 'lapor.csv' }, supervisor, {
        at: new Date('2026-11-24T03:00:00Z'),
        eventSequence: 200 + i,
        localDate: '2026-11-24',
      });
      if (!decision.ok) throw new Error(JSON.stringify(decision.issues));
      events.push(decision.event);
    }
    const progress: string[] = [];
    await repo.recordEvents(events.slice(0, 4), (stored, total) => progress.push(`${stored}/${total}`), 2);
    expect(progress).toEqual(['2/4', '4/4']);
    const first = events[0];
    if (!first) throw new Error('no event');
    expect((await repo.detail(first.complaintId))?.state.lapor?.records).toBe(1);
    // Writing an event again changes nothing (its only revision is already stored).
    await repo.recordEvents([first], () => undefined, 2);
    expect((await repo.detail(first.complaintId))?.state.lapor?.records).toBe(1);
    // A malformed document makes PouchDB refuse its chunk; the error says how many got in.
    const { _rev: _dropped, ...unrevised } = first;
    await expect(
      repo.recordEvents([events[4] ?? first, unrevised as typeof first], () => undefined, 2),
    ).rejects.toThrow(/\(0\/2 stored\)/);
  });
});
