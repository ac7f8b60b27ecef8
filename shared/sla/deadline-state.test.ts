import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar';
import { attentionHorizon, dueDateState } from './deadline-state';

// November–December 2026: Mon 23 Nov … Fri 27 Nov; Fri 25 Dec is Christmas.
const calendar = createWorkingCalendar([{ date: '2026-12-25' }]);

describe('dueDateState', () => {
  it('is on time with more than the due-soon margin left', () => {
    // Mon 23 → Thu 26 Nov: Tue, Wed, Thu = 3 working days left.
    expect(dueDateState('2026-11-26', '2026-11-23', calendar, 1)).toEqual({
      state: 'on-time',
      workingDaysLeft: 3,
    });
  });

  it('is due soon within the margin and on the day itself', () => {
    expect(dueDateState('2026-11-24', '2026-11-23', calendar, 1)).toEqual({
      state: 'due-soon',
      workingDaysLeft: 1,
    });
    expect(dueDateState('2026-11-23', '2026-11-23', calendar, 1)).toEqual({
      state: 'due-soon',
      workingDaysLeft: 0,
    });
    // Fri 27 Nov → Mon 30 Nov: the weekend does not count, one working day left.
    expect(dueDateState('2026-11-30', '2026-11-27', calendar, 1).state).toBe('due-soon');
  });

  it('is overdue the day after, by at least one working day', () => {
    // Due Fri 27 Nov, seen Sat 28: no working day has passed, still one day late.
    expect(dueDateState('2026-11-27', '2026-11-28', calendar, 1)).toEqual({
      state: 'overdue',
      workingDaysLeft: -1,
    });
    // Due Thu 24 Dec, seen Mon 28 Dec: Christmas and the weekend skipped → Mon 28 only = 1.
    expect(dueDateState('2026-12-24', '2026-12-28', calendar, 1)).toEqual({
      state: 'overdue',
      workingDaysLeft: -1,
    });
    // Due Mon 23 Nov, seen Thu 26 Nov: Tue, Wed, Thu = 3.
    expect(dueDateState('2026-11-23', '2026-11-26', calendar, 1).workingDaysLeft).toBe(-3);
  });

  it('follows the unit setting for "due soon"', () => {
    expect(dueDateState('2026-11-26', '2026-11-23', calendar, 3).state).toBe('due-soon');
    expect(dueDateState('2026-11-24', '2026-11-23', calendar, 0).state).toBe('on-time');
  });
});

describe('attentionHorizon', () => {
  it('reaches the last date still due soon', () => {
    // Mon 23 Nov, margin 1: Tue 24 has 1 left, Wed 25 has 2.
    expect(attentionHorizon('2026-11-23', calendar, 1)).toBe('2026-11-24');
    // Thu 26 Nov, margin 1: Fri 27 has 1 left, and so do Sat 28 and Sun 29.
    expect(attentionHorizon('2026-11-26', calendar, 1)).toBe('2026-11-29');
    // Wed 23 Dec, margin 1: Thu 24 has 1; Fri 25 (Christmas), Sat, Sun too.
    expect(attentionHorizon('2026-12-23', calendar, 1)).toBe('2026-12-27');
    // Margin 0: only today (and a weekend following it) are due soon.
    expect(attentionHorizon('2026-11-27', calendar, 0)).toBe('2026-11-29');
  });

  it('agrees with dueDateState on every date around it', () => {
    for (const today of ['2026-11-23', '2026-11-26', '2026-11-28', '2026-12-23', '2026-12-31']) {
      for (const margin of [0, 1, 2, 5]) {
        const horizon = attentionHorizon(today, calendar, margin);
        const start = new Date(`${today}T00:00:00Z`).getTime();
        for (let offset = 0; offset < 20; offset += 1) {
          const date = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
          const needs = dueDateState(date, today, calendar, margin).state !== 'on-time';
          expect(needs, `${today} margin ${margin} date ${date}`).toBe(date <= horizon);
        }
      }
    }
  });
});
