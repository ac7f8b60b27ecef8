/**
 * Dexie schemas of the search index's tables: one row per complaint, keyed by its id
 * (shared/search/search-keys); identity keys live in a table of their own. v7 had a multi-entry
 * index over the keys; from v8 the rows are plain (queried in memory: ./search-index).
 */
export const SEARCH_CONTENT_SCHEMA = 'id, *keys';
export const SEARCH_IDENTITY_SCHEMA = 'id, *keys';
/** v8 on: rows by id only. */
export const SEARCH_ROWS_SCHEMA = 'id';
/** v9: the in-memory structure saved (./search-index, SearchSnapshotRow): a manifest and its parts. */
export const SEARCH_SNAPSHOT_SCHEMA = 'id';

export type SuffixSnapshot = Readonly<{ terms: string; docs: Uint32Array }>;

/**
 * The in-memory structure saved (the rows of `searchSnapshot`): loading it at a start is much
 * faster than reading every row. It is saved in parts, each put in its own task of one
 * transaction (the main thread is never held long by building or cloning it), the manifest
 * (`SNAPSHOT_ID`) last; a snapshot is there when its manifest is. Any write deletes it in its own
 * transaction (so it is never stale) and it is saved again once the writes pause.
 */
export type SearchSnapshotRow = SnapshotManifest | SnapshotPart;

/** The snapshot's manifest: its parts are rows `<id>:0` … `<id>:<parts - 1>`. */
export type SnapshotManifest = Readonly<{
  id: string;
  version: number;
  ordered: boolean;
  parts: number;
}>;

export type SnapshotPart = Readonly<
  { id: string } & (
    | {
        /** Complaint ids by number, `\n`-joined ('' for a deleted number). */
        kind: 'ids';
        ids: string;
      }
    | {
        /** Some word keys, `\n`-joined; key i's postings are `postings[offsets[i] .. offsets[i + 1])`. */
        kind: 'words';
        keys: string;
        offsets: Uint32Array;
        postings: Uint32Array;
      }
    | ({ kind: 'suffix'; part: string } & SuffixSnapshot)
  )
>;
