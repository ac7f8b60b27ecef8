/**
 * Whole stories of one complaint: the full lifecycle, a hold, reopening, a complainant asking for
 * more, checked step by step (corrections and privacy changes: ./workflow-corrections.test).
 */
import { describe, expect, it } from 'vitest';
import { complaintStateSchema } from './complaint-state-schema';
import {
  Desk,
  HOLD_UNTIL,
  OFFERED,
  OFFICE,
  OFFICER,
  RECEIVED_AT,
  SUPERVISOR,
  clockAt,
  deskIn,
  type StateName,
} from './workflow.fixtures';

const at = (step: number): string => clockAt(step).at.toISOString();

describe('the full lifecycle', () => {
  it('goes intake → verify → dispose → follow-up → response → satisfaction → close', () => {
    const desk = new Desk();
    const received = desk.events[0];
    expect(desk.state).toMatchObject({ status: 'new', eventCount: 1, lastEventAt: RECEIVED_AT });
    expect(desk.state.allowedActions).toEqual(OFFERED['new']);

    desk.act('verify', { dispositionOffice: null, note: 'Berkas lengkap' }, SUPERVISOR);
    expect(desk.state).toMatchObject({ status: 'verified', currentOffice: null });
    expect(desk.state.stages).toEqual({ receivedAt: RECEIVED_AT, verifiedAt: at(1) });
    expect(desk.state.allowedActions).toEqual(OFFERED['verified without office']);

    desk.act('dispose', { office: OFFICE, note: '' }, SUPERVISOR);
    expect(desk.state).toMatchObject({ status: 'verified', currentOffice: OFFICE });
    expect(desk.state.stages).toEqual({ receivedAt: RECEIVED_AT, verifiedAt: at(1), disposedAt: at(2) });
    expect(desk.state.allowedActions).toEqual(OFFERED['verified with office']);

    // The office is left blank: it is the office the complaint is disposed to.
    const followUp = desk.act('follow-up', { office: '  ', summary: ' Antrean dibagi dua loket. ' }, OFFICER);
    expect(followUp).toMatchObject({ office: OFFICE, summary: 'Antrean dibagi dua loket.' });
    expect(desk.state).toMatchObject({ status: 'followed-up', currentOffice: OFFICE });
    expect(desk.state.stages.followedUpAt).toBe(at(3));
    expect(desk.state.allowedActions).toEqual(OFFERED['followed-up']);

    desk.act('respond', { channel: 'whatsapp', summary: 'Sudah dibenahi.' }, OFFICER);
    expect(desk.state).toMatchObject({
      status: 'answered',
      lastResponseAt: at(4),
      replyAfterLastResponse: false,
    });
    expect(desk.state.stages.answeredAt).toBe(at(4));
    expect(desk.state.allowedActions).toEqual(OFFERED['answered']);

    desk.act('record-satisfaction', { score: '5', comment: 'Cepat', collectedVia: 'whatsapp' }, OFFICER);
    expect(desk.state.status).toBe('answered');
    expect(desk.state.satisfaction).toEqual({
      score: 5,
      comment: 'Cepat',
      collectedVia: 'whatsapp',
      at: at(5),
    });

    desk.act('close', { outcome: 'Antrean kini di bawah satu jam.' }, SUPERVISOR);
    expect(desk.state).toMatchObject({ status: 'closed', outcome: 'Antrean kini di bawah satu jam.' });
    expect(desk.state.stages).toEqual({
      receivedAt: RECEIVED_AT,
      verifiedAt: at(1),
      disposedAt: at(2),
      followedUpAt: at(3),
      answeredAt: at(4),
      closedAt: at(6),
    });
    expect(desk.state.allowedActions).toEqual(OFFERED['closed']);

    const { trail } = desk.state;
    expect(desk.state.eventCount).toBe(7);
    expect(trail).toHaveLength(7);
    expect(trail.map((entry) => [entry.kind, entry.status])).toEqual([
      ['received', 'new'],
      ['verify', 'verified'],
      ['dispose', 'verified'],
      ['follow-up', 'followed-up'],
      ['response', 'answered'],
      ['satisfaction', 'answered'],
      ['close', 'closed'],
    ]);
    expect(trail[0]).toEqual({
      eventId: received?._id,
      kind: 'received',
      at: RECEIVED_AT,
      by: { officerId: 'o1', name: 'Rina' },
      deviceCode: 'X7Q',
      applied: true,
      status: 'new',
      details: { channel: 'phone' },
    });
    expect(trail[3]).toEqual({
      eventId: followUp._id,
      kind: 'follow-up',
      at: at(3),
      by: OFFICER.officer,
      deviceCode: 'A23',
      applied: true,
      status: 'followed-up',
      details: { office: OFFICE, summary: 'Antrean dibagi dua loket.' },
    });
    expect(trail[1]?.by).toEqual(SUPERVISOR.officer);
    expect(trail[1]?.details).toEqual({ dispositionOffice: null, note: 'Berkas lengkap' });
    expect(trail[5]?.details).toEqual({ score: 5, comment: 'Cepat', collectedVia: 'whatsapp' });
    expect(trail.every((entry) => entry.applied)).toBe(true);
    expect(desk.state.lastEventAt).toBe(at(6));
    expect(complaintStateSchema.safeParse(desk.state).success).toBe(true);
  });

  it('verify with an office disposes at once', () => {
    const desk = new Desk().run([{ action: 'verify', input: { dispositionOffice: ` ${OFFICE} ` } }]);
    expect(desk.state).toMatchObject({ status: 'verified', currentOffice: OFFICE });
    expect(desk.state.stages).toEqual({ receivedAt: RECEIVED_AT, verifiedAt: at(1), disposedAt: at(1) });
  });
});

describe('hold', () => {
  it('puts the complaint on hold, and verification ends the hold into a hold period', () => {
    const desk = new Desk();
    desk.act('hold', { reason: 'Menunggu KTP', until: '29/01/2027' }, SUPERVISOR);
    expect(desk.state.status).toBe('on-hold');
    expect(desk.state.hold).toEqual({ reason: 'Menunggu KTP', until: HOLD_UNTIL, since: at(1) });
    expect(desk.state.holdPeriods).toEqual([]);

    desk.act('note', { text: 'Pelapor akan datang.' }, OFFICER);
    desk.act('correct', undefined, SUPERVISOR);
    expect(desk.state.status).toBe('on-hold');
    expect(desk.state.hold).not.toBeNull();

    desk.act('verify', { dispositionOffice: null }, SUPERVISOR);
    expect(desk.state.status).toBe('verified');
    expect(desk.state.hold).toBeNull();
    expect(desk.state.holdPeriods).toEqual([{ from: at(1), to: at(4), until: HOLD_UNTIL }]);
    expect(desk.state.allowedActions).not.toContain('hold');
  });

  it.each(['archive', 'not-our-authority'] as const)('is ended by %s too', (action) => {
    const desk = deskIn('on-hold');
    desk.act(action);
    expect(desk.state.hold).toBeNull();
    expect(desk.state.holdPeriods).toEqual([{ from: at(1), to: at(2), until: HOLD_UNTIL }]);
  });
});

describe('reopen', () => {
  it.each([
    ['closed', 'verified', OFFICE],
    ['archived', 'new', null],
    ['forwarded', 'new', null],
  ] as const)('after %s returns to %s', (name: StateName, status, office) => {
    const desk = deskIn(name);
    const before = desk.state;
    desk.act('reopen', { reason: 'Masalah muncul lagi' }, SUPERVISOR);
    expect(desk.state).toMatchObject({
      status,
      currentOffice: office,
      reopenCount: 1,
      outcome: null,
      archive: null,
      forwardedTo: null,
    });
    expect(desk.state.stages).not.toHaveProperty('closedAt');
    expect(desk.state.stages).not.toHaveProperty('archivedAt');
    expect(desk.state.stages).not.toHaveProperty('forwardedAt');
    expect(desk.state.stages.receivedAt).toBe(RECEIVED_AT);
    // The earlier ending stays in the trail.
    expect(desk.state.trail.slice(0, -1)).toEqual(before.trail);
    expect(desk.state.trail.at(-1)).toMatchObject({ kind: 'reopen', applied: true, status });
    expect(complaintStateSchema.safeParse(desk.state).success).toBe(true);
  });

  it('keeps the earlier stages when a closed complaint is reopened, and counts every reopening', () => {
    const desk = deskIn('closed');
    const { verifiedAt, disposedAt, followedUpAt, answeredAt } = desk.state.stages;
    desk.run([{ action: 'reopen' }, { action: 'follow-up' }, { action: 'respond' }, { action: 'close' }]);
    desk.act('reopen');
    expect(desk.state.reopenCount).toBe(2);
    expect(desk.state.stages).toMatchObject({ verifiedAt, disposedAt });
    expect(desk.state.stages.followedUpAt).not.toBe(followedUpAt);
    expect(desk.state.stages.answeredAt).not.toBe(answeredAt);
  });

  it('records forwarding and archiving details before reopening', () => {
    expect(deskIn('forwarded').state).toMatchObject({ forwardedTo: 'Kementerian Kesehatan' });
    expect(deskIn('archived').state.archive).toEqual({
      reason: 'too-general',
      duplicateOf: null,
      otherText: '',
    });
  });
});

describe('complainant reply', () => {
  it('asking for further action returns the complaint to verified, with its office', () => {
    const desk = deskIn('answered');
    desk.act('record-reply', { summary: 'Belum beres.', needsFurtherAction: true }, OFFICER);
    expect(desk.state).toMatchObject({
      status: 'verified',
      currentOffice: OFFICE,
      replyAfterLastResponse: true,
    });
    expect(desk.state.allowedActions).toEqual(OFFERED['verified with office']);
    desk.act('follow-up');
    desk.act('respond');
    expect(desk.state).toMatchObject({ status: 'answered', replyAfterLastResponse: false });
  });

  it('without a request for more leaves the complaint answered', () => {
    const desk = deskIn('answered');
    desk.act('record-reply', { summary: 'Terima kasih.' }, OFFICER);
    expect(desk.state).toMatchObject({ status: 'answered', replyAfterLastResponse: true });
  });
});
