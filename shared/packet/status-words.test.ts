/**
 * "Verified without a disposition" has its own status word, apart from "verified and disposed",
 * in the shared vocabulary and in the packet's complaint rows (the reducer knows whether a
 * disposition happened: the current office is set only by one).
 */
import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, statusWord } from '../complaint/vocabulary';
import { deskIn, RECEIVED_DATE, type StateName } from '../workflow/workflow.fixtures';
import { complaintRows } from './complaint-rows';
import { STATUS_LABELS, STATUS_WORD_LABELS } from './packet-labels';

function rowStatus(name: StateName): unknown {
  const desk = deskIn(name);
  const [row] = complaintRows({
    complaints: [desk.complaint],
    events: desk.events,
    period: { from: RECEIVED_DATE, to: '2027-12-31' },
    timeZone: 'Asia/Jakarta',
  });
  return row?.status;
}

describe('status words', () => {
  it('tells a verification without a disposition apart', () => {
    expect(statusWord('verified', null)).toBe('verified-undisposed');
    expect(statusWord('verified', '')).toBe('verified-undisposed');
    expect(statusWord('verified', 'Dinas Kesehatan')).toBe('verified');
    for (const status of COMPLAINT_STATUSES.filter((one) => one !== 'verified')) {
      expect(statusWord(status, null)).toBe(status);
    }
  });

  it('labels every word, the undisposed one differently from the disposed one', () => {
    expect(STATUS_WORD_LABELS['verified-undisposed']).toBe('Diverifikasi, belum didisposisi');
    expect(STATUS_WORD_LABELS.verified).toBe(STATUS_LABELS.verified);
    expect(new Set(Object.values(STATUS_WORD_LABELS)).size).toBe(Object.keys(STATUS_WORD_LABELS).length);
  });

  it("gives the packet's complaint rows the word the reducer's state calls for", () => {
    expect(rowStatus('verified without office')).toBe('Diverifikasi, belum didisposisi');
    expect(rowStatus('verified with office')).toBe('Diverifikasi/didisposisi');
    expect(rowStatus('new')).toBe('Baru');
  });
});
