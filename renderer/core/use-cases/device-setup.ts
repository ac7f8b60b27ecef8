/**
 * This device: starting the app (language, records, sync, index), first-run setup of a new unit
 * or of a further device of a unit that already syncs, the officers of this device and who is at
 * the desk, and the UI language.
 */
import { createVerifier } from '../../../shared/auth/secret-verifier';
import { deviceCodeInUse, type ValidJoin } from '../../../shared/unit/join-unit';
import { newOfficerDoc } from '../../../shared/unit/officer-document';
import { officerNameKey } from '../../../shared/unit/officer-roster';
import type { UnitProfile, ValidSetup } from '../../../shared/unit/unit-profile';
import { defaultUnitOffices, defaultUnitSettings } from '../../../shared/unit/unit-settings';
import type { ValidationIssue } from '../../../shared/messages/validation-messages';
import type { SyncError, SyncStatus } from '../../../shared/sync/sync-status';
import type { IndonesianTimeZone } from '../../../shared/time/local-date';
import type { Role } from '../../../shared/workflow/roles';
import type { StoragePersistence } from '../state/ui-slice';
import type { ComplaintRepository } from '../data/complaint-repository';
import type { DeviceConfig, Officer } from '../data/device-database';
import { readRoster, rosterEntryOf, writeOfficer } from '../data/officer-roster-store';
import type { Language } from '../data/device-store';
import { markStart } from '../start-marks';
import { deviceCodeUsedOnCentral } from '../sync/device-code-check';
import type { CoreDeps } from './core-deps';
import { createFirstUnitKey } from '../keys/first-unit-key';
import { createOfficers, migrateLocalOfficers, type AccessRecorder } from './officers';
import type { SyncUseCases } from './sync';

/** The UI's translations, which the core switches but does not own (they live with React). */
export type LanguageAdapter = Readonly<{
  init: (language: Language) => Promise<unknown>;
  change: (language: Language) => Promise<unknown>;
}>;

export type JoinOutcome =
  | Readonly<{ ok: true }>
  | Readonly<{ ok: false; issues: readonly ValidationIssue[] }>
  | Readonly<{ ok: false; error: SyncError }>
  | Readonly<{ ok: false; sync: SyncStatus }>;

export type StorageUse = Readonly<{ docCount: number; usage?: number; quota?: number }>;

/**
 * The browser's storage manager, where this runtime has one. The DOM types promise `navigator.storage`
 * everywhere, but the core also runs under Node (its unit tests: Node 20 has no `navigator`, later
 * ones have no `navigator.storage`), and browsers expose it only in secure contexts.
 */
type BrowserStorage = Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'persist'>>;
function browserStorage(): BrowserStorage | undefined {
  const runtime: { navigator?: { storage?: BrowserStorage } } = globalThis;
  return runtime.navigator?.storage;
}

/**
 * Records live only in IndexedDB until they sync: asks the browser never to evict them under
 * storage pressure, and says what it answered. Electron grants it to the app's own origin
 * (electron/permission-policy); Chromium decides by its own heuristics (the status bar warns).
 */
async function requestPersistentStorage(): Promise<StoragePersistence> {
  const storage = browserStorage();
  if (!storage?.persist) return 'unknown';
  try {
    return (await storage.persist()) ? 'persistent' : 'not-persistent';
  } catch {
    return 'unknown';
  }
}

export function createDeviceSetup(
  deps: CoreDeps,
  sync: SyncUseCases,
  language: LanguageAdapter,
  auth: Readonly<{ record?: AccessRecorder; iterations?: number }> = {},
) {
  const { store, deviceStore, records } = deps;
  /** Keeps the mark that this device is set up as `device` (../data/device-mark), if not kept yet. */
  const keepMark = (device: DeviceConfig): void => {
    const kept = deps.deviceMark.read();
    if (
      kept?.unitCode === device.unitCode &&
      kept.deviceCode === device.deviceCode &&
      kept.setUpAt === device.createdAt
    ) {
      return;
    }
    deps.deviceMark.write({
      unitCode: device.unitCode,
      deviceCode: device.deviceCode,
      setUpAt: device.createdAt,
    });
  };
  const officers = createOfficers(deps, auth.record, auth.iterations, sync.createOnCentral);

  /**
   * The end of every first run: this device, its first officer, and the unit's settings and offices
   * when the unit has none yet (a joining device finds them synced); then the desk opens.
   */
  const finishDeviceSetup = async (
    repo: ComplaintRepository,
    device: Readonly<{ unitCode: string; deviceCode: string; timeZone: IndonesianTimeZone }>,
    first: Readonly<{ name: string; role: Role; secret?: string }>,
    now: Date,
    profile?: Omit<UnitProfile, '_rev'>,
  ): Promise<Officer> => {
    const { unitCode } = device;
    const officer = await deviceStore.completeSetup({ unitCode, deviceCode: device.deviceCode }, first, now);
    const by = { officerId: officer.id, name: officer.name };
    // What this device writes names it and its first officer (shared/unit/changed-by).
    const changed = { device: device.deviceCode, officer: officer.id };
    if (profile) await repo.saveUnitProfile(profile, changed);
    // The roster: a new unit's first manager with their PIN (signed in: they just typed it); a
    // joining device's officer without a secret, unless the synced roster has them already (a
    // manager sets their first PIN: nobody chooses their own role and signs in with it).
    const roster = await readRoster(repo.db);
    const known = roster.some((doc) => officerNameKey(doc.name) === officerNameKey(first.name));
    const rosterDoc = known
      ? undefined
      : await writeOfficer(
          repo.db,
          newOfficerDoc(
            {
              unitCode,
              officerId: officer.id,
              name: first.name,
              role: first.role,
              ...(first.secret
                ? { verifier: await createVerifier(first.secret, auth.iterations), mustChangeSecret: false }
                : { mustChangeSecret: true }),
            },
            now,
            changed,
          ),
        );
    // A new unit's key, version 1 (docs/decisions/017-unit-key.md), unlocked for its first
    // manager and copied for them on this device; a joining device receives the unit's key instead.
    if (profile && first.secret && rosterDoc) {
      const key = await createFirstUnitKey(
        repo.db,
        unitCode,
        changed,
        now,
        () => Promise.resolve({ status: 'not-configured' }),
        (version) => deps.unitKeys.newKey(version),
      );
      if (key) await deps.unitKeys.adopt(key, officer.id, first.secret);
    }
    if (!(await repo.unitSettings()))
      await repo.saveMutable(defaultUnitSettings(unitCode, device.timeZone, now, by), changed);
    if (!(await repo.unitOffices())) await repo.saveMutable(defaultUnitOffices(unitCode, now, by), changed);
    await records.loadUnitDocs();
    const stored = await deviceStore.deviceConfig();
    if (!stored) throw new Error('device setup was not stored');
    keepMark(stored);
    const unitProfile = store.getState().unitProfile;
    if (first.secret && rosterDoc) {
      store.getState().openDesk({ device: stored, officer: rosterEntryOf(rosterDoc), unitProfile });
      await auth.record?.('sign-in', { officerId: officer.id }, now);
    } else store.getState().chooseOfficer({ device: stored, unitProfile });
    return officer;
  };

  return {
    /** Loads the UI language chosen on this device (Indonesian by default) before anything renders. */
    async prepareLanguage(): Promise<void> {
      // An unreadable device store must not leave the UI without words: fall back to Indonesian.
      const chosen = (await deviceStore.language().catch(() => undefined)) ?? 'id';
      await language.init(chosen);
      store.getState().setLanguage(chosen);
    },

    /** Opens this device's records, starts sync and the index; asks for setup on a new device. */
    async start(): Promise<void> {
      const state = store.getState();
      void requestPersistentStorage().then((persistence) =>
        store.getState().setStoragePersistence(persistence),
      );
      const device = await deviceStore.deviceConfig();
      if (!device) {
        // Set up before, by the mark kept apart: the browser deleted this device's storage.
        state.needSetup(deps.deviceMark.read() ?? undefined);
        return;
      }
      keepMark(device);
      const repo = await records.open(device.unitCode);
      markStart('records-open');
      // Officers this device kept in its local list before the roster synced become roster
      // documents without a secret (docs/decisions/015-officer-roster-and-sign-in.md).
      await migrateLocalOfficers(repo.db, await deviceStore.officers(), device, deps.now());
      // Every start asks who is at the desk, with their PIN.
      state.chooseOfficer({ device, unitProfile: store.getState().unitProfile });
      markStart('sign-in-asked');
      // Then what the sign-in screen does not wait for: sync, the indexes (their heavier part in
      // the background, ./unit-records).
      void sync
        .start(repo.db, { unitCode: device.unitCode, deviceCode: device.deviceCode })
        .catch((error: unknown) => console.warn('Sync could not start:', error));
      await records.startIndex(device.unitCode);
      markStart('index-caught-up');
    },

    /** Stops sync and the index and stops following the records (a test ending; the app closing). */
    async stop(): Promise<void> {
      await sync.stop();
      records.close();
      // The app's run ends: the unit key leaves memory (the next start opens it at sign-in).
      deps.unitKeys.signedOut();
      deps.unitKeys.keyring.clear();
    },

    /** First run of a new unit: its profile, this device, its first officer, default settings. */
    async setup(setup: ValidSetup, now: Date): Promise<void> {
      const unitCode = setup.profile.unitCode;
      const repo = await records.open(unitCode);
      await finishDeviceSetup(
        repo,
        { unitCode, deviceCode: setup.deviceCode, timeZone: setup.timeZone },
        { name: setup.officerName, role: setup.officerRole, secret: setup.officerSecret },
        now,
        { ...setup.profile, updatedAt: now.toISOString() },
      );
      await sync.start(repo.db, { unitCode, deviceCode: setup.deviceCode });
      await records.startIndex(unitCode);
      // A new unit has nothing to index: its indexes are ready when the desk opens.
      await records.settled();
    },

    /**
     * Sets this device up as a further device of a unit that already syncs: signs in to the unit's
     * database, starts downloading it (progress in the sync status), waits for the unit's own
     * documents (the first download's stage `unit`), checks that no other device of the unit uses
     * this device code (on the central; of the whole download when the central cannot tell), and
     * only then stores the device and its first officer; the rest of the download goes on with the
     * desk open. The unit's profile, settings and offices come from the server, so nothing
     * conflicts with them.
     */
    async join(join: ValidJoin, now: Date): Promise<JoinOutcome> {
      const repo = await records.open(join.unitCode);
      await sync.start(repo.db, { unitCode: join.unitCode, deviceCode: join.deviceCode });
      // The enrolment code's one-time password is replaced by this device's own (decision 014).
      const enrolled = await sync.enrol(join.enrolment, now);
      if (!enrolled.ok) {
        return 'problem' in enrolled
          ? { ok: false, issues: [{ path: 'enrolmentCode', ...enrolled.problem }] }
          : { ok: false, error: enrolled.error };
      }
      // Until the device is set up, a failed join leaves no password behind (the download stays).
      const refuse = async (outcome: JoinOutcome): Promise<JoinOutcome> => (await sync.disable(), outcome);
      const taken: JoinOutcome = {
        ok: false,
        issues: [{ path: 'deviceCode', key: 'validation.deviceCode.taken' }],
      };
      // The desk opens once the unit's own documents are here (the staged download's stage
      // `unit`); the open complaints and the history keep coming (docs/architecture.md).
      let synced = await sync.unitDocumentsHere();
      if (synced.state === 'error') return refuse({ ok: false, sync: synced });
      // No other device of the unit may use this code (its tracking numbers would repeat): asked
      // of the central, whose documents this device does not all hold yet; when the central
      // cannot tell, after the whole download, of the documents here.
      const request = sync.centralRequest();
      const onCentral = request ? await deviceCodeUsedOnCentral(request, join.deviceCode) : null;
      if (onCentral === true) return refuse(taken);
      if (onCentral === null && synced.state !== 'up-to-date') {
        synced = await sync.firstSettled();
        if (synced.state === 'error') return refuse({ ok: false, sync: synced });
      }
      const ids = (await repo.db.allDocs()).rows.map((row) => row.id);
      if (deviceCodeInUse(ids, join.deviceCode)) return refuse(taken);
      if (!(await repo.unitProfile())) {
        return refuse({ ok: false, issues: [{ path: 'enrolmentCode', key: 'validation.unit.notOnServer' }] });
      }
      // A unit set up before settings existed gets the defaults, once (in WIB: the manager can change it).
      await finishDeviceSetup(
        repo,
        { unitCode: join.unitCode, deviceCode: join.deviceCode, timeZone: 'Asia/Jakarta' },
        { name: join.officerName, role: join.officerRole },
        now,
      );
      await records.startIndex(join.unitCode);
      return { ok: true };
    },

    async switchLanguage(next: Language): Promise<void> {
      await deviceStore.setLanguage(next);
      await language.change(next);
      store.getState().setLanguage(next);
    },

    /** How many documents this device holds for its unit, and how much storage the browser grants. */
    async storage(): Promise<StorageUse> {
      const [info, estimate] = await Promise.all([records.current().db.info(), browserStorage()?.estimate()]);
      return { docCount: info.doc_count, usage: estimate?.usage, quota: estimate?.quota };
    },

    officers,
  };
}
