/**
 * Keyboard shortcuts that work from any screen, and the same commands arriving from Electron's
 * application menu. Ctrl+N is taken by some browsers, so Alt+N does the same.
 */
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { MenuCommand } from '../../shared/platform/platform-contract';
import { useCore } from '../app/core-context';
import { ROUTES } from '../app/routes';
import { useAppStore } from '../store/app-store';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function commandForKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): MenuCommand | undefined {
  const key = event.key.toLowerCase();
  if ((event.ctrlKey || event.metaKey || event.altKey) && key === 'n') return 'new-complaint';
  if (event.key === 'F1' || (event.key === '?' && !isTyping(event.target))) return 'shortcuts';
  if (event.altKey && key === '1') return 'dashboard';
  if (event.altKey && key === '2') return 'new-complaint';
  if (event.altKey && key === '3') return 'complaint-list';
  if (event.altKey && key === '4') return 'settings';
  if (event.altKey && key === '5') return 'needs-attention';
  if (event.altKey && key === '6') return 'sync';
  if (event.altKey && key === '7') return 'packet';
  return undefined;
}

export function useGlobalShortcuts(): void {
  const [, navigate] = useLocation();
  const core = useCore();
  const setShortcutsOpen = useAppStore((state) => state.setShortcutsOpen);
  useEffect(() => {
    const run = (command: MenuCommand): void => {
      switch (command) {
        case 'new-complaint':
          return navigate(ROUTES.newComplaint);
        case 'complaint-list':
          return navigate(ROUTES.complaints);
        case 'needs-attention':
          return navigate(ROUTES.needsAttention);
        case 'sync':
          return navigate(ROUTES.sync);
        case 'packet':
          return navigate(ROUTES.packet);
        case 'dashboard':
          return navigate(ROUTES.dashboard);
        case 'settings':
          return navigate(ROUTES.settings);
        case 'shortcuts':
          return setShortcutsOpen(true);
        case 'print':
          return void core.host.print();
        case 'language-id':
          return void core.device.switchLanguage('id');
        case 'language-en':
          return void core.device.switchLanguage('en');
        default: {
          const never: never = command;
          return never;
        }
      }
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    const unlisten = core.host.onMenuCommand(run);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unlisten();
    };
  }, [navigate, core, setShortcutsOpen]);
}
