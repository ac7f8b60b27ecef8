/**
 * The running session's services: the device store (Dexie) and, once the device is set up, the
 * unit's complaint repository (PouchDB). Starting, first-run setup and officer switching live
 * here so screens only call named functions.
 */
import type { ValidSetup } from '../../shared/unit/unit-profile';
import { openUnitDatabase } from '../data/database';
import { DeviceDatabase } from '../data/device-database';
import { DeviceStore, type Language } from '../data/device-store';
import { ComplaintRepository } from '../data/complaint-repository';
import { changeLanguage, initI18n } from '../i18n/i18n';
import { useAppStore } from '../store/app-store';

export const deviceStore = new DeviceStore(new DeviceDatabase());

let repository: ComplaintRepository | undefined;
let stopWatching: (() => void) | undefined;

/** The unit's records; only called by screens that exist after setup. */
export function records(): ComplaintRepository {
  if (!repository) throw new Error('The unit database is not open yet.');
  return repository;
}

function openRecords(unitCode: string): ComplaintRepository {
  stopWatching?.();
  repository = new ComplaintRepository(openUnitDatabase(unitCode));
  let pending: ReturnType<typeof setTimeout> | undefined;
  const repo = repository;
  stopWatching = repo.watch((id) => {
    if (id === 'unit-profile')
      void repo.unitProfile().then((profile) => useAppStore.getState().setUnitProfile(profile));
    // Several documents arrive together (a save writes three): refresh views once.
    clearTimeout(pending);
    pending = setTimeout(() => useAppStore.getState().bumpDataVersion(), 50);
  });
  return repository;
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
  const repo = openRecords(device.unitCode);
  const [officer, unitProfile] = await Promise.all([deviceStore.currentOfficer(), repo.unitProfile()]);
  store.setSession({ device, officer, unitProfile });
}

export async function completeSetup(setup: ValidSetup, now: Date): Promise<void> {
  const repo = openRecords(setup.profile.unitCode);
  await repo.saveUnitProfile({ ...setup.profile, updatedAt: now.toISOString() });
  const officer = await deviceStore.completeSetup(
    { unitCode: setup.profile.unitCode, deviceCode: setup.deviceCode },
    setup.officerName,
    now,
  );
  const device = await deviceStore.deviceConfig();
  if (!device) throw new Error('device setup was not stored');
  useAppStore.getState().setSession({ device, officer, unitProfile: await repo.unitProfile() });
}

export async function switchLanguage(language: Language): Promise<void> {
  await deviceStore.setLanguage(language);
  await changeLanguage(language);
  useAppStore.getState().setLanguage(language);
}
