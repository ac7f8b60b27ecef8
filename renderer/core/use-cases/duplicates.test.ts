/**
 * Duplicates at intake through the real core (fake-indexeddb, memory PouchDB): the same phone in
 * another notation, the same NIK, the same category and location words within 30 days (not older)
 * and a similar title list the earlier complaint with the reason; an officer never gets a
 * confidential complaint by its phone, a supervisor does; linking writes a related event on both
 * complaints, and linking again writes nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { ClientCore, DuplicateProbe } from '../client-core';
import {
  TEST_NOW as NOW,
  TEST_SETUP as SETUP,
  signInAs,
  stopTestCores,
  testCore,
} from '../test-core.fixtures';

afterEach(stopTestCores);

const NO_REPORTER = { name: '', nik: '', phone: '', email: '', address: '' };
const BLANK: DuplicateProbe = { nik: '', phone: '', category: '', location: '', title: '' };

function intake(overrides: Partial<IntakeInput>): IntakeInput {
  return {
    channel: 'walk-in',
    reportType: 'complaint',
    privacyMode: 'named',
    reporter: { ...NO_REPORTER, name: 'Warga', phone: '0811000000' },
    title: 'Aduan',
    chronology: 'Isi aduan.',
    incidentDate: '2026-01-02',
    location: '',
    category: 'other',
    targetOffice: '',
    attachments: [],
    ...overrides,
  };
}

const EARLIER = intake({
  title: 'Pungutan liar di loket perizinan',
  location: 'Kantor DPMPTSP Yogyakarta',
  category: 'illegal-levies',
  reporter: { ...NO_REPORTER, name: 'Budi Santoso', phone: '+62 812 3456 7890', nik: '3305123456780001' },
});
const CONFIDENTIAL = intake({
  privacyMode: 'confidential',
  title: 'Dugaan suap dalam pelayanan',
  reporter: { ...NO_REPORTER, name: 'Wati Rahasia', phone: '0857 1111 2222' },
});
/** Same category and location as EARLIER, received 40 days before today. */
const OLD = intake({
  title: 'Antrean lama',
  location: 'Kantor DPMPTSP Yogyakarta',
  category: 'illegal-levies',
});
const OLD_AT = new Date(NOW.getTime() - 40 * 86_400_000);

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < 250; attempt += 1) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${what}: not reached; last ${JSON.stringify(last)}`);
}

async function unit() {
  const { core } = testCore();
  const setup = validateSetup(SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  const save = (input: IntakeInput, at = NOW) =>
    core.intake.save({ input, files: [], receivedAt: at, localDate: at.toISOString().slice(0, 10) });
  const old = await save(OLD, OLD_AT);
  const earlier = await save(EARLIER);
  const confidential = await save(CONFIDENTIAL);
  await eventually(
    () => core.search.query({ text: 'KTB-', limit: 10 }),
    (page) => page.hits.length === 3 && core.search.status().state === 'ready',
    'indexed',
  );
  return { core, old, earlier, confidential };
}

const listed = async (core: ClientCore, probe: Partial<DuplicateProbe>) =>
  (await core.intake.possibleDuplicates({ ...BLANK, ...probe })).map((candidate) => ({
    id: candidate.row.id,
    reasons: candidate.reasons,
  }));

describe('intake.possibleDuplicates', () => {
  it('lists the earlier complaint for the same phone in another notation, NIK, category and location, title', async () => {
    const { core, earlier } = await unit();
    expect(await listed(core, { phone: '0812-3456-7890' })).toEqual([{ id: earlier, reasons: ['phone'] }]);
    expect(await listed(core, { nik: '3305 1234 5678 0001' })).toEqual([{ id: earlier, reasons: ['nik'] }]);
    // The 40-day-old complaint at the same place and category is outside the 30 days.
    expect(await listed(core, { category: 'illegal-levies', location: 'DPMPTSP Yogyakarta' })).toEqual([
      { id: earlier, reasons: ['category-location'] },
    ]);
    expect(await listed(core, { category: 'infrastructure', location: 'DPMPTSP Yogyakarta' })).toEqual([]);
    expect(await listed(core, { title: 'pungutan liar di loket perizinan' })).toEqual([
      { id: earlier, reasons: ['title'] },
    ]);
    expect(
      await listed(core, {
        phone: '081234567890',
        title: 'Pungutan liar di loket perizinan',
        category: 'illegal-levies',
        location: 'Yogyakarta',
      }),
    ).toEqual([{ id: earlier, reasons: ['phone', 'category-location', 'title'] }]);
    expect(await listed(core, { phone: '0899-0000-1111', title: 'Lampu jalan mati' })).toEqual([]);
  });

  it('never gives an officer a confidential complaint by its phone; a supervisor gets it', async () => {
    const { core, confidential } = await unit();
    await signInAs(core, 'Tono', 'officer');
    expect(await listed(core, { phone: '0857-1111-2222' })).toEqual([]);
    await signInAs(core, 'Dewi', 'supervisor');
    expect(await listed(core, { phone: '0857-1111-2222' })).toEqual([
      { id: confidential, reasons: ['phone'] },
    ]);
  });

  it('keeps the marks per officer in memory', async () => {
    const { core, earlier } = await unit();
    core.intake.markRelated([earlier]);
    expect(core.intake.markedRelated()).toEqual([earlier]);
    await signInAs(core, 'Tono', 'officer');
    expect(core.intake.markedRelated()).toEqual([]);
  });
});

describe('complaints.link', () => {
  it('writes a related event on both complaints in one go; linking again writes nothing', async () => {
    const { core, earlier } = await unit();
    const newer = await core.intake.save({
      input: intake({ reporter: { ...NO_REPORTER, name: 'Budi', phone: '0812 3456 7890' } }),
      files: [],
      receivedAt: NOW,
      localDate: '2026-03-02',
    });
    expect(await core.complaints.link(newer, earlier)).toEqual({ outcome: 'linked' });
    const a = await core.complaints.detail(earlier);
    const b = await core.complaints.detail(newer);
    expect(a?.events.at(-1)).toMatchObject({
      kind: 'related',
      relatedComplaintId: newer,
      relatedTrackingNumber: b?.complaint.trackingNumber,
    });
    expect(b?.events.at(-1)).toMatchObject({
      kind: 'related',
      relatedComplaintId: earlier,
      relatedTrackingNumber: a?.complaint.trackingNumber,
    });
    expect(b?.state.trail.at(-1)).toMatchObject({ kind: 'related', applied: true });
    expect(await core.complaints.link(earlier, newer)).toEqual({ outcome: 'already-linked' });
    expect((await core.complaints.detail(earlier))?.events.length).toBe(a?.events.length);
    expect(await core.complaints.link(earlier, earlier)).toEqual({ outcome: 'refused', reason: 'self' });
  });
});
