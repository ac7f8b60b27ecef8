/**
 * Competition packet drafts in the unit's PouchDB (docs/packet.md; a mutable, synced
 * document). One document per competition year and category, `packet-draft:<year>-<category>`
 * (../../shared/couch/packet-draft-document), with its evidence files as PouchDB attachments keyed
 * by evidence id, so the files sync with the draft and a conflict between two managers keeps both
 * versions for a person to choose (./mutable-conflicts).
 *
 * A save names the revision it replaces: a draft changed meanwhile on another device is refused
 * with `PacketDraftChangedError` instead of being overwritten. Every write resolves only once
 * PouchDB has stored it, so the UI may say "saved" when the promise resolves.
 */
import { PACKET_DRAFT_ID_PREFIX } from '../../../shared/couch/id-templates';
import { getOrUndefined, isConflict, isNotFound } from '../../../shared/couch/pouch-toolkit';
import {
  packetDraftDocSchema,
  packetDraftId,
  PACKET_DRAFT_SCHEMA_VERSION,
  type PacketDraftDoc,
} from '../../../shared/couch/packet-draft-document';
import type { OfficerRef } from '../../../shared/complaint/complaint-schema';
import {
  evidenceWithOwners,
  packetDraftSchema,
  type CompetitionCategory,
  type PacketDraft,
} from '../../../shared/packet/packet-types';
import { toIsoInstant } from '../../../shared/time/iso-instant';
import { attributed } from '../../../shared/unit/changed-by';
import type { UnitDatabase } from './database';

/** A stored draft and the files PouchDB holds for it (by evidence id). */
export type StoredPacketDraft = Readonly<{
  id: string;
  rev: string;
  unitCode: string;
  updatedAt: string;
  updatedBy: OfficerRef;
  draft: PacketDraft;
  /** What PouchDB says of each stored file; the bytes are read with `evidenceBytes`. */
  files: Readonly<Record<string, Readonly<{ contentType: string; length: number }>>>;
  /** Revisions in conflict with this one (changed on two devices before they synced). */
  conflicts: readonly string[];
}>;

export type PacketDraftSummary = Readonly<{
  id: string;
  year: number;
  category: CompetitionCategory;
  period: Readonly<{ from: string; to: string }>;
  updatedAt: string;
  updatedBy: OfficerRef;
  conflicted: boolean;
}>;

/** Bytes PouchDB accepts for a new file: a Blob (browser) or a Buffer/Uint8Array (Node tests). */
export type EvidenceData = PouchDB.Core.AttachmentData;

/** The draft was changed or deleted on another device since it was loaded (HTTP-style 409). */
export class PacketDraftChangedError extends Error {
  readonly status = 409;
  constructor(id: string) {
    super(`${id} was changed on another device`);
    this.name = 'PacketDraftChangedError';
  }
}

/** A draft of this year and category exists already (perhaps made on another device). */
export class PacketDraftExistsError extends Error {
  readonly status = 409;
  constructor(id: string) {
    super(`${id} exists already`);
    this.name = 'PacketDraftExistsError';
  }
}

// Pure rules of a draft's evidence (shared/packet/draft-evidence), kept importable from here.
export {
  checkEvidenceFile,
  newEvidenceId,
  withEvidence,
  withoutEvidence,
  type EvidenceCheck,
  type EvidenceProblem,
} from '../../../shared/packet/draft-evidence';

type RawDoc = PouchDB.Core.ExistingDocument<object> & { _conflicts?: string[] };

function storedOf(raw: RawDoc): StoredPacketDraft {
  const { _conflicts: conflicts = [], ...rest } = raw;
  const doc = packetDraftDocSchema.parse(rest);
  const files: Record<string, { contentType: string; length: number }> = {};
  for (const [key, file] of Object.entries(doc._attachments ?? {})) {
    files[key] = { contentType: file.content_type, length: file.length ?? 0 };
  }
  return {
    id: doc._id,
    rev: raw._rev,
    unitCode: doc.unitCode,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy,
    draft: doc.draft,
    files,
    conflicts,
  };
}

/** The bytes of a stored file as PouchDB returns them (Blob in the browser, Buffer in Node). */
async function bytesOf(data: unknown): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  throw new TypeError('unexpected attachment data');
}

export class PacketDraftStore {
  /**
   * `deviceCode`: this device, named with the officer in every revision it writes
   * (`lastChangedBy`, shared/unit/changed-by; the central checks the device).
   */
  constructor(
    private readonly db: UnitDatabase,
    private readonly unitCode: string,
    private readonly deviceCode: string,
  ) {}

  /** Every draft of the unit, newest competition year first. Unreadable documents are skipped. */
  async list(): Promise<PacketDraftSummary[]> {
    const result = await this.db.allDocs({
      startkey: PACKET_DRAFT_ID_PREFIX,
      endkey: `${PACKET_DRAFT_ID_PREFIX}\ufff0`,
      include_docs: true,
      conflicts: true,
    });
    const summaries = result.rows.flatMap((row): PacketDraftSummary[] => {
      if (!row.doc) return [];
      try {
        const stored = storedOf(row.doc);
        return [
          {
            id: stored.id,
            year: stored.draft.year,
            category: stored.draft.category,
            period: stored.draft.period,
            updatedAt: stored.updatedAt,
            updatedBy: stored.updatedBy,
            conflicted: stored.conflicts.length > 0,
          },
        ];
      } catch {
        return [];
      }
    });
    return summaries.sort((a, b) => b.year - a.year || a.category.localeCompare(b.category));
  }

  /** The draft, or undefined when there is none with this id. */
  async load(id: string): Promise<StoredPacketDraft | undefined> {
    const raw = await getOrUndefined(this.db.get(id, { conflicts: true }));
    return raw ? storedOf(raw) : undefined;
  }

  /** Stores a new draft; a draft of the same year and category already there is a 409. */
  async create(draft: PacketDraft, by: OfficerRef, now: Date): Promise<StoredPacketDraft> {
    const id = packetDraftId(draft.year, draft.category);
    try {
      await this.write({ _id: id }, draft, by, now, {});
    } catch (error) {
      if (error instanceof PacketDraftChangedError) throw new PacketDraftExistsError(id);
      throw error;
    }
    const stored = await this.load(id);
    if (!stored) throw new Error(`${id} was not stored`);
    return stored;
  }

  /**
   * Writes `draft` over revision `rev` of draft `id`, with the files in `added` (new evidence by
   * id). Files of evidence no longer in the draft are dropped; files still referred to are kept.
   * Throws PacketDraftChangedError when `rev` is no longer the current revision.
   */
  async save(
    input: Readonly<{
      id: string;
      rev: string;
      draft: PacketDraft;
      added: ReadonlyMap<string, EvidenceData>;
      by: OfficerRef;
      now: Date;
    }>,
  ): Promise<StoredPacketDraft> {
    const { id, rev, draft } = input;
    if (id !== packetDraftId(draft.year, draft.category)) {
      throw new Error(`${id} cannot hold the draft of ${draft.year} ${draft.category}`);
    }
    let current: RawDoc;
    try {
      current = await this.db.get(id, { rev });
    } catch (error) {
      if (isNotFound(error)) throw new PacketDraftChangedError(id);
      throw error;
    }
    const kept = (current as { _attachments?: Record<string, PouchDB.Core.Attachment> })._attachments ?? {};
    await this.write({ _id: id, _rev: rev }, draft, input.by, input.now, kept, input.added);
    const stored = await this.load(id);
    if (!stored) throw new PacketDraftChangedError(id);
    return stored;
  }

  /** The bytes of every file of the draft's current revision (or of `rev`), by evidence id. */
  async evidenceBytes(id: string, rev?: string): Promise<Map<string, Uint8Array>> {
    const doc = (await this.db.get(id, {
      attachments: true,
      binary: true,
      ...(rev ? { rev } : {}),
    })) as { _attachments?: Record<string, { data?: unknown }> };
    const bytes = new Map<string, Uint8Array>();
    for (const [key, file] of Object.entries(doc._attachments ?? {})) {
      if (file.data !== undefined) bytes.set(key, await bytesOf(file.data));
    }
    return bytes;
  }

  /** Deletes the draft (revision `rev`) and its files. */
  async remove(id: string, rev: string): Promise<void> {
    try {
      await this.db.remove(id, rev);
    } catch (error) {
      if (isConflict(error)) throw new PacketDraftChangedError(id);
      throw error;
    }
  }

  private async write(
    head: Readonly<{ _id: string; _rev?: string }>,
    draft: PacketDraft,
    by: OfficerRef,
    now: Date,
    stubs: Readonly<Record<string, PouchDB.Core.Attachment>>,
    added: ReadonlyMap<string, EvidenceData> = new Map(),
  ): Promise<void> {
    const checked = packetDraftSchema.parse(draft);
    if (checked.profile.unitCode !== this.unitCode) {
      throw new Error(`a draft of unit ${checked.profile.unitCode} in the database of unit ${this.unitCode}`);
    }
    const body: PacketDraftDoc = packetDraftDocSchema.parse(
      attributed(
        {
          ...head,
          type: 'packet-draft',
          schemaVersion: PACKET_DRAFT_SCHEMA_VERSION,
          unitCode: this.unitCode,
          updatedAt: toIsoInstant(now),
          updatedBy: { officerId: by.officerId, name: by.name },
          draft: checked,
        },
        { device: this.deviceCode, officer: by.officerId },
      ),
    );
    const attachments: Record<string, PouchDB.Core.Attachment> = {};
    for (const { ref } of evidenceWithOwners(checked)) {
      const data = added.get(ref.id);
      const stub = stubs[ref.id];
      if (data !== undefined) attachments[ref.id] = { content_type: ref.mimeType, data };
      else if (stub) attachments[ref.id] = stub;
      else throw new Error(`evidence "${ref.name}" (${ref.id}) has no file`);
    }
    const doc = Object.keys(attachments).length > 0 ? { ...body, _attachments: attachments } : body;
    try {
      await this.db.put(doc as PouchDB.Core.PutDocument<object>);
    } catch (error) {
      if (isConflict(error)) throw new PacketDraftChangedError(head._id);
      throw error;
    }
  }
}
