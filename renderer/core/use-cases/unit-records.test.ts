/**
 * The complaint index at start: the open complaints' rows are summarised again (deadlines move
 * with the calendar) once per day and settings, not at every start, since that reads every open
 * complaint back from the records.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { defaultUnitSettings } from '../../../shared/unit/unit-settings';
import { memoryDatabase } from '../../../test/support/memory-database';
import { ComplaintRepository } from '../data/complaint-repository';
import { DeviceDatabase } from '../data/device-database';
import { createAppState } from '../state/app-state';
import { createUnitRecords } from './unit-records';

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
  it('summarises the open complaints again on a new day or new settings, not on every start', async () => {
    const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
    const db = memoryDatabase();
    cleanups.push(async () => {
      await db.destroy();
      await device.delete();
    });
    const seed = new ComplaintRepository(db);
    await seed.saveMutable(defaultUnitSettings('KTB', 'Asia/Jakarta', MONDAY, OFFICER), WRITER);
    await seed.saveIntake(INTAKE, [], {
      unitCode: 'KTB',
      deviceCode: 'A2C',
      sequence: 1,
      eventSequence: 1,
      officer: OFFICER,
      receivedAt: MONDAY,
      localDate: '2026-03-02',
    });
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
      records.close();
      return reads.mock.calls.length - before;
    };

    // The first start indexes the complaint (and summarises it for today).
    expect(await start(MONDAY)).toBeGreaterThan(0);
    // The same day, the same settings: the rows are as they were; nothing is read back.
    expect(await start(MONDAY)).toBe(0);
    // A new day: the open complaint is summarised again (its deadline may have come).
    expect(await start(TUESDAY)).toBe(1);
    expect(await start(TUESDAY)).toBe(0);
    // New settings (other deadlines): again.
    const settings = await seed.unitSettings();
    if (!settings) throw new Error('no settings');
    await seed.saveMutable({ ...settings, updatedAt: TUESDAY.toISOString() }, WRITER);
    expect(await start(TUESDAY)).toBeGreaterThan(0);
    expect(await start(TUESDAY)).toBe(0);
  });
});
