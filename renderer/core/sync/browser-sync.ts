/**
 * The sync service as the renderer runs it: pouchdb-browser (http adapter and replication
 * included), the window's fetch and timers, and navigator.onLine with its online/offline events.
 * The client core creates one per unit database (../create-client-core, ../use-cases/sync).
 */
import PouchDB from 'pouchdb-browser';
import type { UnitDatabase } from '../data/database';
import type { NetworkSource } from './sync-dependencies';
import { SyncService } from './sync-service';

/** navigator.onLine: false means no network for sure; true only that some network is up. */
export const browserNetwork: NetworkSource = {
  isOnline: () => navigator.onLine,
  subscribe(listener) {
    const online = (): void => listener(true);
    const offline = (): void => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
};

export function createBrowserSyncService(localDb: UnitDatabase): SyncService<UnitDatabase> {
  return new SyncService<UnitDatabase>({
    PouchDB,
    localDb,
    fetch: (url, init) => window.fetch(url, init),
    network: browserNetwork,
  });
}
