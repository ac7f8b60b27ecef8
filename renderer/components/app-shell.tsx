/**
 * The app shell: left navigation, officer and unit on top, status bar below (docs/architecture.md).
 * Mounted only while the desk is open, so the idle lock's timer lives here.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useRoute } from 'wouter';
import { useCore } from '../app/core-context';
import { LOCK_SHORTCUT, NAVIGATION, navigationKeys } from '../app/navigation';
import { useIdleLock } from '../hooks/use-idle-lock';
import { useAppStore } from '../store/app-store';
import { CalendarBanner } from './calendar-banner';
import { KeyTransferReceive } from './key-transfer-receive';
import { LanguageSwitch } from './language-switch';
import { Notices } from './notices';
import { ShortcutsDialog } from './shortcuts-dialog';
import { StatusBar } from './status-bar';

/** aria-keyshortcuts wants "Control", and alternatives separated by spaces. */
const ariaKeys = (keys: readonly string[]): string =>
  keys.map((key) => key.replace('Ctrl+', 'Control+')).join(' ');

function NavLink(props: { href: string; label: string; keys: readonly string[] }): ReactNode {
  const [exact] = useRoute(props.href);
  const [nested] = useRoute(`${props.href}/*`);
  const active = exact || (props.href !== '/' && nested);
  return (
    <Link
      href={props.href}
      className="nav__link"
      aria-current={active ? 'page' : undefined}
      aria-keyshortcuts={ariaKeys(props.keys)}
    >
      {props.label}
      <kbd className="nav__keys">{props.keys[0]}</kbd>
    </Link>
  );
}

/**
 * After a screen opens, the focus is on the screen: a screen that knows where work starts focuses
 * that itself (the list's search box, the first row, the intake's first field); any other gets
 * the focus on its content, never left behind on the sidebar or lost to the page.
 */
function useFocusOnScreen(): void {
  const [location] = useLocation();
  useEffect(() => {
    const main = document.getElementById('main');
    const active = document.activeElement;
    if (!main || (active && active !== document.body && main.contains(active))) return;
    if (active instanceof HTMLElement && active.closest('dialog[open]')) return;
    main.focus({ preventScroll: true });
  }, [location]);
}

export function AppShell(props: { children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  useFocusOnScreen();
  // The desk locks itself after the unit's idle time: one timer for the open desk, no screen's own.
  useIdleLock();
  const officer = useAppStore((state) => state.officer);
  const profile = useAppStore((state) => state.unitProfile);
  const device = useAppStore((state) => state.device);
  const core = useCore();
  const setShortcutsOpen = useAppStore((state) => state.setShortcutsOpen);
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <header className="topbar no-print">
        <p className="topbar__app">{t('app.name')}</p>
        <p className="topbar__unit">
          <span className="visually-hidden">{t('shell.unit')}: </span>
          {profile?.unitName ?? device?.unitCode}{' '}
          <span className="mono">
            ({device?.unitCode}·{device?.deviceCode})
          </span>
        </p>
        <p className="topbar__officer" data-testid="current-officer">
          {t('shell.officer')}: {officer?.name} ({officer ? t(`role.${officer.role}`) : null})
        </p>
        <button
          type="button"
          className="button button--small"
          onClick={() => void core.officers.chooseAnother()}
        >
          {t('chooser.switch')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-keyshortcuts={ariaKeys(LOCK_SHORTCUT.keys)}
          onClick={() => void core.officers.lock()}
        >
          {t('auth.lockNow')}
        </button>
        <LanguageSwitch />
        <button type="button" className="button button--small" onClick={() => setShortcutsOpen(true)}>
          {t('shell.shortcutsButton')}
        </button>
      </header>
      <nav className="nav no-print" aria-label={t('nav.label')}>
        {NAVIGATION.map((item, index) => (
          <NavLink key={item.href} href={item.href} label={t(item.label)} keys={navigationKeys(index)} />
        ))}
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        <KeyTransferReceive />
        <CalendarBanner />
        {props.children}
      </main>
      <div className="no-print statusbar-slot">
        <StatusBar />
      </div>
      <Notices />
      <ShortcutsDialog />
    </div>
  );
}
