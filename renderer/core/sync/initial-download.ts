/**
 * The first download of a unit's database to a new device, pipelined (the shape CHT's initial
 * replication proved): the database's update sequence is noted first; the central's changes feed
 * is then read a page at a time (`_changes?style=all_docs`: every document once, with its leaf
 * revisions, tombstones and conflicts included), each page's revisions are fetched with one
 * `_bulk_get` (`revs=true`, `latest=true`, `attachments=true`: the revision history PouchDB needs
 * to merge, and the files inline) and written with `bulkDocs({ new_edits: false })`, as PouchDB's
 * replicator writes them. While one batch is written, the next page is listed and fetched, so the
 * network and the disk work at the same time (PouchDB's replicator runs changes, revs_diff,
 * bulk_get, write and checkpoint one after another). Afterwards the normal replication is to start
 * from the noted sequence (PouchDB's `since`, which stores it as the pull's checkpoint): what
 * changed on the central meanwhile comes with it, nothing already here is fetched again.
 *
 * Not yet used by the sync service (./sync-service still downloads with PouchDB's pull): measured
 * first (bench/first-sync.ts), wired in once the figures say so.
 *
 * First, before the changes feed, the unit's own documents (profile, settings, offices, officers, the
 * unit key's documents: `UNIT_DOCUMENT_IDS`, `UNIT_DOCUMENT_PREFIXES`) are fetched and written in
 * one batch, so that the desk can take an intake within seconds while the records come.
 *
 * After every written batch `onBatch` gets a checkpoint (the noted sequence, the feed's position
 * and the documents written so far); given back as `resumeFrom`, the download goes on from there
 * (a closed app, a dropped network): at most the one batch being fetched when it stopped is fetched
 * again. Every document is written whole with its history, so a half-written batch never exists
 * (one `bulkDocs` is one IndexedDB transaction).
 */

import { assertBulkWritten, type BulkResult } from '../../../shared/couch/pouch-toolkit';
import { UNIT_KEY_ID_PREFIX } from '../../../shared/crypto/unit-key-document';
import { UNIT_PROFILE_ID } from '../../../shared/ids/document-ids';
import { OFFICER_ID_PREFIX } from '../../../shared/unit/officer-document';
import { UNIT_OFFICES_ID, UNIT_SETTINGS_ID } from '../../../shared/unit/unit-settings';

/** pouchdb-adapter-http's `fetch(path)`: a request to the remote database with its credentials. */
export type RemoteRequest = (path: string, init?: RequestInit) => Promise<Response>;

/** What the download writes into: PouchDB's `bulkDocs` (the unit's local database). */
export type DownloadTarget = Readonly<{
  bulkDocs(docs: object[], options: { new_edits: false }): Promise<readonly BulkResult[]>;
}>;

export type InitialDownloadCheckpoint = Readonly<{
  /** The central's update sequence noted before the first page: the replication starts there. */
  since: number | string;
  /** The changes feed's position after the last written batch. */
  changesSeq: number | string;
  /** Documents (revisions) written so far, across resumes. */
  docsWritten: number;
}>;

export type DownloadedBatch = Readonly<{
  /** Every document revision written in this batch. */
  docs: readonly Readonly<{ id: string; rev: string }>[];
  checkpoint: InitialDownloadCheckpoint;
}>;

export type InitialDownloadOptions = Readonly<{
  request: RemoteRequest;
  target: DownloadTarget;
  /** Documents per page of the changes feed (and per `_bulk_get` and `bulkDocs`). */
  batchSize: number;
  /** Where an interrupted download stopped (its last checkpoint), or null to start. */
  resumeFrom?: InitialDownloadCheckpoint | null;
  /** Aborts the requests; the download then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after every written batch, before the next is written (store the checkpoint here). */
  onBatch?: (batch: DownloadedBatch) => Promise<void> | void;
}>;

export type InitialDownloadResult = InitialDownloadCheckpoint &
  Readonly<{
    /** Revisions the changes feed named that `_bulk_get` no longer had (changed meanwhile). */
    missing: number;
  }>;

type ChangeRow = Readonly<{
  id: string;
  seq: number | string;
  changes: readonly Readonly<{ rev: string }>[];
}>;

type ChangesPage = Readonly<{ rows: readonly ChangeRow[]; lastSeq: number | string; last: boolean }>;

type FetchedBatch = Readonly<{ page: ChangesPage; docs: object[]; missing: number }>;

/** A CouchDB error answer as PouchDB throws it (`status`, `error`, `reason`), for classify-error. */
async function answerOf(response: Response): Promise<unknown> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    if (response.ok) throw new SyntaxError('The central server’s answer is not JSON.');
  }
  if (!response.ok) {
    const reason = typeof body.reason === 'string' ? body.reason : response.statusText;
    const name = typeof body.error === 'string' ? body.error : `http_${response.status}`;
    throw Object.assign(new Error(reason), { status: response.status, name, error: name, reason });
  }
  return body;
}

function jsonInit(signal: AbortSignal | undefined, init: RequestInit = {}): RequestInit {
  const headers = new Headers({ Accept: 'application/json' });
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  return { ...init, headers, ...(signal ? { signal } : {}) };
}

/** The database's update sequence now (`GET /<db>`). */
export async function currentUpdateSeq(
  request: RemoteRequest,
  signal?: AbortSignal,
): Promise<number | string> {
  const info = (await answerOf(await request('', jsonInit(signal)))) as { update_seq?: unknown };
  const seq = info.update_seq;
  if (typeof seq !== 'number' && typeof seq !== 'string') {
    throw new SyntaxError('The central server’s answer has no update sequence.');
  }
  return seq;
}

async function listPage(
  request: RemoteRequest,
  since: number | string,
  limit: number,
  signal: AbortSignal | undefined,
): Promise<ChangesPage> {
  const query = new URLSearchParams({ style: 'all_docs', since: String(since), limit: String(limit) });
  const body = (await answerOf(await request(`_changes?${query.toString()}`, jsonInit(signal)))) as {
    results?: unknown;
    last_seq?: unknown;
    pending?: unknown;
  };
  const rows = Array.isArray(body.results) ? (body.results as ChangeRow[]) : [];
  const lastSeq =
    typeof body.last_seq === 'number' || typeof body.last_seq === 'string' ? body.last_seq : since;
  // CouchDB says how many changes are left; other servers: a short page is the last.
  const last = typeof body.pending === 'number' ? body.pending === 0 : rows.length < limit;
  return { rows, lastSeq, last };
}

/**
 * The unit's own documents, fetched before the records so that the desk can take an intake while
 * the rest comes: profile, settings, offices, the officer roster, the unit key's documents.
 */
export const UNIT_DOCUMENT_IDS: readonly string[] = [UNIT_PROFILE_ID, UNIT_SETTINGS_ID, UNIT_OFFICES_ID];
export const UNIT_DOCUMENT_PREFIXES: readonly string[] = [OFFICER_ID_PREFIX, UNIT_KEY_ID_PREFIX];

/** The ids of the unit's own documents on the central (`_all_docs` per prefix). */
async function unitDocumentIds(request: RemoteRequest, signal: AbortSignal | undefined): Promise<string[]> {
  const ids = [...UNIT_DOCUMENT_IDS];
  for (const prefix of UNIT_DOCUMENT_PREFIXES) {
    const query = new URLSearchParams({
      startkey: JSON.stringify(prefix),
      endkey: JSON.stringify(`${prefix}\ufff0`),
    });
    const body = (await answerOf(await request(`_all_docs?${query.toString()}`, jsonInit(signal)))) as {
      rows?: unknown;
    };
    const rows = Array.isArray(body.rows) ? (body.rows as { id?: unknown }[]) : [];
    for (const row of rows) if (typeof row.id === 'string') ids.push(row.id);
  }
  return ids;
}

type BulkGetAnswer = Readonly<{
  results?: readonly Readonly<{
    docs?: readonly Readonly<{ ok?: object; error?: Readonly<{ error?: string; reason?: string }> }>[];
  }>[];
}>;

/** `_bulk_get` of `wanted` (a revision each, or the current one): the documents, and how many were not found. */
async function bulkGet(
  request: RemoteRequest,
  wanted: readonly Readonly<{ id: string; rev?: string }>[],
  signal: AbortSignal | undefined,
): Promise<{ docs: object[]; missing: number }> {
  if (wanted.length === 0) return { docs: [], missing: 0 };
  const answer = (await answerOf(
    await request(
      '_bulk_get?revs=true&latest=true&attachments=true',
      jsonInit(signal, { method: 'POST', body: JSON.stringify({ docs: wanted }) }),
    ),
  )) as BulkGetAnswer;
  const docs: object[] = [];
  let missing = 0;
  for (const result of answer.results ?? []) {
    for (const entry of result.docs ?? []) {
      if (entry.ok) docs.push(entry.ok);
      else if (entry.error?.error === 'not_found') missing += 1;
      else {
        const { error = 'unknown', reason = '' } = entry.error ?? {};
        throw Object.assign(new Error(`_bulk_get refused a document: ${error} ${reason}`.trim()), {
          status: 500,
          name: error,
          error,
          reason,
        });
      }
    }
  }
  return { docs, missing };
}

async function fetchRevisions(
  request: RemoteRequest,
  page: ChangesPage,
  signal: AbortSignal | undefined,
  skip: ReadonlySet<string>,
): Promise<FetchedBatch> {
  const wanted = page.rows.flatMap((row) =>
    row.changes.flatMap((change) =>
      skip.has(`${row.id} ${change.rev}`) ? [] : [{ id: row.id, rev: change.rev }],
    ),
  );
  return { page, ...(await bulkGet(request, wanted, signal)) };
}

function idAndRev(doc: object): { id: string; rev: string } {
  const { _id: id, _rev: rev } = doc as { _id?: unknown; _rev?: unknown };
  return { id: typeof id === 'string' ? id : '', rev: typeof rev === 'string' ? rev : '' };
}

/** Downloads every document of the remote database into `target` (see the file comment). */
export async function initialDownload(options: InitialDownloadOptions): Promise<InitialDownloadResult> {
  const { request, target, batchSize, signal, onBatch } = options;
  const resume = options.resumeFrom ?? null;
  const since = resume?.since ?? (await currentUpdateSeq(request, signal));
  let docsWritten = resume?.docsWritten ?? 0;
  let changesSeq: number | string = resume?.changesSeq ?? 0;
  let missing = 0;
  // Revisions the first stage wrote: the changes feed names them again.
  const written = new Set<string>();

  if (resume === null) {
    // Stage 1: the unit's own documents (those it does not have yet are simply not found).
    const { docs } = await bulkGet(
      request,
      (await unitDocumentIds(request, signal)).map((id) => ({ id })),
      signal,
    );
    if (docs.length > 0) {
      assertBulkWritten(await target.bulkDocs(docs, { new_edits: false }));
      signal?.throwIfAborted();
      docsWritten += docs.length;
      const revisions = docs.map(idAndRev);
      for (const { id, rev } of revisions) written.add(`${id} ${rev}`);
      await onBatch?.({ docs: revisions, checkpoint: { since, changesSeq, docsWritten } });
    }
  }

  let listing: Promise<ChangesPage | null> = listPage(request, changesSeq, batchSize, signal);
  const fetchNext = async (): Promise<FetchedBatch | null> => {
    const page = await listing;
    if (page === null || page.rows.length === 0) return null;
    // The next page is listed while this one's documents are fetched and written.
    listing = page.last ? Promise.resolve(null) : listPage(request, page.lastSeq, batchSize, signal);
    // A failure surfaces when it is awaited; not as an unhandled rejection before that.
    listing.catch(() => undefined);
    return fetchRevisions(request, page, signal, written);
  };

  let next = fetchNext();
  next.catch(() => undefined);
  for (;;) {
    const batch = await next;
    if (batch === null) break;
    signal?.throwIfAborted();
    // Fetch batch n+1 while batch n is written.
    next = fetchNext();
    next.catch(() => undefined);
    if (batch.docs.length > 0) {
      assertBulkWritten(
        await target.bulkDocs(batch.docs, { new_edits: false }),
        `(${docsWritten} written before)`,
      );
    }
    signal?.throwIfAborted();
    docsWritten += batch.docs.length;
    missing += batch.missing;
    changesSeq = batch.page.lastSeq;
    await onBatch?.({ docs: batch.docs.map(idAndRev), checkpoint: { since, changesSeq, docsWritten } });
  }
  return { since, changesSeq, docsWritten, missing };
}
