/**
 * The national calendar through the central (docs/central.md, "The national calendar"), on the
 * test central (Apache CouchDB 3.5 where found): `npm run central -- calendar import <file>` as a
 * child process writes `calendar:national:<year>` into every unit database and the national
 * database, idempotently and versioned; a wrong file writes nothing and says why; the validators
 * refuse the document from a device account and from the projector; and a device that syncs it
 * counts a complaint's due date across the new holiday (the app's own repository, calendar and
 * index summary over a memory PouchDB replicated with its own account).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchHttp, type CouchResponse } from '../../central/couch-http';
import { setupNational } from '../../central/national-setup';
import { DEFAULT_HOLIDAYS } from '../../shared/calendar/indonesian-holidays';
import { weekdayOf } from '../../shared/calendar/national-calendar';
import { NATIONAL_DATABASE_NAME, PROJECTOR_USER, unitDatabaseName } from '../../shared/couch/couch-names';
import { parseRejection } from '../../shared/couch/rejection';
import { defaultUnitSettings } from '../../shared/unit/unit-settings';
import { ComplaintRepository } from '../../renderer/core/data/complaint-repository';
import { summariser } from '../../renderer/core/data/complaint-summary';
import { calendarOf } from '../../renderer/core/use-cases/calendar';
import {
  centralDeviceHttp,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { stopStarted } from '../support/stop-started';
import { createDevice, deviceSyncConfig, logComplaint, UNIT, waitFor, type Device } from './sync-support';

const OTHER = 'KTB';
const PROJECTOR_PASSWORD = 'projector-password-calendar';
const ID_2026 = 'calendar:national:2026';

let central: CentralServer;
let admin: CouchHttp;
let folder: string;
const devices: Device[] = [];

/** The 2026 decree as a file, plus `extra` dates (a holiday the government added). */
function file2026(extra: readonly { date: string; id: string }[] = []): unknown {
  return {
    year: 2026,
    source: 'SKB 3 Menteri 1497/2025, 2/2025, 5/2025',
    entries: [
      ...(DEFAULT_HOLIDAYS[2026] ?? []).map((holiday) => ({
        date: holiday.date,
        weekday: weekdayOf(holiday.date),
        name: holiday.name,
        kind: holiday.kind === 'national-holiday' ? 'holiday' : 'cuti-bersama',
      })),
      ...extra.map((day) => ({
        date: day.date,
        weekday: weekdayOf(day.date),
        name: { id: day.id, en: day.id },
        kind: 'holiday',
      })),
    ],
  };
}

let files = 0;
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'central/cli.ts', 'calendar', ...args, '--url', central.adminUrl],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function importFile(
  content: unknown,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  files += 1;
  const path = join(folder, `calendar-${files}.json`);
  await writeFile(path, JSON.stringify(content));
  return cli('import', path);
}

async function stored(
  database: string,
  id = ID_2026,
): Promise<{ _rev: string; version: number } | undefined> {
  const response = await admin.get(`${encodeURIComponent(database)}/${encodeURIComponent(id)}`);
  if (response.status === 404) return undefined;
  expect(response.status).toBe(200);
  return response.body as { _rev: string; version: number };
}

const everyDatabase = (): string[] => [
  unitDatabaseName(UNIT),
  unitDatabaseName(OTHER),
  NATIONAL_DATABASE_NAME,
];

function refusal(response: CouchResponse): string | undefined {
  expect(response.status, JSON.stringify(response.body)).toBe(403);
  return parseRejection((response.body as { reason?: string }).reason ?? '')?.code;
}

beforeAll(async () => {
  central = await startCentralServer();
  await setupCentralUnit(central, UNIT);
  await setupCentralUnit(central, OTHER);
  admin = new CouchHttp(central.adminUrl);
  await setupNational(admin, { projectorPassword: PROJECTOR_PASSWORD });
  folder = await mkdtemp(join(tmpdir(), 'meja-aduan-calendar-'));
});

afterAll(async () => {
  await Promise.all(devices.map((device) => device.service.dispose()));
  await stopStarted(central);
  await rm(folder, { recursive: true, force: true });
});

describe('central calendar import', () => {
  it('writes the year into every unit database and the national one, once per content, versioned', async () => {
    const first = await importFile(file2026());
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('national calendar 2026');
    expect(first.stdout).toContain('version 1');
    const written = await Promise.all(everyDatabase().map((database) => stored(database)));
    expect(written.map((doc) => doc?.version)).toEqual([1, 1, 1]);

    // The same content again: nothing is written anywhere.
    const again = await importFile(file2026());
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('unchanged, version 1');
    const after = await Promise.all(everyDatabase().map((database) => stored(database)));
    expect(after.map((doc) => doc?._rev)).toEqual(written.map((doc) => doc?._rev));

    // A changed list is the next version, everywhere.
    const changed = await importFile(file2026([{ date: '2026-12-28', id: 'Cuti tambahan' }]));
    expect(changed.status, changed.stderr).toBe(0);
    const versions = await Promise.all(everyDatabase().map((database) => stored(database)));
    expect(versions.map((doc) => doc?.version)).toEqual([2, 2, 2]);

    const shown = cli('show', '2026');
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Version 2');
    expect(shown.stdout).toContain('2026-12-28 Senin');
    expect(shown.stdout).toMatch(
      new RegExp(`${OTHER}\\s+${unitDatabaseName(OTHER)}/${ID_2026}\\s+version 2`),
    );
  });

  it('refuses a wrong file with every problem named, and writes nothing', async () => {
    const bad = {
      year: 2028,
      source: 'SKB',
      entries: [
        { date: '2028-02-30', weekday: 'Rabu', name: { id: 'x', en: 'x' }, kind: 'holiday' },
        { date: '2028-01-01', weekday: 'Senin', name: { id: 'Tahun Baru', en: 'New Year' }, kind: 'holiday' },
        { date: '2028-01-01', weekday: 'Sabtu', name: { id: 'Lagi', en: 'Again' }, kind: 'libur' },
      ],
    };
    const result = await importFile(bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).toContain('Entry 1 (2028-02-30): the date is not a real day');
    expect(result.stderr).toContain('Entry 2 (2028-01-01): the weekday is Senin, but 2028-01-01 is a Sabtu.');
    expect(result.stderr).toContain('Entry 3 (2028-01-01): the date is listed twice (also entry 2).');
    expect(result.stderr).toContain('Entry 3 (2028-01-01): the kind "libur" is unknown');
    for (const database of everyDatabase())
      expect(await stored(database, 'calendar:national:2028')).toBeUndefined();
  });

  it('is written by server admins only: a device and the projector are refused', async () => {
    const device = await centralDeviceHttp(central, UNIT, 'X7Q');
    const current = await admin.get(
      `${encodeURIComponent(unitDatabaseName(UNIT))}/${encodeURIComponent(ID_2026)}`,
    );
    const doc = current.body as Record<string, unknown>;
    const path = `${encodeURIComponent(unitDatabaseName(UNIT))}/${encodeURIComponent(ID_2026)}`;
    expect(refusal(await device.put(path, { ...doc, entries: [] }))).toBe('unit');
    expect(
      refusal(await device.request('DELETE', `${path}?rev=${encodeURIComponent(String(doc._rev))}`)),
    ).toBe('unit');
    const { _rev: _stored, ...fields } = doc;
    const own = { ...fields, _id: 'calendar:national:2029', year: '2029', entries: [] };
    expect(
      refusal(
        await device.put(`${encodeURIComponent(unitDatabaseName(UNIT))}/calendar%3Anational%3A2029`, own),
      ),
    ).toBe('unit');
    const projector = new CouchHttp(central.url).as(PROJECTOR_USER, PROJECTOR_PASSWORD);
    expect(refusal(await projector.put(`${NATIONAL_DATABASE_NAME}/calendar%3Anational%3A2029`, own))).toBe(
      'unit',
    );
    expect((await stored(unitDatabaseName(UNIT)))?.version).toBe(2);
  });

  it('reaches a device by sync, whose due dates count with the new holiday', async () => {
    const device = createDevice('A23');
    devices.push(device);
    await device.service.start(await deviceSyncConfig(central, device.code));
    // Received Monday 23 November 2026: verification due on the 3rd working day after.
    const complaint = await logComplaint(device, 'confidential');
    const settings = {
      ...defaultUnitSettings(UNIT, 'Asia/Jakarta', new Date('2026-11-23T01:00:00Z'), {
        officerId: 'o-1',
        name: 'Rina',
      }),
      _rev: '1-a',
    };
    const repository = new ComplaintRepository(device.db);
    const dueNow = async (): Promise<string> => {
      const found = await repository.complaintWithEvents(complaint._id);
      if (!found) throw new Error('complaint not on the device');
      const nationals = await repository.nationalCalendars();
      return summariser(
        settings,
        calendarOf(settings, nationals),
        () => new Date('2026-11-23T05:00:00Z'),
      )(found.complaint, found.events).dueDate;
    };
    await waitFor(
      async () => (await repository.nationalCalendars()).some((doc) => doc.version === 2),
      20_000,
    );
    // Version 2 adds only 28 December: Tue 24, Wed 25, Thu 26.
    expect(await dueNow()).toBe('2026-11-26');

    // The government declares Tuesday 24 November a holiday: one command at the central.
    const result = await importFile(
      file2026([
        { date: '2026-12-28', id: 'Cuti tambahan' },
        { date: '2026-11-24', id: 'Libur nasional tambahan' },
      ]),
    );
    expect(result.status, result.stderr).toBe(0);
    await waitFor(
      async () => (await repository.nationalCalendars()).some((doc) => doc.version === 3),
      20_000,
    );
    // Wed 25, Thu 26, Fri 27: one working day later.
    expect(await dueNow()).toBe('2026-11-27');
  });
  it('reaches a unit set up afterwards through central setup, without importing again', () => {
    const setup = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'central/cli.ts', 'setup', '--url', central.adminUrl, '--unit', 'PDG'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(setup.status, setup.stderr).toBe(0);
    expect(setup.stdout).toMatch(/national calendars\s+meja-aduan-unit-pdg\s+2026 v3 created/);
  });

  it('the new unit holds the central’s newest version', async () => {
    expect((await stored(unitDatabaseName('PDG')))?.version).toBe(3);
  });
});
