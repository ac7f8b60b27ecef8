/**
 * The parts of PouchDB the sync service uses, as structural types: the app passes pouchdb-browser
 * (../data/database), Node tests pass pouchdb-core with the memory, http and replication plugins.
 * Both fit without casts. Written against PouchDB 9's behaviour (pouchdb-replication): a
 * replication emits 'active', 'paused', 'change' (a ReplicationResult with the written `docs`),
 * 'denied' (one refused document), 'checkpoint' (`{checkpoint: seq}` once a batch's checkpoint is
 * stored), 'complete' and, with `retry: false`, 'error' once.
 */

/** The fetch PouchDB's http adapter calls (it passes a URL string; the type allows a Request). */
export type FetchFunction = (input: string | Request, init?: RequestInit) => Promise<Response>;

/** What a replication or changes feed lets the service do: listen, and cancel. */
export interface PouchEmitter {
  on(event: string, listener: (value: unknown) => void): unknown;
  cancel(): void;
}

export interface PouchReplication extends PouchEmitter, PromiseLike<unknown> {}

/** One entry of a changes feed: the document, and its current (winning) revision first. */
export type PouchChange = Readonly<{
  id: string;
  seq: number | string;
  changes: readonly Readonly<{ rev: string }>[];
}>;

export interface PouchChanges extends PouchEmitter, PromiseLike<{ results: readonly PouchChange[] }> {}

export type PouchDatabaseInfo = Readonly<{
  doc_count: number;
  update_seq: number | string;
  /** CouchDB's count of deleted documents (not given by every server). */
  doc_del_count?: number;
}>;

export type PouchChangesOptions = Readonly<{
  since: number | string;
  live?: boolean;
  return_docs?: boolean;
  include_docs?: boolean;
}>;

export type PouchReplicationOptions = Readonly<{
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  doc_ids?: string[];
  checkpoint?: boolean;
  /** Start here, stored as the replication's checkpoint first (PouchDB 9's replicate). */
  since?: number | string;
  /**
   * A client-side filter (the changes feed then carries each document); its `toString()` is part
   * of the replication's id (./budget-pull-filter).
   */
  filter?: (doc: Readonly<{ _id?: unknown }>) => boolean;
}>;

export type PouchRemoteOptions = Readonly<{
  auth: Readonly<{ username: string; password: string }>;
  /** Never create the database: the central provisions it, and a unit user may not. */
  skip_setup: true;
  fetch: FetchFunction;
}>;

/** The parts of a database (local or remote) the sync uses. */
export interface PouchDatabase {
  info(): Promise<PouchDatabaseInfo>;
  changes(options: PouchChangesOptions): PouchChanges;
  get(id: string): Promise<object>;
  put(doc: { _id: string; _rev?: string }): Promise<{ rev: string }>;
}

/**
 * The PouchDB constructor: opens the remote database and replicates. Generic in the database type
 * so that PouchDB's own (generic) `replicate` fits it without a cast.
 */
export interface PouchFactory<Db extends PouchDatabase> {
  new (name: string, options: PouchRemoteOptions): Db;
  replicate(source: Db, target: Db, options: PouchReplicationOptions): PouchReplication;
}
