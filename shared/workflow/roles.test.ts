/**
 * Who may do what: the role table, and decideAction refusing a role that may not act.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTION_ROLES,
  ROLES,
  actionsOfRole,
  canEditSettings,
  canPerform,
  canSeeConfidential,
  isRole,
  type Role,
} from './roles';
import { STATE_ALLOWING, actorOf, deskIn } from './workflow.fixtures';
import { WORKFLOW_ACTIONS, type WorkflowAction } from './workflow-actions';

const OFFICER_ACTIONS = ['follow-up', 'respond', 'record-reply', 'record-satisfaction', 'note'] as const;
const SUPERVISOR_ONLY = [
  'verify',
  'hold',
  'not-our-authority',
  'archive',
  'dispose',
  'close',
  'reopen',
  'correct',
  'change-privacy',
  'record-lapor',
] as const;

const MAY: Readonly<Record<Role, readonly WorkflowAction[]>> = {
  officer: OFFICER_ACTIONS,
  supervisor: WORKFLOW_ACTIONS,
  manager: WORKFLOW_ACTIONS,
};

describe('the role table', () => {
  it('knows the three roles', () => {
    expect(ROLES).toEqual(['officer', 'supervisor', 'manager']);
    expect(ROLES.every(isRole)).toBe(true);
    for (const value of ['admin', 'Manager', '', null, 1]) expect(isRole(value)).toBe(false);
  });

  it('gives every workflow action, correct-reporter and edit-settings a role', () => {
    expect(Object.keys(ACTION_ROLES).sort()).toEqual(
      [...WORKFLOW_ACTIONS, 'correct-reporter', 'edit-settings'].sort(),
    );
    expect(ACTION_ROLES['correct-reporter']).toEqual(['supervisor', 'manager']);
    expect([...OFFICER_ACTIONS, ...SUPERVISOR_ONLY].sort()).toEqual([...WORKFLOW_ACTIONS].sort());
  });

  it('lets officers note, follow up, respond and record replies and satisfaction only', () => {
    for (const action of OFFICER_ACTIONS) expect(canPerform('officer', action), action).toBe(true);
    for (const action of SUPERVISOR_ONLY) expect(canPerform('officer', action), action).toBe(false);
    expect(canPerform('officer', 'edit-settings')).toBe(false);
  });

  it('lets supervisors take every workflow action but not edit settings', () => {
    for (const action of WORKFLOW_ACTIONS) expect(canPerform('supervisor', action), action).toBe(true);
    expect(canPerform('supervisor', 'edit-settings')).toBe(false);
    expect(canEditSettings('supervisor')).toBe(false);
  });

  it('lets managers do everything', () => {
    for (const action of [...WORKFLOW_ACTIONS, 'edit-settings'] as const) {
      expect(canPerform('manager', action), action).toBe(true);
    }
    expect(canEditSettings('manager')).toBe(true);
    expect(canEditSettings('officer')).toBe(false);
  });

  it('lists the actions of each role in workflow order', () => {
    expect(actionsOfRole('officer')).toEqual([
      'follow-up',
      'respond',
      'record-reply',
      'record-satisfaction',
      'note',
    ]);
    expect(actionsOfRole('supervisor')).toEqual(WORKFLOW_ACTIONS);
    expect(actionsOfRole('manager')).toEqual(WORKFLOW_ACTIONS);
    expect(actionsOfRole('manager')).not.toContain('edit-settings');
  });

  it('lets only supervisors and managers see confidential complaints', () => {
    expect(canSeeConfidential('officer')).toBe(false);
    expect(canSeeConfidential('supervisor')).toBe(true);
    expect(canSeeConfidential('manager')).toBe(true);
  });
});

describe.each(ROLES)('decideAction for a %s', (role) => {
  it.each(WORKFLOW_ACTIONS)('%s, in a state that allows it', (action) => {
    const desk = deskIn(STATE_ALLOWING[action]);
    const stored = desk.events.length;
    const decision = desk.attempt(action, undefined, actorOf(role));
    if (MAY[role].includes(action)) {
      expect(decision.ok, JSON.stringify(decision)).toBe(true);
      expect(desk.events).toHaveLength(stored + 1);
      expect(desk.state.trail.at(-1)?.by).toEqual(actorOf(role).officer);
    } else {
      expect(decision).toEqual({
        ok: false,
        issues: [{ path: '', key: 'workflow.refused.role', params: { action, role } }],
      });
      expect(desk.events).toHaveLength(stored);
    }
  });
});

describe('a role refusal', () => {
  it('comes before the input is looked at', () => {
    const desk = deskIn('new');
    expect(desk.attempt('verify', 'garbage', actorOf('officer'))).toEqual({
      ok: false,
      issues: [{ path: '', key: 'workflow.refused.role', params: { action: 'verify', role: 'officer' } }],
    });
  });
});
