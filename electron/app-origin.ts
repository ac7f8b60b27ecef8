/**
 * The renderer's origin. IndexedDB (PouchDB records, Dexie device data) is keyed by origin, so
 * scheme and host must never change between releases: a new origin would open an empty database
 * and the unit's unsynced records would look lost.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'meja-aduan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** Parses `url` as an app URL; returns null for anything else (other scheme, host, port, credentials). */
export function parseAppUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Node parses `app:` as a non-special scheme and keeps the host's case; Chromium lowercases it.
  const isApp =
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '';
  return isApp ? parsed : null;
}

/** True when `url` belongs to the app's own origin. */
export function isAppUrl(url: string): boolean {
  return parseAppUrl(url) !== null;
}
