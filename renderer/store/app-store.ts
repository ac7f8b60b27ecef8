/**
 * The UI's view of the one UI state store (renderer/core/state/app-state, a vanilla zustand
 * store owned by the client core): `useAppStore(selector)` re-renders when the selected part
 * changes. Screens write to it only through the actions it holds (notify, setShortcutsOpen, …).
 */
import { useStore } from 'zustand';
import { useCore } from '../app/core-context';
import type { AppState } from '../core/client-core';

export type { AppState };

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useCore().store, selector);
}
