/**
 * Sync for the running session: one sync service per unit database, configured from this
 * device's settings (server address in Dexie, the unit password through the platform's secret
 * store), started at launch when configured, its status published to the store for the status
 * bar and the Sinkronisasi screen. Screens call only the functions here.
 */
import { unitSyncConfig, type SyncConfig } from '../../../shared/sync/sync-config';
import type { SecretProtection } from '../../../shared/platform/platform-contract';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import type { UnitDatabase } from '../data/database';
import { platform } from '../../platform/platform';
import { useAppStore } from '../../store/app-store';
import { createBrowserSyncService } from '../sync/browser-sync';
import type { SyncService } from '../sync/sync-service';
import type { ConnectionTestResult } from '../sync/test-connection';
import { deviceStore } from './device-setup';

let service: SyncService<UnitDatabase> | undefined;
let unsubscribe: (() => void) | undefined;
let currentUnit: string | undefined;

function unitCode(): string {
  if (!currentUnit) throw new Error('Sync is not available before the unit database is open.');
  return currentUnit;
}

/** Creates the service for the unit's database and starts it if this device is configured. */
export async function startSync(localDb: UnitDatabase, unit: string): Promise<void> {
  await stopSyncService();
  currentUnit = unit;
  const created = createBrowserSyncService(localDb);
  service = created;
  const publish = (): void => useAppStore.getState().setSyncStatus(created.status());
  unsubscribe = created.subscribe(publish);
  publish();
  const settings = await deviceStore.syncSettings();
  useAppStore.getState().setSyncServerUrl(settings?.serverUrl ?? '');
  if (!settings?.enabled) return;
  const { value: password } = await platform().readSecret({ key: 'central-password' });
  if (password === null) return;
  await created.start(unitSyncConfig(settings.serverUrl, unit, password));
}

async function stopSyncService(): Promise<void> {
  unsubscribe?.();
  unsubscribe = undefined;
  await service?.dispose();
  service = undefined;
}

function configOf(serverUrl: string, password: string): SyncConfig {
  return unitSyncConfig(serverUrl, unitCode(), password);
}

/** "Test connection": tells unreachable, wrong password, wrong unit, TLS and server errors apart. */
export async function testSyncConnection(serverUrl: string, password: string): Promise<ConnectionTestResult> {
  if (!service) throw new Error('Sync is not available before the unit database is open.');
  return service.testConnection(configOf(serverUrl, password));
}

/**
 * Saves the server address and the unit password (the password through the platform's secret
 * store) and starts syncing. Returns how safely the password is kept, for the screen to say.
 */
export async function enableSync(serverUrl: string, password: string): Promise<SecretProtection> {
  if (!service) throw new Error('Sync is not available before the unit database is open.');
  const config = configOf(serverUrl, password);
  const stored = await platform().storeSecret({ key: 'central-password', value: password });
  await deviceStore.setSyncSettings({ serverUrl: config.serverUrl, enabled: true });
  useAppStore.getState().setSyncServerUrl(config.serverUrl);
  await service.start(config);
  return stored.protection;
}

/** Stops syncing on this device and forgets the password; records stay on the device. */
export async function disableSync(): Promise<void> {
  await service?.stop();
  const settings = await deviceStore.syncSettings();
  await deviceStore.setSyncSettings({ serverUrl: settings?.serverUrl ?? '', enabled: false });
  await platform().storeSecret({ key: 'central-password', value: null });
}

export function syncNow(): void {
  service?.syncNow();
}

/** How this host keeps the password (the browser host less safely than the desktop app). */
export async function secretProtection(): Promise<SecretProtection> {
  return (await platform().readSecret({ key: 'central-password' })).protection;
}

/**
 * Resolves with the status once the sync has caught up (`up-to-date`) or stopped on an error:
 * what a device joining its unit waits for before it uses the downloaded records.
 */
export function firstSyncSettled(): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const settled = (status: SyncStatus): boolean =>
      status.state === 'up-to-date' || status.state === 'error';
    const now = useAppStore.getState().syncStatus;
    if (settled(now)) return resolve(now);
    const stop = useAppStore.subscribe((state) => {
      if (!settled(state.syncStatus)) return;
      stop();
      resolve(state.syncStatus);
    });
  });
}
