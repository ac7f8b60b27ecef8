/**
 * The browser host's implementation of the platform contract: the same renderer runs in plain
 * Chromium, where files are saved as downloads and printing is `window.print()`.
 */
import {
  printRequestSchema,
  saveFileRequestSchema,
  isAllowedExternalUrl,
  openKeyWrapRequestSchema,
  readSecretRequestSchema,
  sealKeyWrapRequestSchema,
  storeSecretRequestSchema,
  type PlatformApi,
} from '../../shared/platform/platform-contract';
import { readBrowserSecret, storeBrowserSecret } from './browser-secrets';

export function createBrowserPlatform(version: string): PlatformApi {
  return {
    appInfo: () =>
      Promise.resolve({
        name: 'Meja Aduan',
        version,
        host: 'browser',
        platform: navigator.platform,
      }),
    saveFile: (request) => {
      const { suggestedName, mimeType, data } = saveFileRequestSchema.parse(request);
      const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      // The browser saves into its downloads folder and does not tell the page which one that is.
      return Promise.resolve({ status: 'saved', fileName: suggestedName, folder: null });
    },
    print: (request) => {
      const { documentTitle } = printRequestSchema.parse(request);
      const previousTitle = document.title;
      if (documentTitle) document.title = documentTitle;
      try {
        window.print();
      } finally {
        document.title = previousTitle;
      }
      return Promise.resolve({ status: 'printed' });
    },
    openExternal: ({ url }) => {
      if (!isAllowedExternalUrl(url)) return Promise.resolve({ status: 'refused' });
      window.open(url, '_blank', 'noopener,noreferrer');
      return Promise.resolve({ status: 'opened' });
    },
    readSecret: (request) => readBrowserSecret(readSecretRequestSchema.parse(request).key),
    storeSecret: (request) => {
      const { key, value } = storeSecretRequestSchema.parse(request);
      return storeBrowserSecret(key, value);
    },
    // No keychain in a browser: the unit key's wraps stay as they are (each is still wrapped under
    // an officer's PIN or passphrase), and `browser-storage` says so, as for the sync secret.
    sealKeyWrap: (request) =>
      Promise.resolve({
        sealed: sealKeyWrapRequestSchema.parse(request).text,
        protection: 'browser-storage',
      }),
    openKeyWrap: (request) =>
      Promise.resolve({
        text: openKeyWrapRequestSchema.parse(request).sealed,
        protection: 'browser-storage',
      }),
    // The browser host has no application menu: keyboard shortcuts are handled in the page.
    listen: () => () => undefined,
  };
}
