/**
 * The client core as the app runs it: the unit's records in IndexedDB (pouchdb-browser, ./data/database)
 * and sync over the window's fetch and network events (./sync/browser-sync). Tests build the same
 * core with ./create-client-core over memory PouchDB instead.
 */
import type { ClientCore } from './client-core';
import { createClientCore, type ClientCoreOptions } from './create-client-core';
import { openUnitDatabase } from './data/database';
import { createBrowserSyncService } from './sync/browser-sync';

export function createBrowserClientCore(
  options: Omit<ClientCoreOptions, 'openDatabase' | 'createSyncService'>,
): ClientCore {
  return createClientCore({
    ...options,
    openDatabase: (unitCode) => openUnitDatabase(unitCode),
    createSyncService: createBrowserSyncService,
  });
}
