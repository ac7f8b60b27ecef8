/**
 * On a device with a budget (docs/decisions/027-device-budget.md), Beranda's indicator records of
 * the complaints that are only on the central: the older complaints outside the budget that this
 * device does not hold, one small row each (shared/indicators/indicator-record: the complaint and
 * its events without free text, never identity), read from the central once
 * (../sync/central-only-complaints) and kept, so that Beranda's figures count the whole record
 * and, once read, count it offline too.
 *
 * Why a copy read once stays right: a complaint outside the budget changes on the central only by a
 * new event (reopened, followed up, logged late by a device that was offline), and the live pull
 * then fetches that complaint whole to this device (../sync/fetch-complaint). From then on the
 * device's own row counts it and this row is passed over. A complaint that ages out of the budget
 * stays on the device. So a pass that reached the unit's first complaint covers the other side for
 * good; a pass that stopped (offline, closed) resumes from its cursor.
 *
 * Rebuildable (REBUILDABLE_TABLES): lost, or of another INDICATOR_RECORD_VERSION or unit, the rows
 * are read again.
 */
import {
  indicatorRecord,
  INDICATOR_RECORD_VERSION,
  type IndicatorRecord,
} from '../../../shared/indicators/indicator-record';
import type { BudgetRule } from '../../../shared/sync/device-budget';
import { eventsByComplaint } from '../../../shared/packet/complaint-rows';
import type { EventDoc } from '../../../shared/workflow/events';
import type { RemoteRequest } from '../sync/download-protocol';
import { centralOnlyPages, firstComplaintReceivedAt, passedShare } from '../sync/central-only-complaints';
import type { DeviceDatabase } from './device-database';

/** The settings key of the rows' state. */
export const CENTRAL_RECORDS_STATE_KEY = 'central-indicator-records';

/** How far the rows are: the pass's cursor, whether it reached the unit's first complaint. */
export type CentralRecordsState = Readonly<{
  version: number;
  unitCode: string;
  /** The oldest complaint id the pass has covered (null: not started). */
  cursor: string | null;
  /** The pass reached the unit's first complaint. */
  complete: boolean;
  /** When the pass last read from the central (ISO). */
  readAt: string | null;
}>;

/** How a pass goes: the share of the other side's time span covered so far, and rows kept. */
export type CentralRecordsProgress = Readonly<{ share: number; complaints: number }>;

export type FillOptions = Readonly<{
  request: RemoteRequest;
  unitCode: string;
  rule: BudgetRule;
  /** Whether the device holds the complaint with this tracking number. */
  held: (trackingNumber: string) => boolean;
  now: () => Date;
  onProgress?: (progress: CentralRecordsProgress) => void;
  signal?: AbortSignal;
  /** Documents per page read, roughly (../sync/central-only-complaints' default). */
  pageDocs?: number;
}>;

export class CentralIndicatorRecords {
  constructor(private readonly device: DeviceDatabase) {}

  /** The rows' state for `unitCode`, or null when there are none of it (or of an older version). */
  async state(unitCode: string): Promise<CentralRecordsState | null> {
    const value = (await this.device.settings.get(CENTRAL_RECORDS_STATE_KEY))?.value as
      CentralRecordsState | undefined;
    if (value?.version !== INDICATOR_RECORD_VERSION || value.unitCode !== unitCode) return null;
    return value;
  }

  /** How many rows are kept. */
  count(): Promise<number> {
    return this.device.centralIndicatorRecords.count();
  }

  /** A page of rows after `afterId`, in id order. */
  page(afterId: string | undefined, limit: number): Promise<IndicatorRecord[]> {
    const table = this.device.centralIndicatorRecords;
    return (afterId === undefined ? table.orderBy(':id') : table.where(':id').above(afterId))
      .limit(limit)
      .toArray();
  }

  /**
   * Reads from the central what the rows lack, from where the last pass stopped, a page at a time
   * (each page's rows with the new cursor in one transaction). Resolves with the state once the
   * pass reached the unit's first complaint; rejects when the central fails or `signal` aborts
   * (what was read is kept).
   *
   * One pass at a time: a call while one runs (Beranda opened while the background reading goes
   * on) joins it and hears its progress from then on. `signal` aborts the caller's wait; the pass
   * itself stops only once every caller waiting for it has aborted (the first call's options
   * rule it).
   */
  fill(options: FillOptions): Promise<CentralRecordsState> {
    const pass = this.#pass ?? this.#startPass(options);
    return pass.join(options.onProgress, options.signal);
  }

  #pass: CentralPass | null = null;

  #startPass(options: FillOptions): CentralPass {
    const stop = new AbortController();
    const pass = new CentralPass(stop);
    this.#pass = pass;
    pass.run(
      this.#read({ ...options, signal: stop.signal, onProgress: (progress) => pass.tell(progress) }).finally(
        () => {
          if (this.#pass === pass) this.#pass = null;
        },
      ),
    );
    return pass;
  }

  async #read(options: FillOptions): Promise<CentralRecordsState> {
    const { unitCode } = options;
    let state = await this.state(unitCode);
    if (state === null) {
      await this.device.transaction(
        'rw',
        this.device.centralIndicatorRecords,
        this.device.settings,
        async () => {
          await this.device.centralIndicatorRecords.clear();
          await this.device.settings.delete(CENTRAL_RECORDS_STATE_KEY);
        },
      );
      state = { version: INDICATOR_RECORD_VERSION, unitCode, cursor: null, complete: false, readAt: null };
    }
    if (state.complete) return state;
    const first = await firstComplaintReceivedAt(options.request, options.signal);
    const next = centralOnlyPages({
      request: options.request,
      unitCode,
      rule: options.rule,
      held: options.held,
      after: state.cursor,
      signal: options.signal,
      pageDocs: options.pageDocs,
    });
    let kept = await this.count();
    options.onProgress?.({ share: passedShare(options.rule, first, state.cursor), complaints: kept });
    for (;;) {
      const page = await next();
      const readAt = options.now().toISOString();
      const current: CentralRecordsState =
        page === null ? { ...state, complete: true, readAt } : { ...state, cursor: page.cursor, readAt };
      const events = page ? eventsByComplaint(page.events) : new Map<string, readonly EventDoc[]>();
      const read = (page?.complaints ?? []).map((complaint) =>
        indicatorRecord(complaint, events.get(complaint._id) ?? []),
      );
      // A complaint that came to the device meanwhile (fetched whole) counts by its own row.
      const own = await this.device.indicatorRecords.bulkGet(read.map((row) => row.id));
      const rows = read.filter((_, index) => own[index] === undefined);
      await this.device.transaction(
        'rw',
        this.device.centralIndicatorRecords,
        this.device.settings,
        async () => {
          if (rows.length > 0) await this.device.centralIndicatorRecords.bulkPut(rows);
          await this.device.settings.put({ key: CENTRAL_RECORDS_STATE_KEY, value: current });
        },
      );
      state = current;
      kept += rows.length;
      options.onProgress?.({
        share: page === null ? 1 : passedShare(options.rule, first, page.cursor),
        complaints: kept,
      });
      if (page === null) return state;
    }
  }
}

function abortError(): Error {
  const error = new Error('The reading from the central was stopped.');
  error.name = 'AbortError';
  return error;
}

/** One pass of reading from the central, and the callers waiting for it. */
class CentralPass {
  readonly #listeners = new Set<(progress: CentralRecordsProgress) => void>();
  #waiting = 0;
  #result: Promise<CentralRecordsState> = new Promise(() => undefined);
  #last: CentralRecordsProgress | null = null;

  constructor(private readonly stop: AbortController) {}

  run(result: Promise<CentralRecordsState>): void {
    this.#result = result;
    // A failure surfaces to each caller; not as an unhandled rejection when none waits.
    result.catch(() => undefined);
  }

  tell(progress: CentralRecordsProgress): void {
    this.#last = progress;
    for (const listener of this.#listeners) listener(progress);
  }

  /** Waits for the pass, hearing its progress (the last one at once); `signal` stops waiting. */
  join(
    onProgress: ((progress: CentralRecordsProgress) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<CentralRecordsState> {
    if (signal?.aborted) return Promise.reject(abortError());
    this.#waiting += 1;
    if (onProgress) {
      this.#listeners.add(onProgress);
      if (this.#last) onProgress(this.#last);
    }
    return new Promise((resolve, reject) => {
      let left = false;
      const leave = (): void => {
        if (left) return;
        left = true;
        if (onProgress) this.#listeners.delete(onProgress);
        this.#waiting -= 1;
        signal?.removeEventListener('abort', aborted);
      };
      const aborted = (): void => {
        leave();
        if (this.#waiting === 0) this.stop.abort();
        reject(abortError());
      };
      signal?.addEventListener('abort', aborted, { once: true });
      this.#result.then(
        (state) => {
          leave();
          resolve(state);
        },
        (error: unknown) => {
          leave();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}
