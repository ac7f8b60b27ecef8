/**
 * First sync from the central (target in ./README.md: ≤ 60 s for 100k documents on loopback, and
 * not slower than a plain `PouchDB.replicate` with default options in the same run; batch sizes
 * tuned by measurement: docs/decisions/009-sync-state-machine.md).
 *
 * The test central (test/support/central-server: Apache CouchDB on loopback, or pouchdb-server in
 * memory as a fallback; the JSON's `central` names it), with the unit provisioned by the CLI's own
 * code, gets N documents of sample complaints (./sample-records), written as the server admin
 * through `_bulk_docs`. Then, into a fresh memory database each time, as the unit's user:
 *   - plainReplicate: one-shot `PouchDB.replicate(remote, local)` with default options (the
 *     baseline; PouchDB's default batch size is 100);
 *   - syncService@<size>: the app's SyncService (live two-way sync, the push side checking every
 *     pulled batch too), from `start()` until its status is 'up-to-date' with nothing pending and
 *     every document is here. The machine's batch size is set per variant; the app's default
 *     (DEFAULT_BATCH_SIZE) is flagged.
 * Unmeasured warm-up pairs (plain, then service; two by default) run first; then every variant
 * runs once per round, in an order rotated each round, and the median per variant is reported.
 *
 * Then the same download in Chromium (./chromium-page, ./browser/sync-page) into IndexedDB, as the
 * renderer does it: plain replicate vs the browser sync service at its default batch size, both
 * into databases opened by the app's factory (the Node memory databases above do not get the
 * app's database options; IndexedDB is where the 60 s target really applies).
 */
import { fileURLToPath } from 'node:url';
import { databaseUrl, unitSyncConfig, type SyncConfig } from '../shared/sync/sync-config';
import { DEFAULT_BATCH_SIZE } from '../shared/sync/sync-machine';
import type { SyncStatus } from '../shared/sync/sync-status';
import { SyncService } from '../renderer/core/sync/sync-service';
import {
  centralDeviceCredentials,
  setupCentralUnit,
  startCentralServer,
  TEST_ADMIN,
  type CentralServer,
} from '../test/support/central-server';
import type { BenchScale } from './bench-scale';
import type { SyncPageApi, SyncPageOptions } from './browser/sync-page';
import { ChromiumDidNotStart, chromiumUnavailable, withChromiumPage } from './chromium-page';
import { memoryDatabase, PouchDB, remoteDatabase, writeInChunks, type Db } from './node-pouchdb';
import { BENCH_UNIT, sampleDocuments } from './sample-records';
import { median, now, ratio, round } from './timing';

type Variant = Readonly<{ name: string; batchSize: number | null; appDefault: boolean }>;

export type SyncVariantFigures = Readonly<{
  name: string;
  /** null: PouchDB's default (100). */
  batchSize: number | null;
  appDefault: boolean;
  medianMs: number;
  runsMs: readonly number[];
  docsPerSecond: number;
  /** medianMs / plainReplicate's medianMs. */
  ratioToPlainReplicate: number | null;
  /** Error statuses the service showed on the way (it retries by itself). */
  errorsSeen: readonly string[];
}>;

export type ChromiumSyncFigures = Readonly<{
  adapter: string;
  rounds: number;
  plainReplicate: Readonly<{ medianMs: number; runsMs: readonly number[] }>;
  syncService: Readonly<{
    batchSize: number;
    medianMs: number;
    runsMs: readonly number[];
    errorsSeen: readonly string[];
  }>;
  /** syncService / plainReplicate (target ≤ 1). */
  ratio: number | null;
  /** syncService's median scaled linearly to 100,000 documents (a rough guide, not a measurement). */
  projectedMsFor100k: number;
}>;

export type SyncFirstDownloadFigures = Readonly<{
  /** The test central the documents were downloaded from (test/support/central-server). */
  central: Readonly<{ kind: CentralServer['kind']; description: string }>;
  adapter: string;
  documents: number;
  complaints: number;
  loadMs: number;
  rounds: number;
  /** The app's default SyncService vs plain replicate: the design target is ≤ 1.0. */
  headline: Readonly<{
    plainReplicateMs: number;
    syncServiceMs: number;
    syncServiceBatchSize: number;
    ratio: number | null;
    /** syncServiceMs scaled linearly to 100,000 documents (a rough guide, not a measurement). */
    projectedMsFor100k: number;
    targets: Readonly<{ ratioAtMost: number; msFor100kAtMost: number }>;
  }>;
  variants: readonly SyncVariantFigures[];
  /** The same first download in Chromium, into IndexedDB, as the renderer does it. */
  chromium: ChromiumSyncFigures | Readonly<{ skipped: string }>;
}>;

const LOAD_CHUNK = 1_000;
const SYNC_PAGE_ENTRY = fileURLToPath(new URL('./browser/sync-page.ts', import.meta.url));
/** Rounds in Chromium (at most; IndexedDB is slower than memory). */
const MAX_CHROMIUM_ROUNDS = 3;
const POLL_MS = 5;

async function docCount(db: Db): Promise<number> {
  return (await db.info()).doc_count;
}

/** One plain one-shot replication into a fresh memory database; returns its milliseconds. */
async function timePlainReplicate(config: SyncConfig, expectedDocs: number): Promise<number> {
  const local = memoryDatabase('plain');
  const remote = remoteDatabase(databaseUrl(config), config.username, config.password);
  try {
    const start = now();
    await PouchDB.replicate(remote, local);
    const ms = now() - start;
    const count = await docCount(local);
    if (count !== expectedDocs)
      throw new Error(`plain replicate: ${count} of ${expectedDocs} documents arrived`);
    return ms;
  } finally {
    await local.destroy();
    await remote.close();
  }
}

/** The app's SyncService into a fresh memory database, until up to date with every document here. */
async function timeSyncService(
  config: SyncConfig,
  batchSize: number,
  expectedDocs: number,
  errorsSeen: string[],
): Promise<number> {
  const local = memoryDatabase(`service-${batchSize}`);
  const service = new SyncService<Db>({
    PouchDB,
    localDb: local,
    fetch: (input, init) => fetch(input, init),
    machine: { batchSize },
  });
  service.subscribe((status: SyncStatus) => {
    if (status.state === 'error') errorsSeen.push(`${status.error.reason}: ${status.error.message ?? ''}`);
  });
  const timeoutMs = Math.max(120_000, expectedDocs * 5);
  try {
    const start = now();
    await service.start(config);
    for (;;) {
      const status = service.status();
      if (
        status.state === 'up-to-date' &&
        status.pendingLocalChanges === 0 &&
        (await docCount(local)) === expectedDocs
      ) {
        return now() - start;
      }
      if (now() - start > timeoutMs) {
        throw new Error(
          `SyncService@${batchSize} not up to date after ${timeoutMs} ms: ${JSON.stringify(status)}, ` +
            `${await docCount(local)} of ${expectedDocs} documents`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await service.dispose();
    await local.destroy();
  }
}

function variantsOf(batchSizes: readonly number[]): Variant[] {
  const sizes = batchSizes.includes(DEFAULT_BATCH_SIZE) ? batchSizes : [...batchSizes, DEFAULT_BATCH_SIZE];
  return [
    { name: 'plainReplicate', batchSize: null, appDefault: false },
    ...sizes.map((size) => ({
      name: `syncService@${size}`,
      batchSize: size,
      appDefault: size === DEFAULT_BATCH_SIZE,
    })),
  ];
}

/** Plain replicate and the app's sync service in Chromium, alternating, `rounds` times each. */
async function benchChromiumSync(
  scale: BenchScale,
  central: CentralServer,
  config: SyncConfig,
  expectedDocs: number,
  log: (message: string) => void,
): Promise<ChromiumSyncFigures | Readonly<{ skipped: string }>> {
  const unavailable = chromiumUnavailable(scale.chromium);
  if (unavailable) return { skipped: unavailable };
  const rounds = Math.min(scale.syncRounds, MAX_CHROMIUM_ROUNDS);
  const runs = { plainReplicate: [] as number[], syncService: [] as number[] };
  const errorsSeen: string[] = [];
  try {
    await withChromiumPage(SYNC_PAGE_ENTRY, 'mejaAduanSyncBench', 'chromium', log, async (page) => {
      // CouchDB answers the page only from an origin it allows (CORS); the page's port varies.
      await central.allowOrigins([new URL(page.url()).origin]);
      const run = async (variant: SyncPageOptions['variant']): Promise<number> => {
        const options: SyncPageOptions = {
          variant,
          config,
          expectedDocs,
          timeoutMs: Math.max(180_000, expectedDocs * 20),
        };
        const result = await page.evaluate(
          (pageOptions) =>
            (globalThis as typeof globalThis & { mejaAduanSyncBench: SyncPageApi }).mejaAduanSyncBench.run(
              pageOptions,
            ),
          options,
        );
        errorsSeen.push(...result.errorsSeen);
        return result.ms;
      };
      for (let round = 0; round < rounds; round += 1) {
        const order: SyncPageOptions['variant'][] =
          round % 2 === 0 ? ['plainReplicate', 'syncService'] : ['syncService', 'plainReplicate'];
        for (const variant of order) {
          const ms = await run(variant);
          runs[variant].push(ms);
          log(`sync: chromium round ${round + 1}/${rounds} ${variant}: ${Math.round(ms)} ms`);
        }
      }
    });
  } catch (error) {
    if (error instanceof ChromiumDidNotStart) return { skipped: error.message };
    throw error;
  }
  const plainMs = median(runs.plainReplicate);
  const serviceMs = median(runs.syncService);
  return {
    adapter:
      'Chromium: pouchdb-browser over IndexedDB (profile on disk), app database factory and browser sync service',
    rounds,
    plainReplicate: { medianMs: round(plainMs, 1), runsMs: runs.plainReplicate.map((ms) => round(ms, 1)) },
    syncService: {
      batchSize: DEFAULT_BATCH_SIZE,
      medianMs: round(serviceMs, 1),
      runsMs: runs.syncService.map((ms) => round(ms, 1)),
      errorsSeen,
    },
    ratio: ratio(serviceMs, plainMs),
    projectedMsFor100k: Math.round((serviceMs * 100_000) / expectedDocs),
  };
}

export async function benchSyncFirstDownload(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<SyncFirstDownloadFigures> {
  log(`sync: building ${scale.syncDocs} documents`);
  const docs = sampleDocuments(scale.syncDocs);
  const complaints = docs.filter((doc) => (doc as { type?: unknown }).type === 'complaint').length;
  const central = await startCentralServer();
  log(`sync: central server ${central.description}`);
  try {
    await setupCentralUnit(central, BENCH_UNIT);
    // The downloading device's own account (docs/central.md, "Device accounts").
    const device = await centralDeviceCredentials(central, BENCH_UNIT, 'B3N');
    const config = unitSyncConfig(central.url, BENCH_UNIT, 'B3N', device.password);
    const admin = remoteDatabase(databaseUrl(config), TEST_ADMIN.name, TEST_ADMIN.password);
    const loadStart = now();
    let reported = 0;
    await writeInChunks(admin, docs, LOAD_CHUNK, (written) => {
      if (written - reported >= 10_000 || written === docs.length) {
        reported = written;
        log(`sync: loaded ${written}/${docs.length} documents into the central`);
      }
    });
    const loadMs = now() - loadStart;
    // The records and the central's design document.
    const expectedDocs = await docCount(admin);
    await admin.close();

    // Both code paths once, on both sides of the wire (JIT, the server's caches).
    for (let warmup = 0; warmup < scale.syncWarmups; warmup += 1) {
      const plainMs = await timePlainReplicate(config, expectedDocs);
      const serviceMs = await timeSyncService(config, DEFAULT_BATCH_SIZE, expectedDocs, []);
      log(
        `sync: warm-up ${warmup + 1}/${scale.syncWarmups} (not counted): plain ${Math.round(plainMs)} ms, service ${Math.round(serviceMs)} ms`,
      );
    }

    const variants = variantsOf(scale.batchSizes);
    const runs = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
    const errors = new Map<string, string[]>(variants.map((variant) => [variant.name, []]));
    for (let round = 0; round < scale.syncRounds; round += 1) {
      const order = variants.map((_, index) => variants[(index + round) % variants.length] as Variant);
      for (const variant of order) {
        const ms =
          variant.batchSize === null
            ? await timePlainReplicate(config, expectedDocs)
            : await timeSyncService(config, variant.batchSize, expectedDocs, errors.get(variant.name) ?? []);
        runs.get(variant.name)?.push(ms);
        log(`sync: round ${round + 1}/${scale.syncRounds} ${variant.name}: ${Math.round(ms)} ms`);
      }
    }

    const plainMs = median(runs.get('plainReplicate') ?? []);
    const figures: SyncVariantFigures[] = variants.map((variant) => {
      const variantRuns = runs.get(variant.name) ?? [];
      const medianMs = median(variantRuns);
      return {
        name: variant.name,
        batchSize: variant.batchSize,
        appDefault: variant.appDefault,
        medianMs: round(medianMs, 1),
        runsMs: variantRuns.map((ms) => round(ms, 1)),
        docsPerSecond: Math.round((expectedDocs * 1000) / medianMs),
        ratioToPlainReplicate: ratio(medianMs, plainMs),
        errorsSeen: errors.get(variant.name) ?? [],
      };
    });
    const chromiumFigures = await benchChromiumSync(scale, central, config, expectedDocs, log);
    const appDefault = figures.find((figure) => figure.appDefault);
    const serviceMs = appDefault?.medianMs ?? Number.NaN;
    return {
      central: { kind: central.kind, description: central.description },
      adapter: `Node: pouchdb-core + memory adapter (local), http adapter to ${
        central.kind === 'couchdb' ? 'Apache CouchDB' : 'pouchdb-server (in memory)'
      } on loopback`,
      documents: expectedDocs,
      complaints,
      loadMs: round(loadMs, 1),
      rounds: scale.syncRounds,
      headline: {
        plainReplicateMs: round(plainMs, 1),
        syncServiceMs: serviceMs,
        syncServiceBatchSize: DEFAULT_BATCH_SIZE,
        ratio: ratio(serviceMs, plainMs),
        projectedMsFor100k: Math.round((serviceMs * 100_000) / expectedDocs),
        targets: { ratioAtMost: 1, msFor100kAtMost: 60_000 },
      },
      variants: figures,
      chromium: chromiumFigures,
    };
  } finally {
    await central.stop();
  }
}
