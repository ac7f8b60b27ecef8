/**
 * Every reason, state and rejection code has its message, in both languages, and the advice says
 * "tries again by itself" exactly for the reasons the machine retries.
 */
import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../couch/rejection';
import { formatMessage, isMessageKey } from '../messages/validation-messages';
import { REASONS_NEEDING_A_PERSON } from './sync-machine';
import {
  DISABLED_STATUS,
  SYNC_ERROR_REASONS,
  SYNC_STATES,
  rejectionMessageKey,
  syncAdviceMessageKey,
  syncErrorMessageKey,
  syncStateMessageKey,
} from './sync-status';

describe('sync status messages', () => {
  it('has what happened and what to do for every reason, in Indonesian and English', () => {
    for (const reason of SYNC_ERROR_REASONS) {
      for (const key of [syncErrorMessageKey(reason), syncAdviceMessageKey(reason)]) {
        expect(isMessageKey(key), key).toBe(true);
        expect(formatMessage(key, 'id').length, key).toBeGreaterThan(10);
        expect(formatMessage(key, 'en').length, key).toBeGreaterThan(10);
      }
    }
    expect(new Set(SYNC_ERROR_REASONS.map(syncAdviceMessageKey)).size).toBe(SYNC_ERROR_REASONS.length);
  });

  it('says in the advice whether the app retries by itself, as the machine does', () => {
    for (const reason of SYNC_ERROR_REASONS) {
      const advice = formatMessage(syncAdviceMessageKey(reason), 'en');
      const retried = /tries again by itself/.test(advice);
      const notRetried = [...REASONS_NEEDING_A_PERSON, 'rejected-document'];
      expect(retried, reason).toBe(!notRetried.includes(reason));
    }
  });

  it('has a word for every state and every rejection code', () => {
    for (const state of SYNC_STATES) expect(isMessageKey(syncStateMessageKey(state))).toBe(true);
    for (const code of REJECTION_CODES) expect(isMessageKey(rejectionMessageKey(code))).toBe(true);
  });

  it('starts disabled with nothing pending', () => {
    expect(DISABLED_STATUS).toEqual({
      state: 'disabled',
      pendingLocalChanges: 0,
      lastSyncedAt: null,
      rejectedDocuments: [],
    });
  });

  it('fills in the counts and times', () => {
    expect(formatMessage('sync.pending', 'id', { count: 3 })).toBe(
      '3 perubahan belum terkirim ke server pusat.',
    );
    expect(formatMessage('sync.progress', 'en', { done: 50, total: 200, percent: 25 })).toBe(
      'Downloading the unit’s records: 50 of 200 documents (25%).',
    );
  });
});
