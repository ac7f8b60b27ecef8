/**
 * The complaints the first download's stage `history` need not fetch (./initial-download): the
 * tracking numbers of every complaint document on the device, keys only, one read of the
 * `complaint:` id range. Each came whole, in one write (a page of stage `open`, an intake of this
 * device, a fetch on demand), so a complaint not among them is one stage `history` must take
 * whole, whatever the central's view of closed complaints says by then.
 */
import { COMPLAINT_ID_PREFIX, HIGH_SENTINEL, parseComplaintId } from '../../../shared/ids/document-ids';
import type { InitialDownloadTarget } from './download-protocol';

export async function complaintsOnDevice(
  target: Pick<InitialDownloadTarget, 'allDocs'>,
): Promise<Set<string>> {
  const { rows } = await target.allDocs({
    startkey: COMPLAINT_ID_PREFIX,
    endkey: `${COMPLAINT_ID_PREFIX}${HIGH_SENTINEL}`,
  });
  const held = new Set<string>();
  for (const row of rows) {
    const trackingNumber =
      typeof row.key === 'string' ? parseComplaintId(row.key)?.trackingNumber : undefined;
    if (trackingNumber !== undefined) held.add(trackingNumber);
  }
  return held;
}
