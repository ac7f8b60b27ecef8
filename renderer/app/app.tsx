/**
 * The root component: setup on first run, otherwise the shell and its routes. Screens only some
 * officers open, and rarely (Beranda's charts and figures, Pengaturan, Sinkronisasi, its
 * conflicts, Paket P4 with the packet's PDF, XLSX and ZIP writers), are separate chunks loaded when
 * first opened: the app's first script, parsed before anything shows, holds only what the desk
 * needs at once (docs/benchmarks.md, 'The whole app').
 */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { AppShell } from '../components/app-shell';
import { useGlobalShortcuts } from '../hooks/use-global-shortcuts';
import { ComplaintDetailScreen } from '../screens/detail/complaint-detail-screen';
import { ComplaintListScreen } from '../screens/complaints/complaint-list-screen';
import { NeedsAttentionScreen } from '../screens/needs-attention-screen';
import { IntakeScreen } from '../screens/intake/intake-screen';
import { ReceiptScreen } from '../screens/receipt-screen';
import { dropHashQuery, useHashLocation } from './hash-location';
import { ROUTES } from './routes';
import { SavedScreen } from '../screens/saved-screen';
import { OfficerChooserScreen } from '../screens/officer-chooser-screen';
import { ChangeSecretScreen } from '../screens/change-secret-screen';
import { SetupScreen } from '../screens/setup-screen';
import { useAppStore } from '../store/app-store';

const DashboardScreen = lazy(() =>
  import('../screens/dashboard/dashboard-screen').then((module) => ({ default: module.DashboardScreen })),
);
const SettingsScreen = lazy(() =>
  import('../screens/settings/settings-screen').then((module) => ({ default: module.SettingsScreen })),
);
const SyncScreen = lazy(() =>
  import('../screens/sync/sync-screen').then((module) => ({ default: module.SyncScreen })),
);
const ConflictsScreen = lazy(() =>
  import('../screens/sync/conflicts-screen').then((module) => ({ default: module.ConflictsScreen })),
);
const PacketScreen = lazy(() =>
  import('../screens/packet/packet-screen').then((module) => ({ default: module.PacketScreen })),
);

function Loading(): ReactNode {
  const { t } = useTranslation();
  return <p aria-busy="true">{t('common.loading')}</p>;
}

function Routes(): ReactNode {
  useGlobalShortcuts();
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path={ROUTES.dashboard} component={DashboardScreen} />
          <Route path={ROUTES.newComplaint} component={IntakeScreen} />
          <Route path={ROUTES.complaints} component={ComplaintListScreen} />
          <Route path={ROUTES.needsAttention} component={NeedsAttentionScreen} />
          <Route path={ROUTES.receipt}>
            {(params) => <ReceiptScreen complaintId={decodeURIComponent(params.id)} />}
          </Route>
          <Route path={ROUTES.complaint}>
            {(params) => <ComplaintDetailScreen complaintId={decodeURIComponent(params.id)} />}
          </Route>
          <Route path={ROUTES.saved}>
            {(params) => <SavedScreen complaintId={decodeURIComponent(params.id)} />}
          </Route>
          <Route path={ROUTES.settings} component={SettingsScreen} />
          <Route path={ROUTES.sync} component={SyncScreen} />
          <Route path={ROUTES.conflicts} component={ConflictsScreen} />
          <Route path={ROUTES.packet} component={PacketScreen} />
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </AppShell>
  );
}

function NotFound(): ReactNode {
  const { t } = useTranslation();
  return <p role="alert">{t('common.notFound')}</p>;
}

export function App(): ReactNode {
  const { t } = useTranslation();
  const phase = useAppStore((state) => state.phase);
  const failure = useAppStore((state) => state.failure);
  // Whoever takes the desk next starts from their own search (the list's query string is the last officer's).
  useEffect(() => {
    if (phase === 'choose-officer') dropHashQuery();
  }, [phase]);
  switch (phase) {
    case 'loading':
      return <p aria-busy="true">{t('common.loading')}</p>;
    case 'failed':
      return (
        <p className="error-summary" role="alert">
          {t('common.failedToStart', { reason: failure ?? '' })}
        </p>
      );
    case 'setup':
      return <SetupScreen />;
    case 'choose-officer':
      return <OfficerChooserScreen />;
    case 'change-secret':
      return <ChangeSecretScreen />;
    case 'ready':
      return (
        <Router hook={useHashLocation}>
          <Routes />
        </Router>
      );
    default: {
      const never: never = phase;
      return never;
    }
  }
}
