/**
 * The requests the first download (./initial-download) sends to the central's unit database, and
 * how it reads the answers: CouchDB's error answers become errors as PouchDB throws them (`status`,
 * `error`, `reason`: ./classify-error reads them), `_bulk_get` of chosen revisions with their
 * history and files, the changes feed a page at a time, `_all_docs` queries.
 */
import type { BulkResult } from '../../../shared/couch/pouch-toolkit';

/** pouchdb-adapter-http's `fetch(path)`: a request to the remote database with its credentials. */
export type RemoteRequest = (path: string, init?: RequestInit) => Promise<Response>;

/** PouchDB's `revsDiff` answer: per document, its revisions this database does not hold. */
export type RevsDiffAnswer = Readonly<Record<string, Readonly<{ missing?: readonly string[] }>>>;

/** What a download writes into: PouchDB's `bulkDocs` (the unit's local database). */
export type DownloadTarget = Readonly<{
  bulkDocs(docs: object[], options: { new_edits: false }): Promise<readonly BulkResult[]>;
}>;

/** PouchDB's `allDocs({ keys })` answer, as the sweep reads it: each key's winning revision. */
export type LocalAllDocsAnswer = Readonly<{
  rows: readonly Readonly<{ key?: unknown; value?: Readonly<{ rev?: string; deleted?: boolean }> }>[];
}>;

/**
 * What the first download writes into (the unit's local PouchDB database): `bulkDocs` with the
 * central's revisions; `allDocs` by keys (the winning revisions, one read) and `revsDiff` (the
 * revision trees) to skip what the device holds already.
 */
export type InitialDownloadTarget = DownloadTarget &
  Readonly<{
    revsDiff(diff: Record<string, string[]>): Promise<RevsDiffAnswer>;
    /** By keys (the sweep's winning revisions) or an id range, keys only (the complaints held). */
    allDocs(options: { keys: string[] } | { startkey: string; endkey: string }): Promise<LocalAllDocsAnswer>;
  }>;

/** A document revision: what `_bulk_get` is asked for, and what a batch reports written. */
export type Revision = Readonly<{ id: string; rev: string }>;

/**
 * Milliseconds a download's page source spent per kind of step (listing, the device's `revsDiff`,
 * the events' queries, `_bulk_get`), summed over its pages; these run while earlier pages are
 * written, so they say why the writer waited, not how long the download took.
 */
export type FetchParts = Record<'list' | 'localDiff' | 'related' | 'bulkGet', number>;

export const noFetchParts = (): FetchParts => ({ list: 0, localDiff: 0, related: 0, bulkGet: 0 });

/** `work`, its time added to `parts[part]` (when parts are kept). */
export async function timedPart<T>(
  parts: FetchParts | undefined,
  part: keyof FetchParts,
  work: () => Promise<T>,
): Promise<T> {
  if (!parts) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    parts[part] += performance.now() - start;
  }
}

/** A CouchDB error answer as PouchDB throws it (`status`, `error`, `reason`), for classify-error. */
export async function answerOf(response: Response): Promise<unknown> {
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

/** The HTTP status of an error `answerOf` threw, or null. */
export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

export function jsonInit(signal: AbortSignal | undefined, init: RequestInit = {}): RequestInit {
  const headers = new Headers({ Accept: 'application/json' });
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  return { ...init, headers, ...(signal ? { signal } : {}) };
}

/** `GET` of `path` as JSON. */
export async function getJson(
  request: RemoteRequest,
  path: string,
  signal: AbortSignal | undefined,
): Promise<Record<string, unknown>> {
  return (await answerOf(await request(path, jsonInit(signal)))) as Record<string, unknown>;
}

/** `POST` of `body` to `path`, as JSON. */
export async function postJson(
  request: RemoteRequest,
  path: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<Record<string, unknown>> {
  const init = jsonInit(signal, { method: 'POST', body: JSON.stringify(body) });
  return (await answerOf(await request(path, init))) as Record<string, unknown>;
}

export type DatabaseInfo = Readonly<{ updateSeq: number | string; docCount: number; docDelCount: number }>;

/** The database's update sequence and document counts now (`GET /<db>`). */
export async function databaseInfo(request: RemoteRequest, signal?: AbortSignal): Promise<DatabaseInfo> {
  const info = await getJson(request, '', signal);
  const seq = info.update_seq;
  if (typeof seq !== 'number' && typeof seq !== 'string') {
    throw new SyntaxError('The central server’s answer has no update sequence.');
  }
  const count = (value: unknown): number => (typeof value === 'number' ? value : 0);
  return { updateSeq: seq, docCount: count(info.doc_count), docDelCount: count(info.doc_del_count) };
}

/** The database's update sequence now (`GET /<db>`). */
export async function currentUpdateSeq(
  request: RemoteRequest,
  signal?: AbortSignal,
): Promise<number | string> {
  return (await databaseInfo(request, signal)).updateSeq;
}

type BulkGetAnswer = Readonly<{
  results?: readonly Readonly<{
    docs?: readonly Readonly<{ ok?: object; error?: Readonly<{ error?: string; reason?: string }> }>[];
  }>[];
}>;

/**
 * `_bulk_get` of `wanted` (a revision each, or the current one) with `revs=true` (the history
 * PouchDB needs to merge), `latest=true` (a revision replaced meanwhile: its newest leaf) and
 * `attachments=true` (the files inline): the documents, and how many were not found. With
 * `files: false`, documents to read and not to store: no history, files as stubs.
 */
export async function bulkGet(
  request: RemoteRequest,
  wanted: readonly Readonly<{ id: string; rev?: string }>[],
  signal: AbortSignal | undefined,
  files = true,
): Promise<{ docs: object[]; missing: number }> {
  if (wanted.length === 0) return { docs: [], missing: 0 };
  const answer = (await postJson(
    request,
    files ? '_bulk_get?revs=true&latest=true&attachments=true' : '_bulk_get?latest=true',
    { docs: wanted },
    signal,
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

export function idAndRev(doc: object): Revision {
  const { _id: id, _rev: rev } = doc as { _id?: unknown; _rev?: unknown };
  return { id: typeof id === 'string' ? id : '', rev: typeof rev === 'string' ? rev : '' };
}

export type ChangeRow = Readonly<{
  id: string;
  seq: number | string;
  changes: readonly Readonly<{ rev: string }>[];
}>;

export type ChangesPage = Readonly<{ rows: readonly ChangeRow[]; lastSeq: number | string; last: boolean }>;

/** One page of `_changes?style=all_docs` (every document once, with all its leaf revisions). */
export async function listChanges(
  request: RemoteRequest,
  since: number | string,
  limit: number,
  signal: AbortSignal | undefined,
): Promise<ChangesPage> {
  const query = new URLSearchParams({ style: 'all_docs', since: String(since), limit: String(limit) });
  const body = await getJson(request, `_changes?${query.toString()}`, signal);
  const rows = Array.isArray(body.results) ? (body.results as ChangeRow[]) : [];
  const lastSeq =
    typeof body.last_seq === 'number' || typeof body.last_seq === 'string' ? body.last_seq : since;
  // CouchDB says how many changes are left; other servers: a short page is the last.
  const last = typeof body.pending === 'number' ? body.pending === 0 : rows.length < limit;
  return { rows, lastSeq, last };
}

/** A row of `_all_docs` without the documents: a live one, a deleted one (asked by key), or none. */
export type AllDocsRow = Readonly<{
  id?: string;
  key?: unknown;
  value?: Readonly<{ rev?: string; deleted?: boolean }>;
  /** With `include_docs`: the document (its winning revision, files as stubs). */
  doc?: unknown;
  error?: string;
}>;

/** An `_all_docs` query: an id range, or ids; with `include_docs`, each row with its document. */
export type AllDocsQuery = (
  Readonly<{ startkey: string; endkey: string }> | Readonly<{ keys: readonly string[] }>
) &
  Readonly<{ include_docs?: true }>;

function rowsOf(body: Record<string, unknown>): AllDocsRow[] {
  return Array.isArray(body.rows) ? (body.rows as AllDocsRow[]) : [];
}

/** One `_all_docs` query on its own (a range by GET, ids by POST). */
async function allDocsQuery(
  request: RemoteRequest,
  query: AllDocsQuery,
  signal: AbortSignal | undefined,
): Promise<AllDocsRow[]> {
  const withDocs = query.include_docs === true;
  if ('keys' in query) {
    const body = { keys: query.keys, ...(withDocs ? { include_docs: true } : {}) };
    return rowsOf(await postJson(request, '_all_docs', body, signal));
  }
  const params = new URLSearchParams({
    startkey: JSON.stringify(query.startkey),
    endkey: JSON.stringify(query.endkey),
    ...(withDocs ? { include_docs: 'true' } : {}),
  });
  return rowsOf(await getJson(request, `_all_docs?${params.toString()}`, signal));
}

/** Queries per `_all_docs/queries` request, and such requests at a time (as the national projector). */
const QUERIES_PER_REQUEST = 25;
const CONCURRENT_REQUESTS = 4;

/**
 * The rows of each query, in order: `_all_docs/queries` (CouchDB 2.2+), 25 queries per request, 4
 * requests at a time; a server without it (pouchdb-server) is asked one query at a time.
 */
export async function allDocsQueries(
  request: RemoteRequest,
  queries: readonly AllDocsQuery[],
  signal: AbortSignal | undefined,
): Promise<AllDocsRow[][]> {
  const chunks: AllDocsQuery[][] = [];
  for (let index = 0; index < queries.length; index += QUERIES_PER_REQUEST) {
    chunks.push(queries.slice(index, index + QUERIES_PER_REQUEST));
  }
  const answers: AllDocsRow[][][] = [];
  for (let index = 0; index < chunks.length; index += CONCURRENT_REQUESTS) {
    answers.push(
      ...(await Promise.all(
        chunks.slice(index, index + CONCURRENT_REQUESTS).map((chunk) => queryChunk(request, chunk, signal)),
      )),
    );
  }
  return answers.flat();
}

async function queryChunk(
  request: RemoteRequest,
  chunk: readonly AllDocsQuery[],
  signal: AbortSignal | undefined,
): Promise<AllDocsRow[][]> {
  try {
    const body = await postJson(request, '_all_docs/queries', { queries: chunk }, signal);
    const results = Array.isArray(body.results) ? (body.results as Record<string, unknown>[]) : [];
    if (results.length !== chunk.length) throw new SyntaxError('Unexpected answer from _all_docs/queries.');
    return results.map(rowsOf);
  } catch (error) {
    // pouchdb-server takes `_all_docs/queries` for a document id: one query at a time there.
    const status = statusOf(error);
    if (status === null || status < 400 || status >= 500 || status === 401 || status === 403) throw error;
    return Promise.all(chunk.map((query) => allDocsQuery(request, query, signal)));
  }
}
