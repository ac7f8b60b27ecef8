/**
 * Keeps the complaint index in step with the records: it reads PouchDB's changes feed from its
 * last checkpoint (so a restart resumes, and a first sync of many documents is indexed in
 * batches), works out which complaints each change touches, and re-summarises those.
 * Settings documents (deadlines, holidays) re-summarise every complaint that has a deadline.
 * A complaint that is anonymous now gets its reporter document deleted again if one came back.
 */
import type { ComplaintDoc } from '../../../shared/complaint/complaint-schema';
import { COMPLAINT_ID_PREFIX, EVENT_ID_PREFIX, REPORTER_ID_PREFIX } from '../../../shared/ids/document-ids';
import type { EventDoc } from '../../../shared/workflow/events';
import type { ComplaintIndexRow } from './complaint-index';
import { followChanges } from '../sync/shared-changes';
import type { ComplaintRepository } from './complaint-repository';
import type { DeviceDatabase, TamperedRow } from './device-database';

/** Turns a complaint and its events into its index row (deadlines need settings and a clock). */
export type Summarise = (complaint: ComplaintDoc, events: readonly EventDoc[]) => ComplaintIndexRow;

const BATCH = 250;

/** Whether sequence `seq` comes after `since` (IndexedDB's sequences are numbers; others: always). */
function isAfter(seq: number | string, since: number | string): boolean {
  return typeof seq === 'number' && typeof since === 'number' ? seq > since : true;
}

type ChangedDoc = { _id: string; complaintId?: unknown; type?: unknown };

export class ComplaintProjector {
  private unfollow: (() => void) | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly records: ComplaintRepository,
    private readonly device: DeviceDatabase,
    private readonly checkpointKey: string,
    private summarise: Summarise,
    private readonly onIndexed: () => void,
  ) {}

  /**
   * Indexes everything written since the last checkpoint, then follows new changes live through
   * the database's shared feed (../sync/shared-changes), followed first so that no write between
   * the catch-up and the live part is missed; a change the catch-up already indexed is skipped.
   */
  async start(): Promise<void> {
    let since = await this.checkpoint();
    this.unfollow = followChanges(this.records.db, (change) => {
      void this.enqueue(() =>
        isAfter(change.seq, since) ? this.apply([change], change.seq) : Promise.resolve(),
      );
    });
    const caughtUp = this.queue.then(async () => {
      for (;;) {
        const batch = await this.records.db.changes({ since, limit: BATCH, include_docs: true });
        await this.apply(batch.results, batch.last_seq);
        since = batch.last_seq;
        if (batch.results.length < BATCH) break;
      }
    });
    this.queue = caughtUp.catch(() => undefined);
    await caughtUp;
  }

  stop(): void {
    this.unfollow?.();
    this.unfollow = undefined;
  }

  /** Settings or the day changed: re-summarise every complaint whose row depends on them. */
  resummarise(summarise: Summarise): Promise<void> {
    this.summarise = summarise;
    return this.enqueue(async () => {
      const rows = await this.device.complaintIndex
        .filter((row) => row.open === 1 || row.status === 'answered')
        .toArray();
      await this.reindex(rows.map((row) => row.id));
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((error: unknown) => console.error('complaint index:', error));
    return this.queue;
  }

  private async apply(
    changes: readonly Readonly<{ id: string; doc?: object }>[],
    seq: string | number,
  ): Promise<void> {
    const touched = new Set<string>();
    for (const change of changes) {
      const doc = change.doc as ChangedDoc | undefined;
      if (change.id.startsWith(COMPLAINT_ID_PREFIX)) touched.add(change.id);
      else if (
        (change.id.startsWith(EVENT_ID_PREFIX) || change.id.startsWith(REPORTER_ID_PREFIX)) &&
        typeof doc?.complaintId === 'string'
      ) {
        touched.add(doc.complaintId);
      }
    }
    await this.reindex([...touched]);
    await this.device.settings.put({ key: this.checkpointKey, value: seq });
    if (touched.size > 0) this.onIndexed();
  }

  private async reindex(complaintIds: readonly string[]): Promise<void> {
    const rows: ComplaintIndexRow[] = [];
    const gone: string[] = [];
    const tampered: TamperedRow[] = [];
    const foundAt = new Date().toISOString();
    for (const id of complaintIds) {
      const found = await this.records.complaintWithEvents(id);
      if (found) {
        const row = this.summarise(found.complaint, found.events);
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
    await this.device.transaction('rw', this.device.complaintIndex, this.device.tampered, async () => {
      await this.device.complaintIndex.bulkPut(rows);
      await this.device.complaintIndex.bulkDelete(gone);
      // A finding stays with its first date: forged revisions never go away by themselves.
      const known = new Set(
        (await this.device.tampered.bulkGet(tampered.map((row) => row.complaintId))).flatMap((row) =>
          row ? [row.complaintId] : [],
        ),
      );
      await this.device.tampered.bulkPut(tampered.filter((row) => !known.has(row.complaintId)));
    });
  }

  private async checkpoint(): Promise<string | number> {
    const row = await this.device.settings.get(this.checkpointKey);
    return typeof row?.value === 'string' || typeof row?.value === 'number' ? row.value : 0;
  }
}
