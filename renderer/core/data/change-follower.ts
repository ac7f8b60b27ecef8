/**
 * The skeleton every device-local projection of the unit's records shares (the complaint index:
 * ./complaint-projector; the search index: ../search/search-indexer; Beranda's indicator records:
 * ./indicator-records): it follows the unit database's changes feed from the projection's own
 * checkpoint, so a restart resumes and what sync brings in arrives the same way, and hands the
 * projection the changes a batch at a time. The projection applies a batch (and stores its
 * checkpoint with it); this module decides when:
 *   - at a start: an optional `prepare` step first (a rebuild, loading an index into memory), then
 *     every change after the checkpoint, BATCH at a time;
 *   - live: a write only wakes the follower. However many documents arrive meanwhile (an intake
 *     writes three, a sync hundreds), the next batch reads them together from the feed, so each
 *     complaint is read back and written once per burst, not once per document;
 *   - never during a foreground save to the database (./foreground-saves): each batch waits
 *     until none runs.
 * All work runs one step after another in a queue; a stop or a new start drops what an earlier
 * run queued (`FollowRun.current`).
 */
import { followChanges } from '../sync/shared-changes';
import type { UnitDatabase } from './database';
import { foregroundSaves } from './foreground-saves';

export type FeedSeq = number | string;

/** A change as a batch hands it over: the document id, its sequence, and the document itself. */
export type FeedChange = Readonly<{ id: string; seq?: FeedSeq; doc?: object; deleted?: boolean }>;

/** Changes per batch read from the feed. */
export const FOLLOW_BATCH = 250;

/** Whether sequence `seq` comes after `since` (IndexedDB's sequences are numbers; others: always). */
export function isAfter(seq: FeedSeq, since: FeedSeq): boolean {
  return typeof seq === 'number' && typeof since === 'number' ? seq > since : true;
}

/** One run of a follower (from a start to the next start or stop). */
export type FollowRun = Readonly<{
  db: UnitDatabase;
  /** False once the follower was stopped or started again: long work stops early. */
  current: () => boolean;
  /**
   * Resolves once no foreground save runs (at once when none does): called between the complaints
   * of a batch, so that a save started meanwhile waits for one complaint's reads, not a batch's.
   */
  giveWay: () => Promise<void>;
}>;

/**
 * Applies `changes` (the feed up to `seq`) to the projection and stores `seq` as its checkpoint;
 * resolves with how many complaints it (re)wrote.
 */
export type ApplyBatch = (changes: readonly FeedChange[], seq: FeedSeq, run: FollowRun) => Promise<number>;

export type StartOptions = Readonly<{
  /** Runs first, in the queue (a rebuild, loading an index into memory). */
  prepare?: (run: FollowRun) => Promise<void>;
  /** Hears each batch of the start's catch-up (how many complaints it wrote). */
  onCatchUpBatch?: (written: number) => void;
}>;

export class ChangeFollower {
  private queue: Promise<void> = Promise.resolve();
  /** Bumped by every start and stop: work queued by an earlier run is dropped. */
  private generation = 0;
  private unfollow: (() => void) | undefined;
  private followed: { run: FollowRun; since: FeedSeq } | undefined;
  /** A live wake-up is queued and has not read the feed yet (later writes ride along). */
  private wakeQueued = false;

  constructor(
    /** For errors in the console and the timeline's measures (`follow:<name>`). */
    private readonly name: string,
    private readonly apply: ApplyBatch,
  ) {}

  /**
   * Follows `db` from `since` (after `options.prepare`); resolves once every change written
   * before the call is applied (true), or when this run was stopped or replaced meanwhile (false).
   * Live writes are followed from the call on, so none between the catch-up and the live part is
   * missed.
   */
  async start(db: UnitDatabase, since: FeedSeq, options: StartOptions = {}): Promise<boolean> {
    this.stopFollowing();
    const generation = this.generation;
    const saves = foregroundSaves(db);
    const run: FollowRun = {
      db,
      current: () => generation === this.generation,
      giveWay: () => (saves.busy() ? saves.idle() : Promise.resolve()),
    };
    const followed = { run, since };
    this.followed = followed;
    this.wakeQueued = false;
    this.unfollow = followChanges(db, () => this.wake(followed));
    const caughtUp = this.queue.then(async () => {
      if (!run.current()) return;
      await options.prepare?.(run);
      await this.catchUp(followed, options.onCatchUpBatch);
    });
    this.queue = caughtUp.catch(() => undefined);
    await caughtUp;
    return run.current();
  }

  /** Stops following; queued work of this run is dropped. */
  stop(): void {
    this.stopFollowing();
    this.followed = undefined;
  }

  /**
   * Resolves once every change written before the call is applied: reads the feed from the last
   * sequence applied (the live feed may not have delivered a write that just completed). Only
   * waits for the queue while nothing is followed.
   */
  upToDate(): Promise<void> {
    const followed = this.followed;
    if (!followed) return this.queue;
    return this.enqueue(() => this.catchUp(followed));
  }

  /** Resolves once everything queued so far is done. */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Runs `work` in the queue, after what is queued (errors are logged, never thrown). */
  enqueue(work: () => Promise<unknown>): Promise<void> {
    this.queue = this.queue
      .then(work)
      .then(() => undefined)
      .catch((error: unknown) => console.error(`${this.name}:`, error));
    return this.queue;
  }

  private stopFollowing(): void {
    this.generation += 1;
    this.unfollow?.();
    this.unfollow = undefined;
  }

  private wake(followed: { run: FollowRun; since: FeedSeq }): void {
    if (!followed.run.current() || this.wakeQueued) return;
    this.wakeQueued = true;
    void this.enqueue(async () => {
      await foregroundSaves(followed.run.db).idle();
      // From here on a new write queues the next wake-up: this one may read the feed before it.
      this.wakeQueued = false;
      await this.catchUp(followed);
    });
  }

  /** Applies the changes after `followed.since`, a batch at a time, until there are none. */
  private async catchUp(
    followed: { run: FollowRun; since: FeedSeq },
    onBatch?: (written: number) => void,
  ): Promise<void> {
    const { run } = followed;
    const saves = foregroundSaves(run.db);
    for (;;) {
      if (!run.current()) return;
      if (saves.busy()) await saves.idle();
      if (!run.current()) return;
      const started = performance.now();
      const batch = await run.db.changes({ since: followed.since, limit: FOLLOW_BATCH, include_docs: true });
      // A save begun while the feed was read goes first.
      if (saves.busy()) await saves.idle();
      if (!run.current()) return;
      const written = batch.results.length > 0 ? await this.apply(batch.results, batch.last_seq, run) : 0;
      if (isAfter(batch.last_seq, followed.since)) followed.since = batch.last_seq;
      measure(`follow:${this.name}`, started);
      onBatch?.(written);
      if (batch.results.length < FOLLOW_BATCH) return;
    }
  }
}

function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // A host without User Timing.
  }
}
