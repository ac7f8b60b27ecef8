import type { PrintResult } from '../shared/platform/platform-contract';

/**
 * Maps `webContents.print`'s callback to the contract's result. Chromium reports a user who
 * closed the print dialog as a failure ("Print job canceled"); the renderer must not show an
 * error for that.
 */
export function toPrintResult(success: boolean, failureReason: string): PrintResult {
  if (success) return { status: 'printed' };
  if (/cancel/i.test(failureReason)) return { status: 'cancelled' };
  return { status: 'failed', reason: failureReason || 'unknown' };
}
