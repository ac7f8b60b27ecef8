/** Renderer entry: load the language, render, then open the device store and unit database. */
import '../shared/platform/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { prepareLanguage, startSession } from './core/use-cases/device-setup';
import { useAppStore } from './store/app-store';
import './styles/index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const fail = (error: unknown): void =>
  useAppStore.getState().fail(error instanceof Error ? error.message : String(error));

void prepareLanguage()
  .catch(fail)
  .then(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    return startSession();
  })
  .catch(fail);
