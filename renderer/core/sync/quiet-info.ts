/**
 * A workaround for PouchDB 9: after every batch the replicator asks its source for `info()`, only
 * to update its task list, and never handles a failure (pouchdb-replication `finishBatch`:
 * `src.info().then(...)` without a catch). When the central goes away while a pull batch is in
 * flight, each such call leaves an unhandled promise rejection (a console error in the app, a
 * failed run in the tests). The replication itself reports the outage through its own requests.
 *
 * `quietInfo` replaces `info` on the remote database instance with one that answers with the last
 * info it got (or zeros) instead of failing, and returns the original for callers that need the
 * real answer.
 */
import type { PouchDatabase, PouchDatabaseInfo } from './pouch-types';

const NOTHING_KNOWN: PouchDatabaseInfo = { doc_count: 0, update_seq: 0 };

export function quietInfo(db: PouchDatabase): () => Promise<PouchDatabaseInfo> {
  const original = db.info.bind(db);
  let last = NOTHING_KNOWN;
  const real = async (): Promise<PouchDatabaseInfo> => {
    const info = await original();
    last = info;
    return info;
  };
  db.info = () => real().catch(() => last);
  return real;
}
