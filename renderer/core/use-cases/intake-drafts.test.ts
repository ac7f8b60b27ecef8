/**
 * The intake draft through the real composition root (fake-indexeddb, memory PouchDB): kept per
 * officer on this device, read back for the officer at the desk only, and gone once discarded or
 * once the complaint is saved, even when a keep was still queued.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { ClientCore, IntakeDraftFields } from '../client-core';
import type { DeviceDatabase } from '../data/device-database';
import { TEST_NOW as NOW, TEST_SETUP, stopTestCores, testCore } from '../test-core.fixtures';

afterEach(stopTestCores);

async function readyCore(): Promise<{ core: ClientCore; device: DeviceDatabase; officerId: string }> {
  const { core, device } = testCore();
  const setup = validateSetup(TEST_SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  const officerId = core.store.getState().officer?.id;
  if (!officerId) throw new Error('no officer at the desk');
  return { core, device, officerId };
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
    expect((await core.intake.draft())?.fields.title).toBe('Jalan rusak');

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
    expect(await device.intakeDrafts.get(officerId)).toBeUndefined();
    expect(await core.intake.draft()).toBeUndefined();
    // Let the projector index the complaint before the databases are closed.
    for (
      let attempt = 0;
      attempt < 100 && (await core.complaints.page('all', 10)).rows.length === 0;
      attempt += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});
