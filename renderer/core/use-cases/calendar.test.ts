/**
 * The desk's calendar with the central's national calendar: a `calendar:national:<year>` that
 * arrives in the unit's records (as sync writes it) re-summarises the complaint index, so an open
 * complaint's due date moves by the new holiday (deadlines are derived, never kept); a calendar
 * that arrived while the app was off does the same at the next start; and the banner's question
 * (which years changed since this device last said so) is remembered per device.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { DEFAULT_HOLIDAYS } from '../../../shared/calendar/indonesian-holidays';
import {
  nationalCalendarDoc,
  weekdayOf,
  type NationalCalendarEntry,
} from '../../../shared/calendar/national-calendar';
import { defaultUnitSettings } from '../../../shared/unit/unit-settings';
import { memoryDatabase } from '../../../test/support/memory-database';
import { ComplaintRepository } from '../data/complaint-repository';
import { DeviceDatabase } from '../data/device-database';
import { createAppState } from '../state/app-state';
import { testVault } from '../keys/test-unit-key.fixtures';
import { createCalendar } from './calendar';
import { createUnitRecords } from './unit-records';

const MONDAY = new Date('2026-03-02T03:00:00Z');
const OFFICER = { officerId: 'officer-1', name: 'Rina' };
const WRITER = { device: 'X7Q', officer: 'officer-1' };
const INTAKE: IntakeInput = {
  channel: 'phone',
  reportType: 'complaint',
  privacyMode: 'confidential',
  reporter: { name: '', nik: '', phone: '', email: '', address: '' },
  title: 'Jalan rusak',
  chronology: 'Lubang besar di Jl. Melati.',
  incidentDate: '2026-02-27',
  location: 'Jl. Melati',
  category: 'infrastructure',
  targetOffice: '',
  attachments: [],
};

/** The 2026 decree as the central would send it, plus `extra` holidays. */
function calendar2026(version: number, extra: readonly string[]) {
  const entries: NationalCalendarEntry[] = [
    ...(DEFAULT_HOLIDAYS[2026] ?? []).map((holiday) => ({
      date: holiday.date,
      weekday: weekdayOf(holiday.date),
      name: holiday.name,
      kind: holiday.kind === 'national-holiday' ? ('holiday' as const) : ('cuti-bersama' as const),
    })),
    ...extra.map((date) => ({
      date,
      weekday: weekdayOf(date),
      name: { id: 'Libur tambahan', en: 'Extra holiday' },
      kind: 'holiday' as const,
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
  return nationalCalendarDoc(
    { year: '2026', source: 'SKB 3 Menteri 1497/2025, as amended', entries },
    version,
    `2026-03-0${version}T00:00:00.000Z`,
  );
}

/** Polls `check` every 20 ms until it holds; fails after 10 s with `what`. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the national calendar on a device', () => {
  it('moves an open complaint’s due date when it arrives, and at the next start when it arrived while off', async () => {
    const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
    const db = memoryDatabase();
    cleanups.push(async () => {
      await db.destroy();
      await device.delete();
    });
    const seed = new ComplaintRepository(db, await testVault());
    await seed.saveMutable(defaultUnitSettings('KTB', 'Asia/Jakarta', MONDAY, OFFICER), WRITER);
    const complaint = await seed.saveIntake(INTAKE, [], {
      unitCode: 'KTB',
      deviceCode: 'A2C',
      sequence: 1,
      eventSequence: 1,
      officer: OFFICER,
      receivedAt: MONDAY,
      localDate: '2026-03-02',
    });
    const dueDate = async (): Promise<string | undefined> =>
      (await device.complaintIndex.get(complaint._id))?.dueDate;

    const store = createAppState();
    const records = createUnitRecords({
      store,
      deviceDatabase: device,
      openDatabase: () => db,
      now: () => MONDAY,
    });
    await records.open('KTB');
    await records.startIndex('KTB');
    await records.settled();
    // Received Monday 2 March: verification due on the 3rd working day, Thursday 5 March.
    expect(await dueDate()).toBe('2026-03-05');

    // The central declares Tuesday 3 March a holiday; sync writes the document.
    await db.put(calendar2026(1, ['2026-03-03']));
    await until(async () => (await dueDate()) === '2026-03-06', 'the due date to move to Friday 6 March');
    expect(store.getState().nationalCalendars?.map((doc) => doc.version)).toEqual([1]);
    records.close();

    // While the app is off, version 2 adds Wednesday 4 March: the next start counts with it.
    const stored = await db.get(calendar2026(1, [])._id);
    await db.put({ ...calendar2026(2, ['2026-03-03', '2026-03-04']), _rev: stored._rev });
    const again = createUnitRecords({
      store: createAppState(),
      deviceDatabase: device,
      openDatabase: () => db,
      now: () => MONDAY,
    });
    await again.open('KTB');
    await again.startIndex('KTB');
    await again.settled();
    again.close();
    expect(await dueDate()).toBe('2026-03-09');
  });

  it('names the years whose national list changed since this device last said so, remembered per device', async () => {
    const device = new DeviceDatabase(`device-${crypto.randomUUID()}`);
    cleanups.push(() => device.delete());
    const store = createAppState();
    store.setState({ device: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: MONDAY.toISOString() } });
    const calendar = createCalendar({ store, now: () => MONDAY, deviceDatabase: device });
    // The first time only remembers what the desk counts with now.
    expect(await calendar.changedYears()).toEqual([]);
    store.getState().setUnitDocs({ nationalCalendars: [calendar2026(1, ['2026-03-03'])] });
    expect(await calendar.changedYears()).toEqual(['2026']);
    // Asked again (another screen, a restart): still changed until an officer closed the banner.
    expect(await createCalendar({ store, now: () => MONDAY, deviceDatabase: device }).changedYears()).toEqual(
      ['2026'],
    );
    await calendar.acknowledgeChanges();
    expect(await calendar.changedYears()).toEqual([]);
    store.getState().setUnitDocs({ nationalCalendars: [calendar2026(2, ['2026-03-03', '2026-03-04'])] });
    expect(await calendar.changedYears()).toEqual(['2026']);
    // Where each date of the year comes from.
    const year = calendar.years().find((entry) => entry.year === '2026');
    expect(year?.base).toMatchObject({ kind: 'central', version: 2 });
    expect(year?.holidays.find((holiday) => holiday.date === '2026-03-04')?.source).toBe('central');
  });
});
