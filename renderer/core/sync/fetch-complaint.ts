/**
 * One complaint fetched whole from the central, on demand: while the first download to a new
 * device is under way, a tracking number asked for at the desk may name a complaint the device
 * does not hold yet. Its documents are found by their ids and written as replication writes them,
 * so that the later replication sees them as already here (nothing fetched twice, no conflict):
 *
 *   1. the complaint: `_all_docs` over the `complaint:` ids received on the tracking number's
 *      unit-local date and the day before (ids carry the UTC receipt time; Indonesian time is
 *      UTC+7..+9, so the local day starts on the UTC day before), matched by the whole tracking
 *      number parsed from each id, never by a loose prefix; and its events: `_all_docs` over
 *      `event:<trackingNumber>:` (the `:` keeps `…-0001` from matching `…-00010`), both at once;
 *   2. every leaf revision of the complaint, its events and `reporter:<trackingNumber>` (deleted,
 *      or absent when anonymous or purged): `_changes?filter=_doc_ids&style=all_docs`, as
 *      replication lists them (tombstones and conflicting branches included), at most
 *      DOC_IDS_PER_REQUEST ids a request (CouchDB then reads those documents alone instead of the
 *      whole feed);
 *   3. one `_bulk_get?revs=true&latest=true&attachments=true` of all those revisions (the history
 *      PouchDB needs to merge, the files inline);
 *   4. one `bulkDocs({ new_edits: false })` into the device's database: one transaction, so the
 *      complaint index never sees the complaint without its received event and reporter.
 *
 * A network failure (no connection, a timeout, a refusal or an error of the server) is a result,
 * `unreachable`, never thrown; a failure to write here is thrown.
 */
import { assertBulkWritten } from '../../../shared/couch/pouch-toolkit';
import {
  COMPLAINT_ID_PREFIX,
  eventIdRange,
  parseComplaintId,
  reporterId,
  type IdRange,
} from '../../../shared/ids/document-ids';
import { formatTrackingNumber, parseTrackingNumber } from '../../../shared/ids/tracking-number';
import { addDays } from '../../../shared/time/local-date';
import type { DownloadTarget, RemoteRequest } from './initial-download';

/** How long the requests to the central may take together before the fetch counts as unreachable. */
export const FETCH_COMPLAINT_TIMEOUT_MS = 20_000;
/** CouchDB reads the documents of a `_doc_ids` changes request directly up to 100 ids (its default threshold). */
export const DOC_IDS_PER_REQUEST = 100;

export type FetchComplaintResult =
  /** Written here: the complaint (`complaintId`), its events and its reporter document, each in every leaf revision. */
  | Readonly<{ outcome: 'fetched'; complaintId: string; docsWritten: number }>
  /** The central holds no complaint with this tracking number. */
  | Readonly<{ outcome: 'not-on-central' }>
  /** The central could not be asked: no connection, a timeout, a refusal or a server error (`message` for logs). */
  | Readonly<{ outcome: 'unreachable'; message: string }>;

export type FetchComplaintOptions = Readonly<{
  /** The tracking number (any spelling `parseTrackingNumber` accepts). */
  trackingNumber: string;
  request: RemoteRequest;
  target: DownloadTarget;
  /** Default FETCH_COMPLAINT_TIMEOUT_MS. */
  timeoutMs?: number;
}>;

/** A failed request or an answer that is not the central's JSON: the fetch is `unreachable`. */
class CentralUnreachable extends Error {}

type Revision = Readonly<{ id: string; rev: string }>;

async function json(
  request: RemoteRequest,
  path: string,
  signal: AbortSignal,
  body?: object,
): Promise<unknown> {
  const headers = new Headers({ Accept: 'application/json' });
  if (body) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await request(path, {
      headers,
      signal,
      ...(body ? { method: 'POST', body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new CentralUnreachable(error instanceof Error ? error.message : String(error));
  }
  const text = await response.text().catch(() => '');
  if (!response.ok)
    throw new CentralUnreachable(`HTTP ${response.status} for ${path}: ${text.slice(0, 200)}`);
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) return parsed;
  } catch {
    // Told below.
  }
  throw new CentralUnreachable(`The central's answer to ${path} is not JSON.`);
}

/** The ids `_all_docs` lists in `range` (deleted documents are not listed). */
async function idsIn(request: RemoteRequest, range: IdRange, signal: AbortSignal): Promise<string[]> {
  const query = new URLSearchParams({
    startkey: JSON.stringify(range.startkey),
    endkey: JSON.stringify(range.endkey),
  });
  const answer = (await json(request, `_all_docs?${query.toString()}`, signal)) as { rows?: unknown };
  if (!Array.isArray(answer.rows)) throw new CentralUnreachable('_all_docs answered without rows.');
  return (answer.rows as { id?: unknown }[]).flatMap((row) => (typeof row.id === 'string' ? [row.id] : []));
}

/** Every leaf revision (deleted ones too) of each of `ids` that the central holds. */
async function leavesOf(
  request: RemoteRequest,
  ids: readonly string[],
  signal: AbortSignal,
): Promise<Revision[]> {
  const leaves: Revision[] = [];
  for (let start = 0; start < ids.length; start += DOC_IDS_PER_REQUEST) {
    const answer = (await json(request, '_changes?filter=_doc_ids&style=all_docs', signal, {
      doc_ids: ids.slice(start, start + DOC_IDS_PER_REQUEST),
    })) as { results?: unknown };
    if (!Array.isArray(answer.results)) throw new CentralUnreachable('_changes answered without results.');
    for (const row of answer.results as { id?: unknown; changes?: unknown }[]) {
      if (typeof row.id !== 'string' || !Array.isArray(row.changes)) continue;
      for (const change of row.changes as { rev?: unknown }[]) {
        if (typeof change.rev === 'string') leaves.push({ id: row.id, rev: change.rev });
      }
    }
  }
  return leaves;
}

type BulkGetAnswer = Readonly<{
  results?: readonly Readonly<{
    docs?: readonly Readonly<{ ok?: object; error?: Readonly<{ error?: string; reason?: string }> }>[];
  }>[];
}>;

/** The revisions `wanted`, with their histories and files; a revision gone meanwhile is left out. */
async function bulkGet(
  request: RemoteRequest,
  wanted: readonly Revision[],
  signal: AbortSignal,
): Promise<object[]> {
  const answer = (await json(request, '_bulk_get?revs=true&latest=true&attachments=true', signal, {
    docs: wanted,
  })) as BulkGetAnswer;
  const docs: object[] = [];
  const seen = new Set<string>();
  for (const result of answer.results ?? []) {
    for (const entry of result.docs ?? []) {
      if (entry.ok) {
        // `latest` may answer two asked revisions with the same newer one.
        const { _id: id, _rev: rev } = entry.ok as { _id?: unknown; _rev?: unknown };
        const key = `${String(id)} ${String(rev)}`;
        if (!seen.has(key)) docs.push(entry.ok);
        seen.add(key);
      } else if (entry.error?.error !== 'not_found') {
        const { error = 'unknown', reason = '' } = entry.error ?? {};
        throw new CentralUnreachable(`_bulk_get refused a document: ${error} ${reason}`.trim());
      }
    }
  }
  return docs;
}

/** Fetches the complaint with `trackingNumber` whole from the central into `target` (see the file comment). */
export async function fetchComplaint(options: FetchComplaintOptions): Promise<FetchComplaintResult> {
  const parts = parseTrackingNumber(options.trackingNumber);
  if (!parts) throw new RangeError(`Not a tracking number: ${JSON.stringify(options.trackingNumber)}`);
  const trackingNumber = formatTrackingNumber(parts);
  const { request, target } = options;
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_COMPLAINT_TIMEOUT_MS);
  let docs: object[];
  let complaintId: string;
  try {
    const [complaintIds, eventIds] = await Promise.all([
      idsIn(
        request,
        {
          startkey: `${COMPLAINT_ID_PREFIX}${addDays(parts.localDate, -1)}`,
          endkey: `${COMPLAINT_ID_PREFIX}${parts.localDate}T\ufff0`,
        },
        signal,
      ),
      idsIn(request, eventIdRange(trackingNumber), signal),
    ]);
    const complaints = complaintIds.filter((id) => parseComplaintId(id)?.trackingNumber === trackingNumber);
    const [first] = complaints;
    if (first === undefined) return { outcome: 'not-on-central' };
    complaintId = first;
    const leaves = await leavesOf(request, [...complaints, ...eventIds, reporterId(trackingNumber)], signal);
    docs = await bulkGet(request, leaves, signal);
  } catch (error) {
    if (error instanceof CentralUnreachable) return { outcome: 'unreachable', message: error.message };
    // An aborted request (the timeout) rejects with the signal's reason, not through `request`'s catch.
    if (signal.aborted) return { outcome: 'unreachable', message: 'timed out' };
    throw error;
  }
  if (!docs.some((doc) => (doc as { _id?: unknown })._id === complaintId))
    return { outcome: 'not-on-central' };
  assertBulkWritten(await target.bulkDocs(docs, { new_edits: false }), `(complaint ${trackingNumber})`);
  return { outcome: 'fetched', complaintId, docsWritten: docs.length };
}
