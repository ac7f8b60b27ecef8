import { describe, expect, it } from 'vitest';
import { at, calendar, receivedComplaint, settings, wib } from './sla.fixtures';
import type { ComplaintState } from '../workflow/complaint-state-types';
import { complaintSla, slaFactsOf } from './complaint-sla';
import { DEFAULT_SLA_RULES } from './deadline-settings';

const initial = receivedComplaint();

/** Verified and disposed Tue 24, followed up Fri 27, answered Mon 30 Nov. */
const answered: ComplaintState = {
  ...initial,
  status: 'answered',
  currentOffice: 'dinas-pu',
  stages: {
    ...initial.stages,
    verifiedAt: wib('2026-11-24'),
    disposedAt: wib('2026-11-24'),
    followedUpAt: wib('2026-11-27'),
    answeredAt: wib('2026-11-30'),
  },
  lastResponseAt: wib('2026-11-30'),
  replyAfterLastResponse: false,
};
// Window of 10 working days after Mon 30 Nov: Tue 1 … Fri 4 (4), Mon 7 … Fri 11 (9), Mon 14 Dec (10).

describe('slaFactsOf', () => {
  it('takes the facts of a new complaint, leaving out stages not reached', () => {
    expect(slaFactsOf(initial)).toEqual({
      status: 'new',
      receivedAt: wib('2026-11-23'),
      replyAfterLastResponse: false,
      currentOffice: null,
      hold: null,
      holdPeriods: [],
    });
  });

  it('takes stages, response, hold and ended holds with their until-dates', () => {
    const state: ComplaintState = {
      ...answered,
      hold: { reason: 'Menunggu dokumen', since: wib('2026-12-01'), until: '2026-12-03' },
      holdPeriods: [{ from: wib('2026-11-23', '11:00'), to: wib('2026-11-24'), until: '2026-11-25' }],
    };
    expect(slaFactsOf(state)).toEqual({
      status: 'answered',
      receivedAt: wib('2026-11-23'),
      verifiedAt: wib('2026-11-24'),
      disposedAt: wib('2026-11-24'),
      followedUpAt: wib('2026-11-27'),
      lastResponseAt: wib('2026-11-30'),
      replyAfterLastResponse: false,
      currentOffice: 'dinas-pu',
      hold: { since: wib('2026-12-01'), until: '2026-12-03' },
      holdPeriods: [{ from: wib('2026-11-23', '11:00'), to: wib('2026-11-24'), until: '2026-11-25' }],
    });
  });
});

describe('complaintSla', () => {
  it('gives a new complaint its verification deadline', () => {
    // Mon 23 Nov + 3 working days = Thu 26 Nov; seen Wed 25: 1 left.
    expect(complaintSla(initial, settings, calendar, at('2026-11-25'))).toEqual({
      status: 'new',
      autoClose: null,
      deadline: {
        stage: 'verify',
        dueDate: '2026-11-26',
        state: 'due-soon',
        workingDaysLeft: 1,
        rule: 'sp4n-lapor.verify-dispatch',
      },
    });
  });

  it('pushes the verification deadline by a hold', () => {
    // On hold Wed 25 – Fri 27: Tue 24 (1), Mon 30 (2), Tue 1 Dec (3).
    const held: ComplaintState = {
      ...initial,
      status: 'on-hold',
      hold: { reason: 'Menunggu dokumen', since: wib('2026-11-25'), until: '2026-11-27' },
    };
    expect(complaintSla(held, settings, calendar, at('2026-11-30')).deadline).toMatchObject({
      stage: 'verify',
      dueDate: '2026-12-01',
    });
  });

  it('pushes it by an ended hold only up to its until-date', () => {
    // Held Wed 25 until Wed 25; verified without an office on Thu 3 Dec. Paused: Wed 25 only →
    // Tue 24 (1), Thu 26 (2), Fri 27 (3).
    const verified: ComplaintState = {
      ...initial,
      status: 'verified',
      stages: { ...initial.stages, verifiedAt: wib('2026-12-03') },
      holdPeriods: [{ from: wib('2026-11-25'), to: wib('2026-12-03'), until: '2026-11-25' }],
    };
    expect(complaintSla(verified, settings, calendar, at('2026-12-03', '11:00')).deadline).toMatchObject({
      stage: 'verify',
      dueDate: '2026-11-27',
      state: 'overdue',
    });
  });

  it('shows the reply window while it runs', () => {
    expect(complaintSla(answered, settings, calendar, at('2026-12-14', '16:00'))).toEqual({
      status: 'answered',
      autoClose: null,
      deadline: {
        stage: 'reply-window',
        dueDate: '2026-12-14',
        state: 'on-time',
        workingDaysLeft: 0,
        rule: 'sp4n-lapor.reply-window',
      },
    });
  });

  it('shows a complaint closed by the reply-window rule as closed, with no deadline', () => {
    expect(complaintSla(answered, settings, calendar, at('2026-12-15'))).toEqual({
      status: 'closed',
      autoClose: { closedBy: 'rule', rule: 'reply-window', on: '2026-12-15' },
      deadline: null,
    });
  });

  it('keeps it answered, with the resolution clock, when the rule is off', () => {
    const off = { ...settings, rules: { ...DEFAULT_SLA_RULES, autoCloseAfterReplyWindow: false } };
    // Verified Tue 24 Nov + 60 days = Sat 23 Jan 2027.
    expect(complaintSla(answered, off, calendar, at('2026-12-15'))).toMatchObject({
      status: 'answered',
      autoClose: null,
      deadline: { stage: 'resolve', dueDate: '2027-01-23', state: 'on-time' },
    });
  });

  it('keeps it answered when the complainant replied after the response', () => {
    const replied: ComplaintState = { ...answered, replyAfterLastResponse: true };
    expect(complaintSla(replied, settings, calendar, at('2026-12-15'))).toMatchObject({
      status: 'answered',
      autoClose: null,
      deadline: { stage: 'resolve' },
    });
  });

  it('gives a complaint closed by hand no deadline and no rule closing', () => {
    const closed: ComplaintState = {
      ...answered,
      status: 'closed',
      outcome: 'Lampu sudah diganti.',
      stages: { ...answered.stages, closedAt: wib('2026-12-01') },
    };
    expect(complaintSla(closed, settings, calendar, at('2026-12-15'))).toEqual({
      status: 'closed',
      autoClose: null,
      deadline: null,
    });
  });
});
