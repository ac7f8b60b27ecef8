/**
 * The sync journal: what this device knows about its sync with one remote database, kept in a
 * `_local` document of the unit database (`_local` documents never replicate and never appear in
 * the changes feed). It survives restarts, so that an offline start still shows the last sync
 * time, the number of unsent changes and the refused documents.
 *
 * `pushedSeq` is the local update sequence up to which the push replication has stored its
 * checkpoint: every change at or before it is on the server (or was refused, and is listed in
 * `rejected`). Writes are serialised and coalesced: `update` changes the journal in memory at
 * once, `flush` writes the latest version.
 */
import { z } from 'zod';
import { REJECTION_CODES } from '../../../shared/couch/rejection';
import { isNotFound } from '../../../shared/couch/pouch-toolkit';
import type { RejectedDocument } from '../../../shared/sync/sync-status';
import { downloadCheckpointSchema, type InitialDownloadCheckpoint } from './download-checkpoint';
import type { PouchDatabase } from './pouch-types';

export const SYNC_JOURNAL_ID = '_local/meja-aduan-sync';
/**
 * Refused documents the journal lists (shown, counted as unsent, offered again at each start).
 * Past this many, the oldest entries leave the list; the documents themselves stay on the device.
 */
export const MAX_REJECTED = 1_000;

const journalSchema = z.object({
  remote: z.string(),
  pushedSeq: z.union([z.number(), z.string()]),
  lastSyncedAt: z.number().nullable(),
  firstSyncDone: z.boolean(),
  pulledDocs: z.number().int().min(0),
  // Journals written before the pipelined first download have none of these three.
  // A checkpoint of another shape (an earlier version's) is dropped: that download starts over.
  initialDownload: downloadCheckpointSchema.nullable().default(null).catch(null),
  initialDownloadDone: z.boolean().default(false),
  pullSince: z.union([z.number(), z.string()]).nullable().default(null),
  // Journals written before the device budget have none.
  activeOutsideBudget: z.array(z.string()).default([]),
  pullSeq: z.union([z.number(), z.string()]).nullable().default(null),
  pullFiltered: z.boolean().nullable().default(null),
  rejected: z
    .array(z.object({ id: z.string(), message: z.string(), rejection: z.enum(REJECTION_CODES).nullable() }))
    .max(MAX_REJECTED),
});
export type SyncJournal = Readonly<{
  /** The remote database this journal is about (../../shared/sync/sync-config `remoteKey`). */
  remote: string;
  pushedSeq: number | string;
  lastSyncedAt: number | null;
  /** The first download from this remote has caught up once. */
  firstSyncDone: boolean;
  /** Documents the first download has written so far (its progress across restarts). */
  pulledDocs: number;
  /** Where the pipelined first download (./initial-download) stopped, while it is not done. */
  initialDownload: InitialDownloadCheckpoint | null;
  /** The pipelined first download has fetched everything once (the pull goes on from `pullSince`). */
  initialDownloadDone: boolean;
  /**
   * The sequence the first download noted, until the pull has stored it as its own checkpoint
   * (its first pause): the pull starts there instead of from the beginning.
   */
  pullSince: number | string | null;
  /**
   * Tracking numbers of complaints outside the device budget, not on this device, that had a new
   * event on the central (the pull did not take it: ./budget-pull-filter), until they are fetched
   * whole (./outside-budget-fetches).
   */
  activeOutsideBudget: readonly string[];
  /**
   * The sequence of the central up to which the pull last stored its checkpoint, and whether that
   * pull had the device budget's filter: a pull that gains the filter (the unit set a budget)
   * starts there instead of from the beginning (its checkpoint is another replication's).
   */
  pullSeq: number | string | null;
  pullFiltered: boolean | null;
  rejected: readonly RejectedDocument[];
}>;

export function freshJournal(remote: string): SyncJournal {
  return {
    remote,
    pushedSeq: 0,
    lastSyncedAt: null,
    firstSyncDone: false,
    pulledDocs: 0,
    initialDownload: null,
    initialDownloadDone: false,
    pullSince: null,
    activeOutsideBudget: [],
    pullSeq: null,
    pullFiltered: null,
    rejected: [],
  };
}

export class SyncJournalStore {
  #journal: SyncJournal;
  #rev: string | undefined;
  #writing: Promise<void> = Promise.resolve();
  #dirty = false;

  private constructor(
    private readonly db: PouchDatabase,
    journal: SyncJournal,
    rev: string | undefined,
  ) {
    this.#journal = journal;
    this.#rev = rev;
  }

  /**
   * The journal for `remote`: the stored one if it is about `remote`, else a fresh one (a
   * different server or unit: nothing known about it yet). An unreadable journal counts as absent.
   */
  static async open(db: PouchDatabase, remote: string): Promise<SyncJournalStore> {
    let stored: unknown = null;
    try {
      stored = await db.get(SYNC_JOURNAL_ID);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const rev =
      stored !== null && typeof (stored as { _rev?: unknown })._rev === 'string'
        ? (stored as { _rev: string })._rev
        : undefined;
    const parsed = journalSchema.safeParse(stored);
    const journal = parsed.success && parsed.data.remote === remote ? parsed.data : freshJournal(remote);
    return new SyncJournalStore(db, journal, rev);
  }

  get journal(): SyncJournal {
    return this.#journal;
  }

  update(change: Partial<Omit<SyncJournal, 'remote'>>): SyncJournal {
    this.#journal = { ...this.#journal, ...change };
    this.#dirty = true;
    return this.#journal;
  }

  /** Writes the latest journal (after any write in progress); resolves when it is stored. */
  flush(): Promise<void> {
    this.#writing = this.#writing.then(async () => {
      if (!this.#dirty) return;
      this.#dirty = false;
      const doc = { _id: SYNC_JOURNAL_ID, ...this.#journal };
      try {
        try {
          this.#rev = (await this.db.put({ ...doc, ...(this.#rev ? { _rev: this.#rev } : {}) })).rev;
        } catch (error) {
          // Written meanwhile by another window on the same database: ours is newer, overwrite it.
          if ((error as { status?: unknown } | null)?.status !== 409) throw error;
          const current = (await this.db.get(SYNC_JOURNAL_ID)) as { _rev?: string };
          this.#rev = (await this.db.put({ ...doc, ...(current._rev ? { _rev: current._rev } : {}) })).rev;
        }
      } catch (error) {
        // Keep it dirty for the next flush; a lost journal write only delays a count.
        this.#dirty = true;
        console.error('Meja Aduan: the sync journal could not be written', error);
      }
    });
    return this.#writing;
  }
}
