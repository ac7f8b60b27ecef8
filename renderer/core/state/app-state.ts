/**
 * The one UI state store, built from slices: who is at the desk and the unit's synced documents
 * (desk), the sync status (sync) and the UI's own state (ui). It is a vanilla zustand store
 * (no React): the client core writes it, the UI reads it through `useAppStore`
 * (renderer/store/app-store). Records stay in PouchDB and are read through the core's queries.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDeskSlice, type DeskSlice } from './desk-slice';
import { createSyncSlice, type SyncSlice } from './sync-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = DeskSlice & UiSlice & SyncSlice;

export type AppStore = StoreApi<AppState>;

export function createAppState(): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createDeskSlice(...args),
    ...createUiSlice(...args),
    ...createSyncSlice(...args),
  }));
}
