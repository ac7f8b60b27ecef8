/**
 * `complaints.correctReporter` through a real core (fake-indexeddb, memory PouchDB): the reporter
 * document gets a new revision with the new values and a reporter-corrected event naming the
 * changed fields is stored with it; a stale revision, unchanged values, bad values and an officer
 * write nothing. The race (the stored document changes between reading and writing) is checked
 * on the repository over memory PouchDB. A conflict of two devices' corrections is shown and ended
 * by keeping one version. A complaint made anonymous loses again a reporter revision
 * that syncs in after the privacy change (a correction made elsewhere before that device saw it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput, ReporterDoc } from '../../../shared/complaint/complaint-schema';
import { isConflict, isNotFound } from '../../../shared/couch/pouch-toolkit';
import { validateSetup } from '../../../shared/unit/unit-profile';
import { decideReporterCorrection } from '../../../shared/workflow/reporter-correction';
import { memoryDatabase } from '../../../test/support/memory-database';
import { ComplaintRepository } from '../data/complaint-repository';
import type { UnitDatabase } from '../data/database';
import {
  TEST_NOW as NOW,
  TEST_SETUP as SETUP,
  signInAs,
  stopTestCores,
  testCore,
} from '../test-core.fixtures';
import { testVault } from '../keys/test-unit-key.fixtures';

afterEach(stopTestCores);

const INTAKE: IntakeInput = {
  channel: 'phone',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: { name: 'Budi Santoso', nik: '', phone: '081211112222', email: '', address: 'Jl. Melati 7' },
  title: 'Jalan rusak',
  chronology: 'Lubang besar di Jl. Melati.',
  incidentDate: '2026-02-27',
  location: 'Jl. Melati',
  category: 'infrastructure',
  targetOffice: '',
  attachments: [],
};

async function unitWithComplaint(privacyMode: IntakeInput['privacyMode'] = 'named') {
  const { core, unitDatabases } = testCore();
  const setup = validateSetup(SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  const id = await core.intake.save({
    input: {
      ...INTAKE,
      privacyMode,
      reporter:
        privacyMode === 'anonymous'
          ? { name: '', nik: '', phone: '', email: '', address: '' }
          : INTAKE.reporter,
    },
    files: [],
    receivedAt: NOW,
    localDate: '2026-03-02',
  });
  const detail = await core.complaints.detail(id);
  if (!detail) throw new Error('the complaint was not stored');
  return { core, id, detail, unitDatabases };
}

describe('complaints.correctReporter', () => {
  it('stores the corrected reporter as a new revision and an event naming the changed fields only', async () => {
    const { core, id, detail } = await unitWithComplaint();
    const rev = detail.reporter?._rev ?? '';
    expect(rev).toMatch(/^1-/);

    const outcome = await core.complaints.correctReporter(id, {
      rev,
      values: { name: 'Budi Santoso', phone: '0813 9000 1234', address: ' Jl. Kenanga 12 ' },
    });
    expect(outcome).toEqual({ outcome: 'saved', fields: ['phone', 'address'] });

    const after = await core.complaints.detail(id);
    expect(after?.reporter).toMatchObject({
      name: 'Budi Santoso',
      phone: '0813 9000 1234',
      address: 'Jl. Kenanga 12',
    });
    expect(after?.reporter?._rev).toMatch(/^2-/);
    const event = after?.events.at(-1);
    expect(event).toMatchObject({ kind: 'reporter-corrected', fields: ['phone', 'address'] });
    expect(event?.by).toEqual({ officerId: expect.any(String) as unknown, name: 'Sari' });
    expect(JSON.stringify(after?.events)).not.toMatch(/0813|Kenanga|Melati 7|081211112222/);
    expect(after?.state.trail.at(-1)).toMatchObject({ kind: 'reporter-corrected', applied: true });
    expect(after?.state.status).toBe('new');

    // The form still showing revision 1 (another correction saved meanwhile): nothing is written.
    const stale = await core.complaints.correctReporter(id, { rev, values: { phone: '0812-0000-0000' } });
    expect(stale).toEqual({ outcome: 'conflict' });
    // The same values again: nothing to write.
    const newRev = after?.reporter?._rev ?? '';
    expect(
      await core.complaints.correctReporter(id, { rev: newRev, values: { phone: '0813 9000 1234' } }),
    ).toEqual({ outcome: 'unchanged' });
    const unchanged = await core.complaints.detail(id);
    expect(unchanged?.events).toHaveLength(2);
    expect(unchanged?.reporter?._rev).toBe(newRev);
  });

  it('refuses bad values with the intake messages, and an officer, writing nothing', async () => {
    const { core, id, detail } = await unitWithComplaint();
    const rev = detail.reporter?._rev ?? '';
    expect(
      await core.complaints.correctReporter(id, { rev, values: { nik: '1234', phone: '', address: '' } }),
    ).toEqual({
      outcome: 'refused',
      issues: [
        { path: 'nik', key: 'validation.reporter.nikInvalid' },
        { path: 'phone', key: 'validation.reporter.contactRequired' },
      ],
    });
    await signInAs(core, 'Rudi', 'officer');
    expect(await core.complaints.correctReporter(id, { rev, values: { phone: '0813 9000 1234' } })).toEqual({
      outcome: 'refused',
      issues: [{ path: '', key: 'workflow.reporter.role' }],
    });
    const after = await core.complaints.detail(id);
    expect(after?.events).toHaveLength(1);
    expect(after?.reporter?._rev).toBe(rev);
  });

  it('refuses an anonymous complaint (it has no reporter document)', async () => {
    const { core, id } = await unitWithComplaint('anonymous');
    expect(await core.complaints.correctReporter(id, { rev: '1-x', values: { name: 'Budi' } })).toEqual({
      outcome: 'refused',
      issues: [{ path: '', key: 'workflow.reporter.anonymous' }],
    });
  });
});

describe('recording the identity after intake', () => {
  it('for a complaint anonymous at intake and identified since, again after a deletion', async () => {
    const { core, id } = await unitWithComplaint('anonymous');
    const act = async (to: 'named' | 'anonymous') => {
      const detail = await core.complaints.detail(id);
      if (!detail) throw new Error('no complaint');
      expect(
        await core.complaints.act(detail.state, 'change-privacy', { to, reason: 'Permintaan pelapor' }),
      ).toEqual({ ok: true });
    };
    await act('named');
    expect((await core.complaints.detail(id))?.reporter).toBeNull();
    // Nothing typed: the intake rules ask for a name and a way to reach the complainant.
    expect(await core.complaints.correctReporter(id, { rev: '', values: {} })).toMatchObject({
      outcome: 'refused',
      issues: [{ path: 'name' }, { path: 'phone' }],
    });
    expect(
      await core.complaints.correctReporter(id, {
        rev: '',
        values: { name: 'Budi Santoso', phone: '0812 1111 2222' },
      }),
    ).toEqual({ outcome: 'saved', fields: ['name', 'phone'] });
    const recorded = await core.complaints.detail(id);
    expect(recorded?.reporter).toMatchObject({
      name: 'Budi Santoso',
      phone: '0812 1111 2222',
      privacyMode: 'named',
    });
    expect(recorded?.events.at(-1)).toMatchObject({ kind: 'reporter-corrected', fields: ['name', 'phone'] });
    // Recorded meanwhile elsewhere (here: just now): a form that showed none is refused.
    expect(await core.complaints.correctReporter(id, { rev: '', values: { name: 'Budi' } })).toEqual({
      outcome: 'conflict',
    });

    await act('anonymous');
    expect((await core.complaints.detail(id))?.reporter).toBeNull();
    await act('named');
    expect(
      await core.complaints.correctReporter(id, {
        rev: '',
        values: { name: 'Budi Santoso', email: 'budi@contoh.go.id' },
      }),
    ).toEqual({ outcome: 'saved', fields: ['name', 'email'] });
    expect((await core.complaints.detail(id))?.reporter).toMatchObject({
      email: 'budi@contoh.go.id',
      phone: '',
    });
  });
});

describe('a complaint anonymous at intake', () => {
  it('can be made named and anonymous again without an identity ever recorded', async () => {
    const { core, id } = await unitWithComplaint('anonymous');
    for (const to of ['named', 'anonymous'] as const) {
      const detail = await core.complaints.detail(id);
      if (!detail) throw new Error('no complaint');
      expect(
        await core.complaints.act(detail.state, 'change-privacy', { to, reason: 'Permintaan pelapor' }),
      ).toEqual({ ok: true });
    }
    expect((await core.complaints.detail(id))?.state.privacyMode).toBe('anonymous');
  });
});

describe('a complaint made anonymous', () => {
  it('loses a reporter revision that arrives later again (a correction made offline elsewhere)', async () => {
    const { core, unitDatabases } = testCore();
    const setup = validateSetup(SETUP);
    if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
    await core.device.setup(setup.value, NOW);
    const id = await core.intake.save({ input: INTAKE, files: [], receivedAt: NOW, localDate: '2026-03-02' });
    const before = await core.complaints.detail(id);
    if (!before?.reporter) throw new Error('no reporter');
    const original = before.reporter;
    expect(
      await core.complaints.act(before.state, 'change-privacy', {
        to: 'anonymous',
        reason: 'Permintaan pelapor',
      }),
    ).toEqual({ ok: true });
    const [db] = unitDatabases;
    if (!db) throw new Error('no unit database');
    const deleted = await db.get(original._id).catch((error: unknown) => error);
    expect(isNotFound(deleted)).toBe(true);

    // Another device corrected the phone before it saw the privacy change; its revision syncs in.
    const revision = original._rev?.split('-')[1] ?? '';
    await db.bulkDocs(
      [
        {
          ...original,
          phone: '0813 9000 1234',
          _rev: '2-0123456789abcdef0123456789abcdef',
          _revisions: { start: 2, ids: ['0123456789abcdef0123456789abcdef', revision] },
        },
      ],
      { new_edits: false },
    );
    // A live leaf wins over the tombstone: the identity is back until the device deletes it again.
    await expect
      .poll(async () => isNotFound(await db.get(original._id).catch((error: unknown) => error)), {
        timeout: 3_000,
      })
      .toBe(true);
    const leaves = (await db.get(original._id, { open_revs: 'all' })) as unknown as readonly {
      ok?: { _deleted?: boolean };
    }[];
    expect(leaves.every((leaf) => leaf.ok?._deleted === true)).toBe(true);
    const detail = await core.complaints.detail(id);
    expect(detail?.reporter).toBeNull();
    expect(detail?.state.privacyMode).toBe('anonymous');
  });
});

describe('complaints.resolveReporterConflict', () => {
  /** Two devices' corrections of revision 1, written as replication brings them (sibling revisions). */
  async function conflicted(db: UnitDatabase, reporter: ReporterDoc, phones: readonly [string, string]) {
    const [start, base] = (reporter._rev ?? '').split('-');
    const next = Number(start) + 1;
    const revs = ['a'.repeat(32), 'b'.repeat(32)];
    await db.bulkDocs(
      revs.map((rev, index) => ({
        ...reporter,
        phone: phones[index],
        _rev: `${String(next)}-${rev}`,
        _revisions: { start: next, ids: [rev, base] },
      })),
      { new_edits: false },
    );
    return revs.map((rev) => `${String(next)}-${rev}`);
  }

  it('shows every version, and keeps the chosen one with a correction event naming what changed', async () => {
    const { core, id, detail, unitDatabases } = await unitWithComplaint();
    const [db] = unitDatabases;
    if (!db || !detail.reporter) throw new Error('no database or reporter');
    const [first, second] = await conflicted(db, detail.reporter, ['0813-1111-1111', '0813-2222-2222']);
    const shown = await core.complaints.detail(id);
    // PouchDB shows the higher revision; the other is hidden but listed.
    expect(shown?.reporter).toMatchObject({ _rev: second, phone: '0813-2222-2222' });
    expect(shown?.reporterConflicts?.map((version) => [version._rev, version.phone])).toEqual([
      [first, '0813-1111-1111'],
    ]);

    expect(await core.complaints.resolveReporterConflict(id, first ?? '')).toEqual({
      outcome: 'saved',
      fields: ['phone'],
    });
    const after = await core.complaints.detail(id);
    expect(after?.reporterConflicts).toBeUndefined();
    expect(after?.reporter?.phone).toBe('0813-1111-1111');
    expect(after?.reporter?._rev).toMatch(/^3-/);
    expect(after?.events.at(-1)).toMatchObject({ kind: 'reporter-corrected', fields: ['phone'] });
    // Resolved meanwhile (here: already): nothing more is written.
    expect(await core.complaints.resolveReporterConflict(id, second ?? '')).toEqual({ outcome: 'conflict' });
    expect((await core.complaints.detail(id))?.events).toHaveLength(2);
  });

  it('keeping the version shown closes the others without an event; an officer may not', async () => {
    const { core, id, detail, unitDatabases } = await unitWithComplaint();
    const [db] = unitDatabases;
    if (!db || !detail.reporter) throw new Error('no database or reporter');
    const [, second] = await conflicted(db, detail.reporter, ['0813-1111-1111', '0813-2222-2222']);
    await signInAs(core, 'Rudi', 'officer');
    expect(await core.complaints.resolveReporterConflict(id, second ?? '')).toEqual({
      outcome: 'refused',
      issues: [{ path: '', key: 'workflow.reporter.role' }],
    });
    await signInAs(core, SETUP.officerName);
    expect(await core.complaints.resolveReporterConflict(id, second ?? '')).toEqual({
      outcome: 'saved',
      fields: [],
    });
    const after = await core.complaints.detail(id);
    expect(after?.reporterConflicts).toBeUndefined();
    expect(after?.reporter).toMatchObject({ _rev: second, phone: '0813-2222-2222' });
    expect(after?.events).toHaveLength(1);
  });
});

describe('ComplaintRepository.saveReporterCorrection', () => {
  let db: UnitDatabase | undefined;
  afterEach(async () => db?.destroy());

  it('writes nothing and reports a conflict when the stored reporter changed since it was read', async () => {
    db = memoryDatabase();
    const repo = new ComplaintRepository(db, await testVault());
    const complaint = await repo.saveIntake(INTAKE, [], {
      unitCode: 'KTB',
      deviceCode: 'A2C',
      sequence: 1,
      eventSequence: 1,
      officer: { officerId: 'officer-1', name: 'Sari' },
      receivedAt: NOW,
      localDate: '2026-03-02',
    });
    const read = await repo.detail(complaint._id);
    if (!read?.reporter) throw new Error('no reporter');
    const decision = decideReporterCorrection(
      read.state,
      read.reporter,
      { phone: '0813 9000 1234' },
      { officer: { officerId: 'm-1', name: 'Maya' }, role: 'manager', deviceCode: 'A2C', unitCode: 'KTB' },
      { at: NOW, eventSequence: 2 },
    );
    if (decision.outcome !== 'corrected') throw new Error(JSON.stringify(decision));
    // Another device's edit arrives by sync before this one is written.
    await db.put<ReporterDoc>({ ...read.reporter, email: 'budi@contoh.go.id' });

    const error: unknown = await repo
      .saveReporterCorrection(decision.reporter, decision.event)
      .catch((caught: unknown) => caught);
    expect(isConflict(error)).toBe(true);
    const after = await repo.detail(complaint._id);
    expect(after?.reporter).toMatchObject({ phone: '081211112222', email: 'budi@contoh.go.id' });
    expect(after?.events).toHaveLength(1);
  });
});
