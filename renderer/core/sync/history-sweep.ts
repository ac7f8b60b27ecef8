/**
 * The last part of the first download's stage `history` (./initial-download): the sweep that makes
 * the device equal to the central. The central's changes feed is read from the start a page at a
 * time (`_changes?style=all_docs`: every document once with all its leaf revisions, deleted ones
 * and conflicts included); the device's winning revisions and, where those do not settle it, its
 * `revsDiff` (local reads, no document bodies) name the revisions it lacks, and only those are fetched (one
 * `_bulk_get`, history and files inline) and written: the documents that are not complaints,
 * events or reporters (packets, officer documents, settings history, design documents), the losing
 * revisions of a conflict, tombstones, and whatever changed on the central since the complaints
 * were listed. What the earlier stages wrote costs a line of the feed and a revision-tree read.
 * On a device with a budget, `keep` leaves out the documents of complaints outside it that the
 * device does not hold, before the `revsDiff`.
 */
import {
  bulkGet,
  listChanges,
  timedPart,
  type ChangeRow,
  type FetchParts,
  type InitialDownloadTarget,
  type RemoteRequest,
  type RevsDiffAnswer,
} from './download-protocol';

export type SweepPage = Readonly<{
  /** The revisions of this page the device lacked, as `_bulk_get` gave them. */
  docs: object[];
  /** The changes feed's position after this page. */
  seq: number | string;
  /** Revisions the feed named that `_bulk_get` no longer had (changed meanwhile). */
  missing: number;
  /** Documents the page listed (the sweep's pace, for the measurements). */
  listed: number;
}>;

export type SweepOptions = Readonly<{
  request: RemoteRequest;
  target: InitialDownloadTarget;
  /** Revisions to fetch per page, about (pages list more changes when the device has most). */
  batchSize: number;
  signal?: AbortSignal | undefined;
  /** The feed's position to start from (a checkpoint's), 0 from the beginning. */
  since: number | string;
  /**
   * Whether a document of the feed is wanted at all (the device budget's choice: ./initial-download);
   * absent, every one.
   */
  keep?: (id: string) => boolean;
  /** Where the time of listing and fetching goes, added up here when given (the benchmark's). */
  parts?: FetchParts | undefined;
}>;

/**
 * The revisions of `rows` the device lacks, as `revsDiff` answers. Most rows name one leaf, the
 * revision the earlier stages wrote: the device's winning revisions (one `allDocs` by keys, a
 * single IndexedDB read) settle those; only the rest (conflicts, revisions the device does not
 * have as its winner) go to `revsDiff`, which reads each document's revision tree apart.
 */
async function lackedRevisions(
  target: InitialDownloadTarget,
  rows: readonly ChangeRow[],
): Promise<RevsDiffAnswer> {
  const { rows: local } = await target.allDocs({ keys: rows.map((row) => row.id) });
  const winning = new Map<unknown, string | undefined>(local.map((row) => [row.key, row.value?.rev]));
  const unsettled = rows.filter((row) => {
    const [only, ...more] = row.changes;
    return more.length > 0 || only === undefined || winning.get(row.id) !== only.rev;
  });
  if (unsettled.length === 0) return {};
  return target.revsDiff(
    Object.fromEntries(unsettled.map((row) => [row.id, row.changes.map((change) => change.rev)])),
  );
}

/** Changes listed per page at most. */
const MAX_LISTED = 2000;

type Listed = Readonly<{
  wanted: readonly Readonly<{ id: string; rev: string }>[];
  seq: number | string;
  listed: number;
}>;

/**
 * The pages' source: each call fetches the next page (null after the last); call it again only
 * once the previous call has resolved. The page after is listed (the feed, the device's
 * `revsDiff`) while one is fetched; its documents are fetched only at the next call.
 */
export function sweepPages(options: SweepOptions): () => Promise<SweepPage | null> {
  let since = options.since;
  let done = false;
  // The pace so far: changes listed, revisions the device lacked among them.
  let listedSoFar = 0;
  let lackedSoFar = 0;
  const list = async (): Promise<Listed | null> => {
    if (done) return null;
    // About a batch of revisions to fetch per page: most of the feed is on the device already, so
    // pages list more (up to `MAX_LISTED`), and the sweep takes fewer round trips.
    const lacking =
      listedSoFar === 0 ? 1 : Math.max(lackedSoFar / listedSoFar, options.batchSize / MAX_LISTED);
    const limit = Math.min(MAX_LISTED, Math.max(options.batchSize, Math.round(options.batchSize / lacking)));
    const page = await timedPart(options.parts, 'list', () =>
      listChanges(options.request, since, limit, options.signal),
    );
    done = page.last;
    if (page.rows.length === 0) {
      done = true;
      return null;
    }
    since = page.lastSeq;
    const { keep } = options;
    const rows = keep ? page.rows.filter((row) => keep(row.id)) : page.rows;
    const diff =
      rows.length === 0
        ? {}
        : await timedPart(options.parts, 'localDiff', () => lackedRevisions(options.target, rows));
    const wanted = Object.entries(diff).flatMap(([id, { missing = [] }]) =>
      missing.map((rev) => ({ id, rev })),
    );
    listedSoFar += page.rows.length;
    lackedSoFar += wanted.length;
    return { wanted, seq: page.lastSeq, listed: page.rows.length };
  };
  let next = list();
  // A failure surfaces when it is awaited; not as an unhandled rejection before that.
  next.catch(() => undefined);
  return async () => {
    const listed = await next;
    if (listed === null) return null;
    next = list();
    next.catch(() => undefined);
    const { docs, missing } = await timedPart(options.parts, 'bulkGet', () =>
      bulkGet(options.request, listed.wanted, options.signal),
    );
    return { docs, seq: listed.seq, missing, listed: listed.listed };
  };
}
