import { describe, expect, it } from 'vitest';
import { at, calendar, settings, wib } from './sla.fixtures';
import { localDateOf, type IndonesianTimeZone } from '../time/local-date';
import { DEFAULT_DEADLINES, DEFAULT_SLA_RULES } from './deadline-settings';
import { nextDeadline, type SlaFacts } from './deadlines';

// Mon 23 Nov 2026 starts the working week.

const facts = (over: Partial<SlaFacts> = {}): SlaFacts => ({
  status: 'new',
  receivedAt: wib('2026-11-23'),
  replyAfterLastResponse: false,
  currentOffice: null,
  hold: null,
  holdPeriods: [],
  ...over,
});
/** Verified on Tue 24 Nov and disposed to an office at the same time. */
const disposed = (over: Partial<SlaFacts> = {}): SlaFacts =>
  facts({
    status: 'verified',
    verifiedAt: wib('2026-11-24'),
    disposedAt: wib('2026-11-24'),
    currentOffice: 'dinkes',
    ...over,
  });

describe('verification and disposition: ≤ 3 working days after intake', () => {
  it('is due on the third working day after the day of receipt', () => {
    // Mon 23 Nov + 3: Tue 24, Wed 25, Thu 26.
    expect(nextDeadline(facts(), settings, calendar, at('2026-11-23', '11:00'))).toEqual({
      stage: 'verify',
      dueDate: '2026-11-26',
      state: 'on-time',
      workingDaysLeft: 3,
      rule: 'sp4n-lapor.verify-dispatch',
    });
  });

  it('moves from on time to due soon to overdue as the days pass', () => {
    const seen = (date: string) => nextDeadline(facts(), settings, calendar, at(date));
    expect(seen('2026-11-24')).toMatchObject({ state: 'on-time', workingDaysLeft: 2 });
    expect(seen('2026-11-25')).toMatchObject({ state: 'due-soon', workingDaysLeft: 1 });
    expect(seen('2026-11-26')).toMatchObject({ state: 'due-soon', workingDaysLeft: 0 });
    expect(seen('2026-11-27')).toMatchObject({ state: 'overdue', workingDaysLeft: -1 });
    // Sat 28: no working day has passed since Fri 27, still one day late.
    expect(seen('2026-11-28')).toMatchObject({ state: 'overdue', workingDaysLeft: -1 });
    // Mon 30: Fri 27 and Mon 30 have passed.
    expect(seen('2026-11-30')).toMatchObject({ state: 'overdue', workingDaysLeft: -2 });
  });

  it('does not count the weekend', () => {
    // Received Fri 27 Nov 16:00: Mon 30 (1), Tue 1 Dec (2), Wed 2 Dec (3).
    const received = facts({ receivedAt: wib('2026-11-27', '16:00') });
    expect(nextDeadline(received, settings, calendar, at('2026-11-27', '17:00'))?.dueDate).toBe('2026-12-02');
  });

  it('skips Christmas and its cuti bersama', () => {
    // Received Tue 22 Dec: Wed 23 (1), Thu 24 cuti, Fri 25 Christmas, 26-27 weekend, Mon 28 (2), Tue 29 (3).
    const received = facts({ receivedAt: wib('2026-12-22') });
    expect(nextDeadline(received, settings, calendar, at('2026-12-22', '11:00'))?.dueDate).toBe('2026-12-29');
  });

  it('counts plain weekdays in a year with no holiday data', () => {
    // Received Thu 30 Dec 2027: Fri 31 (1), Mon 3 Jan 2028 (2), Tue 4 (3): no 2028 list to skip.
    const received = facts({ receivedAt: wib('2027-12-30') });
    expect(nextDeadline(received, settings, calendar, at('2027-12-30', '11:00'))?.dueDate).toBe('2028-01-04');
  });

  it('keeps running after a verification without an office, until the disposition', () => {
    const verified = facts({ status: 'verified', verifiedAt: wib('2026-11-24') });
    // The 60-day clock (due Sat 23 Jan 2027) is later than the verify deadline (Thu 26 Nov).
    expect(nextDeadline(verified, settings, calendar, at('2026-11-24', '11:00'))).toMatchObject({
      stage: 'verify',
      dueDate: '2026-11-26',
    });
  });

  it('follows the setting', () => {
    const five = { ...settings, deadlines: { ...DEFAULT_DEADLINES, verifyWorkingDays: 5 } };
    // Mon 23 Nov + 5: Tue 24 … Fri 27 (4), Mon 30 (5).
    expect(nextDeadline(facts(), five, calendar, at('2026-11-23', '11:00'))?.dueDate).toBe('2026-11-30');
  });
});

describe("the office's follow-up: ≤ 5 working days after disposition", () => {
  it('is due on the fifth working day after the disposition', () => {
    // Disposed Tue 24 Nov: Wed 25, Thu 26, Fri 27, Mon 30, Tue 1 Dec.
    expect(nextDeadline(disposed(), settings, calendar, at('2026-11-24', '11:00'))).toEqual({
      stage: 'follow-up',
      dueDate: '2026-12-01',
      state: 'on-time',
      workingDaysLeft: 5,
      rule: 'sp4n-lapor.office-follow-up',
    });
  });

  it('crosses from December 2026 into January 2027', () => {
    // Disposed Tue 29 Dec: Wed 30 (1), Thu 31 (2), Fri 1 Jan holiday, weekend, Mon 4 (3),
    // Tue 5 Isra Mikraj (estimate), Wed 6 (4), Thu 7 (5).
    const late = disposed({
      receivedAt: wib('2026-12-28'),
      verifiedAt: wib('2026-12-29'),
      disposedAt: wib('2026-12-29'),
    });
    expect(nextDeadline(late, settings, calendar, at('2026-12-29', '11:00'))).toMatchObject({
      stage: 'follow-up',
      dueDate: '2027-01-07',
    });
  });

  it('restarts from a new disposition after an earlier follow-up', () => {
    // Followed up Mon 30 Nov, disposed again Tue 1 Dec: Wed 2, Thu 3, Fri 4, Mon 7, Tue 8.
    const again = disposed({ followedUpAt: wib('2026-11-30'), disposedAt: wib('2026-12-01') });
    expect(nextDeadline(again, settings, calendar, at('2026-12-01', '11:00'))).toMatchObject({
      stage: 'follow-up',
      dueDate: '2026-12-08',
    });
  });
});

describe('resolution: ≤ 60 days after the file is complete (Perpres 76/2013)', () => {
  it('counts calendar days from the verification once followed up', () => {
    // Verified Tue 24 Nov + 60 days: 30 Nov is +6, 31 Dec is +37, 23 Jan 2027 is +60 (a Saturday).
    const followed = disposed({ status: 'followed-up', followedUpAt: wib('2026-11-27') });
    expect(nextDeadline(followed, settings, calendar, at('2026-11-27', '11:00'))).toMatchObject({
      stage: 'resolve',
      dueDate: '2027-01-23',
      state: 'on-time',
      rule: 'perpres-76-2013.resolve',
    });
  });

  it('is overdue by the working days since a weekend due date', () => {
    // Verified Tue 1 Sep 2026 + 60: 30 Sep is +29, Sat 31 Oct is +60. Seen Mon 23 Nov: working
    // days in (31 Oct, 23 Nov] = 2-6, 9-13, 16-20 Nov (15) + Mon 23 = 16.
    const old = disposed({
      status: 'followed-up',
      receivedAt: wib('2026-08-31'),
      verifiedAt: wib('2026-09-01'),
      disposedAt: wib('2026-09-01'),
      followedUpAt: wib('2026-09-04'),
    });
    expect(nextDeadline(old, settings, calendar, at('2026-11-23'))).toMatchObject({
      stage: 'resolve',
      dueDate: '2026-10-31',
      state: 'overdue',
      workingDaysLeft: -16,
    });
  });

  it('follows the setting', () => {
    const thirty = { ...settings, deadlines: { ...DEFAULT_DEADLINES, resolveCalendarDays: 30 } };
    const followed = disposed({ status: 'followed-up', followedUpAt: wib('2026-11-27') });
    // Tue 24 Nov + 30 days = Thu 24 Dec (a cuti bersama day: calendar days do not skip it).
    expect(nextDeadline(followed, thirty, calendar, at('2026-11-27'))?.dueDate).toBe('2026-12-24');
  });
});

describe('"respond within 14 days" (UU 25/2009 art. 50, unconfirmed): off by default', () => {
  const followed = disposed({ status: 'followed-up', followedUpAt: wib('2026-11-27') });
  const on = { ...settings, rules: { ...DEFAULT_SLA_RULES, respondWithin14Days: true } };

  it('adds nothing while off', () => {
    expect(nextDeadline(followed, settings, calendar, at('2026-12-04'))?.stage).toBe('resolve');
  });

  it('when on, is due 14 calendar days after receipt and wins when earliest', () => {
    // Received Mon 23 Nov + 14 days = Mon 7 Dec; seen Fri 4 Dec: (4 Dec, 7 Dec] = 1 working day.
    expect(nextDeadline(followed, on, calendar, at('2026-12-04'))).toEqual({
      stage: 'respond-14',
      dueDate: '2026-12-07',
      state: 'due-soon',
      workingDaysLeft: 1,
      rule: 'uu-25-2009.art-50.respond-unconfirmed',
    });
  });

  it('when on, yields to an earlier stage, and follows its own setting', () => {
    expect(nextDeadline(facts(), on, calendar, at('2026-11-23', '11:00'))?.stage).toBe('verify');
    const two = { ...on, deadlines: { ...DEFAULT_DEADLINES, respondWithinDays: 2 } };
    // Mon 23 Nov + 2 days = Wed 25 Nov, before the verify deadline Thu 26.
    expect(nextDeadline(facts(), two, calendar, at('2026-11-23', '11:00'))).toMatchObject({
      stage: 'respond-14',
      dueDate: '2026-11-25',
    });
  });

  it('ends with the response', () => {
    const answered = { ...followed, status: 'answered' as const, lastResponseAt: wib('2026-11-30') };
    expect(nextDeadline(answered, on, calendar, at('2026-12-01'))?.stage).toBe('reply-window');
  });
});

describe('no deadline', () => {
  it.each(['closed', 'archived', 'forwarded'] as const)('for a %s complaint', (status) => {
    expect(nextDeadline(disposed({ status }), settings, calendar, at('2027-06-01'))).toBeNull();
  });
});

describe("the unit's time zone decides the local dates", () => {
  it.each([
    // 2026-11-23T18:30Z is 01:30 on Tue 24 Nov in Jakarta: the clock starts on the 24th → Fri 27.
    ['2026-11-23T18:30:00.000Z', 'Asia/Jakarta', '2026-11-24', '2026-11-27'],
    // 15:30Z is 22:30 on the 23rd in Jakarta (WIB) and 23:30 in Makassar (WITA), but 00:30 on the
    // 24th in Jayapura (WIT).
    ['2026-11-23T15:30:00.000Z', 'Asia/Jakarta', '2026-11-23', '2026-11-26'],
    ['2026-11-23T15:30:00.000Z', 'Asia/Makassar', '2026-11-23', '2026-11-26'],
    ['2026-11-23T15:30:00.000Z', 'Asia/Jayapura', '2026-11-24', '2026-11-27'],
    // 16:30Z is already the 24th in Makassar.
    ['2026-11-23T16:30:00.000Z', 'Asia/Makassar', '2026-11-24', '2026-11-27'],
  ] as const)(
    'received %s in %s: local %s, verify due %s',
    (receivedAt, timeZone: IndonesianTimeZone, local, due) => {
      expect(localDateOf(new Date(receivedAt), timeZone)).toBe(local);
      const zoned = { ...settings, timeZone };
      const deadline = nextDeadline(
        facts({ receivedAt }),
        zoned,
        calendar,
        new Date('2026-11-24T06:00:00.000Z'),
      );
      expect(deadline?.dueDate).toBe(due);
    },
  );

  it("judges 'today' in the unit's zone too", () => {
    // Due Thu 26 Nov. At 2026-11-26T16:30Z it is 23:30 on the 26th in Jakarta, 00:30 on the 27th in Makassar.
    const now = new Date('2026-11-26T16:30:00.000Z');
    expect(nextDeadline(facts(), settings, calendar, now)?.state).toBe('due-soon');
    const makassar = { ...settings, timeZone: 'Asia/Makassar' as const };
    expect(nextDeadline(facts(), makassar, calendar, now)?.state).toBe('overdue');
  });
});
