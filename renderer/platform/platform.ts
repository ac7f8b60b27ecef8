/**
 * The one seam where the renderer picks its host: Electron's preload exposes the contract as
 * `window.mejaAduan`; without it the renderer runs as the browser host. Every name the app
 * suggests for a saved file (an attachment, an export) is cleaned here first
 * (shared/complaint/file-names `saveFileName`), so that the contract, which refuses unsafe names,
 * never sees one: an attachment named by a complainant saves without a refusal.
 */
import { saveFileName } from '../../shared/complaint/file-names';
import { PLATFORM_GLOBAL, type PlatformApi } from '../../shared/platform/platform-contract';
import { createBrowserPlatform } from './platform.browser';

declare global {
  interface Window {
    readonly [PLATFORM_GLOBAL]?: PlatformApi;
  }
}

let selected: PlatformApi | undefined;

/** `api` with the suggested name of every saveFile request cleaned. */
export function withCleanSaveNames(api: PlatformApi): PlatformApi {
  return {
    ...api,
    saveFile: (request) => api.saveFile({ ...request, suggestedName: saveFileName(request.suggestedName) }),
  };
}

export function platform(): PlatformApi {
  selected ??= withCleanSaveNames(
    window[PLATFORM_GLOBAL] ?? createBrowserPlatform(import.meta.env.VITE_APP_VERSION ?? '0.0.0'),
  );
  return selected;
}

export function isElectronHost(): boolean {
  return window[PLATFORM_GLOBAL] !== undefined;
}
