/**
 * Keyboard shortcuts that work from any screen, and the same commands arriving from Electron's
 * application menu. Alt+1 … Alt+7 open the sidebar's screens in the order shown (the one table in
 * renderer/app/navigation.ts). Ctrl+N is taken by some browsers, so Alt+N (and Alt+2) do the same.
 * Ctrl+K, and / when not typing in a field, go to the search box (SEARCH_SHORTCUT, same table).
 * Ctrl+Shift+L locks the desk at once, also while typing (LOCK_SHORTCUT, same table).
 */
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { MenuCommand } from '../../shared/platform/platform-contract';
import { useCore } from '../app/core-context';
import { navigationCommandForDigit, SEARCH_INPUT_ID } from '../app/navigation';
import { ROUTES } from '../app/routes';
import { useAppStore } from '../store/app-store';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** What a key does from anywhere: a menu command, 'search' (SEARCH_SHORTCUT) or 'lock' (LOCK_SHORTCUT). */
export type ShortcutCommand = MenuCommand | 'search' | 'lock';

export function commandForKey(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>,
): ShortcutCommand | undefined {
  const key = event.key.toLowerCase();
  if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && key === 'l') return 'lock';
  if ((event.ctrlKey || event.metaKey || event.altKey) && key === 'n') return 'new-complaint';
  if ((event.ctrlKey || event.metaKey) && !event.altKey && key === 'k') return 'search';
  if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
    return 'search';
  }
  if (event.key === 'F1' || (event.key === '?' && !isTyping(event.target))) return 'shortcuts';
  if (event.altKey && !event.ctrlKey && !event.metaKey) {
    const digit = /^Digit[1-9]$/.test(event.code) ? event.code.slice('Digit'.length) : event.key;
    return navigationCommandForDigit(digit);
  }
  return undefined;
}

export function useGlobalShortcuts(): void {
  const [, navigate] = useLocation();
  const core = useCore();
  const setShortcutsOpen = useAppStore((state) => state.setShortcutsOpen);
  useEffect(() => {
    const run = (command: ShortcutCommand): void => {
      switch (command) {
        case 'search': {
          const input = document.getElementById(SEARCH_INPUT_ID);
          if (input instanceof HTMLInputElement) {
            input.focus();
            input.select();
          } else navigate(ROUTES.complaints);
          break;
        }
        case 'new-complaint':
          navigate(ROUTES.newComplaint);
          break;
        case 'complaint-list':
          navigate(ROUTES.complaints);
          break;
        case 'needs-attention':
          navigate(ROUTES.needsAttention);
          break;
        case 'sync':
          navigate(ROUTES.sync);
          break;
        case 'packet':
          navigate(ROUTES.packet);
          break;
        case 'dashboard':
          navigate(ROUTES.dashboard);
          break;
        case 'settings':
          navigate(ROUTES.settings);
          break;
        case 'shortcuts':
          setShortcutsOpen(true);
          break;
        case 'lock':
          void core.officers.lock();
          break;
        case 'print':
          void core.host.print();
          break;
        case 'language-id':
          void core.device.switchLanguage('id');
          break;
        case 'language-en':
          void core.device.switchLanguage('en');
          break;
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
