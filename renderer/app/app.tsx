/** The root component: setup on first run, otherwise the shell and its routes. */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { AppShell } from '../components/app-shell';
import { useGlobalShortcuts } from '../hooks/use-global-shortcuts';
import { ComplaintDetailScreen } from '../screens/detail/complaint-detail-screen';
import { ComplaintListScreen } from '../screens/complaints/complaint-list-screen';
import { NeedsAttentionScreen } from '../screens/needs-attention-screen';
import { DashboardScreen } from '../screens/dashboard/dashboard-screen';
import { IntakeScreen } from '../screens/intake/intake-screen';
import { ReceiptScreen } from '../screens/receipt-screen';
import { dropHashQuery, useHashLocation } from './hash-location';
import { ROUTES } from './routes';
import { SavedScreen } from '../screens/saved-screen';
import { SettingsScreen } from '../screens/settings/settings-screen';
import { ConflictsScreen } from '../screens/sync/conflicts-screen';
import { SyncScreen } from '../screens/sync/sync-screen';
import { OfficerChooserScreen } from '../screens/officer-chooser-screen';
import { ChangeSecretScreen } from '../screens/change-secret-screen';
import { PacketScreen } from '../screens/packet/packet-screen';
import { SetupScreen } from '../screens/setup-screen';
import { useAppStore } from '../store/app-store';

function Routes(): ReactNode {
  useGlobalShortcuts();
  return (
    <AppShell>
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
