import { describe, expect, it } from 'vitest';
import { firstDownloadPending } from './first-download';
import { DISABLED_STATUS, type SyncStatus } from './sync-status';

const common = { pendingLocalChanges: 0, lastSyncedAt: null, rejectedDocuments: [] } as const;
const progress = (percent: number | null) => ({ docsDone: 450, docsTotal: 1000, percent, stage: null });

describe('firstDownloadPending', () => {
  it('is null for a device that does not sync', () => {
    expect(firstDownloadPending(DISABLED_STATUS)).toBeNull();
  });

  it('gives the percentage while the first download runs', () => {
    expect(firstDownloadPending({ ...common, state: 'syncing', progress: progress(45) })).toEqual({
      percent: 45,
    });
    expect(firstDownloadPending({ ...common, state: 'syncing', progress: progress(null) })).toEqual({
      percent: null,
    });
  });

  it('is pending without a percentage while a device that never caught up is offline, connecting or failing', () => {
    const states: SyncStatus[] = [
      { ...common, state: 'offline' },
      { ...common, state: 'connecting' },
      { ...common, state: 'error', error: { reason: 'unreachable' }, nextRetryAt: null },
    ];
    for (const status of states) expect(firstDownloadPending(status)).toEqual({ percent: null });
  });

  it('is null once the device has caught up with the central, whatever its state now', () => {
    const lastSyncedAt = '2026-12-07T03:00:00.000Z';
    const states: SyncStatus[] = [
      { ...common, lastSyncedAt, state: 'offline' },
      { ...common, lastSyncedAt, state: 'syncing', progress: null },
      { ...common, lastSyncedAt, state: 'up-to-date' },
    ];
    for (const status of states) expect(firstDownloadPending(status)).toBeNull();
  });
});
