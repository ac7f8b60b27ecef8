/**
 * Renderer entry and composition root of the app: builds the one client core (with the host's
 * platform and the UI's translations), loads the language, renders the app with the core in
 * context, then starts the core (device store, unit database, sync, index).
 */
import '../shared/platform/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { CoreProvider } from './app/core-context';
import { followLockedRoute } from './app/locked-route';
import { createBrowserClientCore } from './core/create-browser-client-core';
import { changeLanguage, initI18n } from './i18n/i18n';
import { isElectronHost, platform } from './platform/platform';
import { markStart } from './core/start-marks';
import './styles/index.css';

markStart('script');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const core = createBrowserClientCore({
  platform: platform(),
  isDesktop: isElectronHost(),
  language: { init: initI18n, change: changeLanguage },
});

// A locked desk keeps the open complaint's address out of sight (renderer/app/locked-route).
followLockedRoute(core.store);

const fail = (error: unknown): void =>
  core.store.getState().fail(error instanceof Error ? error.message : String(error));

void core.device
  .prepareLanguage()
  .catch(fail)
  .then(() => {
    markStart('language');
    createRoot(root).render(
      <StrictMode>
        <CoreProvider core={core}>
          <App />
        </CoreProvider>
      </StrictMode>,
    );
    return core.device.start();
  })
  .catch(fail);
