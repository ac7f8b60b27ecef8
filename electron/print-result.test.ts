import { describe, expect, it } from 'vitest';
import { toPrintResult } from './print-result';

describe('toPrintResult', () => {
  it('maps success to printed', () => {
    expect(toPrintResult(true, '')).toEqual({ status: 'printed' });
  });

  it('treats a closed print dialog as cancelled, not failed', () => {
    expect(toPrintResult(false, 'Print job canceled')).toEqual({ status: 'cancelled' });
    expect(toPrintResult(false, 'cancelled')).toEqual({ status: 'cancelled' });
  });

  it('reports real failures with their reason', () => {
    expect(toPrintResult(false, 'Invalid printer settings')).toEqual({
      status: 'failed',
      reason: 'Invalid printer settings',
    });
    expect(toPrintResult(false, '')).toEqual({ status: 'failed', reason: 'unknown' });
  });
});
