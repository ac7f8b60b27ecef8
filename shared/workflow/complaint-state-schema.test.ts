import { describe, expect, it } from 'vitest';
import { complaintStateSchema } from './complaint-state-schema';
import { STATES, deskIn, type StateName } from './workflow.fixtures';

/** The paths of the issues the schema finds in `state`. */
function brokenPaths(state: unknown): string[] {
  const result = complaintStateSchema.safeParse(state);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('complaintStateSchema', () => {
  it.each(Object.keys(STATES) as StateName[])('accepts the reduced state %s', (name) => {
    expect(brokenPaths(deskIn(name).state)).toEqual([]);
  });

  const answered = deskIn('answered').state;
  const onHold = deskIn('on-hold').state;
  const closed = deskIn('closed').state;
  const mutations: ReadonlyArray<readonly [string, unknown, string]> = [
    ['an unknown key', { ...answered, extra: 1 }, ''],
    [
      'a hold while answered',
      { ...answered, hold: { reason: 'x', until: '2027-01-01', since: answered.receivedAt } },
      'hold',
    ],
    ['no hold while on hold', { ...onHold, hold: null }, 'hold'],
    ['a status the trail does not end in', { ...answered, status: 'closed' }, 'status'],
    ['a wrong event count', { ...answered, eventCount: 3 }, 'eventCount'],
    [
      'a trail entry twice',
      { ...answered, trail: [...answered.trail, answered.trail.at(-1)], eventCount: 5 },
      'eventCount',
    ],
    ['a trail out of order', { ...answered, trail: [...answered.trail].reverse() }, 'trail'],
    ['a wrong latest time', { ...answered, lastEventAt: answered.receivedAt }, 'lastEventAt'],
    ['actions of another status', { ...answered, allowedActions: ['note'] }, 'allowedActions'],
    ['a follow-up without office', { ...answered, currentOffice: null }, 'currentOffice'],
    ['a closed complaint without outcome', { ...closed, outcome: null }, 'outcome'],
    ['a response time no response gave', { ...answered, lastResponseAt: null }, 'lastResponseAt'],
    ['a reopen count without reopening', { ...answered, reopenCount: 1 }, 'reopenCount'],
    [
      'a correction not in the current fields',
      { ...answered, corrections: { title: 'Lain' } },
      'corrections',
    ],
    [
      'a current title that is blank',
      { ...answered, current: { ...answered.current, title: ' ' } },
      'current.title',
    ],
    [
      'a satisfaction score of 6',
      {
        ...answered,
        satisfaction: { score: 6, comment: '', collectedVia: 'phone', at: answered.receivedAt },
      },
      'satisfaction.score',
    ],
    [
      'a refused entry without its refusal',
      {
        ...answered,
        trail: answered.trail.map((entry, i) => (i === 1 ? { ...entry, applied: false } : entry)),
      },
      'trail.1.refusal',
    ],
  ];

  it.each(mutations)('refuses %s', (_what, broken, path) => {
    expect(brokenPaths(broken)).toContain(path);
  });
});
