import { shell } from 'electron';
import { isAllowedExternalUrl, type OpenExternalResult } from '../shared/platform/platform-contract';

/**
 * The only place the app hands a URL to the operating system. The allow-list is checked here
 * again so no caller can forget it: `shell.openExternal` on an arbitrary URL can run programs.
 */
export async function openAllowedExternalUrl(url: string): Promise<OpenExternalResult> {
  if (!isAllowedExternalUrl(url)) return { status: 'refused' };
  await shell.openExternal(url);
  return { status: 'opened' };
}

/** Fire-and-forget variant for event handlers that cannot wait. */
export function openAllowedExternalUrlInBackground(url: string): void {
  void openAllowedExternalUrl(url).catch((error: unknown) => {
    console.error('Could not open an external link:', error);
  });
}
