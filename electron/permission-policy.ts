import { isAppUrl } from './app-origin';

/**
 * The one permission the app's pages are granted: `persistent-storage` (`navigator.storage.persist()`,
 * Chromium's durable storage), so that the records in IndexedDB, kept only on this device until
 * they sync, are never evicted under storage pressure. Electron names it so when it asks the
 * session's permission handlers (its converter of Chromium's permission types maps DURABLE_STORAGE
 * to 'persistent-storage'), although its TypeScript types leave that name out.
 */
export const PERSISTENT_STORAGE_PERMISSION = 'persistent-storage';

/**
 * Whether a permission request or check is granted: only persistent storage, and only to the
 * app's own origin (`requestingUrl` is the requesting page's URL or origin). Everything else a
 * page may ask for (camera, microphone, location, notifications, USB, serial, HID, clipboard, …)
 * is refused, so a compromised page cannot ask the user for it either.
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  return (
    permission === PERSISTENT_STORAGE_PERMISSION && requestingUrl !== undefined && isAppUrl(requestingUrl)
  );
}
