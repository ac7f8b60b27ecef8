/**
 * PouchDB with the in-memory adapter for unit tests (docs/decisions/011-real-server-in-tests.md):
 * the same PouchDB core and API as the app's IndexedDB build, without a browser.
 */
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';

PouchDB.plugin(memoryAdapter);

export function memoryDatabase(name = `test-${crypto.randomUUID()}`): PouchDB.Database {
  return new PouchDB(name, { adapter: 'memory' });
}
