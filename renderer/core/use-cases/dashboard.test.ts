/**
 * Beranda's figures are the packet's indicators (one code path): for the same period and records
 * `core.dashboard.indicators` returns exactly what `computeIndicators` gives and what the packet
 * writes as indicators.json; with a filter, exactly computeIndicators' scoped figures. The
 * figures come from the device's indicator records (kept in step with the records), a page at a
 * time; the building of the records, the reading and the computing are reported; a computation
 * can be cancelled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { computeIndicators } from '../../../shared/indicators/compute-indicators';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { ClientCore, DashboardProgress } from '../client-core';
import {
  TEST_NOW as NOW,
  TEST_SETUP as SETUP,
  anonymousIntake,
  stopTestCores,
  testCore,
} from '../test-core.fixtures';
import { createAppState } from '../state/app-state';
import type { CoreDeps } from './core-deps';
import { createDashboard } from './dashboard';
import { indicatorSettings } from './packet';
import { DeviceDatabase } from '../data/device-database';
import type { IndicatorRecordsStatus } from '../data/indicator-records';
import { defaultUnitSettings } from '../../../shared/unit/unit-settings';

afterEach(stopTestCores);

const PERIOD = { from: '2026-03-01', to: '2026-03-02' };

const devices = new WeakMap<ClientCore, DeviceDatabase>();
function deviceOf(core: ClientCore): DeviceDatabase {
  const device = devices.get(core);
  if (!device) throw new Error('no device database');
  return device;
}

/** A unit with three complaints on 2 March 2026: two of infrastructure (one dispatched), one of health. */
async function unitWithComplaints(): Promise<ClientCore> {
  const { core, device } = testCore();
  devices.set(core, device);
  const setup = validateSetup(SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  const save = (input: IntakeInput) =>
    core.intake.save({ input, files: [], receivedAt: NOW, localDate: '2026-03-02' });
  const first = await save(anonymousIntake('Jalan rusak', 'infrastructure'));
  await save(anonymousIntake('Lampu jalan mati', 'infrastructure'));
  await save(anonymousIntake('Antrean puskesmas', 'health'));
  const detail = await core.complaints.detail(first);
  if (!detail) throw new Error('not stored');
  expect(
    await core.complaints.act(detail.state, 'verify', { dispositionOffice: 'Dinas PU', note: '' }),
  ).toEqual({ ok: true });
  return core;
}

/** The same figures straight from the shared code, over the same records. */
async function expected(core: ClientCore, scope?: { office?: string; category?: string }) {
  const records = await core.packet.loadRecords();
  const { unitSettings } = core.store.getState();
  if (!unitSettings) throw new Error('no settings');
  return computeIndicators({
    complaints: records.complaints,
    events: records.events,
    unit: { code: SETUP.unitCode, name: SETUP.unitName },
    settings: indicatorSettings(unitSettings),
    period: PERIOD,
    computedAt: NOW,
    ...(scope ? { scope } : {}),
  });
}

describe('dashboard.indicators', () => {
  it('equals the packet’s indicators.json for the same period and records', async () => {
    const core = await unitWithComplaints();
    const figures = await core.dashboard.indicators({ period: PERIOD });
    expect(figures).toEqual(await expected(core));
    const packet = core.packet.indicators(
      PERIOD,
      { code: SETUP.unitCode, name: SETUP.unitName },
      await core.packet.loadRecords(),
    );
    // indicators.json is this object as two-space JSON: the same bytes.
    expect(JSON.stringify(figures, null, 2)).toBe(JSON.stringify(packet, null, 2));
    expect(figures.totals.received).toBe(3);
    expect(figures.totals.byCategory).toEqual({ infrastructure: 2, health: 1 });
    expect(figures.byStatus).toEqual({ new: 2, verified: 1 });
    expect(figures.breakdown.byOffice.map((row) => [row.key, row.open])).toEqual([
      ['', 2],
      ['Dinas PU', 1],
    ]);
  });

  it('gives one category’s or one office’s figures as computeIndicators does for that scope', async () => {
    const core = await unitWithComplaints();
    const health = await core.dashboard.indicators({ period: PERIOD, category: 'health' });
    expect(health).toEqual(await expected(core, { category: 'health' }));
    expect(health.totals.received).toBe(1);
    expect(health.scope).toEqual({ office: null, category: 'health' });
    const office = await core.dashboard.indicators({ period: PERIOD, office: 'Dinas PU', category: null });
    expect(office).toEqual(await expected(core, { office: 'Dinas PU' }));
    expect(office.totals.received).toBe(1);
  });

  it('reports reading and computing, and counts a complaint saved just before', async () => {
    const core = await unitWithComplaints();
    const seen: DashboardProgress[] = [];
    const before = await core.dashboard.indicators({ period: PERIOD }, (progress) => seen.push(progress));
    expect(seen[0]).toEqual({ phase: 'reading', documentsRead: 0, total: 3 });
    expect(seen).toContainEqual({ phase: 'reading', documentsRead: 3, total: 3 });
    expect(seen.at(-1)).toEqual({ phase: 'computing' });
    expect(before.totals.received).toBe(3);

    // Asked right after the save resolves: the rows catch up from the changes feed first.
    await core.intake.save({
      input: anonymousIntake('Obat kosong', 'health'),
      files: [],
      receivedAt: NOW,
      localDate: '2026-03-02',
    });
    const after = await core.dashboard.indicators({ period: PERIOD });
    expect(after.totals.received).toBe(4);
    expect(after).toEqual(await expected(core));
  });

  it('keeps no free text in the device’s rows: one small row per complaint', async () => {
    const core = await unitWithComplaints();
    await core.dashboard.indicators({ period: PERIOD });
    const rows = await deviceOf(core).indicatorRecords.toArray();
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain('Pelayanan lambat');
    expect(rows.map((row) => row.events.length).sort()).toEqual([1, 1, 2]);
  });

  it('cancels when asked: nothing more is read', async () => {
    const core = await unitWithComplaints();
    const cancel = new AbortController();
    cancel.abort();
    await expect(core.dashboard.indicators({ period: PERIOD, signal: cancel.signal })).rejects.toThrow(
      expect.objectContaining({ name: 'AbortError' }) as Error,
    );
  });
});

describe('dashboard.indicators while the indicator records are being built', () => {
  it('says how far the building is and computes once it is done', async () => {
    const store = createAppState();
    store.setState({
      device: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: NOW.toISOString() },
      unitSettings: defaultUnitSettings('KTB', 'Asia/Jakarta', NOW, { officerId: 'o1', name: 'Sari' }),
    });
    let status: IndicatorRecordsStatus = { state: 'building', done: 250, total: 1000 };
    const listeners = new Set<(next: IndicatorRecordsStatus) => void>();
    const records = {
      current: () => status,
      onStatus: (listener: (next: IndicatorRecordsStatus) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      upToDate: () => Promise.resolve(),
    };
    const deviceDatabase = new DeviceDatabase(`dashboard-${crypto.randomUUID()}`);
    const deps = { store, now: () => NOW, deviceDatabase } as unknown as CoreDeps;
    const seen: DashboardProgress[] = [];
    const figures = createDashboard(deps, records).indicators({ period: PERIOD }, (step) => seen.push(step));
    const publish = (next: IndicatorRecordsStatus) => {
      status = next;
      for (const listener of [...listeners]) listener(next);
    };
    publish({ state: 'building', done: 500, total: 1000 });
    expect(seen).toEqual([
      { phase: 'preparing', done: 250, total: 1000 },
      { phase: 'preparing', done: 500, total: 1000 },
    ]);
    publish({ state: 'ready' });
    expect((await figures).totals.received).toBe(0);
    expect(seen.at(-1)).toEqual({ phase: 'computing' });
    expect(listeners.size).toBe(0);
    deviceDatabase.close();
  });
});
