/**
 * The Chromium page of the whole-app benchmark (../app.ts), served by the browser host on the same
 * origin as the built app, so it opens the app's own databases (IndexedDB: the unit's PouchDB
 * database and the device's Dexie database) in the profile the app then starts from. It:
 *   - sets the device up as the setup screen does (`core.device.setup`, one manager: the desk
 *     opens without the officer chooser);
 *   - writes the sample complaints (../app-records) into the unit database with `bulkDocs`
 *     (`new_edits: false`, as sync stores them), through the app's database factory;
 *   - starts the app's core (`createBrowserClientCore`: the complaint index's projector and the
 *     search indexer, as the app starts them) and waits until both have indexed everything, then
 *     until the search index's snapshot is saved (what later starts load);
 *   - measures intake saves with the duplicate panel's look-up (`core.intake.possibleDuplicates`)
 *     against a raw `put` of a complaint built beforehand, on that database.
 * The Node side calls `globalThis.mejaAduanAppBench.<step>(options)`.
 */
import { emptySetupInput, validateSetup } from '../../shared/unit/unit-profile';
import type { ComplaintDoc, ReporterDoc } from '../../shared/complaint/complaint-schema';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import { DEFAULT_CATEGORIES } from '../../shared/complaint/vocabulary';
import {
  contentRow,
  identityRow,
  SEARCH_INDEX_VERSION,
  type SearchContentRow,
  type SearchIdentityRow,
} from '../../shared/search/search-keys';
import type { IdentityHasher } from '../../shared/search/keyed-tokens';
import type { UnitKey } from '../../shared/crypto/unit-key';
import { withFirstRevision } from '../../shared/couch/revision-writes';
import { ReporterVault } from '../../renderer/core/keys/reporter-vault';
import { UnitKeyring } from '../../renderer/core/keys/unit-keyring';
import { reduceComplaint } from '../../shared/workflow/complaint-state';
import type { EventDoc } from '../../shared/workflow/events';
import { assertBulkWritten } from '../../shared/couch/pouch-toolkit';
import { localDateOf } from '../../shared/time/local-date';
import type { ClientCore } from '../../renderer/core/client-core';
import { createBrowserClientCore } from '../../renderer/core/create-browser-client-core';
import { REPORTERS_SEALED_PREFIX } from '../../renderer/core/create-client-core';
import { openUnitDatabase } from '../../renderer/core/data/database';
import { INDEX_CHECKPOINT_PREFIX, type ComplaintIndexRow } from '../../renderer/core/data/complaint-index';
import { ComplaintRepository } from '../../renderer/core/data/complaint-repository';
import { summariser } from '../../renderer/core/data/complaint-summary';
import { DeviceDatabase } from '../../renderer/core/data/device-database';
import { INDICATOR_RECORDS_VERSION_KEY } from '../../renderer/core/data/indicator-records';
import { SearchIndex, SNAPSHOT_ID } from '../../renderer/core/search/search-index';
import {
  searchCheckpointKey,
  searchIdentityKey,
  SEARCH_VERSION_KEY,
  type IdentityState,
} from '../../renderer/core/search/search-indexer';
import { calendarOf } from '../../renderer/core/use-cases/calendar';
import { createBrowserPlatform } from '../../renderer/platform/platform.browser';
import {
  appComplaint,
  appIntakeContext,
  appIntakeInput,
  BENCH_PASSPHRASE,
  documentsOf,
} from '../app-records';
import { BENCH_UNIT, TIME_ZONE } from '../sample-records';
import { now, ratio, round, summarize, type Summary } from '../timing';
import { pageLog } from './page-log';

/** This device's code (the sample records come from devices X7Q and A23). */
export const APP_BENCH_DEVICE = 'B7K';
const FILL_CHUNK = 250;

export type PopulateResult = Readonly<{
  complaints: number;
  documents: number;
  /** `bulkDocs` of every document (new_edits: false), in chunks of 250 complaints. */
  writeMs: number;
  /** The complaint and search index rows made by the app's row builders and written (./app-page `indexRows`). */
  indexMs: number;
  /** Then the app's `core.device.start()` until the complaint index (projector) has caught up. */
  complaintIndexMs: number;
  /** The same start until the search index is `ready` (loaded from its rows). */
  searchIndexMs: number;
  searchIndexTotal: number;
  /** Until the search index's snapshot is stored (starts load it). */
  snapshotMs: number;
  /** Until Beranda's indicator records are built (./app's starts then only catch up). */
  indicatorRecordsMs: number;
}>;

export type IntakePanelOptions = Readonly<{ saves: number; warmupSaves: number; complaints: number }>;

export type IntakePanelResult = Readonly<{
  storedComplaints: number;
  /** `core.intake.save` while the panel's look-up for the same form runs (started together). */
  saveWithLookup: Summary;
  /** `core.intake.save` right after the panel's look-up answered (the usual order at a desk). */
  saveAfterLookup: Summary;
  /** The panel's look-up alone (`core.intake.possibleDuplicates`), and how many it listed. */
  lookup: Summary;
  lookupFoundMean: number;
  rawPut: Summary;
  /**
   * Where the counted saves' time went: the app's User Timing measures (renderer/core/use-cases/
   * step-timing) named `intake.save:<step>` (each step of the save, and `total`) and
   * `intake.saved:<step>` (what follows a save, not waited for), and the changes feed's
   * followers' batches (`follow:<follower>`) run meanwhile, by name.
   */
  steps: Readonly<Record<string, Summary>>;
  ratios: Readonly<{
    /** The target (≤ 1.5): saveWithLookup p95 / rawPut p95. */
    p95WithLookupVsRawPut: number | null;
    p95AfterLookupVsRawPut: number | null;
    p50WithLookupVsRawPut: number | null;
  }>;
}>;

export type AppPageApi = Readonly<{
  populate: (options: Readonly<{ complaints: number }>) => Promise<PopulateResult>;
  intakeWithPanel: (options: IntakePanelOptions) => Promise<IntakePanelResult>;
}>;

function newCore(keyring?: UnitKeyring): ClientCore {
  return createBrowserClientCore({
    ...(keyring ? { keyring } : {}),
    platform: createBrowserPlatform('0.0.0-bench'),
    isDesktop: false,
    // The bench page has no UI to translate.
    language: { init: () => Promise.resolve(), change: () => Promise.resolve() },
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(
  what: string,
  ready: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = now() + timeoutMs;
  while (!(await ready())) {
    if (now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The search index ready with `total` complaints (progress logged every ~10 %). */
async function searchReady(core: ClientCore, total: number): Promise<number> {
  let reported = -1;
  await waitFor(
    'the search index',
    () => {
      const status = core.search.status();
      if (status.state === 'building' && status.total > 0) {
        const tenth = Math.floor((10 * status.done) / status.total);
        if (tenth > reported) {
          reported = tenth;
          pageLog(
            `app: search index ${status.loading ? 'loading' : 'building'} ${status.done}/${status.total}`,
          );
        }
      }
      return status.state === 'ready' && status.total >= total;
    },
    60 * 60_000,
  );
  const status = core.search.status();
  return status.state === 'ready' ? status.total : 0;
}

/**
 * Where the app asks who is at the desk on every start (the officer chooser with a PIN or
 * passphrase), the bench's manager signs in. Typed loosely: the sign-in commands are newer than
 * some trees this bench runs on.
 */
async function signInIfAsked(core: ClientCore): Promise<void> {
  if (core.store.getState().phase !== 'choose-officer') return;
  const officers = core.officers as unknown as {
    listActive?: () => Promise<readonly Readonly<{ id: string }>[]>;
    signIn?: (officerId: string, secret: string, at: Date) => Promise<unknown>;
  };
  const [first] = (await officers.listActive?.()) ?? [];
  if (!first || !officers.signIn)
    throw new Error('the app asks who is at the desk, and the bench cannot sign in');
  await officers.signIn(first.id, BENCH_PASSPHRASE, new Date());
}

/**
 * Sets the device up as its first manager does; returns the unit key the setup made (version 1),
 * with which the page seals the reporters it writes as the app stores them.
 */
async function setUpDevice(): Promise<UnitKey> {
  const keyring = new UnitKeyring();
  const core = newCore(keyring);
  await core.device.prepareLanguage();
  await core.device.start();
  if (core.store.getState().phase !== 'setup') throw new Error('the bench profile is not new');
  // Not an object literal at the call: the form grows fields (the first officer's secret) that a
  // bench on an older tree does not know.
  const input = {
    ...emptySetupInput(TIME_ZONE),
    officerSecret: BENCH_PASSPHRASE,
    officerSecretConfirm: BENCH_PASSPHRASE,
    unitCode: BENCH_UNIT,
    unitName: 'Unit Pengaduan Kabupaten Kebumen',
    agency: 'Pemerintah Kabupaten Kebumen',
    entityType: 'city',
    contact: 'WA 0812-3456-7890',
    address: 'Jl. Pemuda 12, Kebumen',
    deviceCode: APP_BENCH_DEVICE,
    officerName: 'Rina Wulandari',
    officerRole: 'manager',
  };
  const checked = validateSetup(input);
  if (!checked.ok) throw new Error(`setup refused: ${JSON.stringify(checked.issues)}`);
  await core.device.setup(checked.value, new Date());
  const key = keyring.current();
  await core.device.stop();
  return key;
}

/** The category as the search indexer names it (renderer/core/search/search-indexer `categoryText`). */
function categoryText(code: string): string {
  const label = DEFAULT_CATEGORIES.find((category) => category.code === code)?.label.id ?? '';
  return `${label} ${code.replace(/-/g, ' ')}`;
}

type Written = Readonly<{
  complaint: ComplaintDoc;
  reporter: ReporterDoc | null;
  events: readonly EventDoc[];
}>;

/** `written` as the unit database holds it: the reporter sealed with the unit key (../../renderer/core/keys/reporter-vault). */
async function sealedDocuments(
  vault: ReporterVault,
  written: Written,
): Promise<PouchDB.Core.PutDocument<object>[]> {
  const { complaint, reporter, events } = written;
  const docs = documentsOf({ complaint, reporter: null, events });
  if (reporter)
    docs.splice(1, 0, withFirstRevision(await vault.seal(reporter)) as PouchDB.Core.PutDocument<object>);
  return docs;
}

/**
 * The rows the app's projector and search indexer make for `written` (their row builders:
 * `summariser`, `reduceComplaint`, `contentRow`), written as they write them, without their
 * reading and checking every document back from PouchDB one complaint at a time. Identity rows
 * are keyed hashes under the unit key (`hasher`: docs/decisions/023), as a device in daily use
 * holds them.
 */
async function indexRows(
  device: DeviceDatabase,
  index: SearchIndex,
  summarise: ReturnType<typeof summariser>,
  hasher: IdentityHasher,
  written: readonly Written[],
): Promise<void> {
  const rows: ComplaintIndexRow[] = [];
  const content: SearchContentRow[] = [];
  const identity: SearchIdentityRow[] = [];
  for (const { complaint, reporter, events } of written) {
    rows.push(summarise(complaint, events));
    const state = reduceComplaint(complaint, events);
    const confidential = state.privacyMode === 'confidential';
    content.push(
      contentRow({
        id: complaint._id,
        trackingNumber: complaint.trackingNumber,
        laporId: state.lapor?.laporId ?? '',
        confidential,
        title: state.current.title,
        chronology: state.current.chronology,
        location: state.current.location,
        category: categoryText(state.current.category),
        offices: [state.current.targetOffice, state.currentOffice ?? ''],
      }),
    );
    if (reporter && state.privacyMode !== 'anonymous') {
      const { name, phone, nik } = reporter;
      const row = await identityRow({ id: complaint._id, confidential, name, phone, nik }, hasher);
      if (row) identity.push(row);
    }
  }
  await index.write(content, identity, [], []);
  await device.complaintIndex.bulkPut(rows);
}

/** The app's measures of the intake save's steps and of its followers' batches, by name. */
function stepSummaries(): Record<string, Summary> {
  const byName = new Map<string, number[]>();
  for (const entry of performance.getEntriesByType('measure')) {
    if (!entry.name.startsWith('intake.save') && !entry.name.startsWith('follow:')) continue;
    const samples = byName.get(entry.name) ?? [];
    samples.push(entry.duration);
    byName.set(entry.name, samples);
  }
  return Object.fromEntries([...byName].map(([name, samples]) => [name, summarize(samples)]));
}

const api: AppPageApi = {
  populate: async ({ complaints }) => {
    const unitKey = await setUpDevice();
    const keyring = new UnitKeyring();
    keyring.install(unitKey, unitKey);
    const vault = new ReporterVault(keyring);
    const hasher = await vault.identityHasher();
    if (!hasher) throw new Error('the unit key made at setup did not unlock');
    // Written with the app's database factory, as a first sync stores them.
    const db = openUnitDatabase(BENCH_UNIT);
    const settings = await new ComplaintRepository(db).unitSettings();
    if (!settings) throw new Error('setup wrote no unit settings');
    const summarise = summariser(settings, calendarOf(settings), () => new Date());
    const device = new DeviceDatabase();
    const index = new SearchIndex(device);
    let documents = 0;
    let writeMs = 0;
    let indexMs = 0;
    for (let start = 0; start < complaints; start += FILL_CHUNK) {
      const written: Written[] = [];
      for (let at = start; at < Math.min(complaints, start + FILL_CHUNK); at += 1)
        written.push(appComplaint(at));
      const docs = (await Promise.all(written.map((one) => sealedDocuments(vault, one)))).flat();
      const writeStart = now();
      assertBulkWritten(await db.bulkDocs(docs, { new_edits: false }));
      const indexStart = now();
      await indexRows(device, index, summarise, hasher, written);
      writeMs += indexStart - writeStart;
      indexMs += now() - indexStart;
      documents += docs.length;
      const done = Math.min(complaints, start + FILL_CHUNK);
      if (done % 10_000 === 0 || done === complaints)
        pageLog(`app: stored and indexed ${done}/${complaints} complaints (${documents} documents)`);
    }
    // Both indexes are current up to the last write: the app catches up from here.
    const { update_seq: seq } = await db.info();
    await device.settings.bulkPut([
      { key: `${INDEX_CHECKPOINT_PREFIX}${BENCH_UNIT}`, value: seq },
      { key: SEARCH_VERSION_KEY, value: SEARCH_INDEX_VERSION },
      { key: searchCheckpointKey(BENCH_UNIT), value: seq },
      // Every reporter was written sealed: no pass over them for clear ones at the first sign-in.
      { key: `${REPORTERS_SEALED_PREFIX}${BENCH_UNIT}`, value: true },
      {
        key: searchIdentityKey(BENCH_UNIT),
        value: { keyVersion: hasher.version, pending: [], all: false } satisfies IdentityState,
      },
    ]);
    // As the app saves it a few seconds after its last write (later starts load it).
    await index.saveSnapshot();
    await db.close();

    // The app's start on it: the projector catches up (nothing to do) before start() resolves;
    // the search index loads its rows in the background, then saves its snapshot.
    const core = newCore();
    await core.device.prepareLanguage();
    const appStart = now();
    await core.device.start();
    const complaintIndexMs = now() - appStart;
    const searchIndexTotal = await searchReady(core, complaints);
    const searchIndexMs = now() - appStart;
    pageLog(`app: the app started on it; search index loaded in ${Math.round(searchIndexMs / 1000)} s`);
    const check = new DeviceDatabase();
    await waitFor(
      'the search snapshot',
      async () => (await check.searchSnapshot.get(SNAPSHOT_ID)) !== undefined,
      10 * 60_000,
    );
    const snapshotMs = now() - appStart;
    // Beranda's indicator records too (built by this start; their version is stored once built):
    // a later start that found them unfinished would build them again, beside the list.
    await waitFor(
      "Beranda's indicator records",
      async () => (await check.settings.get(INDICATOR_RECORDS_VERSION_KEY)) !== undefined,
      60 * 60_000,
    );
    const indicatorRecordsMs = now() - appStart;
    check.close();
    await core.device.stop();
    return {
      complaints,
      documents,
      writeMs: Math.round(writeMs),
      indexMs: Math.round(indexMs),
      complaintIndexMs: Math.round(complaintIndexMs),
      searchIndexMs: Math.round(searchIndexMs),
      searchIndexTotal,
      snapshotMs: Math.round(snapshotMs),
      indicatorRecordsMs: Math.round(indicatorRecordsMs),
    };
  },

  intakeWithPanel: async (options) => {
    const core = newCore();
    await core.device.prepareLanguage();
    await core.device.start();
    await signInIfAsked(core);
    if (core.store.getState().phase !== 'ready') throw new Error('the desk did not open');
    await searchReady(core, options.complaints);
    const rawDb = openUnitDatabase(BENCH_UNIT);
    const samples = {
      saveWithLookup: [] as number[],
      saveAfterLookup: [] as number[],
      lookup: [] as number[],
      rawPut: [] as number[],
    };
    let found = 0;
    const iterations = options.warmupSaves + options.saves;
    for (let iteration = 0; iteration < iterations; iteration += 1) {
      const counted = iteration >= options.warmupSaves;
      if (iteration === options.warmupSaves) performance.clearMeasures();
      // A caller reporting again: the earlier complaint's identity and words, so the panel finds it.
      const earlier = (iteration * 7919) % Math.max(1, options.complaints);
      const input = appIntakeInput(earlier);
      const probe = {
        nik: input.privacyMode === 'anonymous' ? '' : input.reporter.nik,
        phone: input.privacyMode === 'anonymous' ? '' : input.reporter.phone,
        category: input.category,
        location: input.location,
        title: input.title,
      };
      // The raw put's document: a complaint of device X7Q numbered after every stored one.
      const rawIndex = options.complaints + 1_000_000 + iteration;
      const { complaint } = buildIntakeDocuments(appIntakeInput(rawIndex), appIntakeContext(rawIndex));
      const { _rev: _ignored, ...putDoc } = complaint as PouchDB.Core.PutDocument<object>;
      const save = (): Promise<string> => {
        const receivedAt = new Date();
        return core.intake.save({
          input,
          files: [],
          receivedAt,
          localDate: localDateOf(receivedAt, TIME_ZONE),
        });
      };
      const kinds: (() => Promise<void>)[] = [
        async () => {
          // The officer saves while the panel is looking up what was just typed.
          const lookup = core.intake.possibleDuplicates(probe);
          const start = now();
          await save();
          const ms = now() - start;
          await lookup;
          if (counted) samples.saveWithLookup.push(ms);
        },
        async () => {
          const lookupStart = now();
          const candidates = await core.intake.possibleDuplicates(probe);
          const lookupMs = now() - lookupStart;
          const start = now();
          await save();
          const ms = now() - start;
          if (counted) {
            samples.lookup.push(lookupMs);
            samples.saveAfterLookup.push(ms);
            found += candidates.length;
          }
        },
        async () => {
          const start = now();
          await rawDb.put(putDoc);
          const ms = now() - start;
          if (counted) samples.rawPut.push(ms);
        },
      ];
      for (let step = 0; step < kinds.length; step += 1) await kinds[(iteration + step) % kinds.length]?.();
      if ((iteration + 1) % 100 === 0) pageLog(`app: intake ${iteration + 1}/${iterations}`);
    }
    const steps = stepSummaries();
    await rawDb.close();
    await core.device.stop();
    const saveWithLookup = summarize(samples.saveWithLookup);
    const saveAfterLookup = summarize(samples.saveAfterLookup);
    const rawPut = summarize(samples.rawPut);
    return {
      storedComplaints: options.complaints,
      saveWithLookup,
      saveAfterLookup,
      lookup: summarize(samples.lookup),
      lookupFoundMean: round(found / Math.max(1, samples.lookup.length)),
      rawPut,
      steps,
      ratios: {
        p95WithLookupVsRawPut: ratio(saveWithLookup.p95, rawPut.p95),
        p95AfterLookupVsRawPut: ratio(saveAfterLookup.p95, rawPut.p95),
        p50WithLookupVsRawPut: ratio(saveWithLookup.p50, rawPut.p50),
      },
    };
  },
};

(globalThis as typeof globalThis & { mejaAduanAppBench?: AppPageApi }).mejaAduanAppBench = api;
