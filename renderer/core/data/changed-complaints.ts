/**
 * Which complaints a batch of the unit's changes touches (./change-follower): a complaint document
 * itself, and the complaint an event (and, where the projection shows identity, a reporter
 * document) names in its `complaintId`. A deleted reporter document is a bare tombstone without
 * it: ../search/search-indexer finds its complaint by tracking number.
 */
import { COMPLAINT_ID_PREFIX, EVENT_ID_PREFIX, REPORTER_ID_PREFIX } from '../../../shared/ids/document-ids';
import type { FeedChange } from './change-follower';

export function changedComplaints(
  changes: readonly FeedChange[],
  options: Readonly<{ reporters: boolean }>,
): Set<string> {
  const touched = new Set<string>();
  for (const change of changes) {
    const complaintId = (change.doc as { complaintId?: unknown } | undefined)?.complaintId;
    if (change.id.startsWith(COMPLAINT_ID_PREFIX)) touched.add(change.id);
    else if (
      (change.id.startsWith(EVENT_ID_PREFIX) ||
        (options.reporters && change.id.startsWith(REPORTER_ID_PREFIX))) &&
      typeof complaintId === 'string'
    ) {
      touched.add(complaintId);
    }
  }
  return touched;
}
