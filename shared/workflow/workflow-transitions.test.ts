/**
 * Every action from every state, table-driven: allowed ones are decided and reduced to the
 * expected state; refused ones write nothing, and their event forced into the reducer anyway
 * stays in the trail as refused and changes nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { ComplaintStatus } from '../complaint/vocabulary';
import { reduceComplaint } from './complaint-state';
import type { ComplaintStages, ComplaintState } from './complaint-state-types';
import type { ActionInputs } from './decide-action';
import { payloadOf } from './events';
import {
  OFFERED,
  OFFICE,
  STATES,
  deskIn,
  sampleEvent,
  validInput,
  type StateName,
} from './workflow.fixtures';
import {
  EVENT_KIND_OF_ACTION,
  WORKFLOW_ACTIONS,
  allowedActionsFor,
  type WorkflowAction,
} from './workflow-actions';

const STATUS_OF: Readonly<Record<StateName, ComplaintStatus>> = {
  new: 'new',
  'on-hold': 'on-hold',
  'verified without office': 'verified',
  'verified with office': 'verified',
  'followed-up': 'followed-up',
  answered: 'answered',
  closed: 'closed',
  archived: 'archived',
  forwarded: 'forwarded',
};

function offered(state: Pick<ComplaintState, 'status' | 'currentOffice'>): readonly WorkflowAction[] {
  if (state.status === 'verified') {
    return OFFERED[state.currentOffice === null ? 'verified without office' : 'verified with office'];
  }
  const name = (Object.keys(STATUS_OF) as StateName[]).find((key) => STATUS_OF[key] === state.status);
  if (name === undefined) throw new Error(state.status);
  return OFFERED[name];
}

type Expected = Readonly<{ status: ComplaintStatus; currentOffice: string | null; stages: ComplaintStages }>;

/** The state an allowed action leads to, worked out independently of the reducer. */
function expectedAfter(action: WorkflowAction, before: ComplaintState, input: unknown, at: string): Expected {
  const { status, currentOffice, stages } = before;
  const same = { status, currentOffice, stages };
  switch (action) {
    case 'verify': {
      const office = (input as ActionInputs['verify']).dispositionOffice ?? null;
      const verified = { ...stages, verifiedAt: at };
      return {
        status: 'verified',
        currentOffice: office,
        stages: office ? { ...verified, disposedAt: at } : verified,
      };
    }
    case 'hold':
      return { ...same, status: 'on-hold' };
    case 'not-our-authority':
      return { ...same, status: 'forwarded', stages: { ...stages, forwardedAt: at } };
    case 'archive':
      return { ...same, status: 'archived', stages: { ...stages, archivedAt: at } };
    case 'dispose':
      return {
        status: 'verified',
        currentOffice: (input as ActionInputs['dispose']).office,
        stages: { ...stages, disposedAt: at },
      };
    case 'follow-up':
      return { ...same, status: 'followed-up', stages: { ...stages, followedUpAt: at } };
    case 'respond':
      return { ...same, status: 'answered', stages: { ...stages, answeredAt: at } };
    case 'close':
      return { ...same, status: 'closed', stages: { ...stages, closedAt: at } };
    case 'reopen': {
      const { closedAt: _c, archivedAt: _a, forwardedAt: _f, ...open } = stages;
      return { status: currentOffice === null ? 'new' : 'verified', currentOffice, stages: open };
    }
    case 'record-reply': // without a request for further action
    case 'record-satisfaction':
    case 'correct':
    case 'note':
    case 'change-privacy':
    case 'record-lapor':
      return same;
  }
}

/** The state without what every event changes (its count, time and trail). */
function withoutTrail(state: ComplaintState): Omit<ComplaintState, 'trail' | 'eventCount' | 'lastEventAt'> {
  const { trail: _trail, eventCount: _count, lastEventAt: _last, ...rest } = state;
  return rest;
}

const NAMES = Object.keys(STATES) as StateName[];

describe.each(NAMES)('from %s', (name) => {
  it('is reached through real events, with the status and offered actions of its name', () => {
    const { state } = deskIn(name);
    expect(state.status).toBe(STATUS_OF[name]);
    expect(state.currentOffice === null).toBe(
      !['verified with office', 'followed-up', 'answered', 'closed'].includes(name),
    );
    expect(state.allowedActions).toEqual(OFFERED[name]);
    expect(allowedActionsFor(state)).toEqual(OFFERED[name]);
    expect(state.trail.every((entry) => entry.applied)).toBe(true);
  });

  const allowed: readonly WorkflowAction[] = OFFERED[name];
  const allowedActions = WORKFLOW_ACTIONS.filter((action) => allowed.includes(action));
  const refusedActions = WORKFLOW_ACTIONS.filter((action) => !allowed.includes(action));

  it.each(allowedActions)('%s is allowed and reduces to the expected state', (action) => {
    const desk = deskIn(name);
    const before = desk.state;
    const input = validInput(action, before);
    const decision = desk.attempt(action, input);
    if (!decision.ok) return expect.fail(JSON.stringify(decision.issues));
    const { event } = decision;
    expect(event.kind).toBe(EVENT_KIND_OF_ACTION[action]);
    const after = desk.state;
    const expected = expectedAfter(action, before, input, event.at);
    expect({ status: after.status, currentOffice: after.currentOffice, stages: after.stages }).toEqual(
      expected,
    );
    expect(after.eventCount).toBe(before.eventCount + 1);
    expect(after.lastEventAt).toBe(event.at);
    expect(after.trail.at(-1)).toMatchObject({ eventId: event._id, applied: true, status: expected.status });
    expect(after.trail.at(-1)).not.toHaveProperty('refusal');
    expect(after.allowedActions).toEqual(offered(after));
    expect(after.hold !== null).toBe(after.status === 'on-hold');
    expect(after.reopenCount).toBe(before.reopenCount + (action === 'reopen' ? 1 : 0));
  });

  it.each(refusedActions)('%s is refused, writes nothing, and is refused when forced', (action) => {
    const desk = deskIn(name);
    const before = desk.state;
    const stored = desk.events.length;
    const decision = desk.attempt(action, validInput(action, before));
    expect(decision).toEqual({
      ok: false,
      issues: [{ path: '', key: 'workflow.refused.notAllowed', params: { action, status: before.status } }],
    });
    expect(desk.events).toHaveLength(stored);
    expect(desk.state).toBe(before);

    // Another device, offline, decided it in a state that allowed it; the event syncs here.
    const forced = sampleEvent(action);
    const after = reduceComplaint(desk.complaint, [...desk.events, forced]);
    expect(after.trail).toHaveLength(before.trail.length + 1);
    expect(after.trail.at(-1)).toEqual({
      eventId: forced._id,
      kind: forced.kind,
      at: forced.at,
      by: forced.by,
      deviceCode: forced.deviceCode,
      applied: false,
      refusal: 'workflow.refused.notAllowed',
      status: before.status,
      details: payloadOf(forced),
    });
    expect(after.eventCount).toBe(before.eventCount + 1);
    expect(after.lastEventAt).toBe(forced.at);
    expect(withoutTrail(after)).toEqual(withoutTrail(before));
    expect(after.trail.slice(0, -1)).toEqual(before.trail);
  });
});

describe('refused transitions named by the issue', () => {
  it('refuses a response before verification', () => {
    const desk = deskIn('new');
    const decision = desk.attempt('respond');
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.issues[0]?.key).toBe('workflow.refused.notAllowed');
    const forced = sampleEvent('respond');
    const state = reduceComplaint(desk.complaint, [...desk.events, forced]);
    expect(state.status).toBe('new');
    expect(state.lastResponseAt).toBeNull();
    expect(state.stages.answeredAt).toBeUndefined();
  });

  it('refuses closing twice, and keeps the second close in the trail', () => {
    const desk = deskIn('closed');
    const closedAt = desk.state.stages.closedAt;
    const outcome = desk.state.outcome;
    expect(desk.attempt('close', { outcome: 'Lagi' })).toMatchObject({ ok: false });
    const again = sampleEvent('close', { outcome: 'Ditutup lagi di perangkat lain' });
    const state = reduceComplaint(desk.complaint, [...desk.events, again]);
    expect(state).toMatchObject({ status: 'closed', outcome, stages: { closedAt } });
    expect(state.trail.filter((entry) => entry.kind === 'close').map((entry) => entry.applied)).toEqual([
      true,
      false,
    ]);
  });

  it('refuses a follow-up on a verified complaint without an office', () => {
    const desk = deskIn('verified without office');
    expect(desk.attempt('follow-up', { office: OFFICE, summary: 'x' })).toMatchObject({ ok: false });
    expect(desk.state.status).toBe('verified');
  });
});
