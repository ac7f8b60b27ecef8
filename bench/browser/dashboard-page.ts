/**
 * The Chromium page of the dashboard measurement (bundled and served by ../chromium-page for
 * ../dashboard): Beranda's figures through the app's own code over IndexedDB — the device's
 * indicator records (renderer/core/data/indicator-records, rows by shared/indicators/indicator-record)
 * read by `createDashboard` (renderer/core/use-cases/dashboard: pages of 500, the packet's
 * indicatorsComputation) — against reading the same rows with IndexedDB alone, in the same run.
 * Steps the Node side calls one by one so it can read the heap in between.
 */
import { indicatorRecord } from '../../shared/indicators/indicator-record';
import { defaultUnitSettings } from '../../shared/unit/unit-settings';
import { ComplaintRepository } from '../../renderer/core/data/complaint-repository';
import { openUnitDatabase } from '../../renderer/core/data/database';
import { DeviceDatabase } from '../../renderer/core/data/device-database';
import { IndicatorRecords } from '../../renderer/core/data/indicator-records';
import { createAppState } from '../../renderer/core/state/app-state';
import type { CoreDeps } from '../../renderer/core/use-cases/core-deps';
import {
  createDashboard,
  DASHBOARD_PAGE,
  type DashboardQuery,
} from '../../renderer/core/use-cases/dashboard';
import { BENCH_UNIT, sampleComplaint, TIME_ZONE } from '../sample-records';
import { now, round } from '../timing';
import { pageLog } from './page-log';

/** A computation's time, its progress reports, and how long the page's event loop was held at most. */
export type FiguresTimes = Readonly<{
  ms: number;
  /** The longest a 10 ms timer started before the computation was late: the UI thread's longest block. */
  longestBlockMs: number;
  progressReports: number;
  received: number;
}>;

export type DashboardPageApi = Readonly<{
  /** Writes the indicator records of sample complaints 0…count-1 (the app's row builder), in batches. */
  fill: (complaints: number) => Promise<{ fillMs: number; lastReceivedAt: string; userAgent: string }>;
  /** Beranda's figures for `query` through createDashboard (as `core.dashboard.indicators`). */
  figures: (query: DashboardQuery) => Promise<FiguresTimes>;
  /** Reads every row with IndexedDB alone, DASHBOARD_PAGE at a time (the baseline). */
  rawRead: () => Promise<{ ms: number; rows: number }>;
  /** The follower's build from a unit database of `complaints` sample complaints (PouchDB, IndexedDB). */
  build: (complaints: number) => Promise<{ ms: number; documents: number; rows: number }>;
  close: () => Promise<void>;
}>;

const DEVICE_DB = `bench-dashboard-${Date.now()}`;
let device: DeviceDatabase | undefined;
let lastReceivedAt = '';

function deviceDb(): DeviceDatabase {
  device ??= new DeviceDatabase(DEVICE_DB);
  return device;
}

/** Measures how late a chain of 10 ms timers runs while `work` runs: the longest block of the thread. */
async function withBlockMonitor<T>(work: () => Promise<T>): Promise<{ value: T; longestBlockMs: number }> {
  let longest = 0;
  let running = true;
  let expected = now() + 10;
  const tick = (): void => {
    const lateness = now() - expected;
    if (lateness > longest) longest = lateness;
    if (!running) return;
    expected = now() + 10;
    setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
  try {
    const value = await work();
    return { value, longestBlockMs: round(longest, 1) };
  } finally {
    running = false;
  }
}

const api: DashboardPageApi = {
  fill: async (complaints) => {
    const db = deviceDb();
    const start = now();
    const BATCH = 1000;
    for (let from = 0; from < complaints; from += BATCH) {
      const rows = [];
      for (let index = from; index < Math.min(complaints, from + BATCH); index += 1) {
        const sample = sampleComplaint(index);
        rows.push(indicatorRecord(sample.complaint, sample.events));
        lastReceivedAt = sample.complaint.receivedAt;
      }
      await db.indicatorRecords.bulkPut(rows);
      if ((from / BATCH) % 10 === 0)
        pageLog(`dashboard: ${from + rows.length} of ${complaints} rows written`);
    }
    return { fillMs: round(now() - start, 1), lastReceivedAt, userAgent: globalThis.navigator.userAgent };
  },

  figures: async (query) => {
    const clock = new Date(lastReceivedAt);
    const store = createAppState();
    store.setState({
      device: { unitCode: BENCH_UNIT, deviceCode: 'A23', createdAt: clock.toISOString() },
      unitSettings: defaultUnitSettings(BENCH_UNIT, TIME_ZONE, clock, { officerId: 'o1', name: 'Budi' }),
    });
    const deps = { store, deviceDatabase: deviceDb(), now: () => clock } as unknown as CoreDeps;
    // The rows are built (as after the follower's start): nothing to wait for.
    const records = {
      current: () => ({ state: 'ready' }) as const,
      onStatus: () => () => undefined,
      upToDate: () => Promise.resolve(),
    };
    const dashboard = createDashboard(deps, records);
    let progressReports = 0;
    const start = now();
    const { value, longestBlockMs } = await withBlockMonitor(() =>
      dashboard.indicators(query, () => {
        progressReports += 1;
      }),
    );
    return { ms: round(now() - start, 1), longestBlockMs, progressReports, received: value.totals.received };
  },

  rawRead: async () => {
    const name = deviceDb().name;
    const start = now();
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    let rows = 0;
    let after: IDBValidKey | undefined;
    for (;;) {
      const page = await new Promise<unknown[]>((resolve, reject) => {
        const store = idb.transaction('indicatorRecords', 'readonly').objectStore('indicatorRecords');
        const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
        const request = store.getAll(range, DASHBOARD_PAGE);
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      rows += page.length;
      const last = page[page.length - 1] as { id: string } | undefined;
      if (page.length < DASHBOARD_PAGE || !last) break;
      after = last.id;
    }
    idb.close();
    return { ms: round(now() - start, 1), rows };
  },

  build: async (complaints) => {
    // The sample unit's own database (the page runs in a fresh profile).
    const unitDb = openUnitDatabase(BENCH_UNIT);
    const buildDevice = new DeviceDatabase(`bench-dashboard-build-${Date.now()}`);
    try {
      let documents = 0;
      for (let from = 0; from < complaints; from += 200) {
        const docs: object[] = [];
        for (let index = from; index < Math.min(complaints, from + 200); index += 1) {
          // Sealed complaints and events carry their only revision (reporters are not read here).
          const sample = sampleComplaint(index);
          docs.push(sample.complaint, ...sample.events);
        }
        await unitDb.bulkDocs(docs, { new_edits: false });
        documents += docs.length;
      }
      pageLog(`dashboard: ${documents} documents in the unit database; building the rows`);
      const follower = new IndicatorRecords(buildDevice);
      const start = now();
      await follower.start(new ComplaintRepository(unitDb), BENCH_UNIT);
      const ms = round(now() - start, 1);
      follower.stop();
      return { ms, documents, rows: await buildDevice.indicatorRecords.count() };
    } finally {
      await buildDevice.delete();
      await unitDb.destroy();
    }
  },

  close: async () => {
    await device?.delete();
    device = undefined;
  },
};

(globalThis as typeof globalThis & { mejaAduanDashboardBench?: DashboardPageApi }).mejaAduanDashboardBench =
  api;
