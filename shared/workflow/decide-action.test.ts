/**
 * The input checks of decideAction: required fields, dates, lengths, choices, the rules across
 * fields, every problem at once; refusals before the input is read.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_FIELDS, decideAction, readActionInput, type Decision } from './decide-action';
import {
  Desk,
  MANAGER,
  OTHER_TRACKING_NUMBER,
  RECEIVED_DATE,
  actorOf,
  deskIn,
  type StateName,
} from './workflow.fixtures';
import type { WorkflowAction } from './workflow-actions';

/** The issues of deciding `action` with `input` on a complaint in `name` (the action must be refused). */
function issuesOf(name: StateName, action: WorkflowAction, input: unknown): Decision & { ok: false } {
  const desk = deskIn(name);
  const stored = desk.events.length;
  const decision = desk.attempt(action, input);
  if (decision.ok) return expect.fail(`${action} accepted: ${JSON.stringify(decision.event)}`);
  expect(desk.events).toHaveLength(stored);
  return decision;
}

describe('required fields', () => {
  it.each([
    [
      'new',
      'hold',
      { reason: ' ', until: '' },
      [
        ['reason', 'validation.required'],
        ['until', 'workflow.hold.untilRequired'],
      ],
    ],
    ['new', 'hold', { reason: 'x' }, [['until', 'workflow.hold.untilRequired']]],
    ['new', 'not-our-authority', {}, [['forwardedTo', 'validation.required']]],
    ['new', 'archive', { reason: '' }, [['reason', 'validation.required']]],
    ['verified without office', 'dispose', { office: '' }, [['office', 'validation.required']]],
    ['followed-up', 'respond', { channel: 'phone', summary: '\n' }, [['summary', 'validation.required']]],
    ['answered', 'record-reply', {}, [['summary', 'validation.required']]],
    [
      'answered',
      'record-satisfaction',
      { score: ' ', collectedVia: '' },
      [
        ['score', 'validation.required'],
        ['collectedVia', 'validation.required'],
      ],
    ],
    ['answered', 'close', { outcome: '' }, [['outcome', 'validation.required']]],
    ['closed', 'reopen', { reason: '' }, [['reason', 'validation.required']]],
    ['new', 'note', { text: '   ' }, [['text', 'validation.required']]],
    [
      'new',
      'change-privacy',
      { reason: '' },
      [
        ['to', 'validation.required'],
        ['reason', 'validation.required'],
      ],
    ],
    ['new', 'correct', { field: 'title', newValue: 'Baru' }, [['reason', 'validation.required']]],
  ] as const)('%s: %s reports blank fields', (name, action, input, expected) => {
    const { issues } = issuesOf(name, action, input);
    expect(issues.map((issue) => [issue.path, issue.key])).toEqual(expected);
  });

  it('fills a blank follow-up office with the office the complaint is disposed to', () => {
    const desk = deskIn('verified with office');
    expect(desk.act('follow-up', { summary: 'x' })).toMatchObject({ office: 'Puskesmas Kota' });
    expect(desk.act('follow-up', { office: 'Dinas', summary: 'x' })).toMatchObject({ office: 'Dinas' });
  });

  it('stores a blank disposition office as none', () => {
    expect(deskIn('new').act('verify', { dispositionOffice: '   ' })).toMatchObject({
      dispositionOffice: null,
    });
    expect(deskIn('new').act('verify', {})).toMatchObject({ dispositionOffice: null, note: '' });
  });
});

describe('hold until', () => {
  it.each([
    ['2026-11-22', 'yesterday'],
    [RECEIVED_DATE, 'today'],
    ['2020-01-01', 'years ago'],
  ])('refuses %s (%s)', (until) => {
    expect(issuesOf('new', 'hold', { reason: 'x', until }).issues).toEqual([
      { path: 'until', key: 'workflow.hold.untilPast' },
    ]);
  });

  it('accepts tomorrow, typed day first', () => {
    expect(deskIn('new').act('hold', { reason: 'x', until: '24-11-2026' })).toMatchObject({
      until: '2026-11-24',
    });
  });

  it('refuses a date that does not exist', () => {
    expect(issuesOf('new', 'hold', { reason: 'x', until: '30/02/2027' }).issues).toEqual([
      { path: 'until', key: 'validation.invalid' },
    ]);
  });

  it('judges today by the unit-local date when given', () => {
    const { state } = new Desk();
    const clock = { at: new Date('2026-11-23T20:00:00.000Z'), eventSequence: 1, localDate: '2026-11-24' };
    const decision = decideAction(state, 'hold', { reason: 'x', until: '2026-11-24' }, MANAGER, clock);
    expect(decision).toMatchObject({
      ok: false,
      issues: [{ path: 'until', key: 'workflow.hold.untilPast' }],
    });
  });
});

describe('lengths and choices', () => {
  it('refuses too long texts with their maximum', () => {
    expect(issuesOf('new', 'note', { text: 'x'.repeat(4001) }).issues).toEqual([
      { path: 'text', key: 'validation.tooLong', params: { max: 4000 } },
    ]);
    expect(issuesOf('new', 'not-our-authority', { forwardedTo: 'x'.repeat(201) }).issues).toEqual([
      { path: 'forwardedTo', key: 'validation.tooLong', params: { max: 200 } },
    ]);
    expect(deskIn('new').act('note', { text: 'x'.repeat(4000) })).toMatchObject({ kind: 'note' });
  });

  it('refuses unknown choices and values of the wrong type', () => {
    expect(issuesOf('followed-up', 'respond', { channel: 'fax', summary: 5 }).issues).toEqual([
      { path: 'channel', key: 'validation.invalid' },
      { path: 'summary', key: 'validation.invalid' },
    ]);
    expect(issuesOf('answered', 'record-reply', { summary: 'x', needsFurtherAction: 'yes' }).issues).toEqual([
      { path: 'needsFurtherAction', key: 'validation.invalid' },
    ]);
    expect(issuesOf('new', 'correct', { field: 'nik', newValue: '1', reason: 'x' }).issues).toEqual([
      { path: 'field', key: 'validation.invalid' },
    ]);
  });
});

describe('satisfaction score', () => {
  it.each([4, '4', ' 5 ', 1])('accepts %j', (score) => {
    const event = deskIn('answered').act('record-satisfaction', { score, collectedVia: 'form' });
    expect(event).toMatchObject({ score: Number(score), comment: '' });
  });

  it.each([9, '9', 0, '0', 2.5, '2.5', 'empat', true])('refuses %j', (score) => {
    expect(issuesOf('answered', 'record-satisfaction', { score, collectedVia: 'form' }).issues).toEqual([
      { path: 'score', key: 'workflow.satisfaction.scoreRange', params: { min: 1, max: 5 } },
    ]);
  });
});

describe('archive', () => {
  it('requires the text of reason other', () => {
    expect(issuesOf('new', 'archive', { reason: 'other', otherText: ' ' }).issues).toEqual([
      { path: 'otherText', key: 'workflow.archive.otherTextRequired' },
    ]);
  });

  it('requires a valid tracking number of another complaint for a duplicate', () => {
    expect(issuesOf('new', 'archive', { reason: 'duplicate' }).issues).toEqual([
      { path: 'duplicateOf', key: 'workflow.archive.duplicateOfRequired' },
    ]);
    expect(issuesOf('new', 'archive', { reason: 'duplicate', duplicateOf: 'KBM-12' }).issues).toEqual([
      { path: 'duplicateOf', key: 'workflow.archive.duplicateOfInvalid' },
    ]);
    expect(
      issuesOf('new', 'archive', { reason: 'duplicate', duplicateOf: 'kbm-261123-x7q0042' }).issues,
    ).toEqual([{ path: 'duplicateOf', key: 'workflow.archive.duplicateOfSelf' }]);
  });

  it('stores a duplicate reference as typed in canonical form, and drops fields of other reasons', () => {
    const typed = ` ${OTHER_TRACKING_NUMBER.toLowerCase()} `;
    expect(
      deskIn('new').act('archive', { reason: 'duplicate', duplicateOf: typed, otherText: 'x' }),
    ).toMatchObject({
      duplicateOf: OTHER_TRACKING_NUMBER,
      otherText: '',
    });
    expect(
      deskIn('new').act('archive', {
        reason: 'other',
        duplicateOf: OTHER_TRACKING_NUMBER,
        otherText: 'Iklan',
      }),
    ).toMatchObject({
      duplicateOf: null,
      otherText: 'Iklan',
    });
  });
});

describe('several problems', () => {
  it('are reported at once, in form order', () => {
    expect(issuesOf('new', 'hold', { reason: 'x'.repeat(4001), until: '01/01/2020' }).issues).toEqual([
      { path: 'reason', key: 'validation.tooLong', params: { max: 4000 } },
      { path: 'until', key: 'workflow.hold.untilPast' },
    ]);
    expect(issuesOf('new', 'archive', { reason: 'other', otherText: 'x'.repeat(4001) }).issues).toEqual([
      { path: 'otherText', key: 'validation.tooLong', params: { max: 4000 } },
    ]);
    expect(
      issuesOf('answered', 'record-satisfaction', {
        score: 7,
        comment: 'x'.repeat(4001),
        collectedVia: 'fax',
      }).issues,
    ).toEqual([
      { path: 'score', key: 'workflow.satisfaction.scoreRange', params: { min: 1, max: 5 } },
      { path: 'comment', key: 'validation.tooLong', params: { max: 4000 } },
      { path: 'collectedVia', key: 'validation.invalid' },
    ]);
  });

  it('refuses a disallowed action before looking at its input or the role', () => {
    const desk = deskIn('new');
    expect(desk.attempt('close', 'not even an object', actorOf('officer'))).toEqual({
      ok: false,
      issues: [{ path: '', key: 'workflow.refused.notAllowed', params: { action: 'close', status: 'new' } }],
    });
  });
});

describe('readActionInput and ACTION_FIELDS', () => {
  it('ask only for what a person enters, never for derived fields', () => {
    expect(Object.keys(ACTION_FIELDS.correct)).toEqual(['field', 'newValue', 'reason']);
    expect(Object.keys(ACTION_FIELDS['change-privacy'])).toEqual(['to', 'reason']);
    expect(ACTION_FIELDS['follow-up'].office?.prefill).toBe('current-office');
    expect(ACTION_FIELDS.hold.until?.requiredKey).toBe('workflow.hold.untilRequired');
  });

  it('drops unknown fields and derived fields passed in', () => {
    const read = readActionInput('change-privacy', {
      to: 'named',
      reason: 'x',
      from: 'named',
      identityDeleted: true,
    });
    expect(read).toEqual({ values: { to: 'named', reason: 'x' }, issues: [] });
  });
});
