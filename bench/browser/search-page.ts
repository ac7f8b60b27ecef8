/**
 * The Chromium page of the search measurement (bundled and served by ../chromium-page for
 * ../search): builds the search index in IndexedDB with the app's code and times the queries
 * (../search-run), in steps the Node side calls one by one so it can read the heap in between.
 */
import { DeviceDatabase } from '../../renderer/core/data/device-database';
import type { SearchIndex } from '../../renderer/core/search/search-index';
import {
  buildSearchIndex,
  loadSearchIndex,
  timeNaiveScan,
  timeSearches,
  type SearchLoadTimes,
  type SearchTimes,
} from '../search-run';
import { pageLog } from './page-log';

export type SearchPageApi = Readonly<{
  build: (complaints: number) => Promise<{ buildMs: number; userAgent: string }>;
  /** As at a start: a new database connection and index, loaded from the rows; the built index dropped. */
  load: () => Promise<SearchLoadTimes>;
  search: (rounds: number) => Promise<SearchTimes>;
  naive: (complaints: number, rounds: number) => number[];
  close: () => Promise<void>;
}>;

let built: { db: DeviceDatabase; index: SearchIndex } | undefined;

const api: SearchPageApi = {
  build: async (complaints) => {
    const result = await buildSearchIndex(`bench-search-${Date.now()}`, complaints, pageLog);
    built = { db: result.db, index: result.index };
    return { buildMs: result.buildMs, userAgent: globalThis.navigator.userAgent };
  },
  load: async () => {
    if (!built) throw new Error('build first');
    const name = built.db.name;
    built.db.close();
    const db = new DeviceDatabase(name);
    await db.open();
    const { index, times } = await loadSearchIndex(db, pageLog);
    built = { db, index };
    return times;
  },
  search: (rounds) => {
    if (!built) throw new Error('build first');
    return timeSearches(built.db, built.index, rounds);
  },
  naive: (complaints, rounds) => timeNaiveScan(complaints, rounds),
  close: async () => {
    await built?.db.delete();
    built = undefined;
  },
};

(globalThis as typeof globalThis & { mejaAduanSearchBench?: SearchPageApi }).mejaAduanSearchBench = api;
