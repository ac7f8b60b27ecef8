/**
 * The running session's services: the device store and complaint index (Dexie) and, once the
 * device is set up, the unit's records (PouchDB) with the projector that keeps the index in
 * step. Starting, first-run setup and officer switching live here so screens only call named
 * functions.
 */
import type { ValidSetup } from '../../../shared/unit/unit-profile';
import {
  defaultUnitOffices,
  defaultUnitSettings,
  UNIT_OFFICES_ID,
  UNIT_SETTINGS_ID,
  type UnitSettingsDoc,
} from '../../../shared/unit/unit-settings';
import { UNIT_PROFILE_ID } from '../../../shared/ids/document-ids';
import { openUnitDatabase } from '../data/database';
import { ComplaintIndexQueries } from '../data/complaint-index-queries';
import { ComplaintProjector } from '../data/complaint-projector';
import { ComplaintRepository } from '../data/complaint-repository';
import { summariser } from '../data/complaint-summary';
import { DeviceDatabase, type Officer } from '../data/device-database';
import { DeviceStore, type Language } from '../data/device-store';
import { changeLanguage, initI18n } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';
import type { IndonesianTimeZone } from '../../../shared/time/local-date';
import type { Role } from '../../../shared/workflow/roles';
import { deviceCodeInUse, type ValidJoin } from '../../../shared/unit/join-unit';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import type { ConnectionTestResult } from '../sync/test-connection';
import { disableSync, enableSync, firstSyncSettled, startSync, testSyncConnection } from './sync';
import { calendarOf } from './calendar';

const deviceDatabase = new DeviceDatabase();
export const deviceStore = new DeviceStore(deviceDatabase);
export const complaintIndex = new ComplaintIndexQueries(deviceDatabase);

let repository: ComplaintRepository | undefined;
let projector: ComplaintProjector | undefined;
let stopWatching: (() => void) | undefined;

/** The unit's records; only called by screens that exist after setup. */
export function records(): ComplaintRepository {
  if (!repository) throw new Error('The unit database is not open yet.');
  return repository;
}

function summariseWith(settings: UnitSettingsDoc | undefined) {
  return settings ? summariser(settings, calendarOf(settings), () => new Date()) : undefined;
}

async function loadUnitDocs(repo: ComplaintRepository): Promise<void> {
  const [unitProfile, unitSettings, unitOffices] = await Promise.all([
    repo.unitProfile(),
    repo.unitSettings(),
    repo.unitOffices(),
  ]);
  const store = useAppStore.getState();
  store.setUnitProfile(unitProfile);
  store.setUnitDocs({ unitSettings, unitOffices });
}

async function openRecords(unitCode: string): Promise<ComplaintRepository> {
  stopWatching?.();
  projector?.stop();
  const repo = new ComplaintRepository(openUnitDatabase(unitCode));
  repository = repo;
  await loadUnitDocs(repo);
  let pending: ReturnType<typeof setTimeout> | undefined;
  stopWatching = repo.watch((id) => {
    if (id === UNIT_PROFILE_ID || id === UNIT_SETTINGS_ID || id === UNIT_OFFICES_ID) {
      void loadUnitDocs(repo).then(() => {
        const summarise = summariseWith(useAppStore.getState().unitSettings);
        if (id === UNIT_SETTINGS_ID && summarise) void projector?.resummarise(summarise);
      });
    }
    // Several documents arrive together (a save writes three): refresh views once.
    clearTimeout(pending);
    pending = setTimeout(() => useAppStore.getState().bumpDataVersion(), 50);
  });
  return repo;
}

/** Starts the projector once the unit's settings exist (they carry the deadlines). */
async function startIndex(repo: ComplaintRepository, unitCode: string): Promise<void> {
  const summarise = summariseWith(useAppStore.getState().unitSettings);
  if (!summarise || projector) return;
  const started = new ComplaintProjector(
    repo,
    deviceDatabase,
    `index-checkpoint:${unitCode}`,
    summarise,
    () => useAppStore.getState().bumpDataVersion(),
  );
  projector = started;
  await started.start();
  // Deadlines move with the calendar: what was on time yesterday may be due today.
  await started.resummarise(summarise);
}

/** Loads the UI language chosen on this device (Indonesian by default) before anything renders. */
export async function prepareLanguage(): Promise<void> {
  // An unreadable device store must not leave the UI without words: fall back to Indonesian.
  const language = (await deviceStore.language().catch(() => undefined)) ?? 'id';
  await initI18n(language);
  useAppStore.getState().setLanguage(language);
}

export async function startSession(): Promise<void> {
  const store = useAppStore.getState();
  // Records live only in IndexedDB until they sync: ask the browser never to evict them under
  // storage pressure (Electron grants it; Chromium decides by its own heuristics).
  void navigator.storage?.persist?.().catch(() => false);
  const device = await deviceStore.deviceConfig();
  if (!device) return store.needSetup();
  const repo = await openRecords(device.unitCode);
  void startSync(repo.db, device.unitCode).catch((error: unknown) =>
    console.warn('Sync could not start:', error),
  );
  const [officers, officer] = await Promise.all([deviceStore.officers(), deviceStore.currentOfficer()]);
  const unitProfile = useAppStore.getState().unitProfile;
  // A device shared by several officers asks who is at the desk on every start.
  if (officers.length > 1) store.chooseOfficer({ device, unitProfile });
  else store.setSession({ device, officer: officer ?? officers[0], unitProfile });
  await startIndex(repo, device.unitCode);
}

/** Makes `officer` the one at the desk: every record written from now on names them. */
export async function signInOfficer(officer: Officer): Promise<void> {
  await deviceStore.setCurrentOfficer(officer.id);
  useAppStore.getState().setOfficer(officer);
}

/**
 * The end of every first run: this device, its first officer, and the unit's settings and offices
 * when the unit has none yet (a joining device finds them synced); then the session starts.
 */
async function finishDeviceSetup(
  repo: ComplaintRepository,
  device: Readonly<{ unitCode: string; deviceCode: string; timeZone: IndonesianTimeZone }>,
  first: Readonly<{ name: string; role: Role }>,
  now: Date,
): Promise<Officer> {
  const { unitCode } = device;
  const officer = await deviceStore.completeSetup({ unitCode, deviceCode: device.deviceCode }, first, now);
  const by = { officerId: officer.id, name: officer.name };
  if (!(await repo.unitSettings()))
    await repo.saveMutable(defaultUnitSettings(unitCode, device.timeZone, now, by));
  if (!(await repo.unitOffices())) await repo.saveMutable(defaultUnitOffices(unitCode, now, by));
  await loadUnitDocs(repo);
  const stored = await deviceStore.deviceConfig();
  if (!stored) throw new Error('device setup was not stored');
  useAppStore
    .getState()
    .setSession({ device: stored, officer, unitProfile: useAppStore.getState().unitProfile });
  return officer;
}

export async function completeSetup(setup: ValidSetup, now: Date): Promise<void> {
  const unitCode = setup.profile.unitCode;
  const repo = await openRecords(unitCode);
  await repo.saveUnitProfile({ ...setup.profile, updatedAt: now.toISOString() });
  await finishDeviceSetup(
    repo,
    { unitCode, deviceCode: setup.deviceCode, timeZone: setup.timeZone },
    { name: setup.officerName, role: setup.officerRole },
    now,
  );
  await startSync(repo.db, unitCode);
  await startIndex(repo, unitCode);
}

export type JoinOutcome =
  | Readonly<{ ok: true }>
  | Readonly<{ ok: false; issues: readonly ValidationIssue[] }>
  | Readonly<{ ok: false; connection: ConnectionTestResult }>
  | Readonly<{ ok: false; sync: SyncStatus }>;

/**
 * Sets this device up as a further device of a unit that already syncs: signs in to the unit's
 * database, downloads it (progress in the sync status), checks that no other device of the unit
 * uses this device code, and only then stores the device and its first officer. The unit's
 * profile, settings and offices come from the server, so nothing conflicts with them.
 */
export async function joinUnit(join: ValidJoin, now: Date): Promise<JoinOutcome> {
  const repo = await openRecords(join.unitCode);
  await startSync(repo.db, join.unitCode);
  const connection = await testSyncConnection(join.serverUrl, join.password);
  if (!connection.ok) return { ok: false, connection };
  await enableSync(join.serverUrl, join.password);
  const synced = await firstSyncSettled();
  // Until the device is set up, a failed join leaves no password behind (the download stays).
  const refuse = async (outcome: JoinOutcome): Promise<JoinOutcome> => (await disableSync(), outcome);
  if (synced.state === 'error') return refuse({ ok: false, sync: synced });
  const ids = (await repo.db.allDocs()).rows.map((row) => row.id);
  if (deviceCodeInUse(ids, join.deviceCode)) {
    return refuse({ ok: false, issues: [{ path: 'deviceCode', key: 'validation.deviceCode.taken' }] });
  }
  if (!(await repo.unitProfile())) {
    return refuse({ ok: false, issues: [{ path: 'unitCode', key: 'validation.unit.notOnServer' }] });
  }
  // A unit set up before settings existed gets the defaults, once (in WIB: the manager can change it).
  await finishDeviceSetup(
    repo,
    { unitCode: join.unitCode, deviceCode: join.deviceCode, timeZone: 'Asia/Jakarta' },
    { name: join.officerName, role: join.officerRole },
    now,
  );
  await startIndex(repo, join.unitCode);
  return { ok: true };
}

export async function switchLanguage(language: Language): Promise<void> {
  await deviceStore.setLanguage(language);
  await changeLanguage(language);
  useAppStore.getState().setLanguage(language);
}
