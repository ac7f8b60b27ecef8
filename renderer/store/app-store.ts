/**
 * One bound zustand store built from slices (style.md §9). It holds session and UI state only;
 * records stay in PouchDB and are read through the repository.
 */
import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from '../core/state/desk-slice';
import { createSyncSlice, type SyncSlice } from '../core/state/sync-slice';
import { createUiSlice, type UiSlice } from '../core/state/ui-slice';

export type AppState = SessionSlice & UiSlice & SyncSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createUiSlice(...args),
  ...createSyncSlice(...args),
}));

const initialState = useAppStore.getState();

/** Back to the state at module load (tests). */
export function resetAppStore(): void {
  useAppStore.setState(initialState, true);
}
