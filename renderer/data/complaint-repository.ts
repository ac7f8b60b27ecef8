/**
 * Reads and writes of complaint records in the unit's PouchDB. Lists read pages through the
 * primary index (document ids sort newest-first by receipt time), never the whole database.
 */
import type { ComplaintDoc, IntakeInput, ReporterDoc } from '../../shared/complaint/complaint-schema';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import {
  COMPLAINT_ID_PREFIX,
  complaintIdRange,
  eventIdRange,
  parseComplaintId,
  reporterId,
  UNIT_PROFILE_ID,
} from '../../shared/ids/document-ids';
import { formatTrackingNumber, parseTrackingNumber } from '../../shared/ids/tracking-number';
import { addDays } from '../../shared/time/local-date';
import type { UnitProfile } from '../../shared/unit/unit-profile';
import { unitProfileDocSchema } from '../../shared/unit/unit-profile';
import type { EventDoc } from '../../shared/workflow/events';
import {
  UNIT_OFFICES_ID,
  UNIT_SETTINGS_ID,
  unitOfficesDocSchema,
  unitSettingsDocSchema,
  type UnitOfficesDoc,
  type UnitSettingsDoc,
} from '../../shared/unit/unit-settings';
import { reduceComplaint, type ComplaintState } from '../../shared/workflow/complaint-state';
import type { UnitDatabase } from './database';

export type IntakeContext = Parameters<typeof buildIntakeDocuments>[1];

export type ComplaintRow = Readonly<{ complaint: ComplaintDoc; state: ComplaintState }>;

export type ComplaintPage = Readonly<{ rows: readonly ComplaintRow[]; nextCursor?: string }>;

export type ComplaintDetail = Readonly<{
  complaint: ComplaintDoc;
  events: readonly EventDoc[];
  reporter: ReporterDoc | null;
  state: ComplaintState;
}>;

const HIGH = '\ufff0';

export class ComplaintRepository {
  constructor(readonly db: UnitDatabase) {}

  /**
   * Writes a new complaint, its reporter identity (if any) and its "received" event in one
   * IndexedDB transaction, and resolves only once all three are stored.
   */
  async saveIntake(input: IntakeInput, files: readonly Blob[], ctx: IntakeContext): Promise<ComplaintDoc> {
    const { complaint, reporter, received } = buildIntakeDocuments(input, ctx);
    const attachments = Object.fromEntries(
      complaint.attachments.map((meta, index) => {
        const data = files[index];
        if (!data) throw new Error(`attachment ${meta.key} has no file`);
        return [meta.key, { content_type: meta.mimeType, data }];
      }),
    );
    const docs = [
      complaint.attachments.length > 0 ? { ...complaint, _attachments: attachments } : complaint,
      ...(reporter ? [reporter] : []),
      received,
    ] as PouchDB.Core.PutDocument<object>[];
    const results = await this.db.bulkDocs(docs);
    const failed = results.find((result) => 'error' in result && result.error);
    if (failed) throw new Error(('message' in failed && failed.message) || 'write refused');
    return complaint;
  }

  /**
   * Stores one workflow event. Moving a complaint to anonymous deletes its reporter document in
   * the same write (one IndexedDB transaction): the identity is gone, the trail says so.
   */
  async recordEvent(event: EventDoc): Promise<void> {
    const docs: PouchDB.Core.PutDocument<object>[] = [event as PouchDB.Core.PutDocument<object>];
    if (event.kind === 'privacy-change' && event.identityDeleted) {
      const reporter = await this.getOrUndefined<ReporterDoc>(reporterId(event.trackingNumber));
      if (reporter) docs.push({ _id: reporter._id, _rev: reporter._rev, _deleted: true });
    }
    const results = await this.db.bulkDocs(docs);
    const failed = results.find((result) => 'error' in result && result.error);
    if (failed) throw new Error(('message' in failed && failed.message) || 'write refused');
    // A deleted document keeps its earlier revisions on disk until compaction: compact now, so
    // the identity is gone from this device, not only hidden.
    if (docs.length > 1) await this.db.compact();
  }

  /**
   * Stores many workflow events (none may delete a reporter document: use `recordEvent` for a
   * privacy change), `chunk` per write; `onProgress(stored, total)` after each write. Throws on
   * the first refused write, naming how many were stored before it.
   */
  async recordEvents(
    events: readonly EventDoc[],
    onProgress: (stored: number, total: number) => void = () => undefined,
    chunk = 500,
  ): Promise<void> {
    if (events.some((event) => event.kind === 'privacy-change' && event.identityDeleted)) {
      throw new Error('recordEvents: a privacy change deleting identity must use recordEvent');
    }
    for (let start = 0; start < events.length; start += chunk) {
      const part = events.slice(start, start + chunk) as PouchDB.Core.PutDocument<object>[];
      const results = await this.db.bulkDocs(part);
      const failed = results.find((result) => 'error' in result && result.error);
      if (failed) {
        const stored = start + results.filter((result) => 'ok' in result && result.ok).length;
        throw new Error(
          `${('message' in failed && failed.message) || 'write refused'} (${stored}/${events.length} stored)`,
        );
      }
      onProgress(Math.min(start + chunk, events.length), events.length);
    }
  }

  /** One page of complaints, newest first; pass `nextCursor` back to get the following page. */
  async page(limit: number, cursor?: string): Promise<ComplaintPage> {
    const range = complaintIdRange();
    const result = await this.db.allDocs<ComplaintDoc>({
      descending: true,
      startkey: cursor ?? range.endkey,
      endkey: range.startkey,
      skip: cursor ? 1 : 0,
      limit: limit + 1,
      include_docs: true,
    });
    const docs = result.rows.flatMap((row) => (row.doc ? [row.doc] : []));
    const pageDocs = docs.slice(0, limit);
    const rows = await Promise.all(pageDocs.map(async (complaint) => this.row(complaint)));
    const last = pageDocs[pageDocs.length - 1];
    return docs.length > limit && last ? { rows, nextCursor: last._id } : { rows };
  }

  async detail(complaintId: string): Promise<ComplaintDetail | undefined> {
    const complaint = await this.getOrUndefined<ComplaintDoc>(complaintId);
    if (!complaint) return undefined;
    const events = await this.events(complaint.trackingNumber);
    const reporter = complaint.reporterId
      ? await this.getOrUndefined<ReporterDoc>(complaint.reporterId)
      : undefined;
    return { complaint, events, reporter: reporter ?? null, state: reduceComplaint(complaint, events) };
  }

  /** A complaint and its events, as the index needs them; undefined when it is not (yet) here. */
  async complaintWithEvents(
    complaintId: string,
  ): Promise<{ complaint: ComplaintDoc; events: EventDoc[] } | undefined> {
    const complaint = await this.getOrUndefined<ComplaintDoc>(complaintId);
    return complaint ? { complaint, events: await this.events(complaint.trackingNumber) } : undefined;
  }

  /** The complaint with this tracking number, looked up through the id index around its date. */
  async findByTrackingNumber(text: string): Promise<string | undefined> {
    const parts = parseTrackingNumber(text);
    if (!parts) return undefined;
    // Ids carry the UTC receipt time; the tracking number carries the unit's local date.
    // Indonesian time zones are UTC+7..+9, so the local day lies within [day-1, day+1] UTC.
    const result = await this.db.allDocs({
      startkey: `${COMPLAINT_ID_PREFIX}${addDays(parts.localDate, -1)}`,
      endkey: `${COMPLAINT_ID_PREFIX}${addDays(parts.localDate, 2)}`,
    });
    const canonical = formatTrackingNumber(parts);
    return result.rows.find((row) => parseComplaintId(row.id)?.trackingNumber === canonical)?.id;
  }

  /** How many complaints were received at or after each instant (ISO, UTC). */
  async countSince(instantsIso: readonly string[]): Promise<number[]> {
    return Promise.all(
      instantsIso.map(async (since) => {
        const result = await this.db.allDocs({
          startkey: `${COMPLAINT_ID_PREFIX}${since}`,
          endkey: `${COMPLAINT_ID_PREFIX}${HIGH}`,
        });
        return result.rows.length;
      }),
    );
  }

  attachment(complaintId: string, key: string): Promise<Blob> {
    return this.db.getAttachment(complaintId, key) as Promise<Blob>;
  }

  async unitProfile(): Promise<UnitProfile | undefined> {
    const doc = await this.getOrUndefined<UnitProfile>(UNIT_PROFILE_ID);
    return doc ? unitProfileDocSchema.parse(doc) : undefined;
  }

  async saveUnitProfile(profile: Omit<UnitProfile, '_rev'>): Promise<void> {
    const existing = await this.getOrUndefined<UnitProfile>(UNIT_PROFILE_ID);
    await this.db.put(
      unitProfileDocSchema.parse({ ...profile, ...(existing ? { _rev: existing._rev } : {}) }),
    );
  }

  async unitSettings(): Promise<UnitSettingsDoc | undefined> {
    const doc = await this.getOrUndefined<UnitSettingsDoc>(UNIT_SETTINGS_ID);
    return doc ? unitSettingsDocSchema.parse(stripConflicts(doc)) : undefined;
  }

  async unitOffices(): Promise<UnitOfficesDoc | undefined> {
    const doc = await this.getOrUndefined<UnitOfficesDoc>(UNIT_OFFICES_ID);
    return doc ? unitOfficesDocSchema.parse(stripConflicts(doc)) : undefined;
  }

  /** Writes a settings or offices document (its `_rev` says which version it replaces). */
  async saveMutable(doc: UnitSettingsDoc | UnitOfficesDoc): Promise<void> {
    const parsed =
      doc.type === 'unit-settings' ? unitSettingsDocSchema.parse(doc) : unitOfficesDocSchema.parse(doc);
    await this.db.put(parsed);
  }

  /** Calls `onChange` for every document written to the database (locally or by sync). */
  watch(onChange: (id: string) => void): () => void {
    const feed = this.db.changes({ since: 'now', live: true }).on('change', (change) => onChange(change.id));
    return () => feed.cancel();
  }

  private async row(complaint: ComplaintDoc): Promise<ComplaintRow> {
    const events = await this.events(complaint.trackingNumber);
    return { complaint, state: reduceComplaint(complaint, events) };
  }

  private async events(trackingNumber: string): Promise<EventDoc[]> {
    const result = await this.db.allDocs<EventDoc>({ ...eventIdRange(trackingNumber), include_docs: true });
    return result.rows.flatMap((row) => (row.doc ? [row.doc] : []));
  }

  private async getOrUndefined<T extends object>(
    id: string,
  ): Promise<(T & PouchDB.Core.IdMeta & PouchDB.Core.GetMeta) | undefined> {
    try {
      return await this.db.get<T>(id);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }
}

/** The stored document without PouchDB's own bookkeeping fields, for strict schemas. */
function stripConflicts<T extends object>(doc: T): T {
  const { _conflicts: _ignored, ...rest } = doc as T & { _conflicts?: unknown };
  return rest as T;
}
