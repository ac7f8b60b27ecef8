/**
 * The actions an officer may take on a complaint, and which are offered in each status.
 * Verifier actions on a new report come from SP4N-LAPOR!, the national complaint system under
 * UU 25/2009 and Perpres 76/2013 (design.md §6.1): verify (and dispatch), hold (tunda), not our
 * authority (bukan wewenang: "no wrong door", forward to the right body), archive (with a reason). The
 * tables for the later statuses are provisional: the workflow issue defines and enforces them.
 */
import type { ComplaintStatus } from '../complaint/vocabulary';

export const WORKFLOW_ACTIONS = [
  'verify',
  'hold',
  'not-our-authority',
  'archive',
  'dispose',
  'follow-up',
  'respond',
  'record-reply',
  'record-satisfaction',
  'close',
  'reopen',
  'correct',
  'note',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** The actions offered for a complaint in `status`, in the order the detail screen shows them. */
export function allowedActionsFor(status: ComplaintStatus): readonly WorkflowAction[] {
  switch (status) {
    case 'new':
      return ['verify', 'hold', 'not-our-authority', 'archive', 'note'];
    // Provisional from here on (see the file comment).
    case 'on-hold':
      return ['verify', 'not-our-authority', 'archive', 'note'];
    case 'verified':
      return ['dispose', 'follow-up', 'correct', 'note'];
    case 'followed-up':
      return ['respond', 'follow-up', 'correct', 'note'];
    case 'answered':
      return ['record-reply', 'record-satisfaction', 'follow-up', 'close', 'note'];
    case 'closed':
      return ['record-satisfaction', 'reopen', 'note'];
    case 'archived':
    case 'forwarded':
      return ['reopen', 'note'];
    default: {
      const unknownStatus: never = status;
      throw new Error(`Unknown complaint status: ${String(unknownStatus)}`);
    }
  }
}
