/**
 * Dexie schemas of the search index's tables (DeviceDatabase v7): one row per complaint, keyed by
 * its id, with a multi-entry index over its keys (shared/search/search-keys). Identity keys live in
 * a table of their own.
 */
export const SEARCH_CONTENT_SCHEMA = 'id, *keys';
export const SEARCH_IDENTITY_SCHEMA = 'id, *keys';
