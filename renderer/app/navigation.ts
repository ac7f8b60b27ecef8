/**
 * The screens of the left navigation, in the order shown, with their shortcuts: Alt+1 … Alt+7
 * follow this order, and the sidebar, the global shortcut handler and the F1 list all read this
 * one table, so the keys cannot drift from what the officer sees.
 */
import type { MenuCommand } from '../../shared/platform/platform-contract';
import { ROUTES } from './routes';

export type NavigationItem = Readonly<{
  command: MenuCommand;
  href: string;
  /** The sidebar's word (i18n key). */
  label:
    | 'nav.dashboard'
    | 'nav.newComplaint'
    | 'nav.complaints'
    | 'nav.needsAttention'
    | 'nav.packet'
    | 'nav.sync'
    | 'nav.settings';
  /** The F1 list's description (i18n key). */
  help:
    | 'shortcuts.dashboard'
    | 'shortcuts.newComplaint'
    | 'shortcuts.complaints'
    | 'shortcuts.needsAttention'
    | 'shortcuts.packet'
    | 'shortcuts.sync'
    | 'shortcuts.settings';
  /** Further keys for the same screen, besides its Alt+digit. */
  alsoKeys: readonly string[];
}>;

export const NAVIGATION: readonly NavigationItem[] = [
  {
    command: 'dashboard',
    href: ROUTES.dashboard,
    label: 'nav.dashboard',
    help: 'shortcuts.dashboard',
    alsoKeys: [],
  },
  {
    command: 'new-complaint',
    href: ROUTES.newComplaint,
    label: 'nav.newComplaint',
    help: 'shortcuts.newComplaint',
    alsoKeys: ['Ctrl+N', 'Alt+N'],
  },
  {
    command: 'complaint-list',
    href: ROUTES.complaints,
    label: 'nav.complaints',
    help: 'shortcuts.complaints',
    alsoKeys: [],
  },
  {
    command: 'needs-attention',
    href: ROUTES.needsAttention,
    label: 'nav.needsAttention',
    help: 'shortcuts.needsAttention',
    alsoKeys: [],
  },
  { command: 'packet', href: ROUTES.packet, label: 'nav.packet', help: 'shortcuts.packet', alsoKeys: [] },
  { command: 'sync', href: ROUTES.sync, label: 'nav.sync', help: 'shortcuts.sync', alsoKeys: [] },
  {
    command: 'settings',
    href: ROUTES.settings,
    label: 'nav.settings',
    help: 'shortcuts.settings',
    alsoKeys: [],
  },
];

/**
 * The search box, from any screen: Ctrl+K always, `/` when not typing in a field. It opens the
 * complaint list (whose search box has the focus) or, on the list, focuses and selects the box.
 */
export const SEARCH_SHORTCUT = {
  keys: ['Ctrl+K', '/'],
  help: 'shortcuts.search',
} as const satisfies Readonly<{ keys: readonly string[]; help: string }>;

/** The id of the list's search box (what SEARCH_SHORTCUT focuses). */
export const SEARCH_INPUT_ID = 'complaint-search';

/**
 * Locks the desk at once, from any screen and while typing in a field (the same lock as the idle
 * time: the screens close, the officer's PIN opens it again). Ctrl+Shift+L, "L" as in Windows+L:
 * Chromium binds neither it nor anything the app uses (Ctrl+L is the address bar, Alt+L the
 * LAPOR! action, Ctrl+Alt is avoided: AltGr on international keyboards).
 */
export const LOCK_SHORTCUT = {
  keys: ['Ctrl+Shift+L'],
  help: 'shortcuts.lock',
} as const satisfies Readonly<{ keys: readonly string[]; help: string }>;

/** The Alt+digit of the screen shown `index`-th (from 0) in the sidebar. */
export const navigationKey = (index: number): string => `Alt+${index + 1}`;

/** Every key of a navigation item, its Alt+digit first, as shown to the officer. */
export const navigationKeys = (index: number): readonly string[] => [
  navigationKey(index),
  ...(NAVIGATION[index]?.alsoKeys ?? []),
];

/** The command an Alt+digit opens, if the digit names a sidebar entry. */
export function navigationCommandForDigit(digit: string): MenuCommand | undefined {
  if (!/^[1-9]$/.test(digit)) return undefined;
  return NAVIGATION[Number(digit) - 1]?.command;
}
