/**
 * The deadline code never throws on a date it receives from a document: a damaged backup or a
 * forged write can hold `2027-02-30`, `2026-13-01`, an instant past year 9999 or plain text where a
 * date belongs. complaintSla then says "unknown deadline"; nextDeadline and autoClosed return null;
 * pausedWorkingDays skips the hold; createWorkingCalendar skips the holiday.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar';
import { isIsoInstant } from '../time/iso-instant';
import { isIsoDate } from '../time/local-date';
import type { ComplaintState } from '../workflow/complaint-state-types';
import { complaintSla } from './complaint-sla';
import { DEFAULT_SLA_RULES } from './deadline-settings';
import { autoClosed, nextDeadline, slaDatesAreValid, slaOutcome, type SlaFacts } from './deadlines';
import { pausedWorkingDays } from './hold-pause';
import { at, calendar, receivedComplaint, settings, wib } from './sla.fixtures';

const initial = receivedComplaint();
const now = at('2026-11-25');

/** Dates that are not dates, and instants that are not instants (or overflow the calendar). */
const BAD_DATES = [
  '2027-02-30',
  '2027-02-29',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '',
  'besok',
  '2026-1-1',
];
const BAD_INSTANTS = [
  '2027-02-30T03:00:00.000Z',
  '2026-13-01T03:00:00.000Z',
  '2026-11-23T24:00:00.000Z',
  '2026-11-23',
  'kemarin',
  '',
  '9999-12-31T23:59:59.999Z', // a real instant whose local date (UTC+7) is in year 10000
  '0000-01-01T00:00:00.000Z',
];
/** Any text, bad dates and instants in particular, and some good ones. */
const anyDate = fc.oneof(
  fc.constantFrom(...BAD_DATES, '2026-11-24', '2028-02-29'),
  fc.string({ maxLength: 12 }),
);
const anyInstant = fc.oneof(
  fc.constantFrom(...BAD_INSTANTS, wib('2026-11-24'), wib('2026-11-26')),
  fc.string({ maxLength: 26 }),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);

const STATUSES = ['new', 'on-hold', 'verified', 'followed-up', 'answered'] as const;
const anyFacts: fc.Arbitrary<SlaFacts> = fc.record({
  status: fc.constantFrom(...STATUSES),
  receivedAt: anyInstant,
  verifiedAt: anyInstant,
  disposedAt: anyInstant,
  followedUpAt: anyInstant,
  lastResponseAt: anyInstant,
  replyAfterLastResponse: fc.boolean(),
  currentOffice: fc.constantFrom(null, 'dinkes'),
  hold: fc.option(fc.record({ since: anyInstant, until: anyDate })),
  holdPeriods: fc.array(
    fc.record({ from: anyInstant, to: anyInstant, until: fc.option(anyDate, { nil: undefined }) }),
    {
      maxLength: 3,
    },
  ),
});
const allRules = { ...settings, rules: { ...DEFAULT_SLA_RULES, respondWithin14Days: true } };

describe('the deadline code with dates that are not dates', () => {
  it('never throws, and is unknown exactly when a date is invalid or overflows', () => {
    fc.assert(
      fc.property(anyFacts, fc.constantFrom(settings, allRules), (facts, rules) => {
        const outcome = slaOutcome(facts, rules, calendar, now);
        if (!slaDatesAreValid(facts)) expect(outcome).toBeNull();
        expect(() => nextDeadline(facts, rules, calendar, now)).not.toThrow();
        expect(() => autoClosed(facts, rules, calendar, now)).not.toThrow();
        expect(() =>
          pausedWorkingDays(facts, calendar, rules.timeZone, '2026-11-25', '2026-11-23'),
        ).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  // (Year 0000 is a real instant: the deadline of a complaint "received" then is computed.)
  const unknownInstants = BAD_INSTANTS.filter((instant) => !instant.startsWith('0000'));
  it.each(unknownInstants)('complaintSla: receivedAt %j gives an unknown deadline', (receivedAt) => {
    const state: ComplaintState = { ...initial, receivedAt };
    expect(complaintSla(state, settings, calendar, now)).toEqual({
      status: 'new',
      autoClose: null,
      deadline: null,
      deadlineUnknown: true,
    });
  });

  it.each(BAD_DATES)('complaintSla: a hold until %j gives an unknown deadline', (until) => {
    const state: ComplaintState = {
      ...initial,
      status: 'on-hold',
      hold: { reason: 'Menunggu dokumen', since: wib('2026-11-24'), until },
    };
    expect(complaintSla(state, settings, calendar, now)).toMatchObject({
      deadline: null,
      deadlineUnknown: true,
    });
  });

  it('complaintSla: an invalid clock gives an unknown deadline; valid facts a known one', () => {
    expect(complaintSla(initial, settings, calendar, new Date(Number.NaN))).toMatchObject({
      deadlineUnknown: true,
    });
    const known = complaintSla(initial, settings, calendar, now);
    expect(known.deadline).toMatchObject({ stage: 'verify', dueDate: '2026-11-26' });
    expect(known.deadlineUnknown).toBeUndefined();
  });

  it('pausedWorkingDays skips holds with invalid dates and counts the valid ones', () => {
    // A valid ended hold Tue 24 – Wed 25 (action Thu 26): 2 working days.
    const valid = { from: wib('2026-11-24'), to: wib('2026-11-26') };
    const counted = pausedWorkingDays(
      { hold: null, holdPeriods: [valid] },
      calendar,
      'Asia/Jakarta',
      '2026-11-30',
    );
    expect(counted).toBe(2);
    const withBad = {
      hold: { since: 'kemarin', until: '2026-11-27' },
      holdPeriods: [
        valid,
        { from: '2027-02-30T03:00:00.000Z', to: wib('2026-11-27') },
        { from: wib('2026-11-27'), to: wib('2026-12-01'), until: '2026-11-31' },
        { from: wib('2026-11-27'), to: '9999-12-31T23:59:59.999Z' },
      ],
    };
    expect(pausedWorkingDays(withBad, calendar, 'Asia/Jakarta', '2026-11-30')).toBe(2);
    expect(pausedWorkingDays(withBad, calendar, 'Asia/Jakarta', 'bukan tanggal', '2026-13-01')).toBe(2);
  });

  it('pausedWorkingDays counts a hold at the very start of the calendar without overflowing', () => {
    const early = {
      hold: null,
      holdPeriods: [{ from: '0001-01-01T00:00:00.000Z', to: '0001-01-03T00:00:00.000Z' }],
    };
    expect(() => pausedWorkingDays(early, calendar, 'UTC', '2026-11-30')).not.toThrow();
  });

  it('createWorkingCalendar skips holidays whose date is not a date', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ date: anyDate }), { maxLength: 8 }), (holidays) => {
        const withBad = createWorkingCalendar(holidays);
        const onlyValid = createWorkingCalendar(holidays.filter((holiday) => isIsoDate(holiday.date)));
        for (const day of ['2026-11-24', '2028-02-29', '2027-02-26']) {
          expect(withBad.isWorkingDay(day)).toBe(onlyValid.isWorkingDay(day));
        }
      }),
    );
  });

  it('slaDatesAreValid follows isIsoInstant and isIsoDate', () => {
    fc.assert(
      fc.property(anyInstant, anyDate, (instant, date) => {
        const facts: SlaFacts = {
          status: 'on-hold',
          receivedAt: instant,
          replyAfterLastResponse: false,
          currentOffice: null,
          hold: { since: wib('2026-11-24'), until: date },
          holdPeriods: [],
        };
        expect(slaDatesAreValid(facts)).toBe(isIsoInstant(instant) && isIsoDate(date));
      }),
    );
  });
});
