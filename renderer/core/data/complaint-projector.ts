/**
 * Keeps the complaint index in step with the records: it follows PouchDB's changes feed from its
 * last checkpoint through ./change-follower (so a restart resumes, a first sync of many documents
 * is indexed in batches, and a save's documents are indexed together once the save is done),
 * works out which complaints each batch touches, and re-summarises those.
 * Settings documents (deadlines, holidays) re-summarise every complaint that has a deadline; a
 * new day only those whose row counts with the day (`resummarise`), a slice at a time.
 * A complaint that is anonymous now gets its reporter document deleted again if one came back.
 */
import Dexie from 'dexie';
import type { ComplaintDoc } from '../../../shared/complaint/complaint-schema';
import type { ComplaintStatus } from '../../../shared/complaint/vocabulary';
import { reporterId } from '../../../shared/ids/document-ids';
import type { EventDoc } from '../../../shared/workflow/events';
import { ChangeFollower, type FeedChange, type FeedSeq, type FollowRun } from './change-follower';
import { changedComplaints } from './changed-complaints';
import type { ComplaintIndexRow } from './complaint-index';
import { writeRows } from './complaint-index-counts';
import type { ComplaintRepository } from './complaint-repository';
import type { DeviceDatabase, TamperedRow } from './device-database';

/** Turns a complaint and its events into its index row (deadlines need settings and a clock). */
export type Summarise = (complaint: ComplaintDoc, events: readonly EventDoc[]) => ComplaintIndexRow;

/** Complaints read back and summarised per step of a re-summarise. */
const RESUMMARISE_SLICE = 100;

export class ComplaintProjector {
  private readonly follower: ChangeFollower;
  /** Bumped by every start and stop: a re-summarise of an earlier run stops between slices. */
  private run = 0;

  constructor(
    private readonly records: ComplaintRepository,
    private readonly device: DeviceDatabase,
    private readonly checkpointKey: string,
    private summarise: Summarise,
    private readonly onIndexed: () => void,
  ) {
    this.follower = new ChangeFollower('complaint index', (changes, seq, run) =>
      this.apply(changes, seq, run),
    );
  }

  /** Indexes everything written since the last checkpoint, then follows new changes live. */
  async start(): Promise<void> {
    this.run += 1;
    await this.follower.start(this.records.db, await this.checkpoint());
  }

  stop(): void {
    this.run += 1;
    this.follower.stop();
  }

  /**
   * Re-summarises the complaints whose rows depend on what changed, RESUMMARISE_SLICE at a time:
   * each slice one step of the queue (changes that arrive meanwhile are indexed between slices),
   * the event loop free between them. `what`: 'settings' (deadlines, holidays, rules: every
   * complaint with a running deadline, and the answered ones, whose reply window the settings
   * set), or 'day' (only the date changed: the complaints on hold, whose pause grows each day they
   * are held, and the answered ones, which the reply window closes by rule; every other row's due
   * date and status do not depend on the day). Chosen from the index's keys, no row read.
   * Resolves to false when stopped before the end.
   */
  async resummarise(summarise: Summarise, what: 'settings' | 'day' = 'settings'): Promise<boolean> {
    this.summarise = summarise;
    const run = this.run;
    const ids = await this.dependingOn(what);
    for (let at = 0; at < ids.length; at += RESUMMARISE_SLICE) {
      if (run !== this.run) return false;
      const slice = ids.slice(at, at + RESUMMARISE_SLICE);
      await this.follower.enqueue(() => (run === this.run ? this.reindex(slice) : Promise.resolve()));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return run === this.run;
  }

  /** The complaints whose rows change with the settings, or with the day alone. */
  private async dependingOn(what: 'settings' | 'day'): Promise<string[]> {
    const table = this.device.complaintIndex;
    const withStatus = (status: ComplaintStatus): Promise<string[]> =>
      table.where('[status+id]').between([status, Dexie.minKey], [status, Dexie.maxKey]).primaryKeys();
    const answered = await withStatus('answered');
    if (what === 'day') return [...(await withStatus('on-hold')), ...answered];
    const running = await table
      .where('[open+dueDate]')
      .between([1, Dexie.minKey], [1, Dexie.maxKey])
      .primaryKeys();
    return [...new Set([...running, ...answered])];
  }

  private async apply(changes: readonly FeedChange[], seq: FeedSeq, run: FollowRun): Promise<number> {
    const touched = changedComplaints(changes, { reporters: true });
    await this.reindex([...touched], seq, run.giveWay);
    if (touched.size > 0) this.onIndexed();
    return touched.size;
  }

  /**
   * Re-summarises `complaintIds`; stores `checkpoint` (the feed's sequence) with their rows.
   * `giveWay` runs before each complaint is read.
   */
  private async reindex(
    complaintIds: readonly string[],
    checkpoint?: FeedSeq,
    giveWay: () => Promise<void> = () => Promise.resolve(),
  ): Promise<void> {
    const rows: ComplaintIndexRow[] = [];
    const gone: string[] = [];
    const tampered: TamperedRow[] = [];
    const foundAt = new Date().toISOString();
    for (const id of complaintIds) {
      await giveWay();
      const found = await this.records.complaintWithEvents(id);
      if (found) {
        const row = this.summarise(found.complaint, found.events);
        // Never half a complaint: one that arrived (a sync's batch) before its received event or,
        // when it names someone, its reporter document gets no row until they are here too; their
        // arrival touches it again (./changed-complaints).
        if (!(await this.isWhole(found.events, row))) continue;
        rows.push(row);
        // Anonymous means no identity on the device: a reporter revision that arrived after the
        // privacy change (a correction made offline elsewhere) is deleted again.
        const identified =
          found.complaint.reporterId !== null ||
          found.events.some((event) => event.kind === 'privacy-change');
        if (row.privacyMode === 'anonymous' && identified) {
          await this.records.deleteIdentity(found.complaint.trackingNumber);
        }
        if (found.tampered.length > 0) {
          const { trackingNumber } = found.complaint;
          tampered.push({ complaintId: id, trackingNumber, documentIds: found.tampered, foundAt });
        }
      } else gone.push(id);
    }
    const { complaintIndex, tampered: tamperedTable, settings } = this.device;
    await this.device.transaction('rw', complaintIndex, tamperedTable, settings, async () => {
      if (checkpoint !== undefined) await settings.put({ key: this.checkpointKey, value: checkpoint });
      // The rows, and the counts per status kept with them (./complaint-index-counts).
      await writeRows(this.device, rows, gone);
      // A finding stays with its first date: forged revisions never go away by themselves.
      const known = new Set(
        (await this.device.tampered.bulkGet(tampered.map((row) => row.complaintId))).flatMap((row) =>
          row ? [row.complaintId] : [],
        ),
      );
      await this.device.tampered.bulkPut(tampered.filter((row) => !known.has(row.complaintId)));
    });
  }

  /**
   * Whether the complaint's received event is here and, unless it is anonymous now or its identity
   * was deleted (retention), its reporter document (live or deleted: a deletion is the reporter's
   * last word). Those two are the only ways a reporter document is deleted, and the central may
   * purge a deleted one's tree (`central purge-identities`), so a device that joins later never
   * receives it: waiting for it there would hide the complaint for good.
   */
  private async isWhole(events: readonly EventDoc[], row: ComplaintIndexRow): Promise<boolean> {
    if (!events.some((event) => event.kind === 'received')) return false;
    if (row.privacyMode === 'anonymous') return true;
    if (events.some((event) => event.kind === 'identity-deleted')) return true;
    const { rows } = await this.records.db.allDocs({ keys: [reporterId(row.trackingNumber)] });
    return rows.some((found) => !('error' in found));
  }

  private async checkpoint(): Promise<string | number> {
    const row = await this.device.settings.get(this.checkpointKey);
    return typeof row?.value === 'string' || typeof row?.value === 'number' ? row.value : 0;
  }
}
