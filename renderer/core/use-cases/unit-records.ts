/**
 * The unit's records (PouchDB) once this device knows its unit, and the projector that keeps the
 * complaint index (Dexie) in step with them. Opening the records loads the unit's profile,
 * settings and offices into the store and follows every later change of them; the projector
 * starts once the unit's settings exist (they carry the deadlines). The work a desk does not wait
 * for (the search index, Beranda's indicator records, the day's re-summarise of deadlines) starts
 * only with the complaint index, after the sign-in screen is asked for, in the background: the
 * first screen does not share the device with it (docs/benchmarks.md, 'The whole app').
 */
import { ACCESS_ID_PREFIX } from '../../../shared/auth/access-record';
import { UNIT_PROFILE_ID } from '../../../shared/ids/document-ids';
import { UNIT_OFFICES_ID, UNIT_SETTINGS_ID, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import { INDEX_CHECKPOINT_PREFIX } from '../data/complaint-index';
import { ComplaintProjector, type Summarise } from '../data/complaint-projector';
import { ComplaintRepository } from '../data/complaint-repository';
import type { ReporterVault } from '../keys/reporter-vault';
import { summariser } from '../data/complaint-summary';
import type { UnitDatabase } from '../data/database';
import type { DeviceDatabase } from '../data/device-database';
import type { IndicatorRecords } from '../data/indicator-records';
import type { SearchIndexer } from '../search/search-indexer';
import type { AppStore } from '../state/app-state';
import { NATIONAL_CALENDAR_ID_PREFIX } from '../../../shared/calendar/national-calendar';
import { calendarOf, nationalCalendarsKey, unitToday } from './calendar';

export type UnitRecords = Readonly<{
  /** The unit's records; throws before they are open (only called by what exists after setup). */
  current(): ComplaintRepository;
  /** Opens (or re-opens) the records of `unitCode` and loads the unit's documents into the store. */
  open(unitCode: string): Promise<ComplaintRepository>;
  /**
   * Starts the complaint index once the unit's settings exist (resolving once it has caught up),
   * then, in the background, the search index, Beranda's indicator records and the day's
   * re-summarise; does nothing when they run.
   */
  startIndex(unitCode: string): Promise<void>;
  /** Resolves once the background work the last `startIndex` began is done (tests, the bench). */
  settled(): Promise<void>;
  /** Reads the unit's profile, settings and offices into the store again. */
  loadUnitDocs(): Promise<void>;
  /** Stops following the records and the index (the database stays as it is). */
  close(): void;
}>;

/** The device setting that says for which day and settings the open complaints' rows were last summarised. */
export const RESUMMARISED_PREFIX = 'index-resummarised:';
/** Bumped when a row's summary changes meaning, so that every device summarises its rows again. */
const RESUMMARISED_VERSION = 1;

export function createUnitRecords(
  deps: Readonly<{
    store: AppStore;
    deviceDatabase: DeviceDatabase;
    openDatabase: (unitCode: string) => UnitDatabase;
    now: () => Date;
    /** The search index's follower: started with the records, in the background (../search/search-indexer). */
    searchIndexer?: SearchIndexer;
    /** Beranda's indicator records' follower: started with the records, in the background (../data/indicator-records). */
    indicatorRecords?: IndicatorRecords;
    /** Seals and opens reporter identity with the session's unit key (../keys/reporter-vault). */
    vault?: ReporterVault;
  }>,
): UnitRecords {
  const { store } = deps;
  let repository: ComplaintRepository | undefined;
  let projector: ComplaintProjector | undefined;
  let stopWatching: (() => void) | undefined;
  /** The background work of the records open now (undefined until `startIndex` starts it). */
  let background: Promise<void> | undefined;

  const summariseWith = (settings: UnitSettingsDoc | undefined): Summarise | undefined =>
    settings
      ? summariser(settings, calendarOf(settings, store.getState().nationalCalendars), deps.now)
      : undefined;

  /**
   * Deadlines move with the calendar: what was on time yesterday may be due today. Once per day
   * and settings, not at every start (rows written since were summarised today); on a new day
   * with the same settings only the rows that count with the day (../data/complaint-projector).
   */
  const resummariseOnceADay = async (
    started: ComplaintProjector,
    settings: UnitSettingsDoc,
    summarise: Summarise,
    unitCode: string,
  ): Promise<void> => {
    // The rows' due dates count with the settings and the central's calendars: a change of either
    // (a calendar imported while this device was off) summarises them again.
    const rev = `${settings._rev ?? ''}#${nationalCalendarsKey(store.getState().nationalCalendars)}`;
    const stamp = `${RESUMMARISED_VERSION}|${unitToday(settings, deps.now())}|${rev}`;
    const key = `${RESUMMARISED_PREFIX}${unitCode}`;
    const last = (await deps.deviceDatabase.settings.get(key))?.value;
    if (last === stamp) return;
    const [version, , lastRev] = typeof last === 'string' ? last.split('|') : [];
    const sameSettings = version === String(RESUMMARISED_VERSION) && lastRev === rev;
    const done = await started.resummarise(summarise, sameSettings ? 'day' : 'settings');
    if (done) await deps.deviceDatabase.settings.put({ key, value: stamp });
  };

  const current = (): ComplaintRepository => {
    if (!repository) throw new Error('The unit database is not open yet.');
    return repository;
  };

  const loadFrom = async (repo: ComplaintRepository): Promise<void> => {
    const [unitProfile, unitSettings, unitOffices, nationalCalendars] = await Promise.all([
      repo.unitProfile(),
      repo.unitSettings(),
      repo.unitOffices(),
      repo.nationalCalendars(),
    ]);
    const state = store.getState();
    state.setUnitProfile(unitProfile);
    state.setUnitDocs({ unitSettings, unitOffices, nationalCalendars });
  };

  return {
    current,
    loadUnitDocs: () => loadFrom(current()),

    settled: () => background ?? Promise.resolve(),

    close() {
      stopWatching?.();
      stopWatching = undefined;
      background = undefined;
      projector?.stop();
      projector = undefined;
      deps.searchIndexer?.stop();
      deps.indicatorRecords?.stop();
    },

    async open(unitCode) {
      stopWatching?.();
      projector?.stop();
      projector = undefined;
      deps.searchIndexer?.stop();
      deps.indicatorRecords?.stop();
      background = undefined;
      const repo = new ComplaintRepository(deps.openDatabase(unitCode), deps.vault);
      repository = repo;
      await loadFrom(repo);
      let pending: ReturnType<typeof setTimeout> | undefined;
      stopWatching = repo.watch((id) => {
        const calendar = id.startsWith(NATIONAL_CALENDAR_ID_PREFIX);
        if (id === UNIT_PROFILE_ID || id === UNIT_SETTINGS_ID || id === UNIT_OFFICES_ID || calendar) {
          void loadFrom(repo).then(() => {
            const summarise = summariseWith(store.getState().unitSettings);
            // Due dates are derived, never kept: the index's rows count again with the new calendar.
            if ((id === UNIT_SETTINGS_ID || calendar) && summarise) {
              void projector
                ?.resummarise(summarise, 'settings')
                .then((done) => (done ? store.getState().bumpDataVersion() : undefined));
            }
          });
        }
        // Access records (every sign-in writes one) change no view but Log akses, which reads
        // its pages when asked: refreshing every view after each sign-in would only cost time.
        if (id.startsWith(ACCESS_ID_PREFIX)) return;
        // Several documents arrive together (a save writes three): refresh views once.
        clearTimeout(pending);
        pending = setTimeout(() => store.getState().bumpDataVersion(), 50);
      });
      return repo;
    },

    async startIndex(unitCode) {
      const settings = store.getState().unitSettings;
      const summarise = summariseWith(settings);
      const repo = current();
      let started: ComplaintProjector | undefined;
      if (settings && summarise && !projector) {
        started = new ComplaintProjector(
          repo,
          deps.deviceDatabase,
          `${INDEX_CHECKPOINT_PREFIX}${unitCode}`,
          summarise,
          () => store.getState().bumpDataVersion(),
        );
        projector = started;
        await started.start();
      }
      if (background || repository !== repo) return;
      // Built, loaded or caught up in the background: the desk waits for none of it.
      const logged = (what: string) => (error: unknown) => console.error(`${what}:`, error);
      background = Promise.all([
        deps.searchIndexer?.start(repo, unitCode).catch(logged('search index')),
        deps.indicatorRecords?.start(repo, unitCode).catch(logged('indicator records')),
        started && settings && summarise
          ? resummariseOnceADay(started, settings, summarise, unitCode).catch(logged('complaint index'))
          : undefined,
      ]).then(() => undefined);
    },
  };
}
