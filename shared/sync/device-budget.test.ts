import { describe, expect, it } from 'vitest';
import { complaintBaseId, eventBaseId, reporterId } from '../ids/document-ids';
import {
  budgetCutoff,
  budgetRuleOf,
  isDeviceBudgetMonths,
  isDocInBudget,
  isReceivedInBudget,
  trackingNumberOfDocId,
} from './device-budget';

/** A content hash (64 hex digits) for ids in these tests. */
const H = 'cd'.repeat(32);
const tn = 'KBM-260607-X7Q-0042';
const complaintId = `${complaintBaseId('2026-06-06T17:30:00.000Z', tn)}:${H}`;
const eventId = `${eventBaseId(tn, '2026-06-08T01:00:00.000Z', 'X7Q', 12)}:${H}`;

describe('budget bounds', () => {
  it('are whole months from 1 to 120', () => {
    for (const months of [1, 6, 120]) expect(isDeviceBudgetMonths(months), String(months)).toBe(true);
    for (const months of [0, 121, 2.5, '6', null, undefined, Number.NaN])
      expect(isDeviceBudgetMonths(months), String(months)).toBe(false);
  });
});

describe('budgetCutoff', () => {
  it('is N calendar months before today, the day clamped to the month end', () => {
    expect(budgetCutoff('2026-12-07', 6)).toBe('2026-06-07');
    expect(budgetCutoff('2026-12-07', 1)).toBe('2026-11-07');
    expect(budgetCutoff('2026-12-07', 12)).toBe('2025-12-07');
    expect(budgetCutoff('2026-08-31', 6)).toBe('2026-02-28');
    expect(budgetCutoff('2028-08-31', 6)).toBe('2028-02-29');
    expect(budgetCutoff('2026-03-31', 1)).toBe('2026-02-28');
    expect(budgetCutoff('2027-01-15', 120)).toBe('2017-01-15');
  });

  it('refuses a budget out of bounds', () => {
    expect(() => budgetCutoff('2026-12-07', 0)).toThrow(RangeError);
    expect(() => budgetCutoff('2026-12-07', 121)).toThrow(RangeError);
  });
});

describe('budgetRuleOf', () => {
  it('is null (everything) without settings, without the setting, or with a value out of bounds', () => {
    const now = new Date('2026-12-07T03:00:00.000Z');
    expect(budgetRuleOf(null, now)).toBeNull();
    expect(budgetRuleOf(undefined, now)).toBeNull();
    expect(budgetRuleOf({ timeZone: 'Asia/Jakarta' }, now)).toBeNull();
    expect(budgetRuleOf({ timeZone: 'Asia/Jakarta', deviceBudgetMonths: 0 }, now)).toBeNull();
  });

  it('counts from the unit-local today: 23:30 UTC on 6 December is 7 December in Jakarta', () => {
    const now = new Date('2026-12-06T23:30:00.000Z');
    expect(budgetRuleOf({ timeZone: 'Asia/Jakarta', deviceBudgetMonths: 6 }, now)).toEqual({
      months: 6,
      cutoff: '2026-06-07',
    });
    expect(
      budgetRuleOf(
        { timeZone: 'Asia/Jayapura', deviceBudgetMonths: 6 },
        new Date('2026-12-06T14:59:00.000Z'),
      ),
    ).toEqual({
      months: 6,
      cutoff: '2026-06-06',
    });
  });
});

describe('trackingNumberOfDocId', () => {
  it("names the complaint of a complaint's, an event's and a reporter's id", () => {
    expect(trackingNumberOfDocId(complaintId)).toBe(tn);
    expect(trackingNumberOfDocId(eventId)).toBe(tn);
    expect(trackingNumberOfDocId(reporterId(tn))).toBe(tn);
  });

  it('is null for every other document and for ids not as the app writes them', () => {
    for (const id of [
      'unit-profile',
      'unit-settings',
      'officer:abc',
      `access:2026-06-08T01:00:00.000Z:X7Q:0a1b2c3d:${H}`,
      'packet-draft:2026-upp',
      '_design/meja-aduan-stages',
      'reporter:kbm-260607-x7q-0042',
      'reporter:KBM-260607-X7Q-00042',
      `complaint:2026-06-06T17:30:00.000Z:${tn}`,
      `event:${tn}:garbage`,
    ]) {
      expect(trackingNumberOfDocId(id), id).toBeNull();
    }
  });
});

describe('isReceivedInBudget and isDocInBudget', () => {
  const rule = { months: 6, cutoff: '2026-06-07' };

  it('keep a complaint received on the cutoff date or later, by the date in its tracking number', () => {
    expect(isReceivedInBudget(rule, tn)).toBe(true);
    expect(isReceivedInBudget(rule, 'KBM-261207-X7Q-0001')).toBe(true);
    expect(isReceivedInBudget(rule, 'KBM-260606-X7Q-0041')).toBe(false);
    expect(isReceivedInBudget(rule, 'KBM-190101-X7Q-0001')).toBe(false);
  });

  it("judge every document of a complaint by the complaint's date, whatever the event's own time", () => {
    // Received 7 June (local; 6 June in UTC): inside, its id's UTC instant notwithstanding.
    for (const id of [complaintId, eventId, reporterId(tn)]) expect(isDocInBudget(rule, id), id).toBe(true);
    const old = 'KBM-260606-X7Q-0041';
    const oldIds = [
      `${complaintBaseId('2026-06-06T03:00:00.000Z', old)}:${H}`,
      // An event of today on a complaint received before the cutoff.
      `${eventBaseId(old, '2026-12-07T03:00:00.000Z', 'X7Q', 13)}:${H}`,
      reporterId(old),
    ];
    for (const id of oldIds) expect(isDocInBudget(rule, id), id).toBe(false);
    for (const id of oldIds) expect(isDocInBudget(null, id), id).toBe(true);
  });

  it("keep every document that is not a complaint's", () => {
    for (const id of ['unit-settings', 'officer:abc', '_design/meja-aduan-stages', 'packet-draft:2026-upp'])
      expect(isDocInBudget(rule, id), id).toBe(true);
  });
});
