import { describe, expect, it } from 'vitest';
import { at, calendar, settings, wib } from './sla.fixtures';
import { DEFAULT_DEADLINES, DEFAULT_SLA_RULES, type SlaSettings } from './deadline-settings';
import { autoClosed, nextDeadline, type SlaFacts } from './deadlines';

const ruleOff: SlaSettings = {
  ...settings,
  rules: { ...DEFAULT_SLA_RULES, autoCloseAfterReplyWindow: false },
};

/** Received Mon 16 Nov, verified and disposed Tue 17, followed up Fri 20, answered Mon 23 Nov 2026. */
const answered = (over: Partial<SlaFacts> = {}): SlaFacts => ({
  status: 'answered',
  receivedAt: wib('2026-11-16'),
  verifiedAt: wib('2026-11-17'),
  disposedAt: wib('2026-11-17'),
  followedUpAt: wib('2026-11-20'),
  lastResponseAt: wib('2026-11-23'),
  replyAfterLastResponse: false,
  currentOffice: 'dinkes',
  hold: null,
  holdPeriods: [],
  ...over,
});

// Answered Mon 23 Nov: the 10 working days of the window are Tue 24, Wed 25, Thu 26, Fri 27,
// Mon 30, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7 Dec. The complaint closes on Tue 8 Dec.

describe('autoClosed: no reply for the reply window closes an answered complaint', () => {
  it('does not close while the window is open, up to its last day', () => {
    for (const date of ['2026-11-24', '2026-12-04', '2026-12-05', '2026-12-07']) {
      expect(autoClosed(answered(), settings, calendar, at(date, '16:00')), date).toBeNull();
    }
  });

  it('closes by rule on the first working day after the window', () => {
    const closed = { closedBy: 'rule', rule: 'reply-window', on: '2026-12-08' };
    expect(autoClosed(answered(), settings, calendar, at('2026-12-08', '08:00'))).toEqual(closed);
    // Later looks give the same closing day.
    expect(autoClosed(answered(), settings, calendar, at('2027-02-01'))).toEqual(closed);
  });

  it('not when the rule is off', () => {
    expect(autoClosed(answered(), ruleOff, calendar, at('2026-12-08'))).toBeNull();
    expect(autoClosed(answered(), ruleOff, calendar, at('2027-06-01'))).toBeNull();
  });

  it('not when the complainant replied after the response', () => {
    const replied = answered({ replyAfterLastResponse: true });
    expect(autoClosed(replied, settings, calendar, at('2026-12-08'))).toBeNull();
    expect(autoClosed(replied, settings, calendar, at('2027-06-01'))).toBeNull();
  });

  it('only for an answered complaint', () => {
    // A reply asking for more sends it back to the office (status verified): no auto-close.
    const back = answered({ status: 'verified', replyAfterLastResponse: true });
    expect(autoClosed(back, settings, calendar, at('2027-01-15'))).toBeNull();
    for (const status of ['closed', 'followed-up', 'archived'] as const) {
      expect(autoClosed(answered({ status }), settings, calendar, at('2027-01-15')), status).toBeNull();
    }
    const neverAnswered = answered();
    delete (neverAnswered as { lastResponseAt?: string }).lastResponseAt;
    expect(autoClosed(neverAnswered, settings, calendar, at('2027-01-15'))).toBeNull();
  });

  it('counts the window from the latest response', () => {
    // A second response on Thu 3 Dec restarts it: Fri 4 (1) … Thu 17 Dec (10); closes Fri 18.
    const again = answered({ lastResponseAt: wib('2026-12-03') });
    expect(autoClosed(again, settings, calendar, at('2026-12-17', '16:00'))).toBeNull();
    expect(autoClosed(again, settings, calendar, at('2026-12-18'))?.on).toBe('2026-12-18');
  });

  it('follows the window setting', () => {
    // Five working days: Tue 24 … Mon 30 Nov; closes Tue 1 Dec.
    const five = { ...settings, deadlines: { ...DEFAULT_DEADLINES, replyWindowWorkingDays: 5 } };
    expect(autoClosed(answered(), five, calendar, at('2026-11-30', '16:00'))).toBeNull();
    expect(autoClosed(answered(), five, calendar, at('2026-12-01'))?.on).toBe('2026-12-01');
  });

  it('skips holidays and cuti bersama across the year end', () => {
    // Answered Wed 16 Dec 2026: Thu 17, Fri 18 (2), Mon 21 – Wed 23 (5), Thu 24 cuti, Fri 25
    // Christmas, Mon 28 – Thu 31 (9), Fri 1 Jan New Year, Mon 4 Jan (10). Tue 5 Jan is Isra
    // Mikraj (2027 estimate): the complaint closes on Wed 6 Jan 2027.
    const december = answered({ lastResponseAt: wib('2026-12-16') });
    expect(autoClosed(december, settings, calendar, at('2027-01-05', '16:00'))).toBeNull();
    expect(autoClosed(december, settings, calendar, at('2027-01-06'))).toEqual({
      closedBy: 'rule',
      rule: 'reply-window',
      on: '2027-01-06',
    });
  });

  it("counts in the unit's time zone", () => {
    // Answered 2026-11-23T17:30Z = Tue 24 Nov 00:30 WIB: the window is Wed 25 … Tue 8 Dec.
    const lateNight = answered({ lastResponseAt: '2026-11-23T17:30:00.000Z' });
    expect(autoClosed(lateNight, settings, calendar, at('2026-12-08', '16:00'))).toBeNull();
    expect(autoClosed(lateNight, settings, calendar, at('2026-12-09'))?.on).toBe('2026-12-09');
  });
});

describe('nextDeadline around the reply window', () => {
  it('shows the window (never late) while it runs', () => {
    expect(nextDeadline(answered(), settings, calendar, at('2026-11-24'))).toEqual({
      stage: 'reply-window',
      dueDate: '2026-12-07',
      state: 'on-time',
      workingDaysLeft: 9, // Wed 25 … Mon 7 Dec
      rule: 'sp4n-lapor.reply-window',
    });
    expect(nextDeadline(answered(), settings, calendar, at('2026-12-07', '16:00'))).toMatchObject({
      stage: 'reply-window',
      state: 'on-time',
      workingDaysLeft: 0,
    });
  });

  it('shows nothing once closed by the rule', () => {
    expect(nextDeadline(answered(), settings, calendar, at('2026-12-08'))).toBeNull();
  });

  it('with the rule off shows the resolution clock instead, during and after the window', () => {
    // Verified Tue 17 Nov + 60 days = Sat 16 Jan 2027.
    for (const date of ['2026-11-24', '2026-12-08']) {
      expect(nextDeadline(answered(), ruleOff, calendar, at(date)), date).toMatchObject({
        stage: 'resolve',
        dueDate: '2027-01-16',
        state: 'on-time',
      });
    }
    expect(nextDeadline(answered(), ruleOff, calendar, at('2027-01-18'))).toMatchObject({
      stage: 'resolve',
      state: 'overdue',
    });
  });

  it('after a reply from the complainant shows the resolution clock', () => {
    const replied = answered({ replyAfterLastResponse: true });
    expect(nextDeadline(replied, settings, calendar, at('2026-11-24'))).toMatchObject({
      stage: 'resolve',
      dueDate: '2027-01-16',
    });
  });
});
