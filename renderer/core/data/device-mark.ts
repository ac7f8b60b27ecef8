/**
 * A mark, outside IndexedDB, that this device was set up: its unit and device code. Chromium
 * deletes an origin's whole IndexedDB when it finds it corrupted at a start (seen on these
 * machines after a kill mid-write: "IndexedDB recovering from a corrupted (and deleted)
 * database"; a power cut can do the same on a real device). The app would then look new and ask
 * for a first setup as if nothing had been here. With the mark, the setup screen says instead that
 * this device's data is gone, which unit and device code it held, and how to get it back
 * (docs/decisions/028-storage-lost.md).
 *
 * Kept in the page's web storage (`localStorage`): Chromium keeps it in a store of its own, apart
 * from IndexedDB, in the browser host and in Electron alike. It holds no personal data.
 */
import { z } from 'zod';

export const deviceMarkSchema = z
  .object({
    unitCode: z.string().min(1).max(20),
    deviceCode: z.string().min(1).max(20),
    /** When this device was set up (its device configuration's `createdAt`). */
    setUpAt: z.string().min(1).max(40),
  })
  .strict();
export type DeviceMark = z.infer<typeof deviceMarkSchema>;

export type DeviceMarkStore = Readonly<{
  /** The mark, or null when none is kept (or it cannot be read). */
  read: () => DeviceMark | null;
  /** Keeps `mark` (a failure to keep it is not the save's failure: it is only a hint). */
  write: (mark: DeviceMark) => void;
}>;

const MARK_KEY = 'meja-aduan:device-mark';

/** The page's `localStorage`, or null where the runtime has none (Node) or refuses it. */
export function pageLocalStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    return storage && typeof storage.getItem === 'function' ? storage : null;
  } catch {
    return null;
  }
}

/** The mark in `storage`; with null, in memory only (tests, and runtimes without web storage). */
export function webStorageDeviceMark(storage: Pick<Storage, 'getItem' | 'setItem'> | null): DeviceMarkStore {
  let memory: DeviceMark | null = null;
  return {
    read: () => {
      if (!storage) return memory;
      try {
        const text = storage.getItem(MARK_KEY);
        if (text === null) return null;
        const parsed = deviceMarkSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write: (mark) => {
      if (!storage) {
        memory = mark;
        return;
      }
      try {
        storage.setItem(MARK_KEY, JSON.stringify(deviceMarkSchema.parse(mark)));
      } catch (error) {
        console.warn('This device’s setup mark could not be kept:', error);
      }
    },
  };
}
