/**
 * The tracking numbers of the complaints on the device: the complaint ids, keys only, one read of
 * the `complaint:` id range (up to `receivedBefore`, an id's time prefix, when given).
 *
 * The first download's stage `history` (./initial-download) takes every complaint not among them.
 * Each came whole, in one write (a page of stage `open`, an intake of this device, a fetch on
 * demand), so a complaint not among them is one stage `history` must take whole, whatever the
 * central's view of closed complaints says by then. The device budget (./budget-on-device) reads
 * the older ones to know which complaints outside it the device holds.
 */
import { COMPLAINT_ID_PREFIX, HIGH_SENTINEL, parseComplaintId } from '../../../shared/ids/document-ids';

/** What this reads of the unit's local database (PouchDB): `allDocs` over an id range. */
export type ComplaintIdReader = Readonly<{
  allDocs(options: {
    startkey: string;
    endkey: string;
  }): Promise<{ rows: readonly Readonly<{ id?: unknown; key?: unknown }>[] }>;
}>;

export async function complaintsOnDevice(
  db: ComplaintIdReader,
  receivedBefore: string = HIGH_SENTINEL,
): Promise<Set<string>> {
  const { rows } = await db.allDocs({
    startkey: COMPLAINT_ID_PREFIX,
    endkey: `${COMPLAINT_ID_PREFIX}${receivedBefore}`,
  });
  const held = new Set<string>();
  for (const row of rows) {
    const id = typeof row.id === 'string' ? row.id : row.key;
    const trackingNumber = typeof id === 'string' ? parseComplaintId(id)?.trackingNumber : undefined;
    if (trackingNumber !== undefined) held.add(trackingNumber);
  }
  return held;
}
