/** The app shell: left navigation, officer and unit on top, status bar below (docs/architecture.md). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRoute } from 'wouter';
import { useCore } from '../app/core-context';
import { ROUTES } from '../app/routes';
import { useAppStore } from '../store/app-store';
import { LanguageSwitch } from './language-switch';
import { Notices } from './notices';
import { ShortcutsDialog } from './shortcuts-dialog';
import { StatusBar } from './status-bar';

const NAV = [
  { href: ROUTES.dashboard, label: 'nav.dashboard', keys: 'Alt+1' },
  { href: ROUTES.newComplaint, label: 'nav.newComplaint', keys: 'Ctrl+N' },
  { href: ROUTES.complaints, label: 'nav.complaints', keys: 'Alt+3' },
  { href: ROUTES.needsAttention, label: 'nav.needsAttention', keys: 'Alt+5' },
  { href: ROUTES.packet, label: 'nav.packet', keys: 'Alt+7' },
  { href: ROUTES.sync, label: 'nav.sync', keys: 'Alt+6' },
  { href: ROUTES.settings, label: 'nav.settings', keys: 'Alt+4' },
] as const;

function NavLink(props: { href: string; label: string; keys: string }): ReactNode {
  const [exact] = useRoute(props.href);
  const [nested] = useRoute(`${props.href}/*`);
  const active = exact || (props.href !== '/' && nested);
  return (
    <Link
      href={props.href}
      className="nav__link"
      aria-current={active ? 'page' : undefined}
      aria-keyshortcuts={props.keys}
    >
      {props.label}
      <kbd className="nav__keys">{props.keys}</kbd>
    </Link>
  );
}

export function AppShell(props: { children: ReactNode }): ReactNode {
  const { t } = useTranslation();
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
        <button type="button" className="button button--small" onClick={() => core.officers.chooseAnother()}>
          {t('chooser.switch')}
        </button>
        <LanguageSwitch />
        <button type="button" className="button button--small" onClick={() => setShortcutsOpen(true)}>
          {t('shell.shortcutsButton')}
        </button>
      </header>
      <nav className="nav no-print" aria-label={t('nav.label')}>
        {NAV.map((item) => (
          <NavLink key={item.href} href={item.href} label={t(item.label)} keys={item.keys} />
        ))}
      </nav>
      <main className="content" id="main" tabIndex={-1}>
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
