/**
 * The remembering calendar answers exactly as the calendar it wraps, and asks it once per question.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAYS } from '../calendar/indonesian-holidays';
import { createWorkingCalendar, type WorkingCalendar } from '../calendar/working-calendar';
import { addDays } from '../time/local-date';
import { memoCalendar } from './memo-calendar';

const plain = createWorkingCalendar(Object.values(DEFAULT_HOLIDAYS).flat());

describe('memoCalendar', () => {
  it('answers as the wrapped calendar over December 2026 (cuti bersama 24, Christmas 25)', () => {
    const memo = memoCalendar(plain);
    for (let round = 0; round < 2; round += 1) {
      for (let day = 0; day < 31; day += 1) {
        const date = addDays('2026-12-01', day);
        expect(memo.isWorkingDay(date)).toBe(plain.isWorkingDay(date));
        expect(memo.nextWorkingDay(date)).toBe(plain.nextWorkingDay(date));
        for (const n of [0, 1, 3, 5, 10])
          expect(memo.addWorkingDays(date, n)).toBe(plain.addWorkingDays(date, n));
        expect(memo.workingDaysBetween('2026-12-22', date)).toBe(
          plain.workingDaysBetween('2026-12-22', date),
        );
      }
    }
    expect(memo.addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
  });

  it('asks the wrapped calendar once per distinct question', () => {
    let asked = 0;
    const counting: WorkingCalendar = {
      isWorkingDay: (date) => (asked++, plain.isWorkingDay(date)),
      addWorkingDays: (date, n) => (asked++, plain.addWorkingDays(date, n)),
      workingDaysBetween: (from, to) => (asked++, plain.workingDaysBetween(from, to)),
      nextWorkingDay: (date) => (asked++, plain.nextWorkingDay(date)),
    };
    const memo = memoCalendar(counting);
    for (let round = 0; round < 3; round += 1) {
      memo.addWorkingDays('2026-10-09', 3);
      memo.addWorkingDays('2026-10-09', 5);
      memo.workingDaysBetween('2026-10-09', '2026-10-14');
      memo.isWorkingDay('2026-12-25');
      memo.nextWorkingDay('2026-12-23');
    }
    expect(asked).toBe(5);
  });

  it('passes errors through', () => {
    expect(() => memoCalendar(plain).addWorkingDays('2026-10-09', -1)).toThrow(RangeError);
  });
});
