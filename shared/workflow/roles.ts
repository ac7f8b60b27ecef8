/**
 * Who may do what (docs/domain.md, 'Workflow'). Roles follow the regional SP4N-LAPOR! set-up (a
 * coordinating admin verifies and assigns, the offices act and answer):
 * officers log complaints and record follow-ups and responses; supervisors also verify, hold,
 * archive, forward, dispose, close and reopen; managers also edit unit settings.
 *
 * Events do not carry the role of their author, so the reducer cannot check roles: they are
 * enforced when an action is decided (./decide-action) and by not offering the action in the UI.
 */
import { WORKFLOW_ACTIONS, type WorkflowAction } from './workflow-actions';

export const ROLES = ['officer', 'supervisor', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Workflow actions, plus correcting the reporter document (about a complaint, but no workflow
 * action: ./reporter-correction) and the one action that is not about a complaint.
 */
export type RoleAction = WorkflowAction | 'correct-reporter' | 'edit-settings';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const EVERYONE: readonly Role[] = ROLES;
const SUPERVISORS_UP: readonly Role[] = ['supervisor', 'manager'];
const MANAGERS: readonly Role[] = ['manager'];

/** The roles that may take each action. */
export const ACTION_ROLES: Readonly<Record<RoleAction, readonly Role[]>> = {
  note: EVERYONE,
  'follow-up': EVERYONE,
  respond: EVERYONE,
  'record-reply': EVERYONE,
  'record-satisfaction': EVERYONE,
  verify: SUPERVISORS_UP,
  hold: SUPERVISORS_UP,
  'not-our-authority': SUPERVISORS_UP,
  archive: SUPERVISORS_UP,
  dispose: SUPERVISORS_UP,
  close: SUPERVISORS_UP,
  reopen: SUPERVISORS_UP,
  correct: SUPERVISORS_UP,
  'change-privacy': SUPERVISORS_UP,
  'record-lapor': SUPERVISORS_UP,
  'correct-reporter': SUPERVISORS_UP,
  'edit-settings': MANAGERS,
};

/** The workflow actions `role` may take, in WORKFLOW_ACTIONS order. */
export function actionsOfRole(role: Role): readonly WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => ACTION_ROLES[action].includes(role));
}

export function canPerform(role: Role, action: RoleAction): boolean {
  return ACTION_ROLES[action].includes(role);
}

export function canEditSettings(role: Role): boolean {
  return canPerform(role, 'edit-settings');
}

/**
 * Confidential complaints (docs/domain.md, 'Privacy modes'): identity and content visible only to the unit's
 * permitted roles; officers see a masked view.
 */
export function canSeeConfidential(role: Role): boolean {
  return SUPERVISORS_UP.includes(role);
}
