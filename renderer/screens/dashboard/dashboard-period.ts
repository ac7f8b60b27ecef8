/**
 * The dashboard's period and filter: the presets (this month and this year up to today, last
 * month whole) and a custom range typed day first, checked before anything is computed. The end
 * is never after today: the indicators evaluate deadlines at the end of the period, so a future
 * end would count as overdue what is not overdue yet.
 */
import { parseDateInput } from '../../../shared/time/date-input';
import { addDays } from '../../../shared/time/local-date';

export const PERIOD_CHOICES = ['this-month', 'last-month', 'this-year', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

export type Period = Readonly<{ from: string; to: string }>;

/** What the officer chose: a preset or typed dates, and optionally one office or category ('' = all). */
export type DashboardFilter = Readonly<{
  choice: PeriodChoice;
  fromText: string;
  toText: string;
  office: string;
  category: string;
}>;

export const DEFAULT_FILTER: DashboardFilter = {
  choice: 'this-month',
  fromText: '',
  toText: '',
  office: '',
  category: '',
};

/** The period of a preset on `today` (unit-local `YYYY-MM-DD`). */
export function presetPeriod(choice: Exclude<PeriodChoice, 'custom'>, today: string): Period {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  switch (choice) {
    case 'this-month':
      return { from: firstOfMonth, to: today };
    case 'last-month': {
      const lastDay = addDays(firstOfMonth, -1);
      return { from: `${lastDay.slice(0, 7)}-01`, to: lastDay };
    }
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

export type PeriodProblem = 'fromInvalid' | 'toInvalid' | 'order' | 'future';

/** The period the filter names on `today`, or what is wrong with the typed dates. */
export function periodOf(
  filter: DashboardFilter,
  today: string,
): Readonly<{ ok: true; period: Period }> | Readonly<{ ok: false; problems: PeriodProblem[] }> {
  if (filter.choice !== 'custom') return { ok: true, period: presetPeriod(filter.choice, today) };
  const from = parseDateInput(filter.fromText);
  const to = parseDateInput(filter.toText);
  const problems: PeriodProblem[] = [];
  if (from === null) problems.push('fromInvalid');
  if (to === null) problems.push('toInvalid');
  else if (to > today) problems.push('future');
  if (from !== null && to !== null && from > to) problems.push('order');
  return from !== null && to !== null && problems.length === 0
    ? { ok: true, period: { from, to } }
    : { ok: false, problems };
}
