/**
 * The composition root over fake-indexeddb and memory PouchDB, with a fixed clock and a fake
 * platform: a new unit is set up, a complaint is taken in and acted on through the core's named
 * commands, and the lists read it back from the index the projector keeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../shared/complaint/complaint-schema';
import { emptyPacketDraft } from '../../shared/packet/packet-types';
import { profileEditInput, validateSetup } from '../../shared/unit/unit-profile';
import {
  TEST_NOW as NOW,
  TEST_SETUP as SETUP,
  stopTestCores,
  testCore as buildCore,
  signInAs,
} from './test-core.fixtures';

afterEach(stopTestCores);

const testCore = () => buildCore().core;

const INTAKE: IntakeInput = {
  channel: 'phone',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: { name: 'Budi Santoso', nik: '', phone: '081211112222', email: '', address: '' },
  title: 'Jalan rusak',
  chronology: 'Lubang besar di Jl. Melati.',
  incidentDate: '2026-02-27',
  location: 'Jl. Melati',
  category: 'infrastructure',
  targetOffice: '',
  attachments: [],
};

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not reached');
}

describe('createClientCore', () => {
  it('asks for setup on a new device', async () => {
    const core = testCore();
    await core.device.start();
    expect(core.store.getState().phase).toBe('setup');
  });

  it('sets up a unit, takes in a complaint and acts on it through named commands', async () => {
    const core = testCore();
    const setup = validateSetup(SETUP);
    if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
    await core.device.setup(setup.value, NOW);
    const state = core.store.getState();
    expect(state.phase).toBe('ready');
    expect(state.officer?.name).toBe('Sari');
    expect(state.unitSettings?.unitCode).toBe('KTB');

    const id = await core.intake.save({ input: INTAKE, files: [], receivedAt: NOW, localDate: '2026-03-02' });
    expect(await core.intake.lastChannel()).toBe('phone');
    const detail = await core.complaints.detail(id);
    if (!detail) throw new Error('the complaint was not stored');
    expect(detail.complaint.trackingNumber).toBe('KTB-260302-A2C-0001');
    expect(core.complaints.sla(detail.state)?.deadline?.stage).toBe('verify');

    const refused = await core.complaints.act(detail.state, 'respond', {});
    expect(refused.ok).toBe(false);
    const held = await core.complaints.act(detail.state, 'hold', {
      until: '2026-03-09',
      reason: 'Menunggu',
    });
    expect(held).toEqual({ ok: true });
    expect((await core.complaints.detail(id))?.state.status).toBe('on-hold');

    const page = await until(
      () => core.complaints.page('all', 10),
      (found) => found.rows[0]?.status === 'on-hold',
    );
    expect(page.rows.map((row) => row.trackingNumber)).toEqual(['KTB-260302-A2C-0001']);
    expect(await core.complaints.findByTrackingNumber('ktb-260302-a2c-0001')).toEqual({
      status: 'found',
      complaintId: id,
      fetched: false,
    });
  });

  it('lets a manager edit the unit profile over the revision shown; a stale edit or an officer is refused', async () => {
    const core = testCore();
    const setup = validateSetup(SETUP);
    if (!setup.ok) throw new Error('setup invalid');
    await core.device.setup(setup.value, NOW);
    const before = core.store.getState().unitProfile;
    if (!before) throw new Error('no profile');
    const edit = { ...profileEditInput(before), contact: 'WA 0811-2222-3333', entityType: 'city' as const };

    expect(await core.settings.saveProfile(edit, NOW)).toBe('saved');
    const after = core.store.getState().unitProfile;
    expect(after).toMatchObject({ unitCode: 'KTB', contact: 'WA 0811-2222-3333' });
    expect(after?._rev).not.toBe(before._rev);

    // Another device's edit arrived meanwhile: this device still shows the older revision.
    core.store.getState().setUnitProfile(before);
    expect(await core.settings.saveProfile({ ...edit, contact: '0800' }, NOW)).toBe('conflict');

    await signInAs(core, 'Budi', 'officer');
    core.store.getState().setUnitProfile(after);
    expect(await core.settings.saveProfile({ ...edit, contact: '0800' }, NOW)).toBe('not-allowed');
  });

  it('lets a manager set the device budget and take it back; an officer is refused', async () => {
    const core = testCore();
    const setup = validateSetup(SETUP);
    if (!setup.ok) throw new Error('setup invalid');
    await core.device.setup(setup.value, NOW);
    expect(core.store.getState().unitSettings?.deviceBudgetMonths).toBeUndefined();

    expect(await core.settings.saveDeviceBudget(12, NOW)).toBe('saved');
    expect(core.store.getState().unitSettings?.deviceBudgetMonths).toBe(12);
    expect(await core.settings.saveDeviceBudget(null, NOW)).toBe('saved');
    expect(core.store.getState().unitSettings).not.toHaveProperty('deviceBudgetMonths');

    await signInAs(core, 'Budi', 'officer');
    expect(await core.settings.saveDeviceBudget(6, NOW)).toBe('not-allowed');
    expect(core.store.getState().unitSettings).not.toHaveProperty('deviceBudgetMonths');
  });

  it('names this device and the signed-in officer in every mutable document it writes (lastChangedBy)', async () => {
    const { core, unitDatabases } = buildCore();
    const setup = validateSetup(SETUP);
    if (!setup.ok) throw new Error('setup invalid');
    await core.device.setup(setup.value, NOW);
    const [db] = unitDatabases;
    const officerId = core.store.getState().officer?.id;
    if (!db || !officerId) throw new Error('not set up');
    const byThisDesk = { device: 'A2C', officer: officerId };
    const writerOf = async (id: string): Promise<unknown> =>
      ((await db.get(id)) as { lastChangedBy?: unknown }).lastChangedBy;

    // Setup: the profile, the settings, the offices and the first manager's roster document.
    for (const id of ['unit-profile', 'unit-settings', 'unit-offices', `officer:${officerId}`]) {
      expect(await writerOf(id), id).toEqual(byThisDesk);
    }
    // Every later write: settings, profile and offices as saved by the manager at this desk.
    const { unitProfile, unitSettings } = core.store.getState();
    if (!unitProfile || !unitSettings) throw new Error('no unit documents');
    const before = await db.get('unit-settings');
    expect(await core.settings.save(unitSettings, NOW)).toBe('saved');
    expect((await db.get('unit-settings'))._rev).not.toBe(before._rev);
    const profileEdit = {
      ...profileEditInput(unitProfile),
      contact: '0800',
      entityType: unitProfile.entityType,
    };
    expect(await core.settings.saveProfile(profileEdit, NOW)).toBe('saved');
    expect(
      await core.settings.saveOffices([{ code: 'dinkes', name: 'Dinas Kesehatan', active: true }], NOW),
    ).toBe('saved');
    for (const id of ['unit-profile', 'unit-settings', 'unit-offices']) {
      expect(await writerOf(id), id).toEqual(byThisDesk);
    }
    // Intake's reporter document, and its correction.
    const id = await core.intake.save({ input: INTAKE, files: [], receivedAt: NOW, localDate: '2026-03-02' });
    const reporter = 'reporter:KTB-260302-A2C-0001';
    expect(await writerOf(reporter)).toEqual(byThisDesk);
    const rev = (await core.complaints.detail(id))?.reporter?._rev ?? '';
    expect(
      await core.complaints.correctReporter(id, { rev, values: { phone: '081233334444' } }),
    ).toMatchObject({
      outcome: 'saved',
    });
    expect(await writerOf(reporter)).toEqual(byThisDesk);
    // A packet draft.
    const draft = emptyPacketDraft(unitProfile, 2026, { from: '2026-01-01', to: '2026-06-30' }, 'upp');
    const editor = core.packet.editor();
    if (!editor) throw new Error('no editor');
    const created = await core.packet.drafts().create(draft, editor, NOW);
    expect(await writerOf(created.id)).toEqual(byThisDesk);
    // A conflict another device's revision caused, resolved here: the kept content is B45's, the
    // revision that keeps it is this desk's (the central refuses one naming another device).
    const current = await db.get('unit-offices', { revs: true });
    const theirs = 'b'.repeat(32);
    const start = Number(current._rev.split('-')[0]);
    const parents = (current as { _revisions?: { ids: string[] } })._revisions?.ids.slice(1) ?? [];
    await db.bulkDocs(
      [
        {
          ...current,
          _rev: `${start}-${theirs}`,
          _revisions: { start, ids: [theirs, ...parents] },
          offices: [{ code: 'dinsos', name: 'Dinas Sosial', active: true }],
          lastChangedBy: { device: 'B45', officer: 'officer-b45' },
        } as PouchDB.Core.PutDocument<object>,
      ],
      { new_edits: false },
    );
    const [conflict] = await core.sync.conflicts();
    const kept = [conflict?.winner, ...(conflict?.others ?? [])].find(
      (version) => (version?.lastChangedBy as { device?: string } | undefined)?.device === 'B45',
    );
    if (!kept) throw new Error(`no conflict: ${JSON.stringify(conflict)}`);
    await core.sync.resolveConflict('unit-offices', kept._rev);
    expect(await db.get('unit-offices', { conflicts: true })).toMatchObject({
      offices: [{ code: 'dinsos', name: 'Dinas Sosial', active: true }],
      lastChangedBy: byThisDesk,
    });
    expect(await core.sync.conflicts()).toEqual([]);
  });
});
