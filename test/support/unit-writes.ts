/**
 * Writing documents as the app does: complaints and events are sealed (shared/ids/content-id) and
 * go with `new_edits: false` and their revision history, as PouchDB's replicator sends them; the
 * mutable documents go as a normal write.
 */
import type { CouchHttp, CouchResponse } from '../../central/couch-http';
import { forReplicationWrite } from '../../shared/couch/revision-writes';
import { bulkFailures } from '../../shared/couch/pouch-toolkit';
import { hashOfId } from '../../shared/ids/content-id';

type Doc = Readonly<{ _id: string; _rev?: string }>;

/** Whether `doc` is a sealed immutable document (content-hashed id and its revision 1-<hash>). */
export function isSealed(doc: Doc): doc is Doc & { _rev: string } {
  const hash = hashOfId(doc._id);
  return hash !== null && doc._rev === `1-${hash}`;
}

/**
 * `POST <db>/_bulk_docs` for the sealed documents (new_edits=false) and for the others; the two
 * answers' rows, sealed first. CouchDB answers a new_edits=false write with a row only for a
 * refused document.
 */
export async function writeDocs(
  http: CouchHttp,
  database: string,
  docs: readonly Doc[],
): Promise<{ sealed: CouchResponse; other: CouchResponse | null }> {
  const sealed = docs.filter(isSealed).map(forReplicationWrite);
  const other = docs.filter((doc) => !isSealed(doc));
  const path = `${encodeURIComponent(database)}/_bulk_docs`;
  return {
    sealed: await http.request('POST', path, { docs: sealed, new_edits: false }),
    other: other.length > 0 ? await http.request('POST', path, { docs: other }) : null,
  };
}

/** Like `writeDocs`, failing unless every document was stored. */
export async function writeAll(http: CouchHttp, database: string, docs: readonly Doc[]): Promise<void> {
  const { sealed, other } = await writeDocs(http, database, docs);
  const refused = [sealed, other].flatMap((response) => {
    if (response === null) return [];
    if (response.status !== 201) return [`HTTP ${response.status} ${JSON.stringify(response.body)}`];
    return (response.body as readonly { error?: string }[])
      .filter((row) => row.error)
      .map((row) => JSON.stringify(row));
  });
  if (refused.length > 0) throw new Error(`refused: ${refused.join('; ')}`);
}

/** The same for a PouchDB database (a device in a test): sealed documents with new_edits=false. */
export async function putAll(db: PouchDB.Database, docs: readonly Doc[]): Promise<void> {
  const sealed = docs.filter(isSealed) as PouchDB.Core.PutDocument<object>[];
  const other = docs.filter((doc) => !isSealed(doc)) as PouchDB.Core.PutDocument<object>[];
  const results = [
    ...(sealed.length > 0 ? await db.bulkDocs(sealed, { new_edits: false }) : []),
    ...(other.length > 0 ? await db.bulkDocs(other) : []),
  ];
  const failed = bulkFailures(results);
  if (failed.length > 0) throw new Error(`refused: ${JSON.stringify(failed)}`);
}
