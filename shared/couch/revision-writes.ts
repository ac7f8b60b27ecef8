/**
 * Writes with `new_edits: false` (PouchDB's `bulkDocs(docs, { new_edits: false })`, CouchDB's
 * `_bulk_docs` with `"new_edits": false`): how the app stores its content-addressed complaints and
 * events (../ids/content-id), and the mutable documents written in the same transaction. With
 * `new_edits: false` the writer chooses each revision, so these helpers build them:
 *   sealed documents   already carry their only revision `1-<content hash>`
 *   a new mutable one  `1-<32 random hex digits>`, as PouchDB itself would choose
 *   a changed one      the next generation with a random id, its history extending the leaf
 *   a deletion         a bare tombstone `{_id, _rev, _revisions, _deleted}` extending the leaf
 */

export type RevisionHistory = Readonly<{ start: number; ids: readonly string[] }>;
export type Leaf = Readonly<{ _id: string; _rev: string; _revisions?: RevisionHistory }>;

/** 32 random lowercase hex digits (a revision id PouchDB or CouchDB would also accept). */
export function randomRevisionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A new mutable document with a first revision, for a `new_edits: false` write. */
export function withFirstRevision<T extends Readonly<{ _id: string }>>(
  doc: T,
): T & Readonly<{ _rev: string }> {
  return { ...doc, _rev: `1-${randomRevisionId()}` };
}

/** `_revisions` of a document as CouchDB expects it with `new_edits: false` (from `_rev` alone when absent). */
export function revisionsOf(doc: Leaf): RevisionHistory {
  if (doc._revisions) return doc._revisions;
  const dash = doc._rev.indexOf('-');
  return { start: Number(doc._rev.slice(0, dash)), ids: [doc._rev.slice(dash + 1)] };
}

/** `doc` with its `_revisions`, ready for a `new_edits: false` write to CouchDB; it must carry `_rev`. */
export function forReplicationWrite<
  T extends Readonly<{ _id: string; _rev?: string; _revisions?: RevisionHistory }>,
>(doc: T): T & Readonly<{ _revisions: RevisionHistory }> {
  if (doc._rev === undefined) throw new TypeError(`forReplicationWrite: ${doc._id} has no _rev`);
  return { ...doc, _revisions: revisionsOf({ ...doc, _rev: doc._rev }) };
}

/** `doc` as the next revision of `leaf` (read with `revs: true`): one generation later, its history extending the leaf's. */
export function withNextRevision<T extends Readonly<{ _id: string }>>(
  doc: T,
  leaf: Leaf,
): Omit<T, '_rev'> & Readonly<{ _rev: string; _revisions: RevisionHistory }> {
  const history = revisionsOf(leaf);
  const id = randomRevisionId();
  return {
    ...doc,
    _rev: `${history.start + 1}-${id}`,
    _revisions: { start: history.start + 1, ids: [id, ...history.ids] },
  };
}

/**
 * A tombstone that deletes the leaf revision `leaf` (read with `revs: true`): no body, one
 * generation later, its history extending the leaf's.
 */
export function tombstoneOf(leaf: Leaf): Readonly<{
  _id: string;
  _rev: string;
  _revisions: RevisionHistory;
  _deleted: true;
}> {
  const history = revisionsOf(leaf);
  const id = randomRevisionId();
  return {
    _id: leaf._id,
    _rev: `${history.start + 1}-${id}`,
    _revisions: { start: history.start + 1, ids: [id, ...history.ids] },
    _deleted: true,
  };
}
