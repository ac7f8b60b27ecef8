/**
 * The dashboard's figures in computeIndicators: counts by status, the backlog due soon, the same
 * indicators per channel, category and office (offices worst first, a confidential complaint's
 * office never named), and the scope filter (one office or one category). Hand-worked on four
 * complaints, period Tue 1 – Fri 11 Dec 2026 (WIB, default deadlines: verify 3 wd, follow-up 5 wd,
 * due soon = 1 wd left). Working days: Tue 1, Wed 2, Thu 3, Fri 4, Mon 7 … Fri 11, Mon 14.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators, type IndicatorsInput } from './compute-indicators';
import { CaseFile, SETTINGS, UNIT, documentsOf, wib } from './indicators.fixtures';
import { CONFIDENTIAL_OFFICE, NO_OFFICE, indicatorsSchema } from './indicators-types';

const PERIOD = { from: '2026-12-01', to: '2026-12-11' };

function fixture(): CaseFile[] {
  // P1: walk-in, health. Received Tue 1, dispatched Wed 2 to Dinas Kesehatan (1 wd: met). Never
  //     followed up: due +5 wd from Wed 2 = Wed 9; open and OVERDUE on Fri 11.
  const p1 = new CaseFile({
    sequence: 101,
    receivedAt: wib('2026-12-01'),
    channel: 'walk-in',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'named',
  }).verify(wib('2026-12-02'), 'Dinas Kesehatan');
  // P2: phone, education. Received Wed 9, not verified: due +3 wd = Mon 14; on Fri 11 one working
  //     day is left: open and DUE SOON; no office yet.
  const p2 = new CaseFile({
    sequence: 102,
    receivedAt: wib('2026-12-09'),
    channel: 'phone',
    category: 'education',
    reportType: 'complaint',
    privacyMode: 'named',
  });
  // P3: confidential, phone, health. Received Tue 1, dispatched Thu 3 (2 wd: met), followed up Fri
  //     4 (met), closed Tue 8: resolved, 7 days. Its office is not named: CONFIDENTIAL_OFFICE.
  const p3 = new CaseFile({
    sequence: 103,
    receivedAt: wib('2026-12-01'),
    channel: 'phone',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'confidential',
  })
    .verify(wib('2026-12-03'), 'Dinas Kesehatan')
    .followUp(wib('2026-12-04'))
    .respond(wib('2026-12-07'))
    .close(wib('2026-12-08'));
  // P4: walk-in, health. Received Thu 3, dispatched Tue 8 to Dinas Pendidikan (Fri 4, Mon 7, Tue 8
  //     = 3 wd: met), followed up Wed 9 (met), closed Fri 11: resolved, 8 days.
  const p4 = new CaseFile({
    sequence: 104,
    receivedAt: wib('2026-12-03'),
    channel: 'walk-in',
    category: 'health',
    reportType: 'complaint',
    privacyMode: 'named',
  })
    .verify(wib('2026-12-08'), 'Dinas Pendidikan')
    .followUp(wib('2026-12-09'))
    .respond(wib('2026-12-10'))
    .close(wib('2026-12-11'));
  return [p1, p2, p3, p4];
}

const CASES = fixture();
const input = (overrides: Partial<IndicatorsInput> = {}): IndicatorsInput => ({
  ...documentsOf(CASES),
  unit: UNIT,
  settings: SETTINGS,
  period: PERIOD,
  computedAt: new Date('2026-12-11T10:00:00.000Z'),
  ...overrides,
});

describe('computeIndicators: the dashboard figures', () => {
  const result = computeIndicators(input());

  it('counts the period’s complaints by the status they show at its end, and the backlog due soon', () => {
    expect(result.byStatus).toEqual({ verified: 1, new: 1, closed: 2 });
    expect(result.backlog).toEqual({ open: 2, overdue: 1 });
    expect(result.backlogDueSoon).toBe(1);
    expect(indicatorsSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it('breaks the figures down by channel and category, most received first', () => {
    expect(
      result.breakdown.byChannel.map((row) => [row.key, row.received, row.open, row.overdue, row.dueSoon]),
    ).toEqual([
      ['phone', 2, 1, 0, 1],
      ['walk-in', 2, 1, 1, 0],
    ]);
    expect(result.breakdown.byCategory.map((row) => [row.key, row.received])).toEqual([
      ['health', 3],
      ['education', 1],
    ]);
    const health = result.breakdown.byCategory[0];
    // Dispatch in 1, 2 and 3 wd: all met; median 2, p90 the 3rd of 3 = 3. Follow-up met by P3 and
    // P4 (P1 never): 2 of 3. Resolved in time: P3 (7 days) and P4 (8 days): median 7.5, p90 8.
    expect(health).toEqual({
      key: 'health',
      received: 3,
      verifiedWithin3WorkingDays: { count: 3, share: 1 },
      followedUpWithin5WorkingDays: { count: 2, share: 0.6667 },
      resolvedWithin60Days: { count: 2, share: 0.6667 },
      timeToVerifyWorkingDays: { median: 2, p90: 3 },
      timeToResolveDays: { median: 7.5, p90: 8 },
      open: 1,
      overdue: 1,
      dueSoon: 0,
    });
  });

  it('lists offices worst first and never names a confidential complaint’s office', () => {
    expect(
      result.breakdown.byOffice.map((row) => [row.key, row.received, row.open, row.overdue, row.dueSoon]),
    ).toEqual([
      ['Dinas Kesehatan', 1, 1, 1, 0],
      [NO_OFFICE, 1, 1, 0, 1],
      [CONFIDENTIAL_OFFICE, 1, 0, 0, 0],
      ['Dinas Pendidikan', 1, 0, 0, 0],
    ]);
  });

  it('sums each breakdown to the unit’s figures', () => {
    for (const rows of Object.values(result.breakdown)) {
      const sum = (pick: (row: (typeof rows)[number]) => number): number =>
        rows.reduce((total, row) => total + pick(row), 0);
      expect(sum((row) => row.received)).toBe(result.totals.received);
      expect(sum((row) => row.open)).toBe(result.backlog.open);
      expect(sum((row) => row.overdue)).toBe(result.backlog.overdue);
      expect(sum((row) => row.dueSoon)).toBe(result.backlogDueSoon);
      expect(sum((row) => row.verifiedWithin3WorkingDays.count)).toBe(
        result.verifiedWithin3WorkingDays.count,
      );
    }
  });

  it('has no scope without a filter (the packet’s indicators)', () => {
    expect('scope' in result).toBe(false);
    expect('scope' in computeIndicators(input({ scope: { office: null, category: null } }))).toBe(false);
  });

  it('computes one category’s figures as its breakdown row, and names the scope', () => {
    const health = computeIndicators(input({ scope: { category: 'health' } }));
    const row = result.breakdown.byCategory.find((candidate) => candidate.key === 'health');
    expect(health.scope).toEqual({ office: null, category: 'health' });
    expect(health.totals.received).toBe(row?.received);
    expect(health.verifiedWithin3WorkingDays).toEqual(row?.verifiedWithin3WorkingDays);
    expect(health.timeToResolveDays).toEqual(row?.timeToResolveDays);
    expect(health.backlog).toEqual({ open: 1, overdue: 1 });
    expect(health.byStatus).toEqual({ verified: 1, closed: 2 });
    expect(health.monthly).toEqual([{ month: '2026-12', received: 3, closed: 2 }]);
  });

  it('computes one office’s figures: a confidential complaint is not counted under its office', () => {
    const office = computeIndicators(input({ scope: { office: 'Dinas Kesehatan' } }));
    expect(office.scope).toEqual({ office: 'Dinas Kesehatan', category: null });
    expect(office.totals.received).toBe(1);
    expect(office.backlog).toEqual({ open: 1, overdue: 1 });
    const both = computeIndicators(input({ scope: { office: 'Dinas Pendidikan', category: 'education' } }));
    expect(both.totals.received).toBe(0);
  });
});
