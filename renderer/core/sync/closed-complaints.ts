/**
 * Which complaints the central counts as closed, for the first download's stage `open`
 * (./initial-download): the unit database's view `_design/meja-aduan-stages/_view/closed`
 * (shared/couch/stages-design-doc: per tracking number, +1 for every event that ends a complaint,
 * −1 for every reopen; closed when the sum is > 0), grouped, and the number of complaints (view
 * `complaints`, `_count`).
 *
 * Asked with `update=lazy`: CouchDB answers at once from the index as it is and brings it up to
 * date afterwards. A view never built (a unit set up a moment ago, a large unit whose index is
 * still being built) therefore never holds the device up for the minutes a build of hundreds of
 * thousands of documents takes. What an index behind the database costs:
 *   - never built (no rows): every complaint counts as open, so stage `open` downloads every
 *     complaint (the whole of stage `history`'s complaints come first); the query starts the build
 *     for the next device;
 *   - behind the database (a server killed before it stored its index, a build under way): the
 *     view says which sequence it reflects (`update_seq=true`), and the changes since are read,
 *     ids only (`MAX_BEHIND` at most, one request): every complaint with an event among them counts
 *     as open (a reopen the index has not seen yet must not send an open complaint to the history);
 *     a complaint closed since comes in stage `open` too (more than needed, no harm); one logged
 *     since is in no row and counts as open. Further behind than `MAX_BEHIND` changes, the view
 *     is not used at all (every complaint counts as open, as if it had never been built).
 * A server without the view (a central not set up again since the view came, pouchdb-server in
 * older tests) answers 404: every complaint counts as open, and their number is unknown.
 */
import { CLOSED_VIEW, COMPLAINTS_VIEW, STAGES_DESIGN_NAME } from '../../../shared/couch/stages-design-doc';
import { parseEventId } from '../../../shared/ids/document-ids';
import { getJson, listChanges, statusOf, type RemoteRequest } from './download-protocol';

export type ClosedComplaints = Readonly<{
  /** Tracking numbers of the complaints the central counts as closed. */
  closed: ReadonlySet<string>;
  /** How many complaints the central holds (by its index), or null while unknown. */
  complaints: number | null;
}>;

const VIEWS = `_design/${STAGES_DESIGN_NAME}/_view`;
/** Changes the index may be behind the database and still be used. */
export const MAX_BEHIND = 10_000;

type ViewRow = Readonly<{ key?: unknown; value?: unknown }>;
type ViewAnswer = Readonly<{ rows: readonly ViewRow[]; updateSeq: number | string | null }>;

/** A view query's answer, or null when the server has no such view. */
async function viewAnswer(
  request: RemoteRequest,
  path: string,
  signal: AbortSignal | undefined,
): Promise<ViewAnswer | null> {
  try {
    const body = await getJson(request, path, signal);
    const seq = body.update_seq;
    return {
      rows: Array.isArray(body.rows) ? (body.rows as ViewRow[]) : [],
      updateSeq: typeof seq === 'number' || typeof seq === 'string' ? seq : null,
    };
  } catch (error) {
    // 404: no such design document or view; 400: a server that does not know `update=lazy`.
    const status = statusOf(error);
    if (status === 404 || status === 400) return null;
    throw error;
  }
}

/**
 * The tracking numbers of the events changed since `seq` (the index's), or null when more than
 * `MAX_BEHIND` documents changed since.
 */
async function touchedSince(
  request: RemoteRequest,
  seq: number | string,
  signal: AbortSignal | undefined,
): Promise<Set<string> | null> {
  const page = await listChanges(request, seq, MAX_BEHIND, signal);
  if (!page.last) return null;
  const touched = new Set<string>();
  for (const row of page.rows) {
    const trackingNumber = parseEventId(row.id)?.trackingNumber;
    if (trackingNumber !== undefined) touched.add(trackingNumber);
  }
  return touched;
}

export async function closedComplaints(
  request: RemoteRequest,
  signal: AbortSignal | undefined,
): Promise<ClosedComplaints> {
  const answer = await viewAnswer(
    request,
    `${VIEWS}/${CLOSED_VIEW}?group=true&update=lazy&update_seq=true`,
    signal,
  );
  if (answer === null) return { closed: new Set(), complaints: null };
  const closed = new Set<string>();
  for (const row of answer.rows) {
    if (typeof row.key === 'string' && typeof row.value === 'number' && row.value > 0) closed.add(row.key);
  }
  const counted = await viewAnswer(request, `${VIEWS}/${COMPLAINTS_VIEW}?update=lazy`, signal);
  const count = counted?.rows[0]?.value;
  // No row: no complaint, or an index not built yet; unknown either way.
  const complaints = typeof count === 'number' ? count : null;
  // A server that does not say what its index reflects updates it before it answers (pouchdb-server).
  if (closed.size > 0 && answer.updateSeq !== null) {
    const touched = await touchedSince(request, answer.updateSeq, signal);
    if (touched === null) return { closed: new Set(), complaints };
    for (const trackingNumber of touched) closed.delete(trackingNumber);
  }
  return { closed, complaints };
}
