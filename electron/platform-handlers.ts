import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, safeStorage, type WebContents } from 'electron';
import type { PrintResult } from '../shared/platform/platform-contract';
import { openAllowedExternalUrl } from './external-links';
import type { PlatformHandlers } from './ipc';
import { toPrintResult } from './print-result';
import { saveDialogOptions } from './save-dialog-options';
import { openKeyWrap, sealKeyWrap } from './key-wrap-seal';
import { SecretStore } from './secret-store';

/** The Electron host's implementation of the platform contract. */
export const electronPlatformHandlers: PlatformHandlers = {
  appInfo: () =>
    Promise.resolve({
      name: app.getName(),
      version: app.getVersion(),
      host: 'electron',
      platform: process.platform,
      electronVersion: process.versions.electron,
      chromeVersion: process.versions.chrome,
    }),

  saveFile: async (request, event) => {
    const options = saveDialogOptions(documentsFolder(), request.suggestedName);
    const owner = BrowserWindow.fromWebContents(event.sender);
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
    await writeFile(choice.filePath, request.data);
    return { status: 'saved', fileName: basename(choice.filePath), folder: dirname(choice.filePath) };
  },

  // The print job's name is the page title; the preload sets `documentTitle` as the title for
  // the duration of the call, as the browser host does.
  print: async (_request, event) => printContents(event.sender),

  openExternal: async (request) => openAllowedExternalUrl(request.url),

  readSecret: async (request) => secretStore().read(request.key),
  storeSecret: async (request) => secretStore().store(request.key, request.value),

  sealKeyWrap: (request) => Promise.resolve(sealKeyWrap(safeStorage, request.text)),
  openKeyWrap: (request) => Promise.resolve(openKeyWrap(safeStorage, request.sealed)),
};

let secrets: SecretStore | undefined;
function secretStore(): SecretStore {
  secrets ??= new SecretStore(join(app.getPath('userData'), 'secrets.json'), safeStorage);
  return secrets;
}

function printContents(contents: WebContents): Promise<PrintResult> {
  return new Promise((resolve) => {
    try {
      contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        resolve(toPrintResult(success, failureReason));
      });
    } catch (error) {
      resolve({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  });
}

function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    // Some Linux desktops define no Documents folder.
    return app.getPath('home');
  }
}
