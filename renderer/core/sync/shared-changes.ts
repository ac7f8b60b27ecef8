/**
 * One live changes feed per local database, shared by everyone who follows its writes: the
 * records (views refresh), the complaint index and the sync's count of unsent changes. PouchDB
 * gives every live feed its own catch-up query on each write, and each query and feed holds a
 * listener on the database while it runs: three feeds of our own plus the replication's own feed
 * went past EventEmitter's limit of ten on every write once sync ran ("MaxListenersExceeded …
 * destroyed listeners"). One feed keeps the count low, whatever the number of followers; it
 * opens with the first follower and closes when the last one leaves.
 */
import type { PouchChange, PouchChanges, PouchDatabase } from './pouch-types';

/** A change as the shared feed gives it: with the document (the index reads it). */
export type SharedChange = PouchChange & Readonly<{ doc?: object }>;

type Follower = (change: SharedChange) => void;
type Hub = { feed: PouchChanges; followers: Set<Follower> };

const hubs = new WeakMap<PouchDatabase, Hub>();

/** Calls `onChange` for every change written to `db` from now on; returns the function that stops. */
export function followChanges(db: PouchDatabase, onChange: Follower): () => void {
  let hub = hubs.get(db);
  if (!hub) {
    const followers = new Set<Follower>();
    const feed = db.changes({ since: 'now', live: true, return_docs: false, include_docs: true });
    feed.on('change', (value) => {
      for (const follower of [...followers]) follower(value as SharedChange);
    });
    hub = { feed, followers };
    hubs.set(db, hub);
  }
  const current = hub;
  const follower: Follower = (change) => onChange(change);
  current.followers.add(follower);
  return () => {
    if (!current.followers.delete(follower) || current.followers.size > 0) return;
    current.feed.cancel();
    if (hubs.get(db) === current) hubs.delete(db);
  };
}
