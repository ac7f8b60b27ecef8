import { describe, expect, it } from 'vitest';
import { at, calendar, settings, wib } from './sla.fixtures';
import { nextDeadline, type SlaFacts } from './deadlines';
import { pausedWorkingDays, type HoldFacts } from './hold-pause';

const paused = (
  holds: Partial<HoldFacts>,
  today: string,
  timeZone = 'Asia/Jakarta',
  clockStart?: string,
): number =>
  pausedWorkingDays({ hold: null, holdPeriods: [], ...holds }, calendar, timeZone, today, clockStart);

/** Received Mon 23 Nov 2026 10:00 WIB: without holds, verify is due Thu 26 Nov. */
const received = (over: Partial<SlaFacts> = {}): SlaFacts => ({
  status: 'new',
  receivedAt: wib('2026-11-23'),
  replyAfterLastResponse: false,
  currentOffice: null,
  hold: null,
  holdPeriods: [],
  ...over,
});

describe('pausedWorkingDays', () => {
  it('is 0 without holds', () => {
    expect(paused({}, '2026-11-30')).toBe(0);
  });

  it('counts an active hold from its start up to today', () => {
    // On hold since Wed 25 Nov until Fri 4 Dec; seen Fri 27: Wed 25, Thu 26, Fri 27.
    expect(paused({ hold: { since: wib('2026-11-25'), until: '2026-12-04' } }, '2026-11-27')).toBe(3);
  });

  it('stops counting an active hold after its until-date, though no action came', () => {
    // 25 Nov … 4 Dec: Wed 25, Thu 26, Fri 27, Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 = 8; seen Mon 7 Dec.
    expect(paused({ hold: { since: wib('2026-11-25'), until: '2026-12-04' } }, '2026-12-07')).toBe(8);
  });

  it('counts an ended hold up to the day before the action that ended it', () => {
    // Held Wed 25 Nov, acted on Mon 30: Wed 25, Thu 26, Fri 27 (the weekend is not working time).
    const period = { from: wib('2026-11-25'), to: wib('2026-11-30'), until: '2026-12-04' };
    expect(paused({ holdPeriods: [period] }, '2026-12-07')).toBe(3);
    // A hold ended on the day it began paused nothing.
    expect(
      paused({ holdPeriods: [{ from: wib('2026-11-25'), to: wib('2026-11-25', '15:00') }] }, '2026-12-07'),
    ).toBe(0);
  });

  it('counts an ended hold only up to its until-date when the action came later', () => {
    // Held Wed 25 until Thu 26 Nov; the next action only on Wed 2 Dec: Wed 25 and Thu 26 = 2.
    const hold = { since: wib('2026-11-25'), until: '2026-11-26' };
    const ended = { from: hold.since, to: wib('2026-12-02'), until: hold.until };
    expect(paused({ holdPeriods: [ended] }, '2026-12-02')).toBe(2);
    // The same count as while the hold was still active just before that action.
    expect(paused({ hold }, '2026-12-02')).toBe(2);
    // Without a known until-date, the hold lasts until the action: Wed 25 … Tue 1 Dec = 5.
    expect(paused({ holdPeriods: [{ from: ended.from, to: ended.to }] }, '2026-12-02')).toBe(5);
  });

  it('counts overlapping and adjacent holds once', () => {
    const first = { from: wib('2026-11-25'), to: wib('2026-11-30') }; // Wed 25 … Sun 29
    const overlapping = [first, { from: wib('2026-11-27'), to: wib('2026-12-02') }]; // + Fri 27 … Tue 1 Dec
    // Wed 25, Thu 26, Fri 27, Mon 30, Tue 1 = 5.
    expect(paused({ holdPeriods: overlapping }, '2026-12-07')).toBe(5);
    const adjacent = [
      { from: wib('2026-11-25'), to: wib('2026-11-27') }, // Wed 25, Thu 26
      { from: wib('2026-11-27'), to: wib('2026-12-01') }, // Fri 27, Mon 30
    ];
    expect(paused({ holdPeriods: adjacent }, '2026-12-07')).toBe(4);
    // An active hold overlapping an ended one: Wed 25 … Tue 1 Dec = 5 working days.
    expect(
      paused({ holdPeriods: [first], hold: { since: wib('2026-11-27'), until: '2026-12-01' } }, '2026-12-07'),
    ).toBe(5);
  });

  it('does not count holidays and cuti bersama inside a hold', () => {
    // Held Wed 23 Dec, acted Wed 30 Dec: Wed 23 (1), 24 cuti, 25 Christmas, weekend, Mon 28 (2), Tue 29 (3).
    expect(paused({ holdPeriods: [{ from: wib('2026-12-23'), to: wib('2026-12-30') }] }, '2026-12-30')).toBe(
      3,
    );
  });

  it("uses the unit's time zone for the hold's instants", () => {
    // Since 2026-11-24T16:30Z: 23:30 on Tue 24 in Jakarta, 01:30 on Wed 25 in Jayapura. Ended Thu 26 10:00 WIB.
    const period = { from: '2026-11-24T16:30:00.000Z', to: wib('2026-11-26') };
    expect(paused({ holdPeriods: [period] }, '2026-11-30', 'Asia/Jakarta')).toBe(2); // Tue 24, Wed 25
    expect(paused({ holdPeriods: [period] }, '2026-11-30', 'Asia/Jayapura')).toBe(1); // Wed 25
  });

  it('does not count days on or before the date the clock starts from', () => {
    // Received and held on Mon 23 (until Tue 24), seen Wed 25: the receipt day never counted.
    const hold = { since: wib('2026-11-23', '11:00'), until: '2026-11-24' };
    expect(paused({ hold }, '2026-11-25', 'Asia/Jakarta', '2026-11-23')).toBe(1);
    expect(paused({ hold }, '2026-11-25')).toBe(2);
  });
});

describe('a hold pauses the verification clock', () => {
  it('until its until-date: Tue 24 counts, Wed 25 – Fri 27 held, Mon 30 and Tue 1 Dec count', () => {
    const held = received({ status: 'on-hold', hold: { since: wib('2026-11-25'), until: '2026-11-27' } });
    expect(nextDeadline(held, settings, calendar, at('2026-11-30'))).toMatchObject({
      stage: 'verify',
      dueDate: '2026-12-01',
      state: 'due-soon',
      workingDaysLeft: 1,
    });
  });

  it('while the hold runs, by the held days so far', () => {
    // Seen Wed 25, on hold since that day: Tue 24 (1) counted, Wed 25 held → Thu 26 (2), Fri 27 (3).
    const held = received({ status: 'on-hold', hold: { since: wib('2026-11-25'), until: '2026-12-04' } });
    expect(nextDeadline(held, settings, calendar, at('2026-11-25', '15:00'))?.dueDate).toBe('2026-11-27');
    // Seen Mon 30, still on hold: Wed 25 – Mon 30 held (4) → Tue 1 (2), Wed 2 (3).
    expect(nextDeadline(held, settings, calendar, at('2026-11-30'))?.dueDate).toBe('2026-12-02');
  });

  it('until the next action: a verification without an office on Mon 30 ends it', () => {
    const verified = received({
      status: 'verified',
      verifiedAt: wib('2026-11-30'),
      holdPeriods: [{ from: wib('2026-11-25'), to: wib('2026-11-30'), until: '2026-12-04' }],
    });
    // Held Wed 25 – Fri 27 (3): Tue 24 (1), Mon 30 (2), Tue 1 Dec (3).
    expect(nextDeadline(verified, settings, calendar, at('2026-11-30', '11:00'))).toMatchObject({
      stage: 'verify',
      dueDate: '2026-12-01',
    });
  });

  it('gives the same due date before and after the action when the until-date passed first', () => {
    // Held Wed 25 until Wed 25 only; the next action comes on Fri 4 Dec.
    // Paused: Wed 25 → Tue 24 (1), Thu 26 (2), Fri 27 (3): due Fri 27, long overdue by 4 Dec.
    const hold = { since: wib('2026-11-25'), until: '2026-11-25' };
    const before = received({ status: 'on-hold', hold });
    const after = received({
      status: 'verified',
      verifiedAt: wib('2026-12-04'),
      holdPeriods: [{ from: hold.since, to: wib('2026-12-04'), until: hold.until }],
    });
    expect(nextDeadline(before, settings, calendar, at('2026-12-04', '09:00'))).toMatchObject({
      dueDate: '2026-11-27',
      state: 'overdue',
      workingDaysLeft: -5, // Mon 30, Tue 1, Wed 2, Thu 3, Fri 4
    });
    expect(nextDeadline(after, settings, calendar, at('2026-12-04', '11:00'))).toMatchObject({
      dueDate: '2026-11-27',
      state: 'overdue',
    });
  });

  it('on the day of receipt, without giving an extra day for that day', () => {
    // Received Mon 23 10:00, held 11:00 until Tue 24. Tue 24 is held → Wed 25 (1), Thu 26 (2), Fri 27 (3).
    const held = received({
      status: 'on-hold',
      hold: { since: wib('2026-11-23', '11:00'), until: '2026-11-24' },
    });
    expect(nextDeadline(held, settings, calendar, at('2026-11-25'))?.dueDate).toBe('2026-11-27');
  });

  it('but not the follow-up after a later disposition', () => {
    // Held Wed 25 – Fri 27, verified and disposed Mon 30: follow-up from Mon 30 + 5 = Mon 7 Dec.
    const disposed = received({
      status: 'verified',
      verifiedAt: wib('2026-11-30'),
      disposedAt: wib('2026-11-30'),
      currentOffice: 'dinkes',
      holdPeriods: [{ from: wib('2026-11-25'), to: wib('2026-11-30'), until: '2026-11-27' }],
    });
    expect(nextDeadline(disposed, settings, calendar, at('2026-11-30', '11:00'))).toMatchObject({
      stage: 'follow-up',
      dueDate: '2026-12-07',
    });
  });
});
