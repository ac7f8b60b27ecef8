import type { StateCreator } from 'zustand/vanilla';
import { DISABLED_STATUS, type SyncStatus } from '../../../shared/sync/sync-status';

/** The sync status the service publishes (../sync), for the status bar and the sync screen. */
export type SyncSlice = {
  syncStatus: SyncStatus;
  /** The server address this device syncs with; '' when sync is not configured. */
  syncServerUrl: string;
  setSyncStatus: (status: SyncStatus) => void;
  setSyncServerUrl: (url: string) => void;
};

export const createSyncSlice: StateCreator<SyncSlice, [], [], SyncSlice> = (set) => ({
  syncStatus: DISABLED_STATUS,
  syncServerUrl: '',
  setSyncStatus: (syncStatus) => set({ syncStatus }),
  setSyncServerUrl: (syncServerUrl) => set({ syncServerUrl }),
});
