/**
 * Dexie schemas of the search index's tables: one row per complaint, keyed by its id
 * (shared/search/search-keys); identity keys live in a table of their own. v7 had a multi-entry
 * index over the keys; from v8 the rows are plain (queried in memory: ./search-index).
 */
export const SEARCH_CONTENT_SCHEMA = 'id, *keys';
export const SEARCH_IDENTITY_SCHEMA = 'id, *keys';
/** v8 on: rows by id only. */
export const SEARCH_ROWS_SCHEMA = 'id';
