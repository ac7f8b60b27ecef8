/**
 * Recording that a complaint went to SP4N-LAPOR! (docs/domain.md, 'Workflow'): allowed in every status to
 * supervisors and managers, changes no status, keeps the LAPOR! id once known, and never claims
 * identity went with an anonymous or confidential complaint.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMAS } from './events';
import { Desk, OFFICER, STATES, SUPERVISOR, deskIn, intake, type StateName } from './workflow.fixtures';
import { LAPOR_ID_MAX } from './event-vocabulary';

const NAMES = Object.keys(STATES) as StateName[];

describe('record-lapor', () => {
  it.each(NAMES)('is allowed from %s and leaves status, office and stages as they were', (name) => {
    const desk = deskIn(name);
    const before = desk.state;
    const event = desk.act('record-lapor', { laporId: '', exportFile: 'lapor-KBM.csv' }, SUPERVISOR);
    expect(event).toMatchObject({
      kind: 'lapor-forwarded',
      laporId: '',
      includesIdentity: false,
      exportFile: 'lapor-KBM.csv',
    });
    const after = desk.state;
    expect(after.status).toBe(before.status);
    expect(after.currentOffice).toBe(before.currentOffice);
    expect(after.stages).toEqual(before.stages);
    expect(after.hold).toEqual(before.hold);
    expect(after.allowedActions).toEqual(before.allowedActions);
    expect(after.lapor).toEqual({
      firstForwardedAt: event.at,
      lastForwardedAt: event.at,
      laporId: null,
      identityShared: false,
      records: 1,
    });
  });

  it('keeps the LAPOR! id recorded later, and a later record without one does not erase it', () => {
    const desk = new Desk(intake(42, 'named'));
    const first = desk.act('record-lapor', { laporId: '', includesIdentity: true, exportFile: 'a.csv' });
    expect(desk.state.lapor?.laporId).toBeNull();
    desk.act('record-lapor', { laporId: '  4512877  ' });
    expect(desk.state.lapor).toMatchObject({ laporId: '4512877', identityShared: true, records: 2 });
    const third = desk.act('record-lapor', { laporId: '', exportFile: 'b.csv' });
    expect(desk.state.lapor).toEqual({
      firstForwardedAt: first.at,
      lastForwardedAt: third.at,
      laporId: '4512877',
      identityShared: true,
      records: 3,
    });
    expect(desk.state.trail.filter((entry) => entry.kind === 'lapor-forwarded')).toHaveLength(3);
  });

  it.each(['confidential', 'anonymous'] as const)(
    'refuses to say identity went with a %s complaint, and writes nothing',
    (mode) => {
      const desk = new Desk(intake(42, mode));
      const decision = desk.attempt('record-lapor', { laporId: '1', includesIdentity: true }, SUPERVISOR);
      expect(decision).toEqual({
        ok: false,
        issues: [{ path: 'includesIdentity', key: 'workflow.lapor.identityNotNamed' }],
      });
      expect(desk.state.lapor).toBeNull();
      expect(desk.events).toHaveLength(1);
    },
  );

  it('is refused to officers (forwarding upward is for supervisors and managers)', () => {
    const desk = new Desk();
    const decision = desk.attempt('record-lapor', { laporId: '1' }, OFFICER);
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.issues[0]?.key).toBe('workflow.refused.role');
  });

  it('refuses a LAPOR! id that is too long', () => {
    const desk = new Desk();
    const decision = desk.attempt('record-lapor', { laporId: '9'.repeat(LAPOR_ID_MAX + 1) });
    expect(decision).toEqual({
      ok: false,
      issues: [{ path: 'laporId', key: 'validation.tooLong', params: { max: LAPOR_ID_MAX } }],
    });
  });

  it('stored events keep the id and file name on one line', () => {
    const event = new Desk().act('record-lapor');
    const schema = EVENT_SCHEMAS['lapor-forwarded'];
    expect(schema.safeParse(event).success).toBe(true);
    expect(schema.safeParse({ ...event, laporId: '12\n34' }).success).toBe(false);
    expect(schema.safeParse({ ...event, exportFile: 'a\r.csv' }).success).toBe(false);
    expect(schema.safeParse({ ...event, includesIdentity: 'yes' }).success).toBe(false);
  });
});
