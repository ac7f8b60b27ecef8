/**
 * Sync of this device with its unit's central database: one sync service per unit database,
 * configured from this device's settings (server address in Dexie, the password of this device's
 * own account through the platform's secret store), started at launch when configured, its status published to the store
 * for the status bar and the Sinkronisasi screen. Also the conflicts a manager resolves there.
 */
import type { SecretProtection } from '../../../shared/platform/platform-contract';
import { unitSyncConfig, type SyncConfig } from '../../../shared/sync/sync-config';
import type { SyncError, SyncStatus } from '../../../shared/sync/sync-status';
import type { Enrolment, EnrolmentProblem } from '../../../shared/enrolment/enrolment-code';
import { newDevicePassword } from '../sync/enrol-device';
import type { UnitDatabase } from '../data/database';
import { listConflicts, resolveConflict, type MutableConflict } from '../data/mutable-conflicts';
import type { RemoteRequest } from '../sync/initial-download';
import type { SyncService } from '../sync/sync-service';
import type { ConnectionTestResult } from '../sync/test-connection';
import type { UnitKeyDoc } from '../../../shared/crypto/unit-key-document';
import type { CentralCreate } from '../keys/first-unit-key';
import { changedBy, type CoreDeps } from './core-deps';

export type SyncUseCases = ReturnType<typeof createSync>;
/** An enrolment: how safely the device's password is kept, or why the code was refused. */
export type EnrolResult =
  | Readonly<{ ok: true; protection: SecretProtection }>
  | Readonly<{ ok: false; problem: EnrolmentProblem }>
  | Readonly<{ ok: false; error: SyncError }>;
/** Whose sync this is: the unit's database, signed in as this device's own account. */
export type SyncAccount = Readonly<{ unitCode: string; deviceCode: string }>;

export function createSync(
  deps: CoreDeps,
  createService: (localDb: UnitDatabase) => SyncService<UnitDatabase>,
) {
  const { store, deviceStore, platform } = deps;
  let service: SyncService<UnitDatabase> | undefined;
  let unsubscribe: (() => void) | undefined;
  /** The unit and this device: the device signs in with its own account (docs/central.md). */
  let currentAccount: SyncAccount | undefined;

  const running = (): SyncService<UnitDatabase> => {
    if (!service) throw new Error('Sync is not available before the unit database is open.');
    return service;
  };

  const configOf = (serverUrl: string, password: string): SyncConfig => {
    if (!currentAccount) throw new Error('Sync is not available before the unit database is open.');
    return unitSyncConfig(serverUrl, currentAccount.unitCode, currentAccount.deviceCode, password);
  };

  const stopService = async (): Promise<void> => {
    unsubscribe?.();
    unsubscribe = undefined;
    await service?.dispose();
    service = undefined;
  };

  return {
    /** Creates the service for the unit's database and starts it if this device is configured. */
    start: async (localDb: UnitDatabase, account: SyncAccount): Promise<void> => {
      await stopService();
      currentAccount = account;
      const created = createService(localDb);
      service = created;
      const publish = (): void => store.getState().setSyncStatus(created.status());
      unsubscribe = created.subscribe(publish);
      publish();
      const settings = await deviceStore.syncSettings();
      store.getState().setSyncServerUrl(settings?.serverUrl ?? '');
      if (!settings?.enabled) return;
      const { value: password } = await platform.readSecret({ key: 'central-password' });
      if (password === null) return;
      await created.start(unitSyncConfig(settings.serverUrl, account.unitCode, account.deviceCode, password));
    },

    /** Stops the service (the app closing, or a test ending); configuration and password stay. */
    stop: stopService,

    /**
     * Creates a document straight on the central (../keys/first-unit-key): `not-configured` when
     * this device does not sync; `unreachable` when it does but sync is not running or the central
     * cannot be asked.
     */
    createOnCentral: async (doc: UnitKeyDoc): Promise<CentralCreate> => {
      const settings = await deviceStore.syncSettings();
      if (!settings?.enabled) return { status: 'not-configured' };
      return service ? service.createOnCentral(doc) : { status: 'unreachable' };
    },

    /**
     * Requests to the unit's database on the central with this device's credentials (reading a
     * complaint not downloaded yet: ./complaints), or null while the service is not started.
     */
    centralRequest: (): RemoteRequest | null => service?.centralRequest() ?? null,

    /** "Test connection": tells unreachable, wrong password, wrong unit, TLS and server errors apart. */
    testConnection: (serverUrl: string, password: string): Promise<ConnectionTestResult> =>
      running().testConnection(configOf(serverUrl, password)),

    /**
     * Saves the server address and the unit password (the password through the platform's secret
     * store) and starts syncing. Returns how safely the password is kept, for the screen to say.
     */
    enable: async (serverUrl: string, password: string): Promise<SecretProtection> => {
      const active = running();
      const config = configOf(serverUrl, password);
      const stored = await platform.storeSecret({ key: 'central-password', value: password });
      await deviceStore.setSyncSettings({ serverUrl: config.serverUrl, enabled: true });
      store.getState().setSyncServerUrl(config.serverUrl);
      await active.start(config);
      return stored.protection;
    },

    /**
     * Enrols this device with its enrolment code (docs/central.md, "Device accounts"): the code
     * must name this unit and device; the one-time password is replaced on the server by a long
     * random one made here, which is then kept like any sync password and syncing starts. Returns
     * how safely it is kept, or the refusal (a problem of the code, or a sync error).
     */
    enrol: async (enrolment: Enrolment, now: Date): Promise<EnrolResult> => {
      const active = running();
      if (!currentAccount) throw new Error('Sync is not available before the unit database is open.');
      if (enrolment.unitCode !== currentAccount.unitCode) {
        return {
          ok: false,
          problem: {
            key: 'enrolment.code.otherUnit',
            params: { unitCode: enrolment.unitCode, deviceUnit: currentAccount.unitCode },
          },
        };
      }
      if (enrolment.deviceCode !== currentAccount.deviceCode) {
        return {
          ok: false,
          problem: {
            key: 'enrolment.code.otherDevice',
            params: { deviceCode: enrolment.deviceCode, thisDevice: currentAccount.deviceCode },
          },
        };
      }
      const password = newDevicePassword();
      const outcome = await active.enrol(enrolment, password, now);
      if (!outcome.ok) return outcome;
      const config = configOf(enrolment.serverUrl, password);
      const stored = await platform.storeSecret({ key: 'central-password', value: password });
      await deviceStore.setSyncSettings({ serverUrl: config.serverUrl, enabled: true });
      store.getState().setSyncServerUrl(config.serverUrl);
      await active.start(config);
      return { ok: true, protection: stored.protection };
    },

    /** Stops syncing on this device and forgets the password; records stay on the device. */
    disable: async (): Promise<void> => {
      await service?.stop();
      const settings = await deviceStore.syncSettings();
      await deviceStore.setSyncSettings({ serverUrl: settings?.serverUrl ?? '', enabled: false });
      await platform.storeSecret({ key: 'central-password', value: null });
    },

    /** Starts a round now instead of waiting for the next retry. */
    now: (): void => {
      service?.syncNow();
    },

    /** How this host keeps the password (the browser host less safely than the desktop app). */
    secretProtection: async (): Promise<SecretProtection> =>
      (await platform.readSecret({ key: 'central-password' })).protection,

    /**
     * Resolves with the status once the sync has caught up (`up-to-date`) or stopped on an error:
     * what a device joining its unit waits for before it uses the downloaded records.
     */
    firstSettled: (): Promise<SyncStatus> =>
      new Promise((resolve) => {
        const settled = (status: SyncStatus): boolean =>
          status.state === 'up-to-date' || status.state === 'error';
        const now = store.getState().syncStatus;
        if (settled(now)) {
          resolve(now);
          return;
        }
        const stop = store.subscribe((state) => {
          if (!settled(state.syncStatus)) return;
          stop();
          resolve(state.syncStatus);
        });
      }),

    /**
     * Resolves with the status once the unit's own documents are on this device: the staged first
     * download (../sync/initial-download) is past its stage `unit` (profile, settings, offices,
     * officers, unit key), or the sync has caught up (a download without stages), or stopped on an
     * error. What a device joining its unit waits for before its desk opens; the open complaints
     * and the history keep coming.
     */
    unitDocumentsHere: (): Promise<SyncStatus> =>
      new Promise((resolve) => {
        const here = (status: SyncStatus): boolean =>
          status.state === 'up-to-date' ||
          status.state === 'error' ||
          (status.state === 'syncing' &&
            status.progress?.stage != null &&
            status.progress.stage.stage !== 'unit');
        const now = store.getState().syncStatus;
        if (here(now)) {
          resolve(now);
          return;
        }
        const stop = store.subscribe((state) => {
          if (!here(state.syncStatus)) return;
          stop();
          resolve(state.syncStatus);
        });
      }),

    /** The unit's profile, settings, offices and packet drafts changed on two devices before they synced. */
    conflicts: (): Promise<MutableConflict[]> => listConflicts(deps.records.current().db),

    /** Keeps revision `keepRev` of document `id` and closes every other branch. */
    resolveConflict: (id: string, keepRev: string): Promise<void> =>
      resolveConflict(deps.records.current().db, id, keepRev, changedBy(deps)),
  };
}
