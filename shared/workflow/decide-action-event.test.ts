/**
 * The event decideAction writes: its fields, and its time (the clock's, never before an event the
 * decision saw); and the clock errors it throws.
 */
import { describe, expect, it } from 'vitest';
import { baseOfId, verifyImmutable } from '../ids/content-id';
import { eventBaseId } from '../ids/document-ids';
import { reduceComplaint } from './complaint-state';
import { decideAction } from './decide-action';
import { Desk, MANAGER, RECEIVED_DATE, TRACKING_NUMBER, actorOf, clockAt, deskIn } from './workflow.fixtures';

describe('decideAction writes', () => {
  it('the event of the action, for this complaint, by the actor, at the clock, with trimmed texts', () => {
    const desk = new Desk();
    const actor = actorOf('supervisor', 'MNP');
    const clock = { at: new Date('2026-11-24T01:02:03.004Z'), eventSequence: 77, localDate: '2026-11-24' };
    const decision = decideAction(
      desk.state,
      'hold',
      { reason: '  Menunggu  ', until: '1/12/2026', x: 1 },
      actor,
      clock,
    );
    const hash = decision.ok ? decision.event._id.slice(-64) : '';
    expect(decision).toEqual({
      ok: true,
      event: {
        _id: `${eventBaseId(TRACKING_NUMBER, '2026-11-24T01:02:03.004Z', 'MNP', 77)}:${hash}`,
        _rev: `1-${hash}`,
        type: 'event',
        schemaVersion: 1,
        unitCode: 'KBM',
        complaintId: desk.complaint._id,
        trackingNumber: TRACKING_NUMBER,
        kind: 'hold',
        at: '2026-11-24T01:02:03.004Z',
        by: { officerId: 'supervisor-1', name: 'Budi' },
        deviceCode: 'MNP',
        reason: 'Menunggu',
        until: '2026-12-01',
      },
    });
  });

  it('throws a RangeError for an invalid clock', () => {
    const { state } = new Desk();
    const input = { text: 'x' };
    expect(() =>
      decideAction(state, 'note', input, MANAGER, { at: new Date(Number.NaN), eventSequence: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      decideAction(state, 'note', input, MANAGER, { ...clockAt(1), localDate: '23/11/2026' }),
    ).toThrow(RangeError);
    expect(() => decideAction(state, 'note', input, MANAGER, { ...clockAt(1), eventSequence: 0 })).toThrow(
      RangeError,
    );
  });

  it('refuses an input that is not an object', () => {
    for (const input of [null, undefined, 'x', 3, []]) {
      expect(decideAction(new Desk().state, 'note', input, MANAGER, clockAt(1))).toEqual({
        ok: false,
        issues: [{ path: '', key: 'validation.invalid' }],
      });
    }
  });
});

describe('the time of the event', () => {
  it('is the clock when it is past every event the decision saw', () => {
    const desk = deskIn('new');
    const clock = { at: new Date('2026-11-23T05:00:00.000Z'), eventSequence: 9, localDate: RECEIVED_DATE };
    expect(decideAction(desk.state, 'note', { text: 'x' }, MANAGER, clock)).toMatchObject({
      ok: true,
      event: { at: '2026-11-23T05:00:00.000Z' },
    });
  });

  it('follows the latest event when this device clock is behind, so the event is applied after it', () => {
    const desk = deskIn('verified with office'); // verified at step 1 (03:05:05.678Z) by device A23
    const lastEventAt = desk.state.lastEventAt ?? '';
    const behind = { at: new Date('2026-11-23T03:00:00.000Z'), eventSequence: 1, localDate: RECEIVED_DATE };
    const decision = decideAction(
      desk.state,
      'follow-up',
      { summary: 'x' },
      actorOf('officer', 'MNP'),
      behind,
    );
    if (!decision.ok) return expect.fail(JSON.stringify(decision.issues));
    expect(decision.event.at).toBe('2026-11-23T03:05:05.679Z');
    expect(decision.event.at > lastEventAt).toBe(true);
    expect(baseOfId(decision.event._id)).toBe(eventBaseId(TRACKING_NUMBER, decision.event.at, 'MNP', 1));
    expect(verifyImmutable(decision.event)).toBe('ok');
    const state = desk.reduceWith(decision.event);
    expect(state.trail.at(-1)).toMatchObject({ kind: 'follow-up', applied: true });
    expect(state.status).toBe('followed-up');
  });

  it('at the same millisecond as the latest event, from a device sorting before it, still comes after it', () => {
    const desk = new Desk();
    desk.act('verify', { dispositionOffice: 'Dinas' }, actorOf('manager', 'X7Q'));
    const same = { at: new Date(desk.state.lastEventAt ?? ''), eventSequence: 5, localDate: RECEIVED_DATE };
    const decision = decideAction(desk.state, 'follow-up', { summary: 'x' }, actorOf('officer', 'A23'), same);
    if (!decision.ok) return expect.fail(JSON.stringify(decision.issues));
    expect(desk.reduceWith(decision.event).status).toBe('followed-up');
  });

  it('is after intake even before the received event has synced', () => {
    const desk = new Desk();
    const { complaint } = desk;
    const alone = reduceComplaint(complaint, []);
    const early = { at: new Date('2026-11-22T00:00:00.000Z'), eventSequence: 1, localDate: '2026-11-22' };
    const decision = decideAction(alone, 'note', { text: 'x' }, MANAGER, early);
    expect(decision).toMatchObject({ ok: true, event: { at: '2026-11-23T03:04:05.679Z' } });
  });
});
