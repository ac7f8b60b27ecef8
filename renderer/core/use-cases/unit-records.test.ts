/**
 * The complaint index at start: the rows are summarised again (deadlines move with the calendar)
 * once per day and settings, not at every start, since that reads each complaint back from the
 * records: with new settings every open complaint, on a new day only those whose row counts with
 * the day (on hold, answered).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { defaultUnitSettings } from '../../../shared/unit/unit-settings';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import { decideAction } from '../../../shared/workflow/decide-action';
import { memoryDatabase } from '../../../test/support/memory-database';
import { ComplaintRepository } from '../data/complaint-repository';
import { DeviceDatabase } from '../data/device-database';
import { createAppState } from '../state/app-state';
import { createUnitRecords } from './unit-records';
import { testVault } from '../keys/test-unit-key.fixtures';

const MONDAY = new Date('2026-03-02T03:00:00Z');
const TUESDAY = new Date('2026-03-03T03:00:00Z');
const OFFICER = { officerId: 'officer-1', name: 'Rina' };

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

/** The device and officer that write the settings here. */
const WRITER = { device: 'X7Q', officer: 'officer-1' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('unit records: the complaint index at start', () => {
  it('summarises the rows again on a new day (those on hold or answered) or new settings (every open one), not on every start', async () => {
    const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
    const db = memoryDatabase();
    cleanups.push(async () => {
      await db.destroy();
      await device.delete();
    });
    const seed = new ComplaintRepository(db, await testVault());
    const context = (sequence: number) => ({
      unitCode: 'KTB',
      deviceCode: 'A2C',
      sequence,
      eventSequence: sequence,
      officer: OFFICER,
      receivedAt: MONDAY,
      localDate: '2026-03-02',
    });
    await seed.saveMutable(defaultUnitSettings('KTB', 'Asia/Jakarta', MONDAY, OFFICER), WRITER);
    await seed.saveIntake(INTAKE, [], context(1));
    // A second complaint, on hold from Monday: its pause grows each day it is held.
    const held = await seed.saveIntake({ ...INTAKE, title: 'Lampu mati' }, [], context(2));
    const found = await seed.complaintWithEvents(held._id);
    if (!found) throw new Error('not stored');
    const hold = decideAction(
      reduceComplaint(found.complaint, found.events),
      'hold',
      { reason: 'Menunggu dokumen', until: '2026-03-20' },
      { officer: OFFICER, role: 'manager', deviceCode: 'A2C', unitCode: 'KTB' },
      { at: MONDAY, eventSequence: 3, localDate: '2026-03-02' },
    );
    if (!hold.ok) throw new Error(JSON.stringify(hold.issues));
    await seed.recordEvent(hold.event);
    const dueDateOfHeld = async (): Promise<string | undefined> =>
      (await device.complaintIndex.get(held._id))?.dueDate;
    const reads = vi.spyOn(ComplaintRepository.prototype, 'complaintWithEvents');

    /** A start of the app at `now`: the records opened, the index started, then stopped. */
    const start = async (now: Date): Promise<number> => {
      const records = createUnitRecords({
        store: createAppState(),
        deviceDatabase: device,
        openDatabase: () => db,
        now: () => now,
      });
      await records.open('KTB');
      const before = reads.mock.calls.length;
      await records.startIndex('KTB');
      // The re-summarise runs in the background, after the complaint index caught up.
      await records.settled();
      records.close();
      return reads.mock.calls.length - before;
    };

    // The first start indexes the complaint (and summarises it for today).
    expect(await start(MONDAY)).toBeGreaterThan(0);
    // The same day, the same settings: the rows are as they were; nothing is read back.
    expect(await start(MONDAY)).toBe(0);
    const onMonday = await dueDateOfHeld();
    // A new day: the complaint on hold is summarised again (a day more paused moves its deadline);
    // the new one is not (its deadline does not depend on the day).
    expect(await start(TUESDAY)).toBe(1);
    expect(reads.mock.calls.at(-1)?.[0]).toBe(held._id);
    expect(Date.parse((await dueDateOfHeld()) ?? '')).toBeGreaterThan(Date.parse(onMonday ?? ''));
    expect(await start(TUESDAY)).toBe(0);
    // New settings (other deadlines): again.
    const settings = await seed.unitSettings();
    if (!settings) throw new Error('no settings');
    await seed.saveMutable({ ...settings, updatedAt: TUESDAY.toISOString() }, WRITER);
    expect(await start(TUESDAY)).toBe(2);
    expect(await start(TUESDAY)).toBe(0);
  });
});
