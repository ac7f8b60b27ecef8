/**
 * Beranda's figures: the unit's indicators for a chosen period, optionally for one office or one
 * category. One code path with the packet: the figures are computed by the packet's own
 * computation (`indicatorsComputation`, which `computeIndicators` runs for indicators.json) over
 * the device's indicator records (../data/indicator-records: each complaint's document and events
 * without free text), which give exactly the figures of the full documents
 * (shared/indicators/compute-indicators.test.ts; ./dashboard.test.ts compares with the packet).
 *
 * Cost (docs/decisions/013-dashboard-charts.md, 'Figures at 100,000 complaints'): the rows are read a page at a time and each
 * page added up before the next is read, so only one page and a few numbers per complaint of the
 * period are held, whatever the number of complaints; between pages the event loop runs (the
 * progress repaints, typing goes on). While the rows are being built the progress says so.
 */
import { indicatorsComputation } from '../../../shared/indicators/compute-indicators';
import { recordDocuments, type IndicatorRecord } from '../../../shared/indicators/indicator-record';
import type { Indicators } from '../../../shared/indicators/indicators-types';
import { budgetRuleOf } from '../../../shared/sync/device-budget';
import type { CentralIndicatorRecords } from '../data/central-indicator-records';
import type { IndicatorRecords, IndicatorRecordsStatus } from '../data/indicator-records';
import { readCentralCounts, type CentralRequest } from './central-counts';
import type { CoreDeps } from './core-deps';
import { indicatorSettings } from './packet';

export type DashboardQuery = Readonly<{
  /** Unit-local dates, both inclusive. */
  period: Readonly<{ from: string; to: string }>;
  /** Only the complaints of this office (as at the period's end); null or absent: every office. */
  office?: string | null;
  /** Only the complaints of this category code; null or absent: every category. */
  category?: string | null;
  /** Cancels the computation (it rejects with an AbortError): a newer query replaces it. */
  signal?: AbortSignal;
}>;

/**
 * Where a dashboard computation is: the device's indicator records being built (complaints done
 * of all), on a device with a budget the older complaints read from the central, the complaints
 * read and added up so far (of all), then the last step.
 */
export type DashboardProgress =
  | Readonly<{ phase: 'preparing'; done: number; total: number }>
  /** On a device with a budget: the older complaints being read from the central (share 0..1). */
  | Readonly<{ phase: 'central'; share: number; complaints: number }>
  | Readonly<{ phase: 'reading'; documentsRead: number; total: number }>
  | Readonly<{ phase: 'computing' }>;

/** Rows read and added up between two turns of the event loop (a page takes tens of ms). */
export const DASHBOARD_PAGE = 100;

/** Lets the event loop run (a repaint of the progress, a key press) before the next page. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function abortError(): Error {
  const error = new Error('The dashboard computation was cancelled.');
  error.name = 'AbortError';
  return error;
}

type Records = Pick<IndicatorRecords, 'current' | 'onStatus' | 'upToDate'>;

/** Resolves once the rows are no longer being built, reporting the building meanwhile. */
function builtRows(records: Records, onProgress?: (progress: DashboardProgress) => void): Promise<void> {
  const building = (status: IndicatorRecordsStatus): boolean => {
    if (status.state !== 'building') return false;
    onProgress?.({ phase: 'preparing', done: status.done, total: status.total });
    return true;
  };
  if (!building(records.current())) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = records.onStatus((status) => {
      if (building(status)) return;
      stop();
      resolve();
    });
  });
}

/** Beranda's rows of the complaints only on the central, and how to ask the central (budget devices). */
export type DashboardCentral = Readonly<{ records: CentralIndicatorRecords; request?: CentralRequest }>;

export function createDashboard(deps: CoreDeps, records: Records, central?: DashboardCentral) {
  const { store } = deps;
  const table = deps.deviceDatabase.indicatorRecords;

  /** One page of rows after `afterId`, in id order (the packet's order of complaints). */
  const page = (afterId: string | undefined): Promise<IndicatorRecord[]> =>
    (afterId === undefined ? table.orderBy(':id') : table.where(':id').above(afterId))
      .limit(DASHBOARD_PAGE)
      .toArray();

  return {
    /**
     * On a device with a budget, reads the rows of the older complaints only on the central in
     * the background (the sync calls it once up to date), so that Beranda need not wait for them;
     * nothing once they are all read, or on a device that keeps everything.
     */
    async readCentralInBackground(): Promise<void> {
      const rule = budgetRuleOf(store.getState().unitSettings, deps.now());
      if (!rule || !central || !store.getState().device) return;
      try {
        await readCentralCounts(deps, central.records, central.request, rule);
      } catch (error) {
        console.warn('The older complaints could not be read from the central:', error);
      }
    },

    /**
     * The indicators of the unit for `query.period` (and office or category), on the unit's
     * settings now, named as the unit profile names the unit. `onProgress` hears the preparing,
     * reading and computing; `query.signal` cancels (the promise rejects with an AbortError).
     */
    async indicators(
      query: DashboardQuery,
      onProgress?: (progress: DashboardProgress) => void,
    ): Promise<Indicators> {
      const { signal } = query;
      const { unitSettings, unitProfile, device } = store.getState();
      if (!unitSettings || !device) throw new Error('The unit has no settings yet.');
      const checkAborted = (): void => {
        if (signal?.aborted) throw abortError();
      };
      const scope =
        query.office != null || query.category != null
          ? { office: query.office ?? null, category: query.category ?? null }
          : undefined;
      const computation = indicatorsComputation({
        unit: { code: device.unitCode, name: unitProfile?.unitName ?? device.unitCode },
        settings: indicatorSettings(unitSettings, deps.store.getState().nationalCalendars),
        period: query.period,
        computedAt: deps.now(),
        ...(scope ? { scope } : {}),
      });
      await builtRows(records, onProgress);
      // Every write made before this call is in the rows before they are read.
      await records.upToDate();
      checkAborted();
      // On a device with a budget, the older complaints only on the central count too.
      const rule = budgetRuleOf(unitSettings, deps.now());
      const fromCentral = rule && central ? central.records : undefined;
      if (rule && central) {
        await readCentralCounts(
          deps,
          central.records,
          central.request,
          rule,
          ({ share, complaints }) => onProgress?.({ phase: 'central', share, complaints }),
          signal,
        );
        checkAborted();
      } else store.getState().setCentralCounts(null);
      const total = (await table.count()) + (fromCentral ? await fromCentral.count() : 0);
      let read = 0;
      onProgress?.({ phase: 'reading', documentsRead: 0, total });
      /** Adds up every row `pageAfter` gives, a page at a time, reporting the rows read. */
      const addAll = async (pageAfter: (afterId: string | undefined) => Promise<IndicatorRecord[]>) => {
        let afterId: string | undefined;
        for (;;) {
          const rows = await pageAfter(afterId);
          checkAborted();
          for (const row of rows) {
            const { complaint, events } = recordDocuments(row);
            computation.add(complaint, events);
          }
          read += rows.length;
          onProgress?.({ phase: 'reading', documentsRead: read, total: Math.max(total, read) });
          const last = rows.at(-1);
          if (rows.length < DASHBOARD_PAGE || !last) return;
          afterId = last.id;
          await yieldToEventLoop();
          checkAborted();
        }
      };
      await addAll(page);
      // Then the rows read from the central. A complaint the device has fetched since counts by its
      // own row, read first: the computation takes each complaint once.
      if (fromCentral) await addAll((afterId) => fromCentral.page(afterId, DASHBOARD_PAGE));
      onProgress?.({ phase: 'computing' });
      return computation.result();
    },
  };
}
