import { BrowserWindow, Menu } from 'electron';
import {
  platformEvents,
  type MenuCommand,
  type PlatformEventPayload,
} from '../shared/platform/platform-contract';
import { isAppUrl } from './app-origin';
import { applicationMenuTemplate } from './menu-template';

export function installApplicationMenu(isDevelopment: boolean): void {
  const template = applicationMenuTemplate({
    isDevelopment,
    isMac: process.platform === 'darwin',
    send: sendMenuCommand,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (target === undefined || !isAppUrl(target.webContents.getURL())) return;
  const payload: PlatformEventPayload<'menuCommand'> = { command };
  target.webContents.send(platformEvents.menuCommand.channel, payload);
}
