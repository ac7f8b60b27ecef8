/**
 * Beranda's indicator records on this device: built from the unit's records with progress when
 * missing or of another version, caught up from their checkpoint otherwise, and kept in step with
 * new writes (`upToDate` reads what the live feed has not delivered yet).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildIntakeDocuments } from '../../../shared/complaint/intake-documents';
import { INDICATOR_RECORD_VERSION, type IndicatorRecord } from '../../../shared/indicators/indicator-record';
import { validateSetup } from '../../../shared/unit/unit-profile';
import {
  TEST_NOW as NOW,
  TEST_SETUP as SETUP,
  anonymousIntake,
  stopTestCores,
  testCore,
} from '../test-core.fixtures';
import { ComplaintRepository } from './complaint-repository';
import { DeviceDatabase } from './device-database';
import {
  IndicatorRecords,
  INDICATOR_RECORDS_VERSION_KEY,
  type IndicatorRecordsStatus,
} from './indicator-records';

const opened: DeviceDatabase[] = [];
afterEach(async () => {
  for (const device of opened.splice(0)) await device.delete();
  await stopTestCores();
});

/** A unit with three complaints, and its records opened as a second device would read them. */
async function unitRecords(): Promise<{
  repository: ComplaintRepository;
  save: (title: string) => Promise<string>;
}> {
  const { core, unitDatabases } = testCore();
  const setup = validateSetup(SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  const save = (title: string) =>
    core.intake.save({ input: anonymousIntake(title), files: [], receivedAt: NOW, localDate: '2026-03-02' });
  for (const title of ['Jalan rusak', 'Lampu mati', 'Antrean panjang']) await save(title);
  const [db] = unitDatabases;
  if (!db) throw new Error('no unit database');
  return { repository: new ComplaintRepository(db), save };
}

function follower(device: DeviceDatabase) {
  const statuses: IndicatorRecordsStatus[] = [];
  const records = new IndicatorRecords(device);
  records.onStatus((status) => statuses.push(status));
  return { records, statuses };
}

describe('IndicatorRecords', () => {
  it('builds the rows with progress when missing, then only catches up; rebuilds on another version', async () => {
    const { repository } = await unitRecords();
    const device = new DeviceDatabase(`indicators-${crypto.randomUUID()}`);
    opened.push(device);

    const first = follower(device);
    await first.records.start(repository, SETUP.unitCode);
    expect(first.statuses).toEqual([
      { state: 'building', done: 0, total: 3 },
      { state: 'building', done: 3, total: 3 },
      { state: 'ready' },
    ]);
    expect(await device.indicatorRecords.count()).toBe(3);
    first.records.stop();

    // A complaint whose events have not arrived yet (a sync under way) gets a row without events.
    const { complaint: lone } = buildIntakeDocuments(anonymousIntake('Belum ada kejadian'), {
      unitCode: SETUP.unitCode,
      deviceCode: 'X7Q',
      sequence: 1,
      eventSequence: 1,
      officer: { officerId: 'o1', name: 'Sari' },
      receivedAt: NOW,
      localDate: '2026-03-02',
    });
    await repository.db.bulkDocs([lone] as PouchDB.Core.PutDocument<object>[], { new_edits: false });
    await device.settings.delete(INDICATOR_RECORDS_VERSION_KEY);
    const rebuilt = follower(device);
    await rebuilt.records.start(repository, SETUP.unitCode);
    expect(rebuilt.statuses[0]).toEqual({ state: 'building', done: 0, total: 4 });
    expect((await device.indicatorRecords.get(lone._id))?.events).toEqual([]);
    expect(await device.indicatorRecords.count()).toBe(4);
    rebuilt.records.stop();

    // A restart with rows of this version: no building.
    const second = follower(device);
    await second.records.start(repository, SETUP.unitCode);
    expect(second.statuses).toEqual([{ state: 'ready' }]);
    second.records.stop();

    // Rows of an older version are rebuilt from the start.
    await device.settings.put({ key: INDICATOR_RECORDS_VERSION_KEY, value: INDICATOR_RECORD_VERSION - 1 });
    await device.indicatorRecords.update(
      (await device.indicatorRecords.toCollection().primaryKeys())[0] ?? '',
      {
        events: [],
      },
    );
    const third = follower(device);
    await third.records.start(repository, SETUP.unitCode);
    expect(third.statuses[0]).toEqual({ state: 'building', done: 0, total: 4 });
    expect(third.statuses.at(-1)).toEqual({ state: 'ready' });
    const rows = await device.indicatorRecords.toArray();
    expect(rows.filter((row) => row.events.length === 1)).toHaveLength(3);
    third.records.stop();
  });

  it('has a write that just completed in the rows once upToDate resolves', async () => {
    const { repository, save } = await unitRecords();
    const device = new DeviceDatabase(`indicators-${crypto.randomUUID()}`);
    opened.push(device);
    const { records } = follower(device);
    await records.start(repository, SETUP.unitCode);
    const id = await save('Obat kosong');
    await records.upToDate();
    expect((await device.indicatorRecords.get(id))?.complaint.category).toBe('health');
    expect(await device.indicatorRecords.count()).toBe(4);
    records.stop();
  });

  it('takes away the row read from the central of a complaint that comes to the device, when built and when followed', async () => {
    const { repository, save } = await unitRecords();
    const device = new DeviceDatabase(`indicators-${crypto.randomUUID()}`);
    opened.push(device);
    // Rows read from the central (a budget device) before these complaints came here.
    const centralRow = (id: string): IndicatorRecord => ({
      id,
      receivedAt: NOW.toISOString(),
      complaint: { _id: id } as IndicatorRecord['complaint'],
      events: [],
    });
    const { rows } = await repository.db.allDocs({ startkey: 'complaint:', endkey: 'complaint:\ufff0' });
    await device.centralIndicatorRecords.bulkPut([
      ...rows.map((row) => centralRow(row.id)),
      centralRow('complaint:x'),
    ]);
    const centralIds = async () => (await device.centralIndicatorRecords.toCollection().primaryKeys()).sort();
    const first = follower(device);
    await first.records.start(repository, SETUP.unitCode);
    expect(await centralIds()).toEqual(['complaint:x']);
    first.records.stop();
    // Followed from the checkpoint: one more complaint came while the rows were not followed.
    const id = await save('Obat kosong');
    await device.centralIndicatorRecords.put(centralRow(id));
    const again = follower(device);
    await again.records.start(repository, SETUP.unitCode);
    await again.records.upToDate();
    expect(again.statuses.some((status) => status.state === 'building')).toBe(false);
    expect(await device.indicatorRecords.get(id)).toBeDefined();
    expect(await centralIds()).toEqual(['complaint:x']);
    again.records.stop();
  });
});
