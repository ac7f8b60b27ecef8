/**
 * The one seam where the renderer picks its host: Electron's preload exposes the contract as
 * `window.mejaAduan`; without it the renderer runs as the browser host.
 */
import { PLATFORM_GLOBAL, type PlatformApi } from '../../shared/platform/platform-contract';
import { createBrowserPlatform } from './platform.browser';

declare global {
  interface Window {
    readonly [PLATFORM_GLOBAL]?: PlatformApi;
  }
}

let selected: PlatformApi | undefined;

export function platform(): PlatformApi {
  selected ??= window[PLATFORM_GLOBAL] ?? createBrowserPlatform(import.meta.env.VITE_APP_VERSION ?? '0.0.0');
  return selected;
}

export function isElectronHost(): boolean {
  return window[PLATFORM_GLOBAL] !== undefined;
}
