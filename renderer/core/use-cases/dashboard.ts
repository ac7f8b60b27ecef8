/**
 * Beranda's figures: the unit's indicators for a chosen period, optionally for one office or one
 * category. One code path with the packet: the records are read by the packet's `loadRecords` and
 * the figures computed by its `packetIndicators` (../../../shared/indicators), so for the same
 * period and records the dashboard shows exactly the packet's indicators.json.
 *
 * Cost: every complaint and event of the unit is read (reporter documents never are) and reduced.
 * The record set read is kept until the records change (`dataVersion`), so choosing another
 * period or filter only computes again. A read already under way for the same records is shared.
 */
import type { Indicators } from '../../../shared/indicators/indicators-types';
import type { CoreDeps } from './core-deps';
import { packetIndicators, type UnitRecordSet } from './packet';

export type DashboardQuery = Readonly<{
  /** Unit-local dates, both inclusive. */
  period: Readonly<{ from: string; to: string }>;
  /** Only the complaints of this office (as at the period's end); null or absent: every office. */
  office?: string | null;
  /** Only the complaints of this category code; null or absent: every category. */
  category?: string | null;
}>;

/** Where a dashboard computation is: reading the records (documents read so far), then computing. */
export type DashboardProgress =
  Readonly<{ phase: 'reading'; documentsRead: number }> | Readonly<{ phase: 'computing' }>;

type Packet = Readonly<{
  loadRecords(onProgress?: (documentsRead: number) => void): Promise<UnitRecordSet>;
}>;

const EMPTY: UnitRecordSet = { complaints: [], events: [], earliestReceivedDate: null, invalid: 0 };

/** Lets the event loop run (a repaint of the progress) before a long synchronous step. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createDashboard(deps: CoreDeps, packet: Packet) {
  const { store } = deps;
  /**
   * The record set for a data version. `started` is false while it waits for the read before it:
   * at most one read runs and at most one waits, however often the records change meanwhile (a
   * sync bumps `dataVersion` many times), and the waiting one reads what is there when it starts.
   */
  let cached: { dataVersion: number; started: boolean; records: Promise<UnitRecordSet> } | undefined;
  const progressListeners = new Set<(documentsRead: number) => void>();

  const read = (): Promise<UnitRecordSet> =>
    packet.loadRecords((documentsRead) => {
      for (const listener of progressListeners) listener(documentsRead);
    });

  const recordsNow = (): Promise<UnitRecordSet> => {
    const { dataVersion } = store.getState();
    if (cached?.dataVersion === dataVersion) return cached.records;
    if (cached && !cached.started) {
      cached.dataVersion = dataVersion;
      return cached.records;
    }
    const before = cached?.records;
    const entry: NonNullable<typeof cached> = {
      dataVersion,
      started: false,
      records: Promise.resolve(EMPTY),
    };
    const start = (): Promise<UnitRecordSet> => {
      entry.started = true;
      return read();
    };
    entry.records = before ? before.then(start, start) : start();
    cached = entry;
    // A failed read is not kept: the next call reads again.
    entry.records.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return entry.records;
  };

  return {
    /**
     * The indicators of the unit for `query.period` (and office or category), on the unit's
     * settings now, named as the unit profile names the unit. `onProgress` hears the reading and
     * the computing.
     */
    async indicators(
      query: DashboardQuery,
      onProgress?: (progress: DashboardProgress) => void,
    ): Promise<Indicators> {
      const { unitSettings, unitProfile, device } = store.getState();
      if (!unitSettings || !device) throw new Error('The unit has no settings yet.');
      const listener = (documentsRead: number): void => onProgress?.({ phase: 'reading', documentsRead });
      progressListeners.add(listener);
      let records: UnitRecordSet;
      try {
        // Only when the records must be read (again): kept records go straight to computing.
        if (cached?.dataVersion !== store.getState().dataVersion) {
          onProgress?.({ phase: 'reading', documentsRead: 0 });
        }
        records = await recordsNow();
      } finally {
        progressListeners.delete(listener);
      }
      onProgress?.({ phase: 'computing' });
      await yieldToEventLoop();
      const scope =
        query.office != null || query.category != null
          ? { office: query.office ?? null, category: query.category ?? null }
          : undefined;
      return packetIndicators(
        query.period,
        { code: device.unitCode, name: unitProfile?.unitName ?? device.unitCode },
        records,
        unitSettings,
        deps.now(),
        scope,
      );
    },
  };
}
