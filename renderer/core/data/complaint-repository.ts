/**
 * Reads and writes of complaint records in the unit's PouchDB. Lists read pages through the
 * primary index (document ids sort newest-first by receipt time), never the whole database.
 */
import type { ComplaintDoc, IntakeInput, ReporterDoc } from '../../../shared/complaint/complaint-schema';
import { buildIntakeDocuments } from '../../../shared/complaint/intake-documents';
import { assertBulkWritten, bulkStored, getOrUndefined } from '../../../shared/couch/pouch-toolkit';
import {
  revisionsOf,
  tombstoneOf,
  withFirstRevision,
  withNextRevision,
  type Leaf,
} from '../../../shared/couch/revision-writes';
import { verifyImmutable } from '../../../shared/ids/content-id';
import {
  COMPLAINT_ID_PREFIX,
  complaintIdRange,
  eventIdRange,
  parseComplaintId,
  REPORTER_ID_PREFIX,
  reporterId,
  UNIT_PROFILE_ID,
} from '../../../shared/ids/document-ids';
import { formatTrackingNumber, parseTrackingNumber } from '../../../shared/ids/tracking-number';
import { addDays } from '../../../shared/time/local-date';
import {
  NATIONAL_CALENDAR_ID_PREFIX,
  nationalCalendarDocSchema,
  type NationalCalendarDoc,
} from '../../../shared/calendar/national-calendar';
import { attributed, type ChangedBy } from '../../../shared/unit/changed-by';
import type { UnitProfile } from '../../../shared/unit/unit-profile';
import { unitProfileDocSchema } from '../../../shared/unit/unit-profile';
import type { EventDoc } from '../../../shared/workflow/events';
import {
  UNIT_OFFICES_ID,
  UNIT_SETTINGS_ID,
  unitOfficesDocSchema,
  unitSettingsDocSchema,
  type UnitOfficesDoc,
  type UnitSettingsDoc,
} from '../../../shared/unit/unit-settings';
import { reduceComplaint, type ComplaintState } from '../../../shared/workflow/complaint-state';
import type { UnitDatabase } from './database';
import { followChanges } from '../sync/shared-changes';
import { ReporterVault, type OpenedReporterDoc } from '../keys/reporter-vault';
import { UnitKeyring } from '../keys/unit-keyring';
import { SEALED_REPORTER_SCHEMA_VERSION } from '../../../shared/complaint/sealed-reporter';

export type IntakeContext = Parameters<typeof buildIntakeDocuments>[1];

export type ComplaintRow = Readonly<{ complaint: ComplaintDoc; state: ComplaintState }>;

export type ComplaintPage = Readonly<{ rows: readonly ComplaintRow[]; nextCursor?: string }>;

export type ComplaintDetail = Readonly<{
  complaint: ComplaintDoc;
  events: readonly EventDoc[];
  /**
   * The reporter document, opened (../keys/reporter-vault): `sealedIdentity` set, with empty fields,
   * when this device cannot open it (no unit key unlocked, or not that version).
   */
  reporter: OpenedReporterDoc | null;
  /**
   * The other versions of the reporter document, when two devices changed it before they synced
   * (`reporter` is the one PouchDB shows); absent when there is no conflict.
   */
  reporterConflicts?: readonly OpenedReporterDoc[];
  state: ComplaintState;
  /** Ids of this complaint's documents that this device also holds in a forged content. */
  tampered: readonly string[];
}>;

export type VerifiedComplaint = Readonly<{
  complaint: ComplaintDoc;
  events: EventDoc[];
  tampered: readonly string[];
}>;

const HIGH = '\ufff0';

/** How far `sealClearReporters` got: revisions sealed so far of those found in clear. */
export type SealProgress = Readonly<{ sealed: number; found: number }>;

export class ComplaintRepository {
  /**
   * `vault` seals every reporter document written and opens every one read; without one given,
   * a vault whose keyring is never unlocked: identity is then neither written nor shown.
   */
  constructor(
    readonly db: UnitDatabase,
    readonly vault: ReporterVault = new ReporterVault(new UnitKeyring()),
  ) {}

  /**
   * Writes a new complaint, its reporter identity (if any) and its "received" event in one
   * IndexedDB transaction, and resolves only once all three are stored. The complaint and event
   * are content-addressed and carry their only revision (shared/ids/content-id), so the write
   * uses `new_edits: false`; the new reporter document gets its first revision here.
   */
  async saveIntake(input: IntakeInput, files: readonly Blob[], ctx: IntakeContext): Promise<ComplaintDoc> {
    const { complaint, reporter, received } = buildIntakeDocuments(input, ctx);
    // Sealed before anything is written: without the unit key nothing is stored.
    const storedReporter = reporter ? withFirstRevision(await this.vault.seal(reporter)) : undefined;
    const attachments = Object.fromEntries(
      complaint.attachments.map((meta, index) => {
        const data = files[index];
        if (!data) throw new Error(`attachment ${meta.key} has no file`);
        return [meta.key, { content_type: meta.mimeType, data }];
      }),
    );
    await this.writeRevisions([
      complaint.attachments.length > 0 ? { ...complaint, _attachments: attachments } : complaint,
      ...(storedReporter ? [storedReporter] : []),
      received,
    ]);
    return complaint;
  }

  /**
   * Stores one workflow event. Moving a complaint to anonymous deletes its reporter document in
   * the same write (one IndexedDB transaction): every leaf revision of it becomes a bare
   * tombstone, so the identity is gone, and the trail says so.
   */
  async recordEvent(event: EventDoc): Promise<void> {
    const docs: object[] = [event];
    if (event.kind === 'privacy-change' && event.identityDeleted) {
      docs.push(...(await this.tombstonesOf(reporterId(event.trackingNumber))));
    }
    await this.writeRevisions(docs);
    // A deleted document keeps its earlier revisions on disk until compaction: compact now, so
    // the identity is gone from this device, not only hidden.
    if (docs.length > 1) await this.db.compact();
  }

  /**
   * Stores a corrected reporter document and its reporter-corrected event in one write (one
   * IndexedDB transaction). `reporter._rev` is the revision the correction was made on: when the
   * stored document is no longer that revision (changed on another device and synced meanwhile,
   * or deleted), nothing is written and a conflict (status 409, `isConflict`) is thrown. Without
   * `_rev` the document is new (identity recorded after intake): refused the same way when a live
   * version exists meanwhile.
   */
  async saveReporterCorrection(reporter: ReporterDoc, event: EventDoc): Promise<void> {
    const changed = (): Error =>
      Object.assign(new Error(`${reporter._id} changed since it was read`), { status: 409 });
    const { _rev: base, ...clear } = reporter;
    const body = await this.vault.seal(clear);
    if (base === undefined) {
      // A new identity (recorded after intake): only while no live version exists; after a
      // deletion it continues the deleted branch.
      const held = await this.leavesOf(reporter._id);
      if (held.some((leaf) => !leaf._deleted)) throw changed();
      const [deleted] = held.sort((a, b) => revisionsOf(b).start - revisionsOf(a).start);
      await this.writeRevisions([deleted ? withNextRevision(body, deleted) : withFirstRevision(body), event]);
      return;
    }
    const stored = await getOrUndefined(this.db.get<object>(reporter._id, { revs: true }));
    if (stored?._rev === undefined || stored._rev !== base) throw changed();
    await this.writeRevisions([withNextRevision(body, stored as Leaf), event]);
  }

  /**
   * The reporter document of `trackingNumber`, opened (../keys/reporter-vault); undefined when there
   * is none or it is deleted. For the search index and the LAPOR! export.
   */
  async reporter(trackingNumber: string): Promise<OpenedReporterDoc | undefined> {
    const doc = await getOrUndefined(this.db.get<object>(reporterId(trackingNumber)));
    return doc ? this.vault.openChecked(doc) : undefined;
  }

  /**
   * Re-writes every reporter revision this device holds in clear (written before sealing existed)
   * as a sealed next revision, `batch` documents per write, each leaf of a conflict on its own;
   * `onProgress` after each write. Resumable: a restart finds what is still in clear. Compacts at
   * the end, so the clear revisions leave this device's disk. Needs the unit key unlocked.
   */
  async sealClearReporters(
    onProgress: (progress: SealProgress) => void = () => undefined,
    batch = 50,
  ): Promise<SealProgress> {
    const result = await this.db.allDocs({
      startkey: REPORTER_ID_PREFIX,
      endkey: `${REPORTER_ID_PREFIX}${HIGH}`,
      include_docs: true,
      conflicts: true,
    });
    const ids = result.rows.flatMap((row) => {
      const doc = row.doc as (object & { schemaVersion?: unknown; _conflicts?: unknown[] }) | undefined;
      const clear =
        doc && (doc.schemaVersion !== SEALED_REPORTER_SCHEMA_VERSION || (doc._conflicts?.length ?? 0) > 0);
      return clear ? [row.id] : [];
    });
    let sealed = 0;
    let found = 0;
    for (let start = 0; start < ids.length; start += batch) {
      const writes: object[] = [];
      for (const id of ids.slice(start, start + batch)) {
        for (const leaf of await this.leavesOf(id)) {
          const raw = leaf as Leaf & { _deleted?: boolean; schemaVersion?: unknown };
          if (raw._deleted || raw.schemaVersion === SEALED_REPORTER_SCHEMA_VERSION) continue;
          found++;
          const {
            _rev: _base,
            _revisions: _history,
            ...clear
          } = raw as unknown as ReporterDoc & {
            _revisions?: unknown;
          };
          writes.push(withNextRevision(await this.vault.seal(clear), leaf));
        }
      }
      if (writes.length > 0) await this.writeRevisions(writes);
      sealed += writes.length;
      onProgress({ sealed, found });
    }
    if (sealed > 0) await this.db.compact();
    return { sealed, found };
  }

  /**
   * Deletes the reporter document of `trackingNumber` again when this device holds a live revision
   * of it: every live leaf becomes a bare tombstone, then the database is compacted. For a
   * complaint made anonymous whose reporter came back (a correction made elsewhere before that
   * device saw the privacy change: a live leaf wins over a deleted one). True when it wrote.
   */
  async deleteIdentity(trackingNumber: string): Promise<boolean> {
    const tombstones = await this.tombstonesOf(reporterId(trackingNumber));
    if (tombstones.length === 0) return false;
    await this.writeRevisions(tombstones);
    await this.db.compact();
    return true;
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
      let results: (PouchDB.Core.Response | PouchDB.Core.Error)[];
      try {
        results = await this.db.bulkDocs(part, { new_edits: false });
      } catch (error) {
        // A malformed document makes PouchDB refuse the whole write.
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${message} (${start}/${events.length} stored)`, { cause: error });
      }
      assertBulkWritten(results, `(${start + bulkStored(results)}/${events.length} stored)`);
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
    const found = await this.complaintWithEvents(complaintId);
    if (!found) return undefined;
    const { complaint, events, tampered } = found;
    const state = reduceComplaint(complaint, events);
    // Also for a complaint anonymous at intake and identified later (its identity recorded then).
    const reporter =
      state.privacyMode === 'anonymous'
        ? undefined
        : await this.reporterVersions(reporterId(complaint.trackingNumber));
    return {
      complaint,
      events,
      reporter: reporter?.winner ?? null,
      ...(reporter && reporter.others.length > 0 ? { reporterConflicts: reporter.others } : {}),
      state,
      tampered,
    };
  }

  /**
   * Whether the complainant's identity may be recorded anew for `complaint` (which has no live
   * reporter document here): it was anonymous at intake, or its reporter document was deleted (a
   * privacy change to anonymous, since undone). Not when the document was never seen here: it
   * exists elsewhere and has not synced yet.
   */
  async identityMayBeRecorded(complaint: ComplaintDoc): Promise<boolean> {
    if (complaint.reporterId === null) return true;
    return (await this.leavesOf(complaint.reporterId)).some((leaf) => leaf._deleted === true);
  }

  /** The reporter document as shown (the winner) and its other versions in conflict, if any. */
  private async reporterVersions(
    id: string,
  ): Promise<{ winner: OpenedReporterDoc; others: OpenedReporterDoc[] } | undefined> {
    const doc = await getOrUndefined(this.db.get<object>(id, { conflicts: true }));
    if (!doc) return undefined;
    const { _conflicts: revs, ...stored } = doc as { _conflicts?: string[] };
    const winner = await this.vault.open(stored);
    const others = await Promise.all(
      (revs ?? []).map(async (rev) => this.vault.open(await this.db.get<object>(id, { rev }))),
    );
    return { winner, others };
  }

  /**
   * Ends a conflict of a reporter document in one write: `corrected` (the chosen values) as the
   * next revision of the shown version `winner` (null: `winner` stays as it is), a bare tombstone
   * over every other version, and `event` (the reporter-corrected event, when values changed).
   * Throws a conflict (409) when the versions are no longer `winner` and `otherRevs`.
   */
  async resolveReporterConflict(
    winner: ReporterDoc,
    otherRevs: readonly string[],
    corrected: ReporterDoc | null,
    event: EventDoc | null,
  ): Promise<void> {
    const live = (await this.leavesOf(winner._id)).filter((leaf) => !leaf._deleted);
    const expected = [winner._rev, ...otherRevs].sort();
    const held = live.map((leaf) => leaf._rev).sort();
    const shown = live.find((leaf) => leaf._rev === winner._rev);
    if (!shown || JSON.stringify(held) !== JSON.stringify(expected)) {
      throw Object.assign(new Error(`${winner._id} changed since it was read`), { status: 409 });
    }
    const writes: object[] = live.filter((leaf) => leaf !== shown).map((leaf) => tombstoneOf(leaf));
    if (corrected) {
      const { _rev: _base, ...clear } = corrected;
      writes.unshift(withNextRevision(await this.vault.seal(clear), shown));
    }
    if (event) writes.push(event);
    await this.writeRevisions(writes);
  }

  /**
   * A complaint and its events, as the index needs them; undefined when it is not (yet) here.
   * Every document is the content its id names (shared/ids/content-id); `tampered` lists the ids
   * for which this device also holds another content (a forged sibling revision), whose own
   * content is kept.
   */
  async complaintWithEvents(complaintId: string): Promise<VerifiedComplaint | undefined> {
    const tampered: string[] = [];
    const complaint = await this.verified<ComplaintDoc>(complaintId, tampered);
    if (!complaint) return undefined;
    const events = await this.events(complaint.trackingNumber, tampered);
    return { complaint, events, tampered };
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
    const doc = await getOrUndefined(this.db.get<UnitProfile>(UNIT_PROFILE_ID));
    return doc ? unitProfileDocSchema.parse(doc) : undefined;
  }

  /** Writes the unit profile over whatever revision is stored, as written by `by` (setup). */
  async saveUnitProfile(profile: Omit<UnitProfile, '_rev'>, by: ChangedBy): Promise<void> {
    const existing = await getOrUndefined(this.db.get<UnitProfile>(UNIT_PROFILE_ID));
    await this.db.put(
      unitProfileDocSchema.parse(
        attributed({ ...profile, ...(existing ? { _rev: existing._rev } : {}) }, by),
      ),
    );
  }

  async unitSettings(): Promise<UnitSettingsDoc | undefined> {
    const doc = await getOrUndefined(this.db.get<UnitSettingsDoc>(UNIT_SETTINGS_ID));
    return doc ? unitSettingsDocSchema.parse(stripConflicts(doc)) : undefined;
  }

  /**
   * The central's national calendars this device holds (`calendar:national:<year>`, written by
   * `central calendar import` and received by sync); a document that does not parse is left out.
   */
  async nationalCalendars(): Promise<NationalCalendarDoc[]> {
    const result = await this.db.allDocs({
      startkey: NATIONAL_CALENDAR_ID_PREFIX,
      endkey: `${NATIONAL_CALENDAR_ID_PREFIX}${HIGH}`,
      include_docs: true,
    });
    return result.rows.flatMap((row) => {
      const parsed = nationalCalendarDocSchema.safeParse(row.doc ? stripConflicts(row.doc) : undefined);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async unitOffices(): Promise<UnitOfficesDoc | undefined> {
    const doc = await getOrUndefined(this.db.get<UnitOfficesDoc>(UNIT_OFFICES_ID));
    return doc ? unitOfficesDocSchema.parse(stripConflicts(doc)) : undefined;
  }

  /**
   * Writes a settings, offices or profile document (its `_rev` says which version it replaces),
   * as written by `by` (its `lastChangedBy`, which the central checks).
   */
  async saveMutable(doc: UnitSettingsDoc | UnitOfficesDoc | UnitProfile, by: ChangedBy): Promise<void> {
    const parsed =
      doc.type === 'unit-settings'
        ? unitSettingsDocSchema.parse(attributed(doc, by))
        : doc.type === 'unit-offices'
          ? unitOfficesDocSchema.parse(attributed(doc, by))
          : unitProfileDocSchema.parse(attributed(doc, by));
    await this.db.put(parsed);
  }

  /** Calls `onChange` for every document written to the database (locally or by sync). */
  watch(onChange: (id: string) => void): () => void {
    return followChanges(this.db, (change) => onChange(change.id));
  }

  private async row(complaint: ComplaintDoc): Promise<ComplaintRow> {
    const events = await this.events(complaint.trackingNumber, []);
    return { complaint, state: reduceComplaint(complaint, events) };
  }

  /** The complaint's events, each as its id names it; ids held in another content too go to `tampered`. */
  private async events(trackingNumber: string, tampered: string[]): Promise<EventDoc[]> {
    const result = await this.db.allDocs<EventDoc>({
      ...eventIdRange(trackingNumber),
      include_docs: true,
      conflicts: true,
    });
    const events: EventDoc[] = [];
    for (const row of result.rows) {
      if (!row.doc) continue;
      const event = isIntact(row.doc) ? row.doc : await this.verified<EventDoc>(row.id, tampered);
      if (event) events.push(event);
    }
    return events;
  }

  /** Writes documents that carry their revisions (sealed or prepared by shared/couch/revision-writes). */
  private async writeRevisions(docs: readonly object[]): Promise<void> {
    assertBulkWritten(
      await this.db.bulkDocs(docs as PouchDB.Core.PutDocument<object>[], { new_edits: false }),
    );
  }

  /** Bare tombstones for every leaf revision of `id` (none when it does not exist or is deleted). */
  private async tombstonesOf(id: string): Promise<object[]> {
    return (await this.leavesOf(id)).flatMap((leaf) => (leaf._deleted ? [] : [tombstoneOf(leaf)]));
  }

  /** Every leaf revision of `id` (deleted ones included) with its history; none when it never existed here. */
  private async leavesOf(id: string): Promise<(Leaf & { _deleted?: boolean })[]> {
    const leaves = await getOrUndefined(this.db.get(id, { open_revs: 'all', revs: true }));
    return ((leaves ?? []) as unknown as readonly { ok?: Leaf & { _deleted?: boolean } }[]).flatMap((leaf) =>
      leaf.ok ? [leaf.ok] : [],
    );
  }

  /**
   * The immutable document `id` as its id names it. When the stored winner is not that content,
   * or other revisions exist, the leaf that is (if any) is returned and `id` is added to `tampered`.
   */
  private async verified<T extends object>(id: string, tampered: string[]): Promise<T | undefined> {
    const doc = await getOrUndefined(this.db.get<T>(id, { conflicts: true }));
    if (!doc) return undefined;
    if (isIntact(doc)) return doc;
    tampered.push(id);
    const leaves = (await this.db.get(id, { open_revs: 'all' })) as unknown as readonly object[];
    const own = leaves
      .map((leaf) => ('ok' in leaf ? (leaf.ok as T & { _id: string; _deleted?: boolean }) : undefined))
      .find((leaf) => leaf && !leaf._deleted && verifyImmutable(leaf) === 'ok');
    const { _conflicts: _ignored, ...winner } = doc;
    return own ?? (winner as unknown as T);
  }
}

/** One stored revision only, and it is the content its id names. */
function isIntact(doc: Readonly<{ _id: string; _rev?: unknown; _conflicts?: unknown[] }>): boolean {
  return (doc._conflicts?.length ?? 0) === 0 && verifyImmutable(doc) === 'ok';
}

/** The stored document without PouchDB's own bookkeeping fields, for strict schemas. */
function stripConflicts<T extends object>(doc: T): T {
  const { _conflicts: _ignored, ...rest } = doc as T & { _conflicts?: unknown };
  return rest as T;
}
