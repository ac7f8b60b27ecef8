/**
 * The composition root over fake-indexeddb and memory PouchDB, with a fixed clock and a fake
 * platform: a new unit is set up, a complaint is taken in and acted on through the core's named
 * commands, and the lists read it back from the index the projector keeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../shared/complaint/complaint-schema';
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
    expect(await core.complaints.findByTrackingNumber('ktb-260302-a2c-0001')).toBe(id);
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
});
