/** Electron entry point: wiring and app lifecycle only. */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { registerPlatformHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { electronPlatformHandlers } from './platform-handlers';
import { pinProfileFolder } from './profile-folder';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, installWebContentsGuards } from './security';
import { createMainWindow, focusMainWindow } from './window';

const APP_USER_MODEL_ID = 'id.go.mejaaduan.app';
const isDevelopment = !app.isPackaged;

// Before `ready`: privileged schemes, the sandbox for every renderer, the profile folder (the
// single-instance lock lives in it).
registerAppScheme();
app.enableSandbox();
pinProfileFolder();

if (app.requestSingleInstanceLock()) {
  installWebContentsGuards();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow(isDevelopment);
  });

  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Meja Aduan could not start:', error);
      dialog.showErrorBox(
        'Meja Aduan tidak dapat dijalankan',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
} else {
  // Two instances would share one IndexedDB profile; the running one is focused instead.
  app.quit();
}

function start(): void {
  hardenSession(session.defaultSession);
  serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'));
  registerPlatformHandlers(electronPlatformHandlers);
  installApplicationMenu(isDevelopment);
  createMainWindow(isDevelopment);
}
