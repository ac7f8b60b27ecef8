import { describe, expect, it } from 'vitest';
import { at, calendar, settings, wib } from './sla.fixtures';
import { DEFAULT_DEADLINES, type SlaSettings } from './deadline-settings';
import { needsAttention, nextDeadline, urgencyOrder, type Deadline, type SlaFacts } from './deadlines';

const received = (date: string): SlaFacts => ({
  status: 'new',
  receivedAt: wib(date),
  replyAfterLastResponse: false,
  currentOffice: null,
  hold: null,
  holdPeriods: [],
});
const withDueSoon = (days: number): SlaSettings => ({
  ...settings,
  deadlines: { ...DEFAULT_DEADLINES, dueSoonWorkingDays: days },
});

const deadline = (over: Partial<Deadline>): Deadline => ({
  stage: 'verify',
  dueDate: '2026-11-26',
  state: 'on-time',
  workingDaysLeft: 3,
  rule: 'sp4n-lapor.verify-dispatch',
  ...over,
});

describe('due soon: a unit setting, 1 working day by default', () => {
  // Received Mon 23 Nov: verify due Thu 26 Nov.
  it('by default is due soon with one working day left or on the day', () => {
    expect(nextDeadline(received('2026-11-23'), settings, calendar, at('2026-11-24'))?.state).toBe('on-time'); // 2 left
    expect(nextDeadline(received('2026-11-23'), settings, calendar, at('2026-11-25'))?.state).toBe(
      'due-soon',
    ); // 1 left
  });

  it('with 0, only the due day itself is due soon', () => {
    const zero = withDueSoon(0);
    expect(nextDeadline(received('2026-11-23'), zero, calendar, at('2026-11-25'))?.state).toBe('on-time');
    expect(nextDeadline(received('2026-11-23'), zero, calendar, at('2026-11-26'))?.state).toBe('due-soon');
  });

  it('with 3, three working days ahead is already due soon', () => {
    expect(
      nextDeadline(received('2026-11-23'), withDueSoon(3), calendar, at('2026-11-23', '11:00')),
    ).toMatchObject({
      state: 'due-soon',
      workingDaysLeft: 3,
    });
  });

  it('counts working days, so a weekend before the due date does not hide it', () => {
    // Received Wed 25 Nov: due Mon 30 (Thu 26, Fri 27, Mon 30). Seen Fri 27: (27, 30] = 1 left.
    expect(nextDeadline(received('2026-11-25'), settings, calendar, at('2026-11-27'))).toMatchObject({
      dueDate: '2026-11-30',
      state: 'due-soon',
      workingDaysLeft: 1,
    });
    // Received Mon 21 Dec: due Mon 28 (Tue 22, Wed 23, [24-27 off], Mon 28). Seen Wed 23: 1 left.
    expect(nextDeadline(received('2026-12-21'), settings, calendar, at('2026-12-23'))).toMatchObject({
      dueDate: '2026-12-28',
      state: 'due-soon',
      workingDaysLeft: 1,
    });
  });
});

describe('needsAttention', () => {
  it('lists due-soon and overdue deadlines only', () => {
    expect(needsAttention(null)).toBe(false);
    expect(needsAttention(deadline({ state: 'on-time' }))).toBe(false);
    expect(needsAttention(deadline({ state: 'due-soon', workingDaysLeft: 1 }))).toBe(true);
    expect(needsAttention(deadline({ state: 'overdue', workingDaysLeft: -2 }))).toBe(true);
  });

  it('agrees with the computed deadline as the days pass', () => {
    const seen = (date: string) =>
      needsAttention(nextDeadline(received('2026-11-23'), settings, calendar, at(date)));
    expect(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].map(seen)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});

describe('urgencyOrder', () => {
  it('puts overdue first (most overdue first), then due soon (fewest days left first), then on time, then none', () => {
    const list: (Deadline | null)[] = [
      null,
      deadline({ state: 'on-time', workingDaysLeft: 10 }),
      deadline({ state: 'overdue', workingDaysLeft: -1 }),
      deadline({ state: 'due-soon', workingDaysLeft: 1 }),
      deadline({ state: 'on-time', workingDaysLeft: 3 }),
      deadline({ state: 'overdue', workingDaysLeft: -5 }),
      null,
      deadline({ state: 'due-soon', workingDaysLeft: 0 }),
    ];
    const sorted = [...list].sort(urgencyOrder);
    expect(sorted.map((d) => (d ? `${d.state} ${d.workingDaysLeft}` : 'none'))).toEqual([
      'overdue -5',
      'overdue -1',
      'due-soon 0',
      'due-soon 1',
      'on-time 3',
      'on-time 10',
      'none',
      'none',
    ]);
  });

  it('breaks ties by the earlier due date, then by stage order', () => {
    const a = deadline({ stage: 'resolve', dueDate: '2026-12-01' });
    const b = deadline({ stage: 'verify', dueDate: '2026-12-02' });
    const c = deadline({ stage: 'follow-up', dueDate: '2026-12-01' });
    const d = deadline({ stage: 'verify', dueDate: '2026-12-01' });
    expect([a, b, c, d].sort(urgencyOrder)).toEqual([d, c, a, b]);
    expect(urgencyOrder(null, null)).toBe(0);
    expect(urgencyOrder(a, a)).toBe(0);
  });

  it('orders real complaints seen on Mon 30 Nov 2026', () => {
    const today = at('2026-11-30');
    const complaints: Record<string, SlaFacts> = {
      // Received Mon 16 Nov: due Thu 19, overdue by Fri 20, Mon 23-Fri 27, Mon 30 = 7.
      week: received('2026-11-16'),
      // Received Mon 23 Nov: due Thu 26, overdue by Fri 27, Mon 30 = 2.
      lastWeek: received('2026-11-23'),
      // Received Thu 26 Nov: due Tue 1 Dec (Fri 27, Mon 30, Tue 1): 1 left, due soon.
      thursday: received('2026-11-26'),
      // Received Mon 30 Nov: due Thu 3 Dec: 3 left, on time.
      today: received('2026-11-30'),
      // Closed: no deadline.
      closed: { ...received('2026-11-02'), status: 'closed' },
    };
    const order = Object.entries(complaints)
      .map(([name, facts]) => ({ name, deadline: nextDeadline(facts, settings, calendar, today) }))
      .sort((x, y) => urgencyOrder(x.deadline, y.deadline));
    expect(
      order.map(({ name, deadline: d }) => `${name} ${d?.state ?? '-'} ${d?.workingDaysLeft ?? ''}`),
    ).toEqual([
      'week overdue -7',
      'lastWeek overdue -2',
      'thursday due-soon 1',
      'today on-time 3',
      'closed - ',
    ]);
  });
});
