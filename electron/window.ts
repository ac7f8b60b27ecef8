import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

/** Fits a 1366×768 laptop with the taskbar, title bar and menu showing. */
const DEFAULT_SIZE = { width: 1280, height: 720 } as const;
const MINIMUM_SIZE = { width: 1024, height: 600 } as const;

export function createMainWindow(isDevelopment: boolean): BrowserWindow {
  const window = new BrowserWindow({
    ...DEFAULT_SIZE,
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
    title: 'Meja Aduan',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(app.getAppPath(), 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Packaged builds have no DevTools: complaint records include personal data.
      devTools: isDevelopment,
    },
  });

  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Could not load the renderer:', error);
    // Never leave an invisible, still-running app behind.
    window.show();
  });
  return window;
}

/** Brings the existing window forward, e.g. when a second instance was started. */
export function focusMainWindow(): void {
  const window = BrowserWindow.getAllWindows()[0];
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
