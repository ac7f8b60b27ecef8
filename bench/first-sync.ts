/**
 * A new device's first sync in Chromium against Apache CouchDB 3.5 on loopback (`BENCH_ONLY=first-sync`;
 * ./README.md), with the storage and protocol limits measured in the same run:
 *
 *   - the central (test/support/central-server, the unit set up by the CLI's code) gets the app's
 *     real documents: sample complaints (./sample-records: intakes by `buildIntakeDocuments`, later
 *     actions by `decideAction`, ~5.8 events each, one in five anonymous) with their reporter
 *     documents sealed with the tests' unit key, as the central's validator requires; whole
 *     complaints until N documents (default 20,000, about 2,600 complaints; `BENCH_FIRST_SYNC_DOCS`;
 *     at `BENCH_SCALE=design` 100,000 complaints, ~760,000 documents: long);
 *   - in one Chromium page (./browser/first-sync-page), each variant into a fresh database, rounds
 *     in rotated order, medians reported: the protocol alone into memory, raw IndexedDB puts of the
 *     same JSON (relaxed and strict), PouchDB `bulkDocs(new_edits: false)` into the app's database,
 *     plain `PouchDB.replicate` (defaults, and tuned batch sizes), the app's former two-way live
 *     replication, the pipelined download (renderer/core/sync/initial-download) and the app's sync
 *     service as it is now.
 *
 * Figures are documents per second and ratios to plain replicate and to raw IndexedDB.
 */
import { fileURLToPath } from 'node:url';
import { databaseUrl, unitSyncConfig, type SyncConfig } from '../shared/sync/sync-config';
import { DEFAULT_BATCH_SIZE } from '../shared/sync/sync-machine';
import { testVault } from '../renderer/core/keys/test-unit-key.fixtures';
import {
  centralDeviceCredentials,
  setupCentralUnit,
  startCentralServer,
  TEST_ADMIN,
  type CentralServer,
} from '../test/support/central-server';
import type { BenchScale } from './bench-scale';
import type { FirstSyncPageApi, FirstSyncPageOptions, FirstSyncVariant } from './browser/first-sync-page';
import { ChromiumDidNotStart, chromiumUnavailable, withChromiumPage } from './chromium-page';
import { remoteDatabase, writeInChunks } from './node-pouchdb';
import { BENCH_UNIT, sampleComplaint } from './sample-records';
import { median, now, ratio, round } from './timing';

const PAGE_ENTRY = fileURLToPath(new URL('./browser/first-sync-page.ts', import.meta.url));
const LOAD_CHUNK = 1_000;

type Variant = Readonly<{
  name: string;
  variant: FirstSyncVariant;
  batchSize?: number;
  batchesLimit?: number;
}>;

/** The variants, in the order of the first round (the protocol first: the raw ones write its documents). */
const VARIANTS: readonly Variant[] = [
  { name: 'protocolIntoMemory@500', variant: 'protocol', batchSize: 500 },
  { name: 'rawIdbRelaxed@500', variant: 'rawIdb', batchSize: 500 },
  { name: 'rawIdbStrict@500', variant: 'rawIdbStrict', batchSize: 500 },
  { name: 'bulkDocs@500', variant: 'bulkDocs', batchSize: 500 },
  { name: 'plainReplicate', variant: 'replicate' },
  { name: 'replicate@500', variant: 'replicate', batchSize: 500 },
  { name: 'replicate@1000', variant: 'replicate', batchSize: 1_000 },
  { name: `twoWayLive@${DEFAULT_BATCH_SIZE} (the app before)`, variant: 'twoWay' },
  { name: 'pipelined@250', variant: 'pipelined', batchSize: 250 },
  { name: 'pipelined@500', variant: 'pipelined', batchSize: 500 },
  { name: 'pipelined@1000', variant: 'pipelined', batchSize: 1_000 },
  { name: 'appSyncService (now)', variant: 'appSync' },
];

export type FirstSyncVariantFigures = Readonly<{
  name: string;
  medianMs: number;
  runsMs: readonly number[];
  docsPerSecond: number;
  ratioToPlainReplicate: number | null;
  ratioToRawIdbRelaxed: number | null;
}>;

export type FirstSyncFigures = Readonly<{
  central: Readonly<{ kind: CentralServer['kind']; description: string }>;
  documents: number;
  complaints: number;
  loadMs: number;
  rounds: number;
  variants: readonly FirstSyncVariantFigures[];
}>;

/** Whole sample complaints, reporters sealed with the tests' unit key, until `count` documents. */
async function sealedDocuments(count: number): Promise<{ docs: object[]; complaints: number }> {
  const vault = await testVault();
  const docs: object[] = [];
  let complaints = 0;
  for (let index = 0; docs.length < count; index += 1) {
    const { complaint, reporter, events } = sampleComplaint(index);
    docs.push(complaint, ...(reporter ? [await vault.seal(reporter)] : []), ...events);
    complaints += 1;
  }
  return { docs, complaints };
}

async function measure(
  central: CentralServer,
  config: SyncConfig,
  expectedDocs: number,
  rounds: number,
  log: (message: string) => void,
): Promise<Map<string, number[]>> {
  const runs = new Map<string, number[]>(VARIANTS.map((variant) => [variant.name, []]));
  await withChromiumPage(PAGE_ENTRY, 'mejaAduanFirstSyncBench', 'first-sync', log, async (page) => {
    await central.allowOrigins([new URL(page.url()).origin]);
    const run = (variant: Variant): Promise<{ ms: number; docs: number }> => {
      const options: FirstSyncPageOptions = {
        variant: variant.variant,
        config,
        expectedDocs,
        timeoutMs: Math.max(300_000, expectedDocs * 20),
        ...(variant.batchSize === undefined ? {} : { batchSize: variant.batchSize }),
        ...(variant.batchesLimit === undefined ? {} : { batchesLimit: variant.batchesLimit }),
      };
      return page.evaluate(
        (pageOptions) =>
          (
            globalThis as typeof globalThis & { mejaAduanFirstSyncBench: FirstSyncPageApi }
          ).mejaAduanFirstSyncBench.run(pageOptions),
        options,
      );
    };
    // Unmeasured: one protocol pass (the documents the raw baselines write) and one plain replicate.
    const warm = VARIANTS[0] as Variant;
    const fetched = await run(warm);
    log(`first-sync: warm-up protocol pass, ${fetched.docs} documents (not counted)`);
    await run({ name: 'warm-up', variant: 'replicate' });
    log('first-sync: warm-up replicate (not counted)');
    const rest = VARIANTS.slice(1);
    for (let round = 0; round < rounds; round += 1) {
      const order = [warm, ...rest.map((_, index) => rest[(index + round * 3) % rest.length] as Variant)];
      for (const variant of order) {
        const { ms } = await run(variant);
        runs.get(variant.name)?.push(ms);
        log(
          `first-sync: round ${round + 1}/${rounds} ${variant.name}: ${Math.round(ms)} ms ` +
            `(${Math.round((expectedDocs * 1000) / ms)} docs/s)`,
        );
      }
    }
  });
  return runs;
}

export async function benchFirstSync(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<FirstSyncFigures | Readonly<{ skipped: string }>> {
  const unavailable = chromiumUnavailable(scale.chromium);
  if (unavailable) return { skipped: unavailable };
  log(`first-sync: building ${scale.firstSyncDocs} documents`);
  const { docs, complaints } = await sealedDocuments(scale.firstSyncDocs);
  const central = await startCentralServer();
  log(`first-sync: central server ${central.description}`);
  try {
    await setupCentralUnit(central, BENCH_UNIT);
    const device = await centralDeviceCredentials(central, BENCH_UNIT, 'B3N');
    const config = unitSyncConfig(central.url, BENCH_UNIT, 'B3N', device.password);
    const admin = remoteDatabase(databaseUrl(config), TEST_ADMIN.name, TEST_ADMIN.password);
    const loadStart = now();
    let reported = 0;
    await writeInChunks(admin, docs, LOAD_CHUNK, (written) => {
      if (written - reported >= 10_000 || written === docs.length) {
        reported = written;
        log(`first-sync: loaded ${written}/${docs.length} documents into the central`);
      }
    });
    const loadMs = now() - loadStart;
    // The records and the central's design document.
    const expectedDocs = (await admin.info()).doc_count;
    await admin.close();
    const runs = await measure(central, config, expectedDocs, scale.firstSyncRounds, log);
    const plainMs = median(runs.get('plainReplicate') ?? []);
    const rawMs = median(runs.get('rawIdbRelaxed@500') ?? []);
    return {
      central: { kind: central.kind, description: central.description },
      documents: expectedDocs,
      complaints,
      loadMs: round(loadMs, 1),
      rounds: scale.firstSyncRounds,
      variants: VARIANTS.map((variant) => {
        const variantRuns = runs.get(variant.name) ?? [];
        const medianMs = median(variantRuns);
        return {
          name: variant.name,
          medianMs: round(medianMs, 1),
          runsMs: variantRuns.map((ms) => round(ms, 1)),
          docsPerSecond: Math.round((expectedDocs * 1000) / medianMs),
          ratioToPlainReplicate: ratio(medianMs, plainMs),
          ratioToRawIdbRelaxed: ratio(medianMs, rawMs),
        };
      }),
    };
  } catch (error) {
    if (error instanceof ChromiumDidNotStart) return { skipped: error.message };
    throw error;
  } finally {
    await central.stop();
  }
}

/** The summary lines on stderr. */
export function firstSyncSummaryLines(figures: FirstSyncFigures): string[] {
  return [
    `first sync in Chromium, ${figures.documents} documents (${figures.complaints} complaints), ` +
      `${figures.central.kind}, median of ${figures.rounds}:`,
    ...figures.variants.map(
      (variant) =>
        `  ${variant.name}: ${variant.medianMs} ms, ${variant.docsPerSecond} docs/s, ` +
        `${variant.ratioToPlainReplicate ?? '–'}× plain replicate, ${variant.ratioToRawIdbRelaxed ?? '–'}× raw IndexedDB`,
    ),
  ];
}
