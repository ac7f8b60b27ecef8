/**
 * Beranda on a device with a budget (docs/decisions/027-device-budget.md): the figures count the
 * device's own records and then the rows of the older complaints only on the central
 * (../data/central-indicator-records), each complaint once (the device's own copy first), and the
 * store hears how far they count: all read, or part read and why (no central to ask: offline). On
 * a device that keeps everything, such rows are not read and the store hears nothing. The reading
 * from a real central: test/integration/device-budget.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { intakeDocuments } from '../../../shared/couch/documents.fixtures';
import { computeIndicators } from '../../../shared/indicators/compute-indicators';
import { indicatorRecord, INDICATOR_RECORD_VERSION } from '../../../shared/indicators/indicator-record';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { ClientCore } from '../client-core';
import { CENTRAL_RECORDS_STATE_KEY } from '../data/central-indicator-records';
import type { DeviceDatabase } from '../data/device-database';
import {
  TEST_NOW as NOW,
  TEST_SETUP as SETUP,
  anonymousIntake,
  stopTestCores,
  testCore,
} from '../test-core.fixtures';
import { indicatorSettings } from './packet';

afterEach(stopTestCores);

const PERIOD = { from: '2025-01-01', to: '2026-03-02' };
const READ_AT = '2026-03-01T04:00:00.000Z';

/** Two older complaints of the unit that only the central holds (received in 2025). */
const older = [1, 2].map((sequence) =>
  intakeDocuments(SETUP.unitCode, 900 + sequence, 'anonymous', {
    receivedAt: new Date(Date.UTC(2025, 3 + sequence, 10, 2)),
    localDate: `2025-0${4 + sequence}-10`,
  }),
);

async function unitDevice(months: number | null): Promise<{ core: ClientCore; device: DeviceDatabase }> {
  const { core, device } = testCore();
  const setup = validateSetup(SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  const save = (input: IntakeInput) =>
    core.intake.save({ input, files: [], receivedAt: NOW, localDate: '2026-03-02' });
  await save(anonymousIntake('Jalan rusak', 'infrastructure'));
  await save(anonymousIntake('Antrean puskesmas', 'health'));
  const { unitSettings, setUnitDocs } = core.store.getState();
  if (!unitSettings) throw new Error('no settings');
  if (months !== null) setUnitDocs({ unitSettings: { ...unitSettings, deviceBudgetMonths: months } });
  return { core, device };
}

/** Rows of the older complaints as read from the central, and how far the reading came. */
async function keepCentralRows(device: DeviceDatabase, complete: boolean): Promise<void> {
  await device.centralIndicatorRecords.bulkPut(
    older.map((set) => indicatorRecord(set.complaint, [set.received])),
  );
  await device.settings.put({
    key: CENTRAL_RECORDS_STATE_KEY,
    value: {
      version: INDICATOR_RECORD_VERSION,
      unitCode: SETUP.unitCode,
      cursor: older[0]?.complaint._id ?? null,
      complete,
      readAt: READ_AT,
    },
  });
}

/** computeIndicators over the device's own records and `extra` complaints (with their received events). */
async function expected(core: ClientCore, extra: typeof older) {
  const records = await core.packet.loadRecords();
  const { unitSettings } = core.store.getState();
  if (!unitSettings) throw new Error('no settings');
  return computeIndicators({
    complaints: [...records.complaints, ...extra.map((set) => set.complaint)],
    events: [...records.events, ...extra.map((set) => set.received)],
    unit: { code: SETUP.unitCode, name: SETUP.unitName },
    settings: indicatorSettings({ ...unitSettings, deviceBudgetMonths: undefined }),
    period: PERIOD,
    computedAt: NOW,
  });
}

describe('dashboard.indicators on a device with a budget', () => {
  it('counts the rows read from the central after the device’s own, and says all are counted', async () => {
    const { core, device } = await unitDevice(6);
    await keepCentralRows(device, true);
    const figures = await core.dashboard.indicators({ period: PERIOD });
    expect(core.store.getState().centralCounts).toEqual({
      complaints: 2,
      complete: true,
      share: 1,
      readAt: READ_AT,
      notRead: null,
    });
    const whole = await expected(core, older);
    expect(figures.totals).toEqual(whole.totals);
    expect(figures.byStatus).toEqual(whole.byStatus);
    expect(figures.totals.received).toBe(4);
  });

  it('counts a complaint once: a row of one the device holds now gives way to the device’s own', async () => {
    const { core, device } = await unitDevice(6);
    await keepCentralRows(device, true);
    const [own] = await core.packet.loadRecords().then((records) => records.complaints);
    if (!own) throw new Error('no complaint');
    // The central's row of it, before it came to the device, in another category.
    await device.centralIndicatorRecords.put(indicatorRecord({ ...own, category: 'education' }, []));
    const figures = await core.dashboard.indicators({ period: PERIOD });
    expect(figures.totals.received).toBe(4);
    expect(figures.totals.byCategory).toEqual((await expected(core, older)).totals.byCategory);
  });

  it('with part read and no central to ask: counts what was read and says the figures are incomplete', async () => {
    const { core, device } = await unitDevice(6);
    await keepCentralRows(device, false);
    const figures = await core.dashboard.indicators({ period: PERIOD });
    expect(figures.totals.received).toBe(4);
    const counts = core.store.getState().centralCounts;
    expect(counts).toMatchObject({
      complaints: 2,
      complete: false,
      notRead: 'offline',
    });
  });

  it('on a device that keeps everything: reads no such rows and says nothing', async () => {
    const { core, device } = await unitDevice(null);
    await keepCentralRows(device, true);
    const figures = await core.dashboard.indicators({ period: PERIOD });
    expect(figures.totals.received).toBe(2);
    expect(core.store.getState().centralCounts).toBeNull();
  });
});

describe('packet.loadRecords on a device with a budget', () => {
  it('with no central to ask: holds the device’s own records and says the older ones were not read', async () => {
    const { core } = await unitDevice(6);
    const records = await core.packet.loadRecords();
    expect(records.complaints).toHaveLength(2);
    expect(records.centralOnly).toEqual({ notRead: 'offline' });
    expect(core.store.getState().centralCounts).toMatchObject({ complete: false, notRead: 'offline' });
  });

  it('on a device that keeps everything: says nothing of the central', async () => {
    const { core } = await unitDevice(null);
    expect((await core.packet.loadRecords()).centralOnly).toBeNull();
  });
});
