/**
 * PouchDB in Node for the benchmark, as the integration tests build it (test/integration/
 * sync-support.ts): pouchdb-core with the memory adapter (the app's IndexedDB build minus the
 * browser), the http adapter over Node's fetch, and replication.
 */
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { withFirstRevision } from '../shared/couch/revision-writes';
import { assertBulkWritten } from '../shared/couch/pouch-toolkit';

PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);

export { PouchDB };
export type Db = PouchDB.Database;

/** A fresh, empty database in memory. */
export function memoryDatabase(label: string): Db {
  return new PouchDB<object>(`bench-${label}-${crypto.randomUUID()}`, { adapter: 'memory' });
}

/** A database on a server, with Node's fetch and the given credentials; never created. */
export function remoteDatabase(url: string, username: string, password: string): Db {
  return new PouchDB<object>(url, {
    adapter: 'http',
    auth: { username, password },
    skip_setup: true,
    fetch: (input, init) => fetch(input, init),
  });
}

/** Writes `docs` in chunks of `chunkSize`; throws on the first refused document. */
export async function writeInChunks(
  db: Db,
  docs: readonly object[],
  chunkSize: number,
  onChunk: (written: number) => void = () => undefined,
): Promise<void> {
  for (let start = 0; start < docs.length; start += chunkSize) {
    // Sealed complaints and events carry their only revision: written with new_edits=false, as
    // the app writes them; the mutable documents get a first revision for the same write.
    const chunk = docs
      .slice(start, start + chunkSize)
      .map((doc) =>
        '_rev' in doc ? doc : withFirstRevision(doc as { _id: string }),
      ) as PouchDB.Core.PutDocument<object>[];
    assertBulkWritten(await db.bulkDocs(chunk, { new_edits: false }));
    onChunk(Math.min(docs.length, start + chunkSize));
  }
}
