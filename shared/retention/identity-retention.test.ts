import { describe, expect, it } from 'vitest';
import {
  REPORTER_NAME,
  REPORTER_PHONE,
  intakeDocuments,
  retentionEvent,
  workflowEvents,
} from '../couch/documents.fixtures';
import type { ComplaintStages } from '../workflow/complaint-state-types';
import { reduceComplaint } from '../workflow/complaint-state';
import { identityDeletedEventSchema } from '../workflow/events';
import {
  IDENTITY_RETENTION_MONTHS,
  closureDate,
  identityRetention,
  monthsAfter,
  retentionMonthsOf,
  retentionReceiptCutoff,
} from './identity-retention';
import { hasRetentionDeletion } from './retention-event';

const JAKARTA = 'Asia/Jakarta';
const RECEIVED = '2023-01-02T01:00:00.000Z';

/** A complaint closed (or archived, forwarded) at `instant`, named unless said otherwise. */
function closedState(
  instant: string,
  status: 'closed' | 'archived' | 'forwarded' = 'closed',
  privacyMode: 'named' | 'confidential' | 'anonymous' = 'named',
) {
  const stages: ComplaintStages =
    status === 'closed'
      ? { receivedAt: RECEIVED, closedAt: instant }
      : status === 'archived'
        ? { receivedAt: RECEIVED, archivedAt: instant }
        : { receivedAt: RECEIVED, forwardedAt: instant };
  return { status, stages, privacyMode };
}

const verdict = (state: ReturnType<typeof closedState>, today: string, months?: number, timeZone = JAKARTA) =>
  identityRetention({ state, autoClose: null, months, timeZone, today });

describe('monthsAfter', () => {
  it('counts calendar months, clamping the day to the month’s end (leap years included)', () => {
    expect(monthsAfter('2024-01-15', 24)).toBe('2026-01-15');
    expect(monthsAfter('2026-01-31', 1)).toBe('2026-02-28');
    expect(monthsAfter('2028-01-31', 1)).toBe('2028-02-29');
    expect(monthsAfter('2024-02-29', 12)).toBe('2025-02-28');
    expect(monthsAfter('2024-02-29', 48)).toBe('2028-02-29');
    expect(monthsAfter('2026-03-31', 1)).toBe('2026-04-30');
    expect(monthsAfter('2026-12-31', 2)).toBe('2027-02-28');
    expect(monthsAfter('2026-03-15', -15)).toBe('2024-12-15');
    expect(() => monthsAfter('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('retentionMonthsOf', () => {
  it('is 24 where the unit set nothing (or something out of bounds), else the setting', () => {
    expect(IDENTITY_RETENTION_MONTHS).toEqual({ default: 24, min: 1, max: 120 });
    expect(retentionMonthsOf(undefined)).toBe(24);
    expect(retentionMonthsOf(0)).toBe(24);
    expect(retentionMonthsOf(121)).toBe(24);
    expect(retentionMonthsOf(1.5)).toBe(24);
    expect(retentionMonthsOf(1)).toBe(1);
    expect(retentionMonthsOf(120)).toBe(120);
  });
});

describe('identityRetention', () => {
  it('keeps the identity through the day N months after closure, deletes it from the next day', () => {
    // Closed 15 January 2024 at 10:00 WIB: kept through 15 January 2026 with the default 24 months.
    const state = closedState('2024-01-15T03:00:00.000Z');
    expect(verdict(state, '2026-01-15')).toEqual({
      closedOn: '2024-01-15',
      keptThrough: '2026-01-15',
      due: false,
    });
    expect(verdict(state, '2026-01-16')?.due).toBe(true);
    expect(verdict(state, '2024-02-15', 1)?.due).toBe(false);
    expect(verdict(state, '2024-02-16', 1)?.due).toBe(true);
  });

  it('month ends and leap days: 31 January + 1 month is the last day of February', () => {
    const january31 = closedState('2026-01-31T02:00:00.000Z');
    expect(verdict(january31, '2026-02-28', 1)).toMatchObject({ keptThrough: '2026-02-28', due: false });
    expect(verdict(january31, '2026-03-01', 1)?.due).toBe(true);
    const leap = closedState('2028-01-31T02:00:00.000Z');
    expect(verdict(leap, '2028-02-29', 1)).toMatchObject({ keptThrough: '2028-02-29', due: false });
    expect(verdict(leap, '2028-03-01', 1)?.due).toBe(true);
    const leapDay = closedState('2024-02-29T02:00:00.000Z');
    expect(verdict(leapDay, '2025-02-28', 12)).toMatchObject({ keptThrough: '2025-02-28', due: false });
    expect(verdict(leapDay, '2025-03-01', 12)?.due).toBe(true);
  });

  it('counts from the unit-local date of closure (a closure late in the UTC day is the next day in WIT)', () => {
    // 2026-01-31T16:00Z is 31 January 23:00 WIB but 1 February 01:00 WIT.
    const state = closedState('2026-01-31T16:00:00.000Z');
    expect(verdict(state, '2026-03-01', 1, 'Asia/Jakarta')).toMatchObject({
      closedOn: '2026-01-31',
      due: true,
    });
    expect(verdict(state, '2026-03-01', 1, 'Asia/Jayapura')).toMatchObject({
      closedOn: '2026-02-01',
      keptThrough: '2026-03-01',
      due: false,
    });
  });

  it('archived and forwarded complaints are closed too; confidential ones have identity as named ones do', () => {
    expect(verdict(closedState('2024-01-15T03:00:00.000Z', 'archived'), '2026-01-16')?.due).toBe(true);
    expect(verdict(closedState('2024-01-15T03:00:00.000Z', 'forwarded'), '2026-01-16')?.due).toBe(true);
    const confidential = closedState('2024-01-15T03:00:00.000Z', 'closed', 'confidential');
    expect(verdict(confidential, '2026-01-16')?.due).toBe(true);
  });

  it('an anonymous complaint has nothing to delete; an open one is not closed', () => {
    expect(verdict(closedState('2020-01-15T03:00:00.000Z', 'closed', 'anonymous'), '2026-01-16')).toBeNull();
    const open = {
      status: 'answered' as const,
      stages: { receivedAt: RECEIVED },
      privacyMode: 'named' as const,
    };
    expect(
      identityRetention({ state: open, autoClose: null, months: 1, timeZone: JAKARTA, today: '2030-01-01' }),
    ).toBeNull();
  });

  it('a complaint closed by the reply-window rule counts from the day the rule closed it', () => {
    const answered = {
      status: 'answered' as const,
      stages: { receivedAt: RECEIVED },
      privacyMode: 'named' as const,
    };
    const input = { state: answered, months: 2, timeZone: JAKARTA };
    expect(identityRetention({ ...input, autoClose: { on: '2025-12-31' }, today: '2026-02-28' })).toEqual({
      closedOn: '2025-12-31',
      keptThrough: '2026-02-28',
      due: false,
    });
    expect(identityRetention({ ...input, autoClose: { on: '2025-12-31' }, today: '2026-03-01' })?.due).toBe(
      true,
    );
    expect(closureDate(answered, null, JAKARTA)).toBeNull();
  });

  it('through the reducer: closed counts from the close; reopened is not closed; closed again counts anew', () => {
    const intake = intakeDocuments('KBM', 1, 'named');
    const closing = workflowEvents(intake, ['verify', 'follow-up', 'respond', 'close']);
    const closed = reduceComplaint(intake.complaint, [intake.received, ...closing]);
    expect(closed.status).toBe('closed');
    const closedOn = closureDate(closed, null, JAKARTA);
    expect(closedOn).toBe('2026-11-23');
    const input = { autoClose: null, months: 1, timeZone: JAKARTA };
    expect(identityRetention({ ...input, state: closed, today: '2026-12-24' })?.due).toBe(true);

    const reopening = workflowEvents(intake, ['verify', 'follow-up', 'respond', 'close', 'reopen']);
    const reopened = reduceComplaint(intake.complaint, [intake.received, ...reopening]);
    expect(reopened.status).not.toBe('closed');
    expect(identityRetention({ ...input, state: reopened, today: '2030-01-01' })).toBeNull();
  });
});

describe('retentionReceiptCutoff', () => {
  it('lies after the receipt of every complaint past retention today (two days of margin)', () => {
    expect(retentionReceiptCutoff('2026-03-01', 1)).toBe('2026-02-03T00:00:00.000Z');
    expect(retentionReceiptCutoff('2026-03-31', 1)).toBe('2026-03-02T00:00:00.000Z');
    expect(retentionReceiptCutoff('2026-01-16', undefined)).toBe('2024-01-18T00:00:00.000Z');
    // Received and closed on 31 January 2026 (WIB), due on 1 March with 1 month: before the cutoff.
    expect('2026-01-31T16:59:00.000Z' < retentionReceiptCutoff('2026-03-01', 1)).toBe(true);
  });
});

describe('the retention event', () => {
  it('says why (retention, the months), names no identity, and is found in the trail', () => {
    const intake = intakeDocuments('KBM', 2, 'named');
    const event = retentionEvent(intake, 36);
    expect(identityDeletedEventSchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({ kind: 'identity-deleted', reason: 'retention', retentionMonths: 36 });
    const text = JSON.stringify(event);
    for (const value of [REPORTER_NAME, REPORTER_PHONE, 'Melati']) expect(text).not.toContain(value);
    const before = reduceComplaint(intake.complaint, [intake.received]);
    const after = reduceComplaint(intake.complaint, [intake.received, event]);
    expect(hasRetentionDeletion(before)).toBe(false);
    expect(hasRetentionDeletion(after)).toBe(true);
    // It changes nothing but the trail; applied in every status.
    expect(after.status).toBe(before.status);
    expect(after.trail.at(-1)).toMatchObject({ kind: 'identity-deleted', applied: true });
  });
});
