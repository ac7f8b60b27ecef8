/**
 * Keeps the search index (./search-index) in step with the unit's records, as the complaint
 * projector keeps the complaint index (../data/complaint-projector), through the same follower of
 * PouchDB's changes feed (../data/change-follower) from its own checkpoint (a restart resumes;
 * what sync brings in arrives the same way): it works out which complaints each batch touches
 * (the complaint, its events, its reporter document) and indexes those again. An index that is
 * missing, emptied, or of another SEARCH_INDEX_VERSION is rebuilt in the background from the
 * start of the feed, with progress.
 */
import type { ComplaintDoc } from '../../../shared/complaint/complaint-schema';
import { DEFAULT_CATEGORIES } from '../../../shared/complaint/vocabulary';
import { complaintIdRange, REPORTER_ID_PREFIX } from '../../../shared/ids/document-ids';
import {
  contentRow,
  identityRow,
  SEARCH_INDEX_VERSION,
  type SearchContentRow,
  type SearchIdentityRow,
} from '../../../shared/search/search-keys';
import { reduceComplaint } from '../../../shared/workflow/complaint-state';
import { ChangeFollower, type FeedChange, type FeedSeq, type FollowRun } from '../data/change-follower';
import { changedComplaints } from '../data/changed-complaints';
import type { ComplaintRepository } from '../data/complaint-repository';
import type { DeviceDatabase } from '../data/device-database';
import type { OpenedReporterDoc } from '../keys/reporter-vault';
import { markStart } from '../start-marks';
import type { SearchIndex } from './search-index';
import type { SearchIndexStatus } from './search-types';

/** The settings keys of the index's state: its version and its checkpoint in the unit's feed. */
export const SEARCH_VERSION_KEY = 'search-index-version';
export const searchCheckpointKey = (unitCode: string): string => `search-checkpoint:${unitCode}`;

/** The category as people name it: its Indonesian label and its code. */
function categoryText(code: string): string {
  const label = DEFAULT_CATEGORIES.find((category) => category.code === code)?.label.id ?? '';
  return `${label} ${code.replace(/-/g, ' ')}`;
}

export class SearchIndexer {
  private readonly follower: ChangeFollower;
  /** The records and checkpoint key of the run being followed. */
  private followed: Readonly<{ records: ComplaintRepository; checkpointKey: string }> | undefined;
  private status: SearchIndexStatus = { state: 'idle' };
  private readonly listeners = new Set<(status: SearchIndexStatus) => void>();
  /** Complaints whose sealed identity could not be opened when indexed (see `reindexIdentities`). */
  private readonly identityPending = new Set<string>();

  constructor(
    private readonly device: DeviceDatabase,
    private readonly index: SearchIndex,
    /** Called after every batch that changed the index (the lists read again). */
    private readonly onIndexed: () => void = () => undefined,
  ) {
    this.follower = new ChangeFollower('search index', (changes, seq, run) => this.apply(changes, seq, run));
  }

  current(): SearchIndexStatus {
    return this.status;
  }

  onStatus(listener: (status: SearchIndexStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts following `records` of `unitCode`: rebuilds first when the index is missing or
   * outdated (resolving once rebuilt and caught up), else catches up from the checkpoint.
   */
  async start(records: ComplaintRepository, unitCode: string): Promise<void> {
    this.follower.stop();
    this.followed = undefined;
    const checkpointKey = searchCheckpointKey(unitCode);
    const since = await this.checkpoint(checkpointKey);
    const version = (await this.device.settings.get(SEARCH_VERSION_KEY))?.value;
    const rebuild =
      since === undefined ||
      version !== SEARCH_INDEX_VERSION ||
      // Whether any row is there: one key read (a `count()` walks every row in Chromium).
      ((await this.device.searchContent.limit(1).primaryKeys()).length === 0 &&
        (await this.complaintCount(records, 1)) > 0);
    const total = rebuild ? await this.complaintCount(records) : 0;
    if (rebuild) {
      await this.index.clear();
      await this.device.settings.bulkPut([
        { key: SEARCH_VERSION_KEY, value: SEARCH_INDEX_VERSION },
        { key: checkpointKey, value: 0 },
      ]);
      this.publish({ state: 'building', done: 0, total });
    }
    this.followed = { records, checkpointKey };
    let done = 0;
    const started = this.follower.start(records.db, rebuild ? 0 : since, {
      // An index that is there is loaded from its rows into memory first (queries wait for it).
      prepare: async (run) => {
        if (rebuild || this.index.isLoaded()) return;
        await this.index.load((loaded, rows) => {
          if (run.current()) this.publish({ state: 'building', done: loaded, total: rows, loading: true });
        });
      },
      onCatchUpBatch: (indexed) => {
        if (!rebuild) return;
        done = Math.min(total, done + indexed);
        this.publish({ state: 'building', done, total });
      },
    });
    if (!(await started)) return;
    this.publish({ state: 'ready', total: await this.index.count() });
    markStart('search-ready');
  }

  stop(): void {
    this.follower.stop();
    this.followed = undefined;
    this.publish({ state: 'idle' });
  }

  /**
   * Indexes again, in the follower's queue, the complaints whose identity this device could not
   * open when they were indexed (sealed, the unit key not unlocked yet: ../keys/reporter-vault):
   * called once a key is unlocked, so that they become searchable.
   */
  reindexIdentities(): Promise<void> {
    return this.follower.enqueue(async () => {
      const followed = this.followed;
      if (!followed || this.identityPending.size === 0) return;
      const ids = [...this.identityPending];
      this.identityPending.clear();
      await this.reindex(followed.records, ids, () => Promise.resolve());
      this.onIndexed();
    });
  }

  /** Resolves once everything queued so far is indexed (tests, and before a rebuild). */
  settled(): Promise<void> {
    return this.follower.settled();
  }

  private publish(status: SearchIndexStatus): void {
    this.status = status;
    for (const listener of [...this.listeners]) listener(status);
  }

  /** Indexes the complaints `changes` touch; returns how many complaints were (re)indexed. */
  private async apply(changes: readonly FeedChange[], seq: FeedSeq, run: FollowRun): Promise<number> {
    const followed = this.followed;
    if (!followed) return 0;
    const { records, checkpointKey } = followed;
    const touched = changedComplaints(changes, { reporters: true });
    for (const change of changes) {
      const doc = change.doc as { complaintId?: unknown } | undefined;
      if (change.id.startsWith(REPORTER_ID_PREFIX) && typeof doc?.complaintId !== 'string') {
        // A deleted reporter document is a bare tombstone: find its complaint by tracking number.
        const complaintId = await records.findByTrackingNumber(change.id.slice(REPORTER_ID_PREFIX.length));
        if (complaintId) touched.add(complaintId);
      }
    }
    await this.reindex(records, [...touched], run.giveWay);
    await this.device.settings.put({ key: checkpointKey, value: seq });
    if (touched.size > 0) this.onIndexed();
    return touched.size;
  }

  /** Indexes `complaintIds` again; `giveWay` runs before each complaint is read. */
  private async reindex(
    records: ComplaintRepository,
    complaintIds: readonly string[],
    giveWay: () => Promise<void>,
  ): Promise<void> {
    const content: SearchContentRow[] = [];
    const identity: SearchIdentityRow[] = [];
    const goneContent: string[] = [];
    const goneIdentity: string[] = [];
    for (const id of complaintIds) {
      await giveWay();
      const found = await records.complaintWithEvents(id);
      if (!found) {
        goneContent.push(id);
        goneIdentity.push(id);
        continue;
      }
      const { complaint } = found;
      const state = reduceComplaint(complaint, found.events);
      const confidential = state.privacyMode === 'confidential';
      content.push(
        contentRow({
          id,
          trackingNumber: complaint.trackingNumber,
          laporId: state.lapor?.laporId ?? '',
          confidential,
          title: state.current.title,
          chronology: state.current.chronology,
          location: state.current.location,
          category: categoryText(state.current.category),
          offices: [state.current.targetOffice, state.currentOffice ?? ''],
        }),
      );
      const reporter = await this.reporterOf(records, complaint, state.privacyMode === 'anonymous');
      // Sealed and not opened here (no unit key yet): its row is left as it is, and made again by
      // `reindexIdentities` once the key is unlocked.
      if (reporter?.sealedIdentity) {
        this.identityPending.add(id);
        continue;
      }
      this.identityPending.delete(id);
      const row = reporter
        ? identityRow({ id, confidential, name: reporter.name, phone: reporter.phone, nik: reporter.nik })
        : undefined;
      if (row) identity.push(row);
      else goneIdentity.push(id);
    }
    await this.index.write(content, identity, goneContent, goneIdentity);
  }

  /** The complaint's reporter document, unless the complaint is (now) anonymous or it was deleted. */
  private async reporterOf(
    records: ComplaintRepository,
    complaint: ComplaintDoc,
    anonymous: boolean,
  ): Promise<OpenedReporterDoc | undefined> {
    if (anonymous) return undefined;
    // By the tracking number, not `complaint.reporterId`: a complaint anonymous at intake has none,
    // yet its identity may be recorded later (named since). Opened with the unit key.
    return records.reporter(complaint.trackingNumber);
  }

  /** How many complaints the records hold (ids only), or whether any does (`limit` 1). */
  private async complaintCount(records: ComplaintRepository, limit?: number): Promise<number> {
    const range = complaintIdRange();
    const result = await records.db.allDocs({
      startkey: range.startkey,
      endkey: range.endkey,
      ...(limit === undefined ? {} : { limit }),
    });
    return result.rows.length;
  }

  private async checkpoint(key: string): Promise<string | number | undefined> {
    const row = await this.device.settings.get(key);
    return typeof row?.value === 'string' || typeof row?.value === 'number' ? row.value : undefined;
  }
}
