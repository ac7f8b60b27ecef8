/**
 * Sandboxed preload: may only `require('electron')`, so esbuild bundles zod and the contract into
 * dist-electron/preload.cjs. The page gets named functions, never `ipcRenderer`.
 */
import '../shared/platform/zod-jitless';
import { contextBridge, ipcRenderer } from 'electron';
import { PLATFORM_GLOBAL } from '../shared/platform/platform-contract';
import { createPlatformApi, type PrintablePage } from './preload-api';

// The node tsconfig has no DOM library; the preload nonetheless runs with the page's document.
declare const document: PrintablePage;

contextBridge.exposeInMainWorld(PLATFORM_GLOBAL, createPlatformApi(ipcRenderer, document));
