/**
 * Dexie schemas of the search index's tables: one row per complaint, keyed by its id
 * (shared/search/search-keys); identity keys live in a table of their own. v7 had a multi-entry
 * index over the keys; from v8 the rows are plain (queried in memory: ./search-index).
 */
export const SEARCH_CONTENT_SCHEMA = 'id, *keys';
export const SEARCH_IDENTITY_SCHEMA = 'id, *keys';
/** v8 on: rows by id only. */
export const SEARCH_ROWS_SCHEMA = 'id';
/** v9: the in-memory structure saved whole (./search-index SearchSnapshotRow), one row. */
export const SEARCH_SNAPSHOT_SCHEMA = 'id';

export type SuffixSnapshot = Readonly<{ terms: string; docs: Uint32Array }>;

/**
 * The in-memory structure saved whole (one row of `searchSnapshot`): loading it at a start is much
 * faster than reading every row. Any write deletes it in its own transaction (so it is never stale)
 * and it is saved again once the writes pause.
 */
export type SearchSnapshotRow = Readonly<{
  id: string;
  version: number;
  /** Complaint ids by number, `\n`-joined ('' for a deleted number). */
  ids: string;
  ordered: boolean;
  /** Word keys, `\n`-joined; key i's numbers are `postings[offsets[i] .. offsets[i + 1])`. */
  keys: string;
  offsets: Uint32Array;
  postings: Uint32Array;
  suffixes: readonly (Readonly<{ part: string }> & SuffixSnapshot)[];
}>;
