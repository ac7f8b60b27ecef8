/**
 * The actions a person may take on a complaint, the event kind each writes, and which are
 * offered in each state. Verifier actions on a new report come from SP4N-LAPOR!, the national
 * complaint system under UU 25/2009 and Perpres 76/2013 (docs/domain.md): verify (and dispatch),
 * hold (tunda), not our authority (bukan wewenang: "no wrong door", forward to the right body),
 * archive (with a reason). The same table decides what the reducer applies (./apply-event) and
 * what a command may write (./decide-action).
 */
import type { ComplaintStatus } from '../complaint/vocabulary';
import type { EventKind } from './events';

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
  'change-privacy',
  'record-lapor',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

/** The event kind each action writes. */
export const EVENT_KIND_OF_ACTION = {
  verify: 'verify',
  hold: 'hold',
  'not-our-authority': 'not-our-authority',
  archive: 'archive',
  dispose: 'dispose',
  'follow-up': 'follow-up',
  respond: 'response',
  'record-reply': 'complainant-reply',
  'record-satisfaction': 'satisfaction',
  close: 'close',
  reopen: 'reopen',
  correct: 'correct-field',
  note: 'note',
  'change-privacy': 'privacy-change',
  'record-lapor': 'lapor-forwarded',
} as const satisfies Readonly<Record<WorkflowAction, Exclude<EventKind, 'received'>>>;
export type WorkflowEventKind = (typeof EVENT_KIND_OF_ACTION)[WorkflowAction];
export type EventKindOfAction<A extends WorkflowAction> = (typeof EVENT_KIND_OF_ACTION)[A];

/** The action that writes each event kind; intake (`received`) is not a workflow action. */
export const ACTION_OF_EVENT_KIND = Object.fromEntries(
  WORKFLOW_ACTIONS.map((action) => [EVENT_KIND_OF_ACTION[action], action]),
) as Readonly<Record<WorkflowEventKind, WorkflowAction>>;

/** What the allowed actions depend on: the status and whether an office is responsible. */
export type ActionContext = Readonly<{ status: ComplaintStatus; currentOffice: string | null }>;

/** The actions offered for a complaint in `state`, in the order the detail screen shows them. */
export function allowedActionsFor(state: ActionContext): readonly WorkflowAction[] {
  // Forwarding to SP4N-LAPOR! may be recorded in any status (it reports upward, changes nothing).
  return [...statusActions(state), 'record-lapor'];
}

function statusActions(state: ActionContext): readonly WorkflowAction[] {
  const { status } = state;
  switch (status) {
    case 'new':
      return ['verify', 'hold', 'not-our-authority', 'archive', 'correct', 'note', 'change-privacy'];
    case 'on-hold':
      // The hold ends with the next of these that changes the status.
      return ['verify', 'not-our-authority', 'archive', 'correct', 'note', 'change-privacy'];
    case 'verified':
      // A follow-up needs an office to have done it: verified without one only offers disposition.
      return state.currentOffice === null
        ? ['dispose', 'correct', 'note', 'change-privacy']
        : ['dispose', 'follow-up', 'correct', 'note', 'change-privacy'];
    case 'followed-up':
      return ['respond', 'follow-up', 'dispose', 'correct', 'note', 'change-privacy'];
    case 'answered':
      return [
        'record-reply',
        'record-satisfaction',
        'respond',
        'follow-up',
        'close',
        'correct',
        'note',
        'change-privacy',
      ];
    case 'closed':
      return ['record-satisfaction', 'reopen', 'note', 'change-privacy'];
    case 'archived':
    case 'forwarded':
      return ['reopen', 'note', 'change-privacy'];
    default: {
      const unknownStatus: never = status;
      throw new Error(`Unknown complaint status: ${String(unknownStatus)}`);
    }
  }
}

export function isActionAllowed(state: ActionContext, action: WorkflowAction): boolean {
  return allowedActionsFor(state).includes(action);
}
