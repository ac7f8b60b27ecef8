/**
 * Conflicts of the mutable documents (docs/decisions/001-append-only-events.md): complaints and events never
 * conflict, but the unit profile, settings and office list, and the competition packet drafts
 * (`packet-draft:<year>-<category>`), can be changed on two devices before they sync. CouchDB and PouchDB then keep both revisions and pick a winner by a fixed rule; the
 * other is not lost but hidden. Here every such conflict is listed for a person to see, and is
 * resolved only by a person choosing the version to keep.
 */
import { PACKET_DRAFT_ID_PREFIX } from '../../../shared/couch/id-templates';
import { assertBulkWritten } from '../../../shared/couch/pouch-toolkit';
import { HIGH_SENTINEL, UNIT_PROFILE_ID } from '../../../shared/ids/document-ids';
import { attributed, type ChangedBy } from '../../../shared/unit/changed-by';
import { UNIT_OFFICES_ID, UNIT_SETTINGS_ID } from '../../../shared/unit/unit-settings';
import type { UnitDatabase } from './database';

/** The mutable documents that can conflict, by id. */
export const MUTABLE_DOCUMENT_IDS = [UNIT_PROFILE_ID, UNIT_SETTINGS_ID, UNIT_OFFICES_ID] as const;

export type StoredDoc = Readonly<Record<string, unknown>> & Readonly<{ _id: string; _rev: string }>;

export type MutableConflict = Readonly<{
  id: string;
  /** The revision PouchDB shows now (the automatic winner). */
  winner: StoredDoc;
  /** The other leaf revisions, each a whole version of the document. */
  others: readonly StoredDoc[];
}>;

/** The mutable documents that have conflicting revisions now: the fixed ones, then packet drafts. */
export async function listConflicts(db: UnitDatabase): Promise<MutableConflict[]> {
  const [fixed, drafts] = await Promise.all([
    db.allDocs({ keys: [...MUTABLE_DOCUMENT_IDS], include_docs: true, conflicts: true }),
    db.allDocs({
      startkey: PACKET_DRAFT_ID_PREFIX,
      endkey: `${PACKET_DRAFT_ID_PREFIX}${HIGH_SENTINEL}`,
      include_docs: true,
      conflicts: true,
    }),
  ]);
  const conflicted = [...fixed.rows, ...drafts.rows].flatMap((row) => {
    if (!('doc' in row) || !row.doc) return [];
    const doc = row.doc as unknown as StoredDoc & { _conflicts?: string[] };
    return doc._conflicts && doc._conflicts.length > 0 ? [doc] : [];
  });
  return Promise.all(
    conflicted.map(async ({ _conflicts, ...winner }) => ({
      id: winner._id,
      winner,
      others: await Promise.all(
        (_conflicts ?? []).map(async (rev) => (await db.get(winner._id, { rev })) as unknown as StoredDoc),
      ),
    })),
  );
}

/**
 * Keeps revision `keepRev` of document `id`: its content becomes the current version (written on
 * top of the automatic winner, so every device takes it after sync) and every other leaf revision
 * is closed. Nothing is kept if a new revision arrived meanwhile: that raises a 409 and the person
 * looks again.
 *
 * The new revision is this device's: it names `by` as its writer (`lastChangedBy`; the central
 * refuses a revision naming another device, and the kept content may be another device's), while
 * `updatedAt`/`updatedBy` stay the kept version's (who edited the content). The closing
 * deletions are bare tombstones, which name nobody (the central accepts them from any device of
 * the unit).
 */
export async function resolveConflict(
  db: UnitDatabase,
  id: string,
  keepRev: string,
  by: ChangedBy,
): Promise<void> {
  const current = await db.get(id, { conflicts: true });
  const leaves = [current._rev, ...(current._conflicts ?? [])];
  if (!leaves.includes(keepRev)) {
    throw Object.assign(new Error(`revision ${keepRev} of ${id} is no longer a version in conflict`), {
      status: 409,
    });
  }
  const kept = keepRev === current._rev ? current : await db.get(id, { rev: keepRev });
  const { _rev: _keptRev, _conflicts: _keptConflicts, ...content } = kept;
  const writes: PouchDB.Core.PutDocument<object>[] = [
    // The chosen content as the new version of the current winner's branch.
    attributed({ ...content, _id: id, _rev: current._rev }, by),
    // Every other branch closed with a deletion, so no hidden version stays behind.
    ...leaves.filter((rev) => rev !== current._rev).map((rev) => ({ _id: id, _rev: rev, _deleted: true })),
  ];
  const results = await db.bulkDocs(writes);
  assertBulkWritten(results);
}
