/**
 * The writes of the retention task (../use-cases/retention) on the unit's records: which
 * complaints still have a live reporter document, and the deletion of identities at the end of
 * their retention with the events that say so, in one write.
 */
import { assertBulkWritten, getOrUndefined } from '../../../shared/couch/pouch-toolkit';
import { tombstoneOf, type Leaf } from '../../../shared/couch/revision-writes';
import { REPORTER_ID_PREFIX, reporterId } from '../../../shared/ids/document-ids';
import type { IdentityDeletedEvent } from '../../../shared/retention/retention-event';
import type { UnitDatabase } from './database';

/**
 * Which of `trackingNumbers` have a live reporter document here: one read of the id index (a
 * deleted document, or one never seen here, is not live).
 */
export async function liveReporters(
  db: UnitDatabase,
  trackingNumbers: readonly string[],
): Promise<Set<string>> {
  if (trackingNumbers.length === 0) return new Set();
  const result = await db.allDocs({ keys: trackingNumbers.map((number) => reporterId(number)) });
  const live = new Set<string>();
  for (const row of result.rows) {
    if ('value' in row && !row.value.deleted) live.add(row.id.slice(REPORTER_ID_PREFIX.length));
  }
  return live;
}

/** Bare tombstones over every live leaf revision of `id` (none when absent or deleted). */
async function tombstonesOf(db: UnitDatabase, id: string): Promise<object[]> {
  const leaves = await getOrUndefined(db.get(id, { open_revs: 'all', revs: true }));
  return ((leaves ?? []) as unknown as readonly { ok?: Leaf & { _deleted?: boolean } }[]).flatMap((leaf) =>
    leaf.ok && !leaf.ok._deleted ? [tombstoneOf(leaf.ok)] : [],
  );
}

/**
 * Deletes identities at the end of their retention in one write (one IndexedDB transaction): the
 * `identity-deleted` events, and a bare tombstone over every live revision of the reporter
 * document of each event's complaint and of each of `againOf` (complaints whose deletion is
 * recorded already and whose identity came back: a correction made offline elsewhere, whose live
 * revision wins over the deleted one). Then compacts, so the identity's earlier revisions are gone
 * from this device's disk, not only hidden. Resolves to the tracking numbers whose reporter
 * document it deleted.
 */
export async function deleteIdentities(
  db: UnitDatabase,
  events: readonly IdentityDeletedEvent[],
  againOf: readonly string[] = [],
): Promise<string[]> {
  const tombstones: object[] = [];
  const deleted: string[] = [];
  for (const trackingNumber of [...events.map((event) => event.trackingNumber), ...againOf]) {
    const own = await tombstonesOf(db, reporterId(trackingNumber));
    if (own.length > 0) deleted.push(trackingNumber);
    tombstones.push(...own);
  }
  const docs = [...events, ...tombstones];
  if (docs.length === 0) return deleted;
  assertBulkWritten(await db.bulkDocs(docs as PouchDB.Core.PutDocument<object>[], { new_edits: false }));
  if (tombstones.length > 0) await db.compact();
  return deleted;
}
