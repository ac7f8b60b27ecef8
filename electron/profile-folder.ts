import path from 'node:path';
import { app } from 'electron';

/** Folder name under the OS application-data folder; see docs/electron-shell.md before changing. */
export const PROFILE_FOLDER_NAME = 'Meja Aduan';

/**
 * Pins the profile folder (IndexedDB, Dexie, preferences). Electron derives it from the package's
 * productName, so a rename would silently start the app with empty databases. An explicit
 * `--user-data-dir` (fresh profile per E2E test) still wins. Must run before `ready`.
 */
export function pinProfileFolder(): void {
  if (app.commandLine.hasSwitch('user-data-dir')) return;
  app.setPath('userData', path.join(app.getPath('appData'), PROFILE_FOLDER_NAME));
}
