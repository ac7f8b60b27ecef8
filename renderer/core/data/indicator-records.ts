/**
 * Beranda's device-local indicator records (shared/indicators/indicator-record): one small row per
 * complaint — its document and events without free text — kept in step with the unit's records
 * as the complaint index and the search index are (./complaint-projector,
 * ../search/search-indexer), through the same follower of PouchDB's changes feed
 * (./change-follower), from a checkpoint of its own, so a restart resumes and what sync brings in
 * arrives the same way. Rows that are missing, emptied or
 * of another INDICATOR_RECORD_VERSION are rebuilt in the background from the start of the feed,
 * with progress. The documents go through the packet's own schema check (collectUnitRecords), so
 * a document the packet leaves out is left out here too.
 *
 * Rows hold facts, never derived values: due dates and "met" depend on the calendar and the
 * deadlines at the time of computing (docs/decisions/013-dashboard-charts.md, 'Figures at 100,000 complaints').
 */
import { complaintIdRange, EVENT_ID_PREFIX, HIGH_SENTINEL } from '../../../shared/ids/document-ids';
import {
  indicatorRecord,
  INDICATOR_RECORD_VERSION,
  type IndicatorRecord,
} from '../../../shared/indicators/indicator-record';
import { collectUnitRecords } from '../../../shared/packet/unit-records';
import { ChangeFollower, type FeedChange, type FeedSeq, type FollowRun } from './change-follower';
import { changedComplaints } from './changed-complaints';
import type { ComplaintRepository } from './complaint-repository';
import type { DeviceDatabase } from './device-database';
import { markStart } from '../start-marks';

/** The settings keys of the rows' state: their version and their checkpoint in the unit's feed. */
export const INDICATOR_RECORDS_VERSION_KEY = 'indicator-records-version';
export const indicatorCheckpointKey = (unitCode: string): string => `indicator-checkpoint:${unitCode}`;

/** Where the rows are: not followed, being built (complaints done of total), or in step. */
export type IndicatorRecordsStatus =
  | Readonly<{ state: 'idle' }>
  | Readonly<{ state: 'building'; done: number; total: number }>
  | Readonly<{ state: 'ready' }>;

/** Complaints checked and written per step of a rebuild (the event loop runs between steps). */
const BUILD_BATCH = 100;

type ChangedDoc = { _id: string; complaintId?: unknown };

/** The records and unit of the run being followed, and its checkpoint key. */
type Followed = Readonly<{ records: ComplaintRepository; unitCode: string; checkpointKey: string }>;

export class IndicatorRecords {
  private readonly follower: ChangeFollower;
  private status: IndicatorRecordsStatus = { state: 'idle' };
  private readonly listeners = new Set<(status: IndicatorRecordsStatus) => void>();
  private followed: Followed | undefined;

  constructor(
    private readonly device: DeviceDatabase,
    /** Called after every batch that changed the rows (Beranda computes again). */
    private readonly onIndexed: () => void = () => undefined,
  ) {
    this.follower = new ChangeFollower('indicator records', (changes, seq, run) =>
      this.apply(changes, seq, run),
    );
  }

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
    this.follower.stop();
    this.followed = undefined;
    const checkpointKey = indicatorCheckpointKey(unitCode);
    let since = await this.checkpoint(checkpointKey);
    const version = (await this.device.settings.get(INDICATOR_RECORDS_VERSION_KEY))?.value;
    const rebuild =
      since === undefined ||
      version !== INDICATOR_RECORD_VERSION ||
      // Whether any row is there: one key read (a `count()` walks every row in Chromium).
      ((await this.device.indicatorRecords.limit(1).primaryKeys()).length === 0 &&
        (await complaintCount(records, 1)) > 0);
    const total = rebuild ? await complaintCount(records) : 0;
    if (rebuild) {
      // The version is written once the build is done: a build cut short starts again.
      await this.device.indicatorRecords.clear();
      await this.device.settings.bulkDelete([INDICATOR_RECORDS_VERSION_KEY, checkpointKey]);
      // Everything up to here is read in bulk; the changes after it through the feed.
      since = (await records.db.info()).update_seq;
      this.publish({ state: 'building', done: 0, total });
    }
    const followed: Followed = { records, unitCode, checkpointKey };
    this.followed = followed;
    const built = since ?? 0;
    const caughtUp = await this.follower.start(records.db, built, {
      prepare: async (run) => {
        if (!rebuild) return;
        await this.build(followed, run, (done) => {
          this.publish({ state: 'building', done: Math.min(total, done), total });
        });
        if (!run.current()) return;
        await this.device.settings.bulkPut([
          { key: INDICATOR_RECORDS_VERSION_KEY, value: INDICATOR_RECORD_VERSION },
          { key: checkpointKey, value: built },
        ]);
      },
    });
    if (!caughtUp) return;
    this.publish({ state: 'ready' });
    markStart('indicator-records-ready');
  }

  /**
   * Resolves once every change written to the records before the call is in the rows: it reads
   * the changes feed from the last sequence applied (the live feed may not have delivered a write
   * that just completed). Nothing to do while nothing is followed.
   */
  upToDate(): Promise<void> {
    return this.follower.upToDate();
  }

  /**
   * Writes every complaint's row from the records as they are now, read in bulk as the packet
   * reads them (`allDocs` pages, the winning revisions, `collectUnitRecords`): the events in id
   * order, which groups them by complaint, their complaints fetched by id BUILD_BATCH at a time; then
   * the complaints that have no event yet. `onProgress` hears the complaints done.
   */
  private async build(followed: Followed, run: FollowRun, onProgress: (done: number) => void): Promise<void> {
    const { db } = followed.records;
    const { current } = run;
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
      await this.putRows(rows);
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

  stop(): void {
    this.follower.stop();
    this.followed = undefined;
    this.publish({ state: 'idle' });
  }

  /** Resolves once everything queued so far is written (Beranda reads after it). */
  settled(): Promise<void> {
    return this.follower.settled();
  }

  private publish(status: IndicatorRecordsStatus): void {
    this.status = status;
    for (const listener of [...this.listeners]) listener(status);
  }

  /** Writes the rows of the complaints `changes` touch and the checkpoint `seq`; returns how many complaints. */
  private async apply(changes: readonly FeedChange[], seq: FeedSeq, run: FollowRun): Promise<number> {
    const followed = this.followed;
    if (!followed) return 0;
    const { records, unitCode, checkpointKey } = followed;
    const touched = changedComplaints(changes, { reporters: false });
    const rows: IndicatorRecord[] = [];
    const gone: string[] = [];
    for (const id of touched) {
      await run.giveWay();
      const found = await records.complaintWithEvents(id);
      // The packet's check: a complaint or event that fails its schema is left out, as there.
      const checked = found ? collectUnitRecords([found.complaint, ...found.events], unitCode) : undefined;
      const complaint = checked?.complaints[0];
      if (checked && complaint) rows.push(indicatorRecord(complaint, checked.events));
      else gone.push(id);
    }
    await this.device.transaction(
      'rw',
      [this.device.indicatorRecords, this.device.centralIndicatorRecords, this.device.settings],
      async () => {
        await this.putRows(rows);
        await this.device.indicatorRecords.bulkDelete(gone);
        await this.device.settings.put({ key: checkpointKey, value: seq });
      },
    );
    if (touched.size > 0) this.onIndexed();
    return touched.size;
  }

  /**
   * Writes the device's own rows of these complaints; a row of one read from the central before it
   * came to the device (./central-indicator-records, on a budget device) goes, so those rows name
   * exactly the complaints only on the central.
   */
  private async putRows(rows: readonly IndicatorRecord[]): Promise<void> {
    await this.device.transaction(
      'rw',
      this.device.indicatorRecords,
      this.device.centralIndicatorRecords,
      async () => {
        await this.device.indicatorRecords.bulkPut(rows);
        await this.device.centralIndicatorRecords.bulkDelete(rows.map((row) => row.id));
      },
    );
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
