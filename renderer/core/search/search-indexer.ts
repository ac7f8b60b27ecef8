/**
 * Keeps the search index (./search-index) in step with the unit's records, as the complaint
 * projector keeps the complaint index (../data/complaint-projector), through the same follower of
 * PouchDB's changes feed (../data/change-follower) from its own checkpoint (a restart resumes;
 * what sync brings in arrives the same way): it works out which complaints each batch touches
 * (the complaint, its events, its reporter document) and indexes those again. An index that is
 * missing, emptied, or of another SEARCH_INDEX_VERSION is rebuilt in the background from the
 * start of the feed, with progress.
 *
 * Identity is indexed only as keyed hashes under the current unit key's `search-index` key
 * (../keys/reporter-vault `identityHasher`)
 * (docs/decisions/023-identity-search-at-rest.md), so only while a unit key is unlocked: the
 * identity of a complaint indexed before (or that this device cannot open) waits in `pending`,
 * stored with the checkpoint, and is indexed once a key is unlocked. The unit key version the
 * identity part was built with is stored too: when the current version differs (a new version
 * of the unit key), the identity part is rebuilt in the background from the records.
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
import { foregroundSaves } from '../data/foreground-saves';
import type { ComplaintRepository } from '../data/complaint-repository';
import type { DeviceDatabase } from '../data/device-database';
import type { OpenedReporterDoc } from '../keys/reporter-vault';
import { markStart } from '../start-marks';
import type { SearchIndex } from './search-index';
import type { SearchIndexStatus } from './search-types';

/** The settings keys of the index's state: its version and its checkpoint in the unit's feed. */
export const SEARCH_VERSION_KEY = 'search-index-version';
export const searchCheckpointKey = (unitCode: string): string => `search-checkpoint:${unitCode}`;
/** The settings key of the identity part's state (`IdentityState`). */
export const searchIdentityKey = (unitCode: string): string => `search-identity:${unitCode}`;
/** Complaints remembered as waiting for a key; beyond, the next unlock indexes every identity again. */
export const IDENTITY_PENDING_MAX = 2000;

/**
 * The identity part's state, stored with the checkpoint: the unit key version its hashes were made
 * with (0: none written yet), and the complaints whose identity waits for a key (`all`: every one,
 * when too many waited or a rebuild under a new key version did not finish).
 */
export type IdentityState = Readonly<{ keyVersion: number; pending: readonly string[]; all: boolean }>;

function identityState(value: unknown): IdentityState {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  return {
    keyVersion: typeof raw.keyVersion === 'number' ? raw.keyVersion : 0,
    pending: Array.isArray(raw.pending)
      ? raw.pending.filter((id): id is string => typeof id === 'string')
      : [],
    all: raw.all === true,
  };
}

/** Complaints read per step of a rebuild of the identity part. */
const IDENTITY_REBUILD_BATCH = 250;

/** The category as people name it: its Indonesian label and its code. */
function categoryText(code: string): string {
  const label = DEFAULT_CATEGORIES.find((category) => category.code === code)?.label.id ?? '';
  return `${label} ${code.replace(/-/g, ' ')}`;
}

export class SearchIndexer {
  private readonly follower: ChangeFollower;
  /** The records and checkpoint key of the run being followed. */
  private followed:
    Readonly<{ records: ComplaintRepository; checkpointKey: string; identityKey: string }> | undefined;
  private status: SearchIndexStatus = { state: 'idle' };
  private readonly listeners = new Set<(status: SearchIndexStatus) => void>();
  /** The identity part's state (IdentityState), as stored once `identityChanged` is written. */
  private keyVersion = 0;
  /** Complaints whose identity is not indexed: no key was unlocked, or it could not be opened. */
  private readonly identityPending = new Set<string>();
  private identityAll = false;
  private identityChanged = false;

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
    const identityKey = searchIdentityKey(unitCode);
    const state = identityState(rebuild ? undefined : (await this.device.settings.get(identityKey))?.value);
    this.keyVersion = state.keyVersion;
    this.identityPending.clear();
    for (const id of state.pending) this.identityPending.add(id);
    this.identityAll = state.all;
    this.identityChanged = false;
    if (rebuild) {
      await this.index.clear();
      await this.device.settings.bulkPut([
        { key: SEARCH_VERSION_KEY, value: SEARCH_INDEX_VERSION },
        { key: checkpointKey, value: 0 },
        { key: identityKey, value: this.identityState() },
      ]);
      this.publish({ state: 'building', done: 0, total });
    }
    this.followed = { records, checkpointKey, identityKey };
    // Queries look identity up with the hasher the rows are made with: the records' vault's.
    this.index.useIdentityHasher(() => records.vault.identityHasher());
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
    // Identities that waited for a key, or hashed under another key version (in the background).
    void this.reindexIdentities();
    this.publish({ state: 'ready', total: await this.index.count() });
    markStart('search-ready');
  }

  stop(): void {
    this.follower.stop();
    this.followed = undefined;
    this.publish({ state: 'idle' });
  }

  /**
   * In the follower's queue, once a unit key is unlocked (and after a start): indexes the identity of
   * the complaints that waited for a key (none was unlocked, or their reporter was sealed under a
   * version not held then: ../keys/reporter-vault), so that they become searchable; and when the
   * identity part was built with another unit key version than the current one (or a rebuild of it
   * did not finish), deletes it and builds it again from the records under the current key.
   */
  reindexIdentities(): Promise<void> {
    return this.follower.enqueue(async () => {
      const followed = this.followed;
      if (!followed) return;
      const hasher = await followed.records.vault.identityHasher();
      if (!hasher) return;
      const rebuild = this.identityAll || (this.keyVersion !== 0 && this.keyVersion !== hasher.version);
      if (!rebuild && this.identityPending.size === 0) return;
      let ids: string[];
      if (rebuild) {
        // Stored first: a rebuild cut short (the app closed) starts again at the next unlock.
        await this.device.settings.put({
          key: followed.identityKey,
          value: { ...this.identityState(), all: true } satisfies IdentityState,
        });
        await this.index.clearIdentity();
        this.keyVersion = 0;
        this.identityPending.clear();
        this.identityAll = false;
        ids = await this.complaintIds(followed.records);
      } else {
        ids = [...this.identityPending];
        this.identityPending.clear();
      }
      // Each complaint waits for an intake save under way, as the follower's batches do.
      const giveWay = (): Promise<void> => foregroundSaves(followed.records.db).idle();
      for (let at = 0; at < ids.length; at += IDENTITY_REBUILD_BATCH) {
        if (this.followed !== followed) return;
        await this.reindex(followed.records, ids.slice(at, at + IDENTITY_REBUILD_BATCH), giveWay, {
          identityOnly: true,
        });
      }
      this.identityChanged = true;
      await this.saveIdentityState(followed.identityKey);
      this.onIndexed();
    });
  }

  /** The unit key version the identity part is built with (0: none yet; tests and the bench). */
  identityKeyVersion(): number {
    return this.keyVersion;
  }

  private identityState(): IdentityState {
    return { keyVersion: this.keyVersion, pending: [...this.identityPending], all: this.identityAll };
  }

  private async saveIdentityState(key: string): Promise<void> {
    await this.device.settings.put({ key, value: this.identityState() });
    this.identityChanged = false;
  }

  /** A complaint's identity waits for a key (every one's, once too many wait). */
  private deferIdentity(id: string): void {
    this.identityChanged = true;
    if (this.identityAll) return;
    this.identityPending.add(id);
    if (this.identityPending.size > IDENTITY_PENDING_MAX) {
      this.identityPending.clear();
      this.identityAll = true;
    }
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
    // The identities left waiting are stored with the checkpoint that passes them.
    await this.device.settings.bulkPut([
      { key: checkpointKey, value: seq },
      ...(this.identityChanged ? [{ key: followed.identityKey, value: this.identityState() }] : []),
    ]);
    this.identityChanged = false;
    if (touched.size > 0) this.onIndexed();
    return touched.size;
  }

  /**
   * Indexes `complaintIds` again (`identityOnly`: their identity rows only); `giveWay` runs before
   * each complaint is read.
   */
  private async reindex(
    records: ComplaintRepository,
    complaintIds: readonly string[],
    giveWay: () => Promise<void>,
    options: Readonly<{ identityOnly?: boolean }> = {},
  ): Promise<void> {
    const content: SearchContentRow[] = [];
    const identity: SearchIdentityRow[] = [];
    const goneContent: string[] = [];
    const goneIdentity: string[] = [];
    const hasher = await records.vault.identityHasher();
    for (const id of complaintIds) {
      await giveWay();
      const found = await records.complaintWithEvents(id);
      if (!found) {
        if (!options.identityOnly) goneContent.push(id);
        goneIdentity.push(id);
        continue;
      }
      const { complaint } = found;
      const state = reduceComplaint(complaint, found.events);
      const confidential = state.privacyMode === 'confidential';
      if (!options.identityOnly) {
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
      }
      const reporter = await this.reporterOf(records, complaint, state.privacyMode === 'anonymous');
      if (!reporter) {
        // Anonymous, or its reporter document deleted: no identity row, none of its hashes.
        if (this.identityPending.delete(id)) this.identityChanged = true;
        goneIdentity.push(id);
        continue;
      }
      // Sealed and not opened here, or no key to hash it with (none unlocked yet): its row is left
      // as it is, and made again by `reindexIdentities` once a key is unlocked.
      if (reporter.sealedIdentity || !hasher) {
        this.deferIdentity(id);
        continue;
      }
      if (this.identityPending.delete(id)) this.identityChanged = true;
      const row = await identityRow(
        { id, confidential, name: reporter.name, phone: reporter.phone, nik: reporter.nik },
        hasher,
      );
      if (row) identity.push(row);
      else goneIdentity.push(id);
    }
    if (identity.length > 0 && this.keyVersion === 0 && hasher) {
      this.keyVersion = hasher.version;
      this.identityChanged = true;
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

  /** Every complaint's id (for a rebuild of the identity part). */
  private async complaintIds(records: ComplaintRepository): Promise<string[]> {
    const range = complaintIdRange();
    const result = await records.db.allDocs({ startkey: range.startkey, endkey: range.endkey });
    return result.rows.map((row) => row.id);
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
