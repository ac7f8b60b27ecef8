/**
 * The status the UI shows (./sync-status), read off the machine's state (./sync-machine).
 * A refused document outlives the run that met it: once both directions have caught up, the
 * status is the 'rejected-document' error instead of 'up-to-date' for as long as one is kept.
 */
import { toIsoInstant } from '../time/iso-instant';
import type { SyncMachineState } from './sync-machine';
import type { SyncError, SyncStatus } from './sync-status';

function iso(ms: number | null): string | null {
  return ms === null ? null : toIsoInstant(new Date(ms));
}

function rejectionError(state: SyncMachineState): SyncError | null {
  const first = state.rejectedDocuments[0];
  if (!first) return null;
  return {
    reason: 'rejected-document',
    message: first.message,
    documentId: first.id,
    ...(first.rejection ? { rejection: first.rejection } : {}),
  };
}

export function syncStatusOf(state: SyncMachineState): SyncStatus {
  const common = {
    pendingLocalChanges: state.pendingLocalChanges,
    lastSyncedAt: iso(state.lastSyncedAt),
    rejectedDocuments: state.rejectedDocuments,
  };
  switch (state.phase) {
    case 'disabled':
      return { ...common, state: 'disabled' };
    case 'offline':
      return { ...common, state: 'offline' };
    case 'waiting':
    case 'halted':
      return {
        ...common,
        state: 'error',
        error: state.lastError ?? { reason: 'unknown' },
        nextRetryAt: iso(state.nextRetryAt),
      };
    case 'running': {
      const run = state.run;
      if (run === null) return { ...common, state: 'connecting' };
      if (run.push === 'paused' && run.pull === 'paused' && common.lastSyncedAt !== null) {
        const rejected = rejectionError(state);
        return rejected
          ? { ...common, state: 'error', error: rejected, nextRetryAt: null }
          : { ...common, state: 'up-to-date', lastSyncedAt: common.lastSyncedAt };
      }
      if (run.push === 'active' || run.pull === 'active') {
        return { ...common, state: 'syncing', progress: state.firstSync ? state.progress : null };
      }
      return { ...common, state: 'connecting' };
    }
    default: {
      const never: never = state.phase;
      throw new TypeError(`Unknown sync phase ${JSON.stringify(never)}`);
    }
  }
}
