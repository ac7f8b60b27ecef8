/**
 * What the sync service takes from its surroundings, so that the same code runs in the renderer
 * (pouchdb-browser, window.fetch, window timers, navigator.onLine: ./browser-sync) and in Node
 * tests (pouchdb-core with the memory adapter, Node's fetch, real or fake timers, a scripted
 * network).
 */
import type { SyncMachineConfig } from '../../../shared/sync/sync-machine';
import type { FetchFunction, PouchDatabase, PouchFactory } from './pouch-types';

export type { FetchFunction } from './pouch-types';

export type SyncTimers = Readonly<{
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}>;

/** Whether the device has a network, and when that changes (navigator.onLine and its events). */
export type NetworkSource = Readonly<{
  isOnline(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
}>;

export type SyncServiceDependencies<Db extends PouchDatabase> = Readonly<{
  /** The PouchDB constructor with the http adapter and replication (pouchdb-browser in the app). */
  PouchDB: PouchFactory<Db>;
  /** The unit's local database (../data/database `openUnitDatabase`). */
  localDb: Db;
  /** Default: the global fetch. */
  fetch?: FetchFunction;
  /** Default: the global setTimeout and clearTimeout. */
  timers?: SyncTimers;
  /** Default: always online. */
  network?: NetworkSource;
  /** Default: Date.now. */
  now?: () => number;
  /** Back-off, batch sizes and the jitter's random source (default ../../shared/sync/sync-machine). */
  machine?: Partial<SyncMachineConfig>;
  /** How long a cancelled replication may take to wind down before the next starts anyway. Default 5 s. */
  cancelGraceMs?: number;
}>;

export const GLOBAL_TIMERS: SyncTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};

export const ALWAYS_ONLINE: NetworkSource = {
  isOnline: () => true,
  subscribe: () => () => undefined,
};
