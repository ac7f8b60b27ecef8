/**
 * Whether this device may not hold its whole unit yet: it syncs with a central and has never been
 * identical to it (`lastSyncedAt` is null until the first time both directions caught up, which is
 * also when the sync journal notes the first sync done: ./sync-machine's `record-synced`), or the
 * first download is under way (`syncing` with `progress`). Until then a complaint not on this
 * device may still be on the central (searched for, or fetched on demand); afterwards the device
 * holds everything, and a complaint not here does not exist. A device that does not sync
 * (`disabled`) has nothing to wait for.
 */
import type { SyncStatus } from './sync-status';

export type FirstDownloadPending = Readonly<{
  /** How far the first download is (0-99), when it runs and its total is known; else null. */
  percent: number | null;
}>;

/** The unfinished first download, or null when this device holds its unit (or does not sync). */
export function firstDownloadPending(status: SyncStatus): FirstDownloadPending | null {
  if (status.state === 'disabled') return null;
  const progress = status.state === 'syncing' ? status.progress : null;
  if (progress === null && status.lastSyncedAt !== null) return null;
  return { percent: progress?.percent ?? null };
}
