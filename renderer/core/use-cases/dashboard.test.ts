/**
 * Beranda's figures are the packet's indicators (one code path): for the same period and records
 * `core.dashboard.indicators` returns exactly what `computeIndicators` gives and what the packet
 * writes as indicators.json; with a filter, exactly computeIndicators' scoped figures. The record
 * set is read again once the records change, and the progress is reported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../shared/complaint/complaint-schema';
import { computeIndicators } from '../../../shared/indicators/compute-indicators';
import { validateSetup } from '../../../shared/unit/unit-profile';
import type { ClientCore, DashboardProgress } from '../client-core';
import { TEST_NOW as NOW, TEST_SETUP as SETUP, stopTestCores, testCore } from '../test-core.fixtures';
import { createAppState } from '../state/app-state';
import type { CoreDeps } from './core-deps';
import { createDashboard } from './dashboard';
import { indicatorSettings, type UnitRecordSet } from './packet';
import { defaultUnitSettings } from '../../../shared/unit/unit-settings';

afterEach(stopTestCores);

const PERIOD = { from: '2026-03-01', to: '2026-03-02' };

const intake = (category: string, title: string): IntakeInput => ({
  channel: 'walk-in',
  reportType: 'complaint',
  privacyMode: 'anonymous',
  reporter: { name: '', nik: '', phone: '', email: '', address: '' },
  title,
  chronology: 'Pelayanan lambat.',
  incidentDate: '2026-02-27',
  location: '',
  category,
  targetOffice: '',
  attachments: [],
});

async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not reached');
}

/** A unit with three complaints on 2 March 2026: two of infrastructure (one dispatched), one of health. */
async function unitWithComplaints(): Promise<ClientCore> {
  const { core } = testCore();
  const setup = validateSetup(SETUP);
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  await core.device.setup(setup.value, NOW);
  const save = (input: IntakeInput) =>
    core.intake.save({ input, files: [], receivedAt: NOW, localDate: '2026-03-02' });
  const first = await save(intake('infrastructure', 'Jalan rusak'));
  await save(intake('infrastructure', 'Lampu jalan mati'));
  await save(intake('health', 'Antrean puskesmas'));
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

  it('reports reading and computing, and reads again once the records change', async () => {
    const core = await unitWithComplaints();
    const seen: DashboardProgress[] = [];
    const before = await core.dashboard.indicators({ period: PERIOD }, (progress) => seen.push(progress));
    expect(seen[0]).toEqual({ phase: 'reading', documentsRead: 0 });
    expect(seen.at(-1)).toEqual({ phase: 'computing' });
    expect(seen.some((progress) => progress.phase === 'reading' && progress.documentsRead >= 3)).toBe(true);
    expect(before.totals.received).toBe(3);

    const version = core.store.getState().dataVersion;
    await core.intake.save({
      input: intake('health', 'Obat kosong'),
      files: [],
      receivedAt: NOW,
      localDate: '2026-03-02',
    });
    await until(
      () => core.store.getState().dataVersion,
      (now) => now > version,
    );
    const after = await core.dashboard.indicators({ period: PERIOD });
    expect(after.totals.received).toBe(4);
  });
});

describe('dashboard.indicators while the records keep changing (a sync)', () => {
  it('runs one read at a time and queues at most one more, which reads the latest records', async () => {
    const store = createAppState();
    store.setState({
      device: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: NOW.toISOString() },
      unitSettings: defaultUnitSettings('KTB', 'Asia/Jakarta', NOW, { officerId: 'o1', name: 'Sari' }),
    });
    const reads: ((records: UnitRecordSet) => void)[] = [];
    const loadRecords = (): Promise<UnitRecordSet> =>
      new Promise((resolve) => {
        reads.push(resolve);
      });
    const deps = { store, now: () => NOW } as unknown as CoreDeps;
    const dashboard = createDashboard(deps, { loadRecords });
    const empty: UnitRecordSet = { complaints: [], events: [], earliestReceivedDate: null, invalid: 0 };
    const ask = () => dashboard.indicators({ period: PERIOD });

    const first = ask();
    expect(reads).toHaveLength(1);
    // Three changes while the first read runs: one read waits, none more.
    const waiting = [1, 2, 3].map(() => {
      store.getState().bumpDataVersion();
      return ask();
    });
    await Promise.resolve();
    expect(reads).toHaveLength(1);
    reads[0]?.(empty);
    await first;
    await until(
      () => reads.length,
      (count) => count === 2,
    );
    reads[1]?.(empty);
    await Promise.all(waiting);
    expect(reads).toHaveLength(2);
    // Nothing changed since: the kept records answer, without a reading phase.
    const progress: DashboardProgress[] = [];
    await dashboard.indicators({ period: PERIOD }, (step) => progress.push(step));
    expect(reads).toHaveLength(2);
    expect(progress).toEqual([{ phase: 'computing' }]);
  });
});
