/**
 * `npm run bench` (./README.md; docs/decisions/011-real-server-in-tests.md): runs the measurements
 * one after another and prints one JSON document on stdout, with a short summary on stderr
 * (progress goes to stderr too). Every figure comes with the raw baseline measured in the same run
 * and the ratio to it. Timing never fails the run: the exit code is 0 unless a measurement crashed
 * (its entry then holds `{ "error": … }` and the others still run). Scale: ./bench-scale
 * (`BENCH_SCALE=design` for the targets' 100k).
 */
import { cpus, totalmem } from 'node:os';
import { benchApp, type AppFigures } from './app';
import { benchScaleFrom, type BenchPart, type BenchScale } from './bench-scale';
import { benchCentralBudget, centralBudgetSummaryLines } from './central-budget';
import { benchDashboard, dashboardSummaryLines } from './dashboard';
import { benchFirstSync, firstSyncSummaryLines, type FirstSyncFigures } from './first-sync';
import { benchIntakeSave, type IntakeSaveFigures } from './intake-save';
import { benchPacketBuild, type PacketBuildFigures } from './packet-build';
import { benchReducer, type ReducerFigures } from './reducer';
import { benchSearch, type SearchFigures } from './search';
import { benchSyncFirstDownload, type SyncFirstDownloadFigures } from './sync-first-download';
import { now } from './timing';

type Failure = Readonly<{ error: string }>;
type Outcome<T> = T | Failure | Readonly<{ skipped: string }>;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function isFigures<T extends object>(outcome: Outcome<T> | undefined): outcome is T {
  return outcome !== undefined && !('error' in outcome) && !('skipped' in outcome);
}

async function attempt<T extends object>(
  part: BenchPart,
  scale: BenchScale,
  work: () => Promise<T>,
): Promise<Outcome<T>> {
  if (!scale.parts.includes(part)) return { skipped: 'not in BENCH_ONLY' };
  const start = now();
  try {
    const figures = await work();
    log(`${part}: done in ${Math.round((now() - start) / 1000)} s`);
    return figures;
  } catch (error) {
    log(`${part}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function appSummaryLines(app: AppFigures): string[] {
  const { coldStart, typing, heapMB, intakeWithPanel: intake } = app;
  const dashboard =
    'ms' in app.dashboard ? `${app.dashboard.ms} ms` : `not done in ${app.dashboard.timedOutAfterMs} ms`;
  return [
    `app, ${app.complaints} complaints: cold start to an interactive list p50 ${coldStart.fromLaunch.p50} ms, ` +
      `p95 ${coldStart.fromLaunch.p95} ms from launching Chromium (target ≤ 1500); from the navigation ` +
      `p50 ${coldStart.fromNavigation.p50} ms, p95 ${coldStart.fromNavigation.p95} ms`,
    `  typing to the first result p50 ${typing.toFirstResult.p50} ms, p95 ${typing.toFirstResult.p95} ms ` +
      `(${typing.toFirstResult.n} queries, the list's 150 ms typing delay included); dashboard ${dashboard}`,
    `  heap ${heapMB.afterStart} MB after the start, ${heapMB.afterSearches} MB after the searches, ` +
      `${heapMB.afterDashboard} MB after the dashboard (target ≤ 250)`,
    `  intake save with the duplicate panel's look-up p95 ${intake.saveWithLookup.p95} ms vs raw put ` +
      `${intake.rawPut.p95} ms = ${intake.ratios.p95WithLookupVsRawPut}× (target ≤ 1.5); after the look-up ` +
      `${intake.saveAfterLookup.p95} ms = ${intake.ratios.p95AfterLookupVsRawPut}×; look-up p95 ${intake.lookup.p95} ms`,
  ];
}

function summaryLines(
  sync: Outcome<SyncFirstDownloadFigures>,
  intake: Outcome<IntakeSaveFigures>,
  reducer: Outcome<ReducerFigures>,
  packet: Outcome<PacketBuildFigures>,
  search: Outcome<SearchFigures>,
  app: Outcome<AppFigures>,
): string[] {
  const lines: string[] = [];
  if (isFigures(sync)) {
    const { headline } = sync;
    lines.push(
      `first sync, ${sync.documents} docs, Node memory: SyncService@${headline.syncServiceBatchSize} ${headline.syncServiceMs} ms ` +
        `vs plain replicate ${headline.plainReplicateMs} ms = ${headline.ratio}× (target ≤ 1); ` +
        `~${Math.round(headline.projectedMsFor100k / 1000)} s per 100k (target ≤ 60 s)`,
      `  batch sizes: ${sync.variants.map((variant) => `${variant.name} ${variant.ratioToPlainReplicate}×`).join(', ')}`,
    );
    const { chromium } = sync;
    lines.push(
      'skipped' in chromium
        ? `first sync, Chromium: skipped (${chromium.skipped})`
        : `first sync, ${sync.documents} docs, Chromium IndexedDB: SyncService ${chromium.syncService.medianMs} ms ` +
            `vs plain replicate ${chromium.plainReplicate.medianMs} ms = ${chromium.ratio}× (target ≤ 1); ` +
            `~${Math.round(chromium.projectedMsFor100k / 1000)} s per 100k (target ≤ 60 s)`,
    );
  }
  if (isFigures(intake)) {
    const { memory } = intake;
    lines.push(
      `intake save, ${memory.storedComplaints} stored, memory adapter: p95 ${memory.saveIntake.p95} ms vs raw put ` +
        `${memory.rawPut.p95} ms = ${memory.ratios.p95VsRawPut}× (target ≤ 1.5 in Chromium)`,
    );
    const { chromium } = intake;
    lines.push(
      'skipped' in chromium
        ? `intake save, Chromium: skipped (${chromium.skipped})`
        : `intake save, ${chromium.storedComplaints} stored, Chromium IndexedDB: p95 ${chromium.saveIntake.p95} ms ` +
            `vs raw put ${chromium.rawPut.p95} ms = ${chromium.ratios.p95VsRawPut}× (target ≤ 1.5)`,
    );
  }
  if (isFigures(reducer)) {
    lines.push(
      `reducer, ${reducer.complaints} complaints × ${reducer.eventsPerComplaint} events: ` +
        `${reducer.reduceComplaint.medianMs} ms = ${reducer.reduceComplaint.ratioToJsonParse}× JSON.parse ` +
        `(${reducer.jsonParse.medianMs} ms); computeIndicators ${reducer.computeIndicators.medianMs} ms = ` +
        `${reducer.computeIndicators.ratioToJsonParse}× JSON.parse`,
    );
  }
  if (isFigures(packet)) {
    lines.push(
      `packet, ${packet.complaints} complaints (${packet.receivedInPeriod} in the period): ` +
        `${packet.packet.medianMs} ms (indicators ${packet.packet.indicatorsMedianMs} ms) = ` +
        `${packet.ratioToRawZip}× zipping the same records as NDJSON (${packet.rawZip.medianMs} ms); ` +
        `~${Math.round(packet.projectedMsFor10k / 100) / 10} s per 10k (target ≤ 10 s)`,
    );
  }
  if (isFigures(search)) {
    const heap = `heap ${search.heapMB.afterBuild} MB after the build, ${search.heapMB.afterLoad} MB after loading, ${search.heapMB.afterSearches} MB after 50 searches (target ≤ 250)`;
    lines.push(
      `search, ${search.complaints} complaints, ${search.runtime.split(' ')[0] ?? ''}: p95 ${search.search.p95} ms ` +
        `(p50 ${search.search.p50}) vs naive scan p95 ${search.naiveScan.p95} ms = ${search.ratioP95ToNaive}× ` +
        `(target ≤ 30 ms); build ${Math.round(search.buildMs / 1000)} s (~${Math.round(search.projectedBuildMsFor100k / 1000)} s per 100k); load at start ${search.load.loadRowsMs} ms from the rows, ${search.load.loadSnapshotMs} ms from the snapshot (saved in ${search.load.snapshotSaveMs} ms), first query ${search.load.firstQueryMs} ms; ${heap}`,
    );
  }
  if (isFigures(app)) lines.push(...appSummaryLines(app));
  for (const [part, outcome] of [
    ['sync', sync],
    ['intake', intake],
    ['reducer', reducer],
    ['packet', packet],
    ['search', search],
    ['app', app],
  ] as const) {
    if ('error' in outcome) lines.push(`${part}: FAILED (${outcome.error})`);
    if ('skipped' in outcome) lines.push(`${part}: skipped (${outcome.skipped})`);
  }
  return lines;
}

async function main(): Promise<number> {
  const scale = benchScaleFrom();
  const startedAt = new Date();
  const start = now();
  log(`scale ${JSON.stringify(scale)}`);
  const sync = await attempt('sync', scale, () => benchSyncFirstDownload(scale, log));
  const intake = await attempt('intake', scale, () => benchIntakeSave(scale, log));
  const reducer = await attempt('reducer', scale, () => Promise.resolve(benchReducer(scale, log)));
  const packet = await attempt('packet', scale, () => benchPacketBuild(scale, log));
  const search = await attempt('search', scale, () => benchSearch(scale, log));
  // Without Chromium the part says skipped (its own note, like the other parts' Chromium entries).
  const app: Outcome<AppFigures> = await attempt('app', scale, () => benchApp(scale, log));
  const dashboard = await attempt('dashboard', scale, () => benchDashboard(scale, log));
  const firstSync: Outcome<FirstSyncFigures> = await attempt('first-sync', scale, () =>
    benchFirstSync(scale, log),
  );
  const budget = await attempt('budget', scale, () => benchCentralBudget(scale, log));
  const cpuList = cpus();
  const report = {
    benchmark: 'meja-aduan',
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((now() - start) / 1000),
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    },
    scale,
    syncFirstDownload: sync,
    intakeSave: intake,
    reducer,
    packetBuild: packet,
    search,
    app,
    dashboard,
    firstSync,
    budget,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(`\n${summaryLines(sync, intake, reducer, packet, search, app).join('\n')}\n`);
  if (scale.parts.includes('dashboard'))
    process.stderr.write(`${dashboardSummaryLines(dashboard).join('\n')}\n`);
  if (scale.parts.includes('first-sync')) {
    const lines = isFigures(firstSync)
      ? firstSyncSummaryLines(firstSync)
      : [
          `first-sync: ${'error' in firstSync ? `FAILED (${firstSync.error})` : `skipped (${firstSync.skipped})`}`,
        ];
    process.stderr.write(`${lines.join('\n')}\n`);
  }
  if (scale.parts.includes('budget')) {
    const lines = isFigures(budget)
      ? centralBudgetSummaryLines(budget)
      : [`budget: ${'error' in budget ? `FAILED (${budget.error})` : `skipped (${budget.skipped})`}`];
    process.stderr.write(`${lines.join('\n')}\n`);
  }
  const crashed = [sync, intake, reducer, packet, search, app, dashboard, firstSync, budget].some(
    (outcome) => 'error' in outcome,
  );
  return crashed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a malformed BENCH_* variable gets here: the measurements catch their own failures.
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
