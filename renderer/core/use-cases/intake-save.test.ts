/**
 * Intake saves through the real core (fake-indexeddb, memory PouchDB) with the background work that
 * gives way to them (renderer/core/data/foreground-saves): after a burst of saves the changes
 * feed's followers catch up, so every complaint is in the list, found by the search and counted by
 * Beranda; the duplicate panel's look-up started together with a save answers after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { ClientCore } from '../client-core';
import { TEST_NOW as NOW, TEST_SETUP as SETUP, stopTestCores, testCore } from '../test-core.fixtures';

afterEach(stopTestCores);

const intake = (title: string, phone: string): IntakeInput => ({
  channel: 'phone',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: { name: 'Warga Uji', nik: '', phone, email: '', address: '' },
  title,
  chronology: 'Pelayanan lambat di loket.',
  incidentDate: '2026-02-27',
  location: 'Kantor Kecamatan',
  category: 'health',
  targetOffice: '',
  attachments: [],
});

async function readyCore(): Promise<ClientCore> {
  const { core } = testCore();
  const setup = validateSetup(SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  return core;
}

const save = (core: ClientCore, input: IntakeInput): Promise<string> =>
  core.intake.save({ input, files: [], receivedAt: NOW, localDate: '2026-03-02' });

/** Reads until `done` holds (a state, whatever the machine's speed), up to a generous bound. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${what}: not reached; last ${JSON.stringify(last)}`);
}

describe('intake saves and the work that follows them', () => {
  it('after a burst of saves, every complaint is listed, found and counted', async () => {
    const core = await readyCore();
    const titles = ['Jalan berlubang', 'Lampu jalan mati', 'Antrean puskesmas', 'Air PDAM keruh'];
    const ids = await Promise.all(
      titles.map((title, index) => save(core, intake(title, `08121111000${index}`))),
    );
    expect(new Set(ids).size).toBe(titles.length);

    const listed = await eventually(
      () => core.complaints.page('all', 20),
      (page) => page.rows.length === titles.length,
      'listed',
    );
    expect(listed.rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    for (const [index, title] of titles.entries()) {
      await eventually(
        () => core.search.query({ text: title, limit: 5 }),
        (page) => page.hits.some((hit) => hit.row.id === ids[index]),
        `found by "${title}"`,
      );
    }
    const figures = await core.dashboard.indicators({ period: { from: '2026-03-01', to: '2026-03-02' } });
    expect(figures.totals.received).toBe(titles.length);
  });

  it('the duplicate look-up started together with a save answers after the save', async () => {
    const core = await readyCore();
    const earlier = await save(core, intake('Pungutan liar di loket', '081234567890'));
    await eventually(
      () =>
        core.intake.possibleDuplicates({
          nik: '',
          phone: '0812 3456 7890',
          category: '',
          location: '',
          title: '',
        }),
      (found) => found.length === 1,
      'the earlier complaint indexed',
    );
    const order: string[] = [];
    const lookup = core.intake
      .possibleDuplicates({ nik: '', phone: '0812-3456-7890', category: '', location: '', title: '' })
      .then((found) => {
        order.push('look-up');
        return found;
      });
    const saved = save(core, intake('Pungutan liar lagi', '081234567890')).then(() => order.push('save'));
    const [found] = await Promise.all([lookup, saved]);
    expect(order).toEqual(['save', 'look-up']);
    expect(found.map((candidate) => candidate.row.id)).toContain(earlier);
  });
});
