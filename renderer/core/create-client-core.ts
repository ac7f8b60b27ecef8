/**
 * The composition root of the client core: builds everything once — this device's Dexie
 * database and stores, the complaint index queries, the unit's records with their projector, the
 * sync service, the UI state store and every use case — and returns the `ClientCore` the UI is
 * handed (renderer/main.tsx through ./create-browser-client-core, then renderer/app/core-context).
 * Every dependency on the outside world is a parameter, so a test builds a core over fake-indexeddb and memory PouchDB with a
 * fixed clock and a fake platform.
 */
import type { PlatformApi } from '../../shared/platform/platform-contract';
import type { ClientCore } from './client-core';
import { ComplaintIndexQueries } from './data/complaint-index-queries';
import type { UnitDatabase } from './data/database';
import { DeviceDatabase } from './data/device-database';
import { pageLocalStorage, webStorageDeviceMark, type DeviceMarkStore } from './data/device-mark';
import { DeviceStore } from './data/device-store';
import { IndicatorRecords } from './data/indicator-records';
import { DeviceKeyWraps } from './keys/device-key-wraps';
import { ReporterVault } from './keys/reporter-vault';
import { followKeyChain } from './keys/key-rotation';
import { expectedKey } from './keys/unit-key-documents';
import { UnitKeySession } from './keys/unit-key-session';
import { UnitKeyring } from './keys/unit-keyring';
import type { UnitKey } from '../../shared/crypto/unit-key';
import { SearchIndex } from './search/search-index';
import { SearchIndexer } from './search/search-indexer';
import { SearchQueries } from './search/search-query';
import { createAppState } from './state/app-state';
import type { SyncService } from './sync/sync-service';
import { createAccessLog } from './use-cases/access-log';
import { createBackup } from './use-cases/backup';
import { createCalendar } from './use-cases/calendar';
import { createComplaints } from './use-cases/complaints';
import type { CoreDeps } from './use-cases/core-deps';
import { createDeviceSetup, type LanguageAdapter } from './use-cases/device-setup';
import { createDashboard } from './use-cases/dashboard';
import { createCentralSearch } from './use-cases/central-search';
import { CentralIndicatorRecords } from './data/central-indicator-records';
import { createExports } from './use-cases/exports';
import { createDuplicates } from './use-cases/duplicates';
import { createIntake } from './use-cases/intake';
import { createKeyRecoveryUseCases } from './use-cases/key-recovery';
import { createKeyRotationUseCases } from './use-cases/key-rotation';
import { createKeyTransferUseCases } from './use-cases/key-transfer';
import { createPacket } from './use-cases/packet';
import { createReceipt } from './use-cases/receipt';
import { createRetention } from './use-cases/retention';
import { createSearch } from './use-cases/search';
import { createSettings } from './use-cases/settings';
import { createSync } from './use-cases/sync';
import { createUnitRecords } from './use-cases/unit-records';

export type ClientCoreOptions = Readonly<{
  /** The host's side of the platform contract (Electron's preload, or the browser host's). */
  platform: PlatformApi;
  /** True when `platform` is Electron's. */
  isDesktop: boolean;
  /** The UI's translations (initialised and switched by the core, owned by the UI). */
  language: LanguageAdapter;
  /** The clock every command reads; the real one by default. */
  now?: () => Date;
  /** This device's Dexie database (`new DeviceDatabase()` by default; a test names its own). */
  deviceDatabase?: DeviceDatabase;
  /** Opens the unit's PouchDB (IndexedDB in the app: ./create-browser-client-core; memory in a test). */
  openDatabase: (unitCode: string) => UnitDatabase;
  /** The sync service of a unit database (the browser's fetch and network in the app). */
  createSyncService: (localDb: UnitDatabase) => SyncService<UnitDatabase>;
  /** PBKDF2 iterations of new officer secrets (shared/auth/secret-verifier's measured count by default; tests lower it). */
  secretIterations?: number;
  /**
   * Tests only (./keys/test-unit-key.fixtures): the unit keyring of this core, so that a test can
   * give a second device the key of the first, and the maker of new unit keys, so that every test
   * device makes the same one. The app passes neither: a new core's keyring is empty and a unit's
   * key is random.
   */
  keyring?: UnitKeyring;
  newUnitKey?: (version: number) => Promise<UnitKey>;
  /** PBKDF2 iterations of a new backup file's key (shared/auth/secret-verifier's count by default; tests lower it). */
  backupIterations?: number;
  /** Where the mark that this device was set up is kept (the page's localStorage by default). */
  deviceMark?: DeviceMarkStore;
  /** How long after a supervisor's or manager's sign-in the day's retention pass starts (./use-cases/retention). */
  retentionAfterSignInMs?: number;
}>;

export function createClientCore(options: ClientCoreOptions): ClientCore {
  const now = options.now ?? (() => new Date());
  const store = createAppState();
  const deviceDatabase = options.deviceDatabase ?? new DeviceDatabase();
  const searchIndex = new SearchIndex(deviceDatabase);
  const searchIndexer = new SearchIndexer(deviceDatabase, searchIndex, () =>
    store.getState().bumpDataVersion(),
  );
  const indicatorRecords = new IndicatorRecords(deviceDatabase, () => store.getState().bumpDataVersion());
  // The unit key of this run (docs/decisions/017-unit-key.md): unlocked at sign-in, in memory only.
  const keyring = options.keyring ?? new UnitKeyring();
  const unitKeys = new UnitKeySession(keyring, new DeviceKeyWraps(deviceDatabase, options.platform), {
    ...(options.secretIterations ? { iterations: options.secretIterations } : {}),
    ...(options.newUnitKey ? { newKey: options.newUnitKey } : {}),
    now,
    // After a rotation the officer's copy opens an older version: the chain brings the newer ones
    // before their copies are made (the records are open by the time anyone signs in).
    followChain: () => followKeyChain(records.current().db, keyring),
  });
  const records = createUnitRecords({
    store,
    deviceDatabase,
    openDatabase: options.openDatabase,
    now,
    searchIndexer,
    indicatorRecords,
    vault: new ReporterVault(keyring),
  });
  const deps: CoreDeps = {
    store,
    deviceDatabase,
    deviceStore: new DeviceStore(deviceDatabase),
    deviceMark: options.deviceMark ?? webStorageDeviceMark(pageLocalStorage()),
    index: new ComplaintIndexQueries(deviceDatabase),
    records,
    platform: options.platform,
    now,
    unitKeys,
  };
  onUnitKeyUnlocked(deps, searchIndexer);
  const sync = createSync(deps, options.createSyncService);
  // Rotation (docs/decisions/022-unit-key-recovery.md): follows the key chain and re-wraps in the background.
  const keyRotation = createKeyRotationUseCases(deps, {
    keyring,
    createOnCentral: sync.createOnCentral,
    newKey: (version) => unitKeys.newKey(version),
  });
  const accessLog = createAccessLog(deps);
  const { officers, ...device } = createDeviceSetup(deps, sync, options.language, {
    record: accessLog.record,
    ...(options.secretIterations ? { iterations: options.secretIterations } : {}),
  });
  const { platform } = options;
  const packet = createPacket(deps, sync.centralRequest);
  const search = createSearch(deps, searchIndexer, new SearchQueries(deviceDatabase, searchIndex));
  const { link, ...duplicates } = createDuplicates(deps, (query) => search.query(query));
  const dashboard = createDashboard(deps, indicatorRecords, {
    records: new CentralIndicatorRecords(deps.deviceDatabase),
    request: sync.centralRequest,
  });
  // On a budget device, Beranda's rows of the complaints only on the central are read in the
  // background each time the sync comes up to date (nothing once all are read).
  store.subscribe((state, previous) => {
    if (state.syncStatus.state === 'up-to-date' && previous.syncStatus.state !== 'up-to-date') {
      void dashboard.readCentralInBackground();
    }
  });
  return {
    store,
    device,
    officers,
    accessLog: { page: (query) => accessLog.page(query) },
    keyTransfer: createKeyTransferUseCases(
      deps,
      {
        keyring,
        expected: (version) => expectedKey(records.current().db, version),
        keepForOfficer: () => unitKeys.keepForOfficer(),
      },
      options.secretIterations ? { iterations: options.secretIterations } : {},
    ),
    keyRecovery: createKeyRecoveryUseCases(
      deps,
      {
        keyring,
        expected: (version) => expectedKey(records.current().db, version),
        keepForOfficer: () => unitKeys.keepForOfficer(),
      },
      // Tests lower the count (their own secret count); the app wraps at RECOVERY_ITERATIONS.
      options.secretIterations ? { iterations: options.secretIterations } : {},
    ),
    unitKey: {
      rotate: () => keyRotation.rotate(),
      currentVersion: keyRotation.currentVersion,
      rewrapProgress: keyRotation.rewrapProgress,
      onRewrapProgress: (listener) => keyRotation.onRewrapProgress(listener),
    },
    intake: { ...createIntake(deps), ...duplicates },
    complaints: {
      ...createComplaints(deps, { centralRequest: sync.centralRequest }),
      ...createCentralSearch(deps, sync.centralRequest),
      link,
    },
    search,
    calendar: createCalendar(deps),
    settings: createSettings(deps),
    retention: createRetention(
      deps,
      options.retentionAfterSignInMs === undefined ? {} : { afterSignInMs: options.retentionAfterSignInMs },
    ),
    receipt: createReceipt(deps),
    sync: {
      testConnection: sync.testConnection,
      enrol: sync.enrol,
      enable: sync.enable,
      disable: sync.disable,
      now: sync.now,
      secretProtection: sync.secretProtection,
      firstSettled: sync.firstSettled,
      conflicts: sync.conflicts,
      resolveConflict: sync.resolveConflict,
    },
    dashboard,
    packet,
    exports: createExports(deps),
    backup: createBackup(deps, {
      start: () => device.start(),
      ...(options.backupIterations ? { kdf: { iterations: options.backupIterations } } : {}),
    }),
    host: {
      isDesktop: options.isDesktop,
      print: (documentTitle) => platform.print(documentTitle === undefined ? {} : { documentTitle }),
      appInfo: () => platform.appInfo(),
      onMenuCommand: (listener) => platform.listen('menuCommand', ({ command }) => listener(command)),
    },
  };
}

/**
 * Once a unit key is unlocked in this run: the identities the search index could not open become
 * searchable, and reporter documents this device holds in clear (written before sealing existed)
 * are re-written sealed, in the background.
 */
function onUnitKeyUnlocked(deps: CoreDeps, searchIndexer: SearchIndexer): void {
  deps.unitKeys.keyring.onUnlock(() => {
    void searchIndexer.reindexIdentities();
    void (async () => {
      // Once every clear revision is sealed, none comes back: this app writes identity only
      // sealed and the central refuses clear identity (upgraded first: docs/central.md). So the
      // pass, which reads every reporter document, runs until it has completed once per unit.
      const unitCode = deps.store.getState().device?.unitCode;
      if (!unitCode) return;
      const key = `${REPORTERS_SEALED_PREFIX}${unitCode}`;
      if ((await deps.deviceDatabase.settings.get(key))?.value === true) return;
      const found = await deps.records.current().sealClearReporters();
      if (found.sealed > 0) deps.store.getState().bumpDataVersion();
      if (found.sealed === found.found) await deps.deviceDatabase.settings.put({ key, value: true });
    })().catch((error: unknown) => console.warn('Reporter documents could not be sealed yet:', error));
  });
}

/** Device setting: set once every reporter document of the unit on this device is sealed. */
export const REPORTERS_SEALED_PREFIX = 'reporters-sealed:';
