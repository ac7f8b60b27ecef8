/**
 * Whole complaints, newest first, a page at a time: stage `open` (the open ones) and the first
 * part of stage `history` (those not on the device yet) of the first download (./initial-download).
 *
 * A page: the next complaint ids below the last one handled (`_all_docs?descending=true` over the
 * `complaint:` prefix; ids begin with the time received, so this is newest first), less those
 * `skip` names (stage `open`: the closed ones; stage `history`: those stage `open` took, and those
 * outside a device budget). The device is not asked what it holds: each pass lists each complaint
 * once, and one written again (the page in flight when a download stopped, a complaint this device
 * sent) is written with the revisions it has, which changes nothing. Then their events' and reporters' ids
 * and revisions in one `_all_docs/queries` request (the events as id ranges, one per device and day
 * when several complaints share it, as the national projector reads them; every event matched to
 * its complaint by the tracking number in its id; reporters by key, a deleted one included: the
 * complaint index waits for it), and all of it with one `_bulk_get` (files inline). The caller
 * writes a page with one `bulkDocs`: one IndexedDB transaction, so no complaint is ever on the
 * device in part. Conflicting and deleted revisions of those documents come with stage
 * `history`'s sweep (./history-sweep).
 */
import {
  COMPLAINT_ID_PREFIX,
  EVENT_ID_PREFIX,
  HIGH_SENTINEL,
  parseComplaintId,
  parseEventId,
  reporterId,
} from '../../../shared/ids/document-ids';
import {
  allDocsQueries,
  bulkGet,
  getJson,
  timedPart,
  type AllDocsQuery,
  type AllDocsRow,
  type FetchParts,
  type RemoteRequest,
  type Revision,
} from './download-protocol';

export type ComplaintPage = Readonly<{
  /** Every document of the complaints of this page, as `_bulk_get` gave them. */
  docs: object[];
  /** Complaints in `docs`. */
  complaints: number;
  /** The last (oldest) complaint id the page covered: the next page starts below it. */
  cursor: string;
  /** Revisions listed that `_bulk_get` no longer had (changed meanwhile). */
  missing: number;
}>;

export type ComplaintPagesOptions = Readonly<{
  request: RemoteRequest;
  /** Documents per page, roughly (pages hold whole complaints). */
  batchSize: number;
  signal?: AbortSignal | undefined;
  /** Complaints (by tracking number) this pass leaves out. */
  skip: (trackingNumber: string) => boolean;
  /** The last complaint id handled before (a checkpoint's), or null to start at the newest. */
  after: string | null;
  /** Where the time of listing and fetching goes, added up here when given (the benchmark's). */
  parts?: FetchParts | undefined;
  /**
   * The complaints to read, not to store (default false): without their reporters (identity is
   * never fetched to be counted), files or revision histories; listed and fetched in one go (the
   * listing and the events' ranges with their documents, no `_bulk_get`).
   */
  readOnly?: boolean;
}>;

/** Complaints listed per page at most, whatever the documents per complaint. */
const MAX_LISTED = 2000;
/** Documents per complaint before any was seen (a received event, a reporter, ~5 more events). */
const FIRST_GUESS_DOCS_PER_COMPLAINT = 8;

type Listed = Readonly<{ id: string; rev: string; trackingNumber: string; doc?: unknown }>;

async function listComplaints(
  options: ComplaintPagesOptions,
  after: string | null,
  limit: number,
): Promise<{ rows: Listed[]; cursor: string | null; last: boolean }> {
  const params = new URLSearchParams({
    descending: 'true',
    startkey: JSON.stringify(after ?? `${COMPLAINT_ID_PREFIX}${HIGH_SENTINEL}`),
    endkey: JSON.stringify(COMPLAINT_ID_PREFIX),
    // The row `after` itself comes first again.
    limit: String(limit + (after === null ? 0 : 1)),
    ...(options.readOnly === true ? { include_docs: 'true' } : {}),
  });
  const body = await getJson(options.request, `_all_docs?${params.toString()}`, options.signal);
  const all = (Array.isArray(body.rows) ? (body.rows as AllDocsRow[]) : []).filter(
    (row) => typeof row.id === 'string' && row.id !== after,
  );
  const rows: Listed[] = [];
  for (const row of all) {
    const parsed = parseComplaintId(row.id ?? '');
    const rev = row.value?.rev;
    if (parsed && typeof rev === 'string')
      rows.push({ id: row.id ?? '', rev, trackingNumber: parsed.trackingNumber, doc: row.doc });
  }
  return { rows, cursor: all.at(-1)?.id ?? after, last: all.length < limit };
}

/**
 * The `_id` ranges holding the events of `trackingNumbers`: per device and day (tracking numbers
 * `<unit>-<yymmdd>-<device>-<seq>`), one range from the first of its complaints' events to the
 * last (`event:<trackingNumber>:…`, in id order). A page's complaints are neighbours in time, so a
 * device's complaints in it are mostly consecutive and the range holds little else; one range
 * costs the server about as much as a hundred documents, so one per complaint would cost more.
 */
export function eventRanges(trackingNumbers: readonly string[]): AllDocsQuery[] {
  const byDay = new Map<string, string[]>();
  for (const trackingNumber of trackingNumbers) {
    const day = trackingNumber.slice(0, trackingNumber.lastIndexOf('-') + 1);
    byDay.set(day, [...(byDay.get(day) ?? []), `${EVENT_ID_PREFIX}${trackingNumber}:`]);
  }
  return [...byDay.values()].map((prefixes) => {
    const sorted = prefixes.sort();
    return { startkey: sorted[0] ?? '', endkey: `${sorted.at(-1) ?? ''}${HIGH_SENTINEL}` };
  });
}

/**
 * The events of `trackingNumbers` on the central with their documents (winning revisions, files as
 * stubs): what a read-only page and the central search take instead of revisions to fetch.
 */
export async function eventDocs(
  request: RemoteRequest,
  trackingNumbers: ReadonlySet<string>,
  signal: AbortSignal | undefined,
): Promise<unknown[]> {
  const ranges = eventRanges([...trackingNumbers]).map((range) => ({
    ...range,
    include_docs: true as const,
  }));
  const answers = await allDocsQueries(request, ranges, signal);
  // A range of a device and day also holds other complaints' events.
  return answers
    .flat()
    .filter((row) => trackingNumbers.has(parseEventId(row.id ?? '')?.trackingNumber ?? ''))
    .map((row) => row.doc);
}

/**
 * The revisions of the events and reporters of `complaints` (live, or deleted reporters); read
 * only, the events themselves (`eventDocs`) and no reporters.
 */
async function related(
  options: ComplaintPagesOptions,
  complaints: readonly Listed[],
): Promise<{ revisions: Revision[]; docs: unknown[] }> {
  const wanted = new Set(complaints.map((complaint) => complaint.trackingNumber));
  if (options.readOnly === true) {
    return { revisions: [], docs: await eventDocs(options.request, wanted, options.signal) };
  }
  const ranges = eventRanges([...wanted]);
  const reporters: AllDocsQuery = { keys: [...wanted].map((trackingNumber) => reporterId(trackingNumber)) };
  const answers = await allDocsQueries(options.request, [...ranges, reporters], options.signal);
  const revisions: Revision[] = [];
  answers.forEach((rows, index) => {
    const isEvents = index < ranges.length;
    for (const row of rows) {
      const rev = row.value?.rev;
      if (typeof row.id !== 'string' || typeof rev !== 'string') continue;
      // A range of a device and day also holds other complaints' events.
      const trackingNumber = parseEventId(row.id)?.trackingNumber;
      if (isEvents && (trackingNumber === undefined || !wanted.has(trackingNumber))) continue;
      revisions.push({ id: row.id, rev });
    }
  });
  return { revisions, docs: [] };
}

type Chosen = Readonly<{
  complaints: number;
  wanted: readonly Revision[];
  /** Read only: the page's documents, listed with them. */
  docs: readonly unknown[];
  cursor: string;
}>;

/**
 * The pages' source: each call fetches the next page (null after the last); call it again only
 * once the previous call has resolved. The page after is listed (ids and revisions: the
 * complaints, their events and reporters) while one is fetched; its
 * documents are fetched only at the next call, so that a download stopped meanwhile has fetched at
 * most one page it did not write.
 */
export function complaintPages(options: ComplaintPagesOptions): () => Promise<ComplaintPage | null> {
  let after = options.after;
  let done = false;
  // The pace so far: complaints listed and taken, and documents per complaint fetched.
  let listed = 0;
  let taken = 0;
  let fetchedComplaints = 0;
  let fetchedDocs = 0;

  /**
   * The next page's complaints (listed, less those skipped or on the device) and the revisions to
   * fetch for them, or null after the last.
   */
  const choose = async (): Promise<Chosen | null> => {
    if (done) return null;
    // As many complaints as make about a batch of documents, and as many listed as hold that many
    // to take, going by the pages so far (in stage `open` most are closed, on a young unit few).
    const perComplaint =
      fetchedComplaints === 0 ? FIRST_GUESS_DOCS_PER_COMPLAINT : fetchedDocs / fetchedComplaints;
    const take = Math.max(1, Math.round(options.batchSize / perComplaint));
    const ratio = listed === 0 ? 1 : Math.max(taken / listed, take / MAX_LISTED);
    const limit = Math.min(MAX_LISTED, Math.max(take, Math.round(take / ratio)));
    const page = await timedPart(options.parts, 'list', () => listComplaints(options, after, limit));
    if (page.cursor === null) {
      done = true;
      return null;
    }
    const candidates = page.rows.filter((row) => !options.skip(row.trackingNumber));
    const complaints = candidates.slice(0, take);
    const lastTaken = complaints.at(-1);
    // More to take than fit: the next page starts after the last one taken.
    const cursor = complaints.length < candidates.length && lastTaken ? lastTaken.id : page.cursor;
    done = page.last && cursor === page.cursor;
    after = cursor;
    listed += cursor === page.cursor ? page.rows.length : page.rows.findIndex((row) => row.id === cursor) + 1;
    taken += complaints.length;
    if (complaints.length === 0) return { complaints: 0, wanted: [], docs: [], cursor };
    const more = await timedPart(options.parts, 'related', () => related(options, complaints));
    if (options.readOnly === true) {
      const docs = [...complaints.map((complaint) => complaint.doc), ...more.docs];
      return { complaints: complaints.length, wanted: [], docs, cursor };
    }
    const wanted = [...complaints.map(({ id, rev }) => ({ id, rev })), ...more.revisions];
    return { complaints: complaints.length, wanted, docs: [], cursor };
  };

  let next = choose();
  // A failure surfaces when it is awaited; not as an unhandled rejection before that.
  next.catch(() => undefined);
  return async () => {
    const chosen = await next;
    if (chosen === null) return null;
    next = choose();
    next.catch(() => undefined);
    const { complaints, wanted, cursor } = chosen;
    const { docs, missing } =
      options.readOnly === true
        ? {
            docs: chosen.docs.filter((doc): doc is object => typeof doc === 'object' && doc !== null),
            missing: 0,
          }
        : await timedPart(options.parts, 'bulkGet', () =>
            bulkGet(options.request, wanted, options.signal, true),
          );
    fetchedComplaints += complaints;
    fetchedDocs += docs.length;
    return { docs, complaints, cursor, missing };
  };
}
