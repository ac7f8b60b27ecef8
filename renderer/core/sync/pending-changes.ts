/**
 * "Local changes not yet on the server" (the sync status): the documents whose latest local
 * change comes after the push replication's last checkpoint (the journal's `pushedSeq`), plus the
 * documents the server refused (their changes are behind the checkpoint, but they are not on the
 * server). Left out: design documents (the app never writes them, they come from the server),
 * and documents whose current revision is the one the pull just brought from the server (they
 * stay after the checkpoint until the push has checked them against the server; `PulledRevisions`
 * remembers them in memory, so only right after a restart can such a document count for a moment).
 * Offline, only this device writes, so the count is exact.
 *
 * Counting reads the changes feed after the checkpoint, so it is throttled: at most once per
 * `minIntervalMs`, and while documents are moving never more than a fifth of the time (a slow
 * count waits four times its duration before the next), so that a first download of 100,000
 * documents is not slowed down by counting them over and over. Once the sync has caught up, the
 * count that makes the status right is asked for `urgent`ly: only the minimum interval applies.
 */
import type { SyncTimers } from './sync-dependencies';
import type { PouchDatabase } from './pouch-types';

/** The revisions the pull wrote, per document, until the push checkpoint has passed them. */
export class PulledRevisions {
  readonly #revs = new Map<string, string>();
  /** Documents of writes announced by `expect` and not done yet (how many such writes each). */
  readonly #unwritten = new Map<string, number>();

  add(id: string, rev: string): void {
    this.#revs.set(id, rev);
  }

  /**
   * Revisions from the server about to be written: known as the server's at once (a count made
   * right after the write must not take them for this device's), and never pruned before the
   * write is done (a count that read the changes feed before it landed would not find them after
   * the checkpoint, and drop them). Call what it returns once the write is done or failed.
   */
  expect(revisions: readonly Readonly<{ id: string; rev: string }>[]): () => void {
    for (const { id, rev } of revisions) {
      this.#revs.set(id, rev);
      this.#unwritten.set(id, (this.#unwritten.get(id) ?? 0) + 1);
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      for (const { id } of revisions) {
        const left = (this.#unwritten.get(id) ?? 1) - 1;
        if (left > 0) this.#unwritten.set(id, left);
        else this.#unwritten.delete(id);
      }
    };
  }

  /** Whether `rev` of `id` came from the server. */
  has(id: string, rev: string | undefined): boolean {
    return rev !== undefined && this.#revs.get(id) === rev;
  }

  /** The documents known now and written (to prune only those after a count that started now). */
  ids(): ReadonlySet<string> {
    return new Set([...this.#revs.keys()].filter((id) => !this.#unwritten.has(id)));
  }

  /** Forgets the documents of `known` that are no longer after the checkpoint (not in `current`). */
  prune(known: ReadonlySet<string>, current: ReadonlySet<string>): void {
    for (const id of known) if (!current.has(id)) this.#revs.delete(id);
  }

  get size(): number {
    return this.#revs.size;
  }
}

export async function countPendingChanges(
  db: PouchDatabase,
  since: number | string,
  rejectedIds: readonly string[] = [],
  pulled: PulledRevisions = new PulledRevisions(),
): Promise<number> {
  const known = pulled.ids();
  const { results } = await db.changes({ since, return_docs: true });
  const ids = new Set(rejectedIds);
  const afterCheckpoint = new Set<string>();
  for (const change of results) {
    afterCheckpoint.add(change.id);
    if (change.id.startsWith('_design/') || pulled.has(change.id, change.changes[0]?.rev)) continue;
    ids.add(change.id);
  }
  pulled.prune(known, afterCheckpoint);
  return ids.size;
}

export class PendingCounter {
  #timer: unknown = null;
  #running = false;
  #again = false;
  #urgent = false;
  /** When the timer fires (ms, the clock's): an urgent request may bring it forward. */
  #timerDue = 0;
  #lastEnd = Number.NEGATIVE_INFINITY;
  #lastDuration = 0;
  #disposed = false;

  constructor(
    private readonly count: () => Promise<number>,
    private readonly onCount: (count: number) => void,
    private readonly timers: SyncTimers,
    private readonly now: () => number,
    private readonly minIntervalMs = 500,
  ) {}

  /** Asks for a fresh count: now, or as soon as the throttle allows (`urgent`: the minimum interval). */
  request(urgent = false): void {
    if (this.#disposed) return;
    if (this.#running) {
      this.#again = true;
      this.#urgent ||= urgent;
      return;
    }
    const interval = urgent ? this.minIntervalMs : Math.max(this.minIntervalMs, 4 * this.#lastDuration);
    const due = this.#lastEnd + interval;
    if (this.#timer !== null) {
      if (due >= this.#timerDue) return;
      this.timers.clearTimeout(this.#timer);
      this.#timer = null;
    }
    const wait = due - this.now();
    if (wait <= 0) {
      void this.#run();
      return;
    }
    this.#timerDue = due;
    this.#timer = this.timers.setTimeout(() => {
      this.#timer = null;
      void this.#run();
    }, wait);
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== null) this.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #run(): Promise<void> {
    if (this.#disposed) return;
    this.#running = true;
    const started = this.now();
    try {
      const count = await this.count();
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- dispose() may run during the await; TypeScript keeps the check above's narrowing across it
      if (!this.#disposed) this.onCount(count);
    } catch (error) {
      console.error('Meja Aduan: unsent changes could not be counted', error);
    } finally {
      this.#running = false;
      this.#lastEnd = this.now();
      this.#lastDuration = this.#lastEnd - started;
      if (this.#again) {
        const urgent = this.#urgent;
        this.#again = false;
        this.#urgent = false;
        this.request(urgent);
      }
    }
  }
}
