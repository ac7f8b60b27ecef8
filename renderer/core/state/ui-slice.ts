import type { StateCreator } from 'zustand/vanilla';
import type { Language } from '../data/device-store';

export type Notice = Readonly<{ id: number; tone: 'success' | 'error' | 'info'; text: string }>;

/**
 * Whether the browser keeps this origin's data under storage pressure (`navigator.storage.persist()`,
 * asked at every start): 'unknown' until it answers, or where this runtime cannot say.
 */
export type StoragePersistence = 'unknown' | 'persistent' | 'not-persistent';

export type UiSlice = {
  language: Language;
  /** Bumped by the PouchDB changes feed; views that read records re-query when it moves. */
  dataVersion: number;
  shortcutsOpen: boolean;
  /** The notice shown now: at most one, the newest (`notify` replaces an older one). */
  notices: readonly Notice[];
  storagePersistence: StoragePersistence;
  setLanguage: (language: Language) => void;
  bumpDataVersion: () => void;
  setShortcutsOpen: (open: boolean) => void;
  notify: (tone: Notice['tone'], text: string) => void;
  dismissNotice: (id: number) => void;
  setStoragePersistence: (persistence: StoragePersistence) => void;
};

let nextNoticeId = 1;

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  language: 'id',
  dataVersion: 0,
  shortcutsOpen: false,
  notices: [],
  storagePersistence: 'unknown',
  setLanguage: (language) => set({ language }),
  bumpDataVersion: () => set((state) => ({ dataVersion: state.dataVersion + 1 })),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  // One notice at a time: the newest replaces any older one, so notices never pile up.
  notify: (tone, text) => set({ notices: [{ id: nextNoticeId++, tone, text }] }),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  setStoragePersistence: (storagePersistence) => set({ storagePersistence }),
});
