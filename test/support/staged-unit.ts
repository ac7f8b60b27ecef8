/**
 * A unit's records for the tests of the staged first download (renderer/core/sync/initial-download):
 * complaints open, closed, archived, forwarded and reopened, named and anonymous, some with a file,
 * with their events and sealed reporters (shared/couch/documents.fixtures), the unit's own
 * documents and a packet draft; plus what happens to them after they are written (a reporter in
 * conflict, a reporter deleted for retention). `open` and `closed` name the complaints (by id) the
 * central counts as such.
 */
import { inlineFiles } from '../../shared/couch/attachment-documents.fixtures';
import {
  fixtureSeal,
  intakeDocuments,
  packetDraftDoc,
  retentionEvent,
  unitOfficesDoc,
  unitProfileDoc,
  unitSettingsDoc,
  workflowEvents,
} from '../../shared/couch/documents.fixtures';
import type { WorkflowAction } from '../../shared/workflow/workflow-actions';

type Doc = Readonly<{ _id: string; _rev?: string }>;

export type StagedComplaint = Readonly<{
  id: string;
  trackingNumber: string;
  open: boolean;
  /** The ids of its events. */
  events: readonly string[];
  /** Its reporter document's id, or null (anonymous). */
  reporter: string | null;
}>;

export type StagedUnit = Readonly<{
  /** Every document to write first (sealed records carry their revision). */
  docs: readonly Doc[];
  complaints: readonly StagedComplaint[];
  /** A reporter given a sibling revision afterwards (a conflict): write `sibling()` with new_edits=false. */
  conflict: Readonly<{ reporterId: string; sibling: () => object }>;
  /** A reporter deleted afterwards (its complaint holds the identity-deleted event already). */
  deletedReporterId: string;
}>;

const CLOSE: readonly WorkflowAction[] = ['verify', 'follow-up', 'respond', 'record-reply', 'close'];

/** What complaint `index` goes through, and whether it is open at the end. */
function lifecycleOf(index: number): Readonly<{ actions: readonly WorkflowAction[]; open: boolean }> {
  switch (index % 6) {
    case 0:
      return { actions: [], open: true };
    case 1:
      return { actions: ['verify'], open: true };
    case 2:
      return { actions: CLOSE, open: false };
    case 3:
      return { actions: [...CLOSE, 'reopen', 'note'], open: true };
    case 4:
      return { actions: ['archive'], open: false };
    default:
      return { actions: ['not-our-authority'], open: false };
  }
}

/** `count` complaints (at least 8) of unit `unitCode`, newest last. */
export function stagedUnit(unitCode: string, count: number): StagedUnit {
  const docs: Doc[] = [unitProfileDoc(unitCode), unitSettingsDoc(unitCode), unitOfficesDoc(unitCode)];
  const complaints: StagedComplaint[] = [];
  let conflictReporter: ReturnType<typeof intakeDocuments>['reporter'] = null;
  let deletedReporterId = '';
  for (let index = 0; index < count; index += 1) {
    const privacy = index % 4 === 1 ? 'anonymous' : 'named';
    const intake = intakeDocuments(unitCode, index + 1, privacy, { withFile: index % 5 === 0 });
    const { actions, open } = lifecycleOf(index);
    const events = [intake.received, ...workflowEvents(intake, actions)];
    if (index === 6) {
      // Its identity deleted for retention: the reporter is deleted after it is written.
      events.push(retentionEvent(intake));
      deletedReporterId = intake.reporter?._id ?? '';
    }
    if (index === 4) conflictReporter = intake.reporter;
    const complaint =
      intake.complaint.attachments.length > 0
        ? { ...intake.complaint, _attachments: inlineFiles(intake.complaint) }
        : intake.complaint;
    docs.push(complaint, ...(intake.reporter ? [intake.reporter] : []), ...events);
    complaints.push({
      id: intake.complaint._id,
      trackingNumber: intake.complaint.trackingNumber,
      open,
      events: events.map((event) => event._id),
      reporter: intake.reporter?._id ?? null,
    });
  }
  docs.push(packetDraftDoc(unitCode));
  const reporter = conflictReporter;
  if (reporter === null || deletedReporterId === '')
    throw new Error('stagedUnit: give at least 8 complaints');
  const siblingRev = 'f'.repeat(32);
  return {
    docs,
    complaints,
    conflict: {
      reporterId: reporter._id,
      sibling: () => ({
        ...reporter,
        identity: fixtureSeal(`${reporter._id} sibling`),
        _rev: `1-${siblingRev}`,
        _revisions: { start: 1, ids: [siblingRev] },
      }),
    },
    deletedReporterId,
  };
}
