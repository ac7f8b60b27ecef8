/**
 * indicatorsSchema: what the packet verifier accepts as indicators.json.
 */
import { describe, expect, it } from 'vitest';
import { indicatorsSchema, type Indicators } from './indicators-types';

/** One group's row: the same figures as the unit's, as both complaints are in it. */
const GROUP = (key: string): Indicators['breakdown']['byOffice'][number] => ({
  key,
  received: 2,
  verifiedWithin3WorkingDays: { count: 1, share: 0.5 },
  followedUpWithin5WorkingDays: { count: 0, share: 0 },
  resolvedWithin60Days: { count: 1, share: 0.5 },
  timeToVerifyWorkingDays: { median: 2, p90: 2 },
  timeToResolveDays: { median: null, p90: null },
  open: 1,
  overdue: 0,
  dueSoon: 0,
});

const VALID: Indicators = {
  schemaVersion: 1,
  computedAt: '2027-01-10T02:00:00.000Z',
  period: { from: '2026-10-01', to: '2026-12-31' },
  unit: { code: 'KBM', name: 'Unit Pengaduan' },
  deadlines: {
    timeZone: 'Asia/Jakarta',
    verifyWorkingDays: 3,
    followUpWorkingDays: 5,
    resolveCalendarDays: 60,
    replyWindowWorkingDays: 10,
    autoCloseAfterReplyWindow: true,
  },
  totals: { received: 2, byChannel: { phone: 2 }, byCategory: { health: 2 }, byType: { complaint: 2 } },
  outcomes: { open: 1, resolved: 1, archived: 0, forwarded: 0 },
  verifiedWithin3WorkingDays: { count: 1, share: 0.5 },
  followedUpWithin5WorkingDays: { count: 0, share: 0 },
  resolvedWithin60Days: { count: 1, share: 0.5 },
  timeToVerifyWorkingDays: { median: 2, p90: 2 },
  timeToResolveDays: { median: null, p90: null },
  satisfaction: { responses: 1, average: 4, byRating: { '4': 1 } },
  reporterReplies: { replies: 0, complaints: 0 },
  backlog: { open: 1, overdue: 0 },
  monthly: [{ month: '2026-10', received: 2, closed: 1 }],
  byStatus: { 'followed-up': 1, closed: 1 },
  backlogDueSoon: 0,
  breakdown: {
    byChannel: [GROUP('phone')],
    byCategory: [GROUP('health')],
    byOffice: [GROUP('Dinas Kesehatan')],
  },
};

describe('indicatorsSchema', () => {
  it('accepts a well-formed file', () => {
    expect(indicatorsSchema.safeParse(VALID).success).toBe(true);
  });

  it.each([
    ['a share above 1', { verifiedWithin3WorkingDays: { count: 3, share: 1.5 } }],
    ['a negative count', { backlog: { open: -1, overdue: 0 } }],
    ['a fractional count', { totals: { ...VALID.totals, received: 2.5 } }],
    ['a date that is not real', { period: { from: '2026-02-30', to: '2026-12-31' } }],
    ['a month that is not YYYY-MM', { monthly: [{ month: '2026-13', received: 0, closed: 0 }] }],
    ['a time zone outside Indonesia', { deadlines: { ...VALID.deadlines, timeZone: 'Europe/Paris' } }],
    ['an instant not in toISOString form', { computedAt: '2027-01-10 02:00' }],
    ['another schema version', { schemaVersion: 2 }],
    ['an unknown field', { extra: true }],
    ['an average outside 1–5', { satisfaction: { responses: 1, average: 6, byRating: {} } }],
    [
      'a group row with an unknown field',
      { breakdown: { ...VALID.breakdown, byOffice: [{ ...GROUP(''), x: 1 }] } },
    ],
    ['a scope with an unknown field', { scope: { office: null, category: null, channel: 'phone' } }],
  ])('refuses %s', (_label, change) => {
    expect(indicatorsSchema.safeParse({ ...VALID, ...change }).success).toBe(false);
  });

  it('accepts a scope (the dashboard filter) and no scope (a packet)', () => {
    expect(
      indicatorsSchema.safeParse({ ...VALID, scope: { office: 'Dinas Kesehatan', category: null } }).success,
    ).toBe(true);
  });

  it('refuses a file missing a documented field', () => {
    const { backlog: _backlog, ...withoutBacklog } = VALID;
    expect(indicatorsSchema.safeParse(withoutBacklog).success).toBe(false);
  });
});
