import type { StateCreator } from 'zustand/vanilla';
import type { Language } from '../data/device-store';

export type Notice = Readonly<{ id: number; tone: 'success' | 'error' | 'info'; text: string }>;

/**
 * Whether the browser keeps this origin's data under storage pressure (`navigator.storage.persist()`,
 * asked at every start): 'unknown' until it answers, or where this runtime cannot say.
 */
export type StoragePersistence = 'unknown' | 'persistent' | 'not-persistent';

/**
 * On a device with a budget (docs/decisions/027-device-budget.md): how far Beranda's figures count
 * the older complaints that are only on the central (../data/central-indicator-records), as the
 * last computation found it; null before one (or on a device that keeps everything).
 */
export type CentralCounts = Readonly<{
  /** The complaints only on the central that the figures count. */
  complaints: number;
  /** Every one of them is counted (the reading reached the unit's first complaint). */
  complete: boolean;
  /** The share (0..1) of the older period read so far. */
  share: number;
  /** When they were last read from the central (ISO), or null. */
  readAt: string | null;
  /** Why the last reading did not finish, or null. */
  notRead: 'offline' | 'unreachable' | null;
}>;

export type UiSlice = {
  language: Language;
  /** Bumped by the PouchDB changes feed; views that read records re-query when it moves. */
  dataVersion: number;
  shortcutsOpen: boolean;
  /** The notice shown now: at most one, the newest (`notify` replaces an older one). */
  notices: readonly Notice[];
  storagePersistence: StoragePersistence;
  centralCounts: CentralCounts | null;
  setLanguage: (language: Language) => void;
  bumpDataVersion: () => void;
  setShortcutsOpen: (open: boolean) => void;
  notify: (tone: Notice['tone'], text: string) => void;
  dismissNotice: (id: number) => void;
  setStoragePersistence: (persistence: StoragePersistence) => void;
  setCentralCounts: (counts: CentralCounts | null) => void;
};

let nextNoticeId = 1;

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  language: 'id',
  dataVersion: 0,
  shortcutsOpen: false,
  notices: [],
  storagePersistence: 'unknown',
  centralCounts: null,
  setLanguage: (language) => set({ language }),
  bumpDataVersion: () => set((state) => ({ dataVersion: state.dataVersion + 1 })),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  // One notice at a time: the newest replaces any older one, so notices never pile up.
  notify: (tone, text) => set({ notices: [{ id: nextNoticeId++, tone, text }] }),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  setStoragePersistence: (storagePersistence) => set({ storagePersistence }),
  setCentralCounts: (centralCounts) => set({ centralCounts }),
});
