/**
 * Beranda's device-local indicator records (shared/indicators/indicator-record): one small row per
 * complaint — its document and events without free text — kept in step with the unit's records
 * as the complaint index and the search index are (./complaint-projector,
 * ../search/search-indexer): from PouchDB's changes feed, from a checkpoint of its own, so a
 * restart resumes and what sync brings in arrives the same way. Rows that are missing, emptied or
 * of another INDICATOR_RECORD_VERSION are rebuilt in the background from the start of the feed,
 * with progress. The documents go through the packet's own schema check (collectUnitRecords), so
 * a document the packet leaves out is left out here too.
 *
 * Rows hold facts, never derived values: due dates and "met" depend on the calendar and the
 * deadlines at the time of computing (docs/decisions/013-dashboard-charts.md, 'Figures at 100,000 complaints').
 */
import {
  complaintIdRange,
  COMPLAINT_ID_PREFIX,
  EVENT_ID_PREFIX,
  HIGH_SENTINEL,
} from '../../../shared/ids/document-ids';
import {
  indicatorRecord,
  INDICATOR_RECORD_VERSION,
  type IndicatorRecord,
} from '../../../shared/indicators/indicator-record';
import { collectUnitRecords } from '../../../shared/packet/unit-records';
import { followChanges } from '../sync/shared-changes';
import type { ComplaintRepository } from './complaint-repository';
import type { DeviceDatabase } from './device-database';

/** The settings keys of the rows' state: their version and their checkpoint in the unit's feed. */
export const INDICATOR_RECORDS_VERSION_KEY = 'indicator-records-version';
export const indicatorCheckpointKey = (unitCode: string): string => `indicator-checkpoint:${unitCode}`;

/** Where the rows are: not followed, being built (complaints done of total), or in step. */
export type IndicatorRecordsStatus =
  | Readonly<{ state: 'idle' }>
  | Readonly<{ state: 'building'; done: number; total: number }>
  | Readonly<{ state: 'ready' }>;

const BATCH = 250;
/** Complaints checked and written per step of a rebuild (the event loop runs between steps). */
const BUILD_BATCH = 100;

function isAfter(seq: number | string, since: number | string): boolean {
  return typeof seq === 'number' && typeof since === 'number' ? seq > since : true;
}

type ChangedDoc = { _id: string; complaintId?: unknown };

type Followed = {
  records: ComplaintRepository;
  unitCode: string;
  checkpointKey: string;
  since: number | string;
};

export class IndicatorRecords {
  private unfollow: (() => void) | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** Bumped by every start and stop: work queued by an earlier run is dropped. */
  private generation = 0;
  private status: IndicatorRecordsStatus = { state: 'idle' };
  private readonly listeners = new Set<(status: IndicatorRecordsStatus) => void>();
  /** The run being followed: its records, unit, checkpoint key and the last sequence applied. */
  private followed: Followed | undefined;

  constructor(
    private readonly device: DeviceDatabase,
    /** Called after every batch that changed the rows (Beranda computes again). */
    private readonly onIndexed: () => void = () => undefined,
  ) {}

  current(): IndicatorRecordsStatus {
    return this.status;
  }

  onStatus(listener: (status: IndicatorRecordsStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts following `records` of `unitCode`: rebuilds first when the rows are missing or
   * outdated (resolving once rebuilt and caught up), else catches up from the checkpoint.
   */
  async start(records: ComplaintRepository, unitCode: string): Promise<void> {
    this.generation += 1;
    const generation = this.generation;
    const current = (): boolean => generation === this.generation;
    const checkpointKey = indicatorCheckpointKey(unitCode);
    let since = await this.checkpoint(checkpointKey);
    const version = (await this.device.settings.get(INDICATOR_RECORDS_VERSION_KEY))?.value;
    const rebuild =
      since === undefined ||
      version !== INDICATOR_RECORD_VERSION ||
      ((await this.device.indicatorRecords.count()) === 0 && (await complaintCount(records, 1)) > 0);
    const total = rebuild ? await complaintCount(records) : 0;
    if (rebuild) {
      // The version is written once the build is done: a build cut short starts again.
      await this.device.indicatorRecords.clear();
      await this.device.settings.bulkDelete([INDICATOR_RECORDS_VERSION_KEY, checkpointKey]);
      // Everything up to here is read in bulk; the changes after it through the feed.
      since = (await records.db.info()).update_seq;
      this.publish({ state: 'building', done: 0, total });
    }
    const followed: Followed = { records, unitCode, checkpointKey, since: since ?? 0 };
    this.followed = followed;
    this.unfollow = followChanges(records.db, (change) => {
      void this.enqueue(() =>
        current() && isAfter(change.seq, followed.since)
          ? this.apply(followed, [change], change.seq)
          : Promise.resolve(0),
      );
    });
    const caughtUp = this.queue.then(async () => {
      if (rebuild) {
        await this.build(followed, current, (done) => {
          this.publish({ state: 'building', done: Math.min(total, done), total });
        });
        if (!current()) return;
        await this.device.settings.bulkPut([
          { key: INDICATOR_RECORDS_VERSION_KEY, value: INDICATOR_RECORD_VERSION },
          { key: checkpointKey, value: followed.since },
        ]);
      }
      await this.catchUp(followed, current);
    });
    this.queue = caughtUp.catch(() => undefined);
    await caughtUp;
    if (current()) this.publish({ state: 'ready' });
  }

  /**
   * Resolves once every change written to the records before the call is in the rows: it reads
   * the changes feed from the last sequence applied (the live feed may not have delivered a write
   * that just completed). Nothing to do while nothing is followed.
   */
  upToDate(): Promise<void> {
    const followed = this.followed;
    if (!followed) return this.queue;
    const generation = this.generation;
    return this.enqueue(() => this.catchUp(followed, () => generation === this.generation));
  }

  /**
   * Writes every complaint's row from the records as they are now, read in bulk as the packet
   * reads them (`allDocs` pages, the winning revisions, `collectUnitRecords`): the events in id
   * order, which groups them by complaint, their complaints fetched by id BUILD_BATCH at a time; then
   * the complaints that have no event yet. `onProgress` hears the complaints done.
   */
  private async build(
    followed: Followed,
    current: () => boolean,
    onProgress: (done: number) => void,
  ): Promise<void> {
    const { db } = followed.records;
    let done = 0;
    let pending: { complaintId: string; events: unknown[] }[] = [];
    const written = async (groups: readonly { complaintId: string; events: unknown[] }[]) => {
      const found = await db.allDocs({ keys: groups.map((group) => group.complaintId), include_docs: true });
      const complaints = new Map<string, unknown>();
      for (const row of found.rows) {
        const doc = 'doc' in row ? (row.doc as unknown) : undefined;
        if (doc) complaints.set(row.key, doc);
      }
      const rows: IndicatorRecord[] = [];
      for (const group of groups) {
        const doc = complaints.get(group.complaintId);
        if (doc === undefined) continue;
        const checked = collectUnitRecords([doc, ...group.events], followed.unitCode);
        const complaint = checked.complaints[0];
        if (complaint) rows.push(indicatorRecord(complaint, checked.events));
      }
      await this.device.indicatorRecords.bulkPut(rows);
      done += groups.length;
      onProgress(done);
    };
    let group: { complaintId: string; events: unknown[] } | undefined;
    for (const page of pagesOf(db, EVENT_ID_PREFIX, `${EVENT_ID_PREFIX}${HIGH_SENTINEL}`, true)) {
      const docs = await page;
      if (!current()) return;
      for (const doc of docs) {
        const complaintId = (doc as ChangedDoc).complaintId;
        if (typeof complaintId !== 'string') continue;
        if (group?.complaintId !== complaintId) {
          if (group) pending.push(group);
          group = { complaintId, events: [] };
        }
        group.events.push(doc);
      }
      if (pending.length >= BUILD_BATCH) {
        await written(pending);
        pending = [];
      }
    }
    if (group) pending.push(group);
    if (pending.length > 0) await written(pending);
    // Complaints with no event yet (their intake's event not synced): rows without events.
    const range = complaintIdRange();
    for (const page of pagesOf(db, range.startkey, range.endkey, false)) {
      const ids = (await page) as string[];
      if (!current()) return;
      const known = await this.device.indicatorRecords.bulkGet(ids);
      const missing = ids.filter((_, index) => known[index] === undefined);
      if (missing.length > 0) await written(missing.map((complaintId) => ({ complaintId, events: [] })));
    }
  }

  /** Applies the changes after `followed.since`, a batch at a time, until there are none. */
  private async catchUp(
    followed: Followed,
    current: () => boolean,
    onBatch?: (indexed: number) => void,
  ): Promise<void> {
    for (;;) {
      if (!current()) return;
      const batch = await followed.records.db.changes({
        since: followed.since,
        limit: BATCH,
        include_docs: true,
      });
      const indexed = await this.apply(followed, batch.results, batch.last_seq);
      onBatch?.(indexed);
      if (batch.results.length < BATCH) return;
    }
  }

  stop(): void {
    this.generation += 1;
    this.unfollow?.();
    this.unfollow = undefined;
    this.followed = undefined;
    this.publish({ state: 'idle' });
  }

  /** Resolves once everything queued so far is written (Beranda reads after it). */
  settled(): Promise<void> {
    return this.queue;
  }

  private publish(status: IndicatorRecordsStatus): void {
    this.status = status;
    for (const listener of [...this.listeners]) listener(status);
  }

  private enqueue(work: () => Promise<unknown>): Promise<void> {
    this.queue = this.queue
      .then(work)
      .then(() => undefined)
      .catch((error: unknown) => console.error('indicator records:', error));
    return this.queue;
  }

  /** Writes the rows of the complaints `changes` touch; returns how many complaints were. */
  private async apply(
    followed: Followed,
    changes: readonly Readonly<{ id: string; doc?: object }>[],
    seq: string | number,
  ): Promise<number> {
    const { records, unitCode, checkpointKey } = followed;
    const touched = new Set<string>();
    for (const change of changes) {
      const doc = change.doc as ChangedDoc | undefined;
      if (change.id.startsWith(COMPLAINT_ID_PREFIX)) touched.add(change.id);
      else if (change.id.startsWith(EVENT_ID_PREFIX) && typeof doc?.complaintId === 'string') {
        touched.add(doc.complaintId);
      }
    }
    const rows: IndicatorRecord[] = [];
    const gone: string[] = [];
    for (const id of touched) {
      const found = await records.complaintWithEvents(id);
      // The packet's check: a complaint or event that fails its schema is left out, as there.
      const checked = found ? collectUnitRecords([found.complaint, ...found.events], unitCode) : undefined;
      const complaint = checked?.complaints[0];
      if (checked && complaint) rows.push(indicatorRecord(complaint, checked.events));
      else gone.push(id);
    }
    await this.device.transaction('rw', this.device.indicatorRecords, this.device.settings, async () => {
      await this.device.indicatorRecords.bulkPut(rows);
      await this.device.indicatorRecords.bulkDelete(gone);
      await this.device.settings.put({ key: checkpointKey, value: seq });
    });
    if (isAfter(seq, followed.since)) followed.since = seq;
    if (touched.size > 0) this.onIndexed();
    return touched.size;
  }

  private async checkpoint(key: string): Promise<string | number | undefined> {
    const row = await this.device.settings.get(key);
    return typeof row?.value === 'string' || typeof row?.value === 'number' ? row.value : undefined;
  }
}

const PAGE = 1000;

/**
 * The documents (or, without `withDocs`, the ids) in [startkey, endkey), a page at a time: each
 * item is the next page's read, started when the one before has been taken.
 */
function* pagesOf(
  db: ComplaintRepository['db'],
  startkey: string,
  endkey: string,
  withDocs: boolean,
): Generator<Promise<unknown[]>> {
  let from = startkey;
  let skip = 0;
  for (;;) {
    let last: string | undefined;
    let count = 0;
    yield db
      .allDocs({ startkey: from, endkey, inclusive_end: false, include_docs: withDocs, limit: PAGE, skip })
      .then((page) => {
        count = page.rows.length;
        last = page.rows[page.rows.length - 1]?.id;
        return page.rows.flatMap((row) => (withDocs ? (row.doc ? [row.doc as unknown] : []) : [row.id]));
      });
    if (count < PAGE || last === undefined) return;
    from = last;
    skip = 1;
  }
}

/** How many complaints the records hold (ids only), or whether any does (`limit` 1). */
async function complaintCount(records: ComplaintRepository, limit?: number): Promise<number> {
  const range = complaintIdRange();
  const result = await records.db.allDocs({
    startkey: range.startkey,
    endkey: range.endkey,
    ...(limit === undefined ? {} : { limit }),
  });
  return result.rows.length;
}
