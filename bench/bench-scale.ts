/**
 * How big the benchmark runs, from the environment. The default fits in a few minutes on two
 * cores; `BENCH_SCALE=design` is the scale of the targets in ./README.md (100,000 documents and
 * complaints).
 * Any figure can be set on its own (it wins over BENCH_SCALE):
 *
 *   BENCH_SYNC_DOCS          documents on the central for the first sync        (5,000 | 100,000)
 *   BENCH_SYNC_ROUNDS        rounds of every sync variant, median reported      (5 | 1)
 *   BENCH_BATCH_SIZES        SyncService batch sizes to compare                 (100,250,500,1000)
 *   BENCH_COMPLAINTS         complaints stored before the intake saves          (10,000 | 100,000)
 *   BENCH_SAVES              measured intake saves (and as many raw puts)       (500)
 *   BENCH_REDUCER_COMPLAINTS complaints reduced (with ~6 events each)           (10,000 | 100,000)
 *   BENCH_PACKET_COMPLAINTS  complaints in the submission packet                (10,000 | 10,000)
 *   BENCH_SEARCH_COMPLAINTS  complaints in the search index                     (10,000 | 100,000)
 *   BENCH_APP_COMPLAINTS     complaints on the device for the whole-app part    (10,000 | 100,000)
 *   BENCH_DASHBOARD_COMPLAINTS complaints in Beranda's indicator records          (10,000 | 100,000)
 *   BENCH_FIRST_SYNC_DOCS    documents on the central for the Chromium first sync (20,000 | 760,000:
 *                            ~100,000 complaints with their reporters and events)
 *   BENCH_FIRST_SYNC_ROUNDS  rounds of every first-sync variant, median reported (2 | 1)
 *   BENCH_CHROMIUM           0 to skip the Chromium IndexedDB intake variant    (1)
 *   BENCH_BUDGET_COMPLAINTS  complaints on the central for the budget part     (10,000 | 100,000)
 *   BENCH_BUDGET_ROUNDS      rounds of each budget search and its baseline      (3)
 *   BENCH_ONLY               a comma-separated subset of sync,intake,reducer,packet,search,app,dashboard,
 *                            first-sync,budget (all)
 */

export type BenchPart =
  'sync' | 'intake' | 'reducer' | 'packet' | 'search' | 'app' | 'dashboard' | 'first-sync' | 'budget';
const PARTS: readonly BenchPart[] = [
  'sync',
  'intake',
  'reducer',
  'packet',
  'search',
  'app',
  'dashboard',
  'first-sync',
  'budget',
];

export type BenchScale = Readonly<{
  name: 'default' | 'design';
  syncDocs: number;
  syncRounds: number;
  /** Unmeasured (plain, service) download pairs before the rounds. */
  syncWarmups: number;
  batchSizes: readonly number[];
  storedComplaints: number;
  saves: number;
  /** Unmeasured saves before the measured ones (JIT, caches). */
  warmupSaves: number;
  reducerComplaints: number;
  reducerRounds: number;
  /** Complaints in the packet (./README.md states its target for 10,000 at either scale). */
  packetComplaints: number;
  packetRounds: number;
  /** Complaints in the search index (./search.ts). */
  searchComplaints: number;
  /** Complaints on the device for the whole-app part (./app.ts), with their events and reporters. */
  appComplaints: number;
  /** Complaints in Beranda's indicator records (./dashboard.ts), with their events. */
  dashboardComplaints: number;
  /** Documents on the central for the Chromium first sync (./first-sync.ts): whole complaints. */
  firstSyncDocs: number;
  firstSyncRounds: number;
  /** Complaints on the central for the budget part (./central-budget.ts): whole complaints. */
  budgetComplaints: number;
  /** Rounds of each budget search and of its baseline, median reported. */
  budgetRounds: number;
  chromium: boolean;
  parts: readonly BenchPart[];
}>;

const DEFAULT_SCALE: BenchScale = {
  name: 'default',
  syncDocs: 5_000,
  syncRounds: 5,
  syncWarmups: 2,
  batchSizes: [100, 250, 500, 1_000],
  storedComplaints: 10_000,
  saves: 500,
  warmupSaves: 50,
  reducerComplaints: 10_000,
  reducerRounds: 5,
  packetComplaints: 10_000,
  packetRounds: 3,
  searchComplaints: 10_000,
  appComplaints: 10_000,
  dashboardComplaints: 10_000,
  firstSyncDocs: 20_000,
  firstSyncRounds: 2,
  budgetComplaints: 10_000,
  budgetRounds: 3,
  chromium: true,
  parts: PARTS,
};

const DESIGN_SCALE: BenchScale = {
  ...DEFAULT_SCALE,
  name: 'design',
  syncDocs: 100_000,
  syncRounds: 1,
  syncWarmups: 1,
  storedComplaints: 100_000,
  reducerComplaints: 100_000,
  reducerRounds: 3,
  searchComplaints: 100_000,
  appComplaints: 100_000,
  dashboardComplaints: 100_000,
  // ~100,000 complaints: each ~7.6 documents (its reporter but for one in five, ~5.8 events).
  firstSyncDocs: 760_000,
  firstSyncRounds: 1,
  budgetComplaints: 100_000,
};

function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, not ${text}`);
  return value;
}

function integerList(env: NodeJS.ProcessEnv, name: string): number[] | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new RangeError(`${name} must be comma-separated positive integers, not ${text}`);
  }
  return values;
}

function partList(env: NodeJS.ProcessEnv): BenchPart[] | undefined {
  const text = env.BENCH_ONLY?.trim();
  if (!text) return undefined;
  const parts = text.split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !PARTS.includes(part as BenchPart));
  if (unknown.length > 0)
    throw new RangeError(`BENCH_ONLY: unknown ${unknown.join(', ')} (known: ${PARTS.join(', ')})`);
  return parts as BenchPart[];
}

/** The scale the environment asks for (throws a RangeError naming a malformed variable). */
export function benchScaleFrom(env: NodeJS.ProcessEnv = process.env): BenchScale {
  const scaleName = env.BENCH_SCALE?.trim() || 'default';
  if (scaleName !== 'default' && scaleName !== 'design') {
    throw new RangeError(`BENCH_SCALE must be "default" or "design", not ${scaleName}`);
  }
  const base = scaleName === 'design' ? DESIGN_SCALE : DEFAULT_SCALE;
  return {
    ...base,
    syncDocs: positiveInteger(env, 'BENCH_SYNC_DOCS') ?? base.syncDocs,
    syncRounds: positiveInteger(env, 'BENCH_SYNC_ROUNDS') ?? base.syncRounds,
    batchSizes: integerList(env, 'BENCH_BATCH_SIZES') ?? base.batchSizes,
    storedComplaints: positiveInteger(env, 'BENCH_COMPLAINTS') ?? base.storedComplaints,
    saves: positiveInteger(env, 'BENCH_SAVES') ?? base.saves,
    reducerComplaints: positiveInteger(env, 'BENCH_REDUCER_COMPLAINTS') ?? base.reducerComplaints,
    packetComplaints: positiveInteger(env, 'BENCH_PACKET_COMPLAINTS') ?? base.packetComplaints,
    searchComplaints: positiveInteger(env, 'BENCH_SEARCH_COMPLAINTS') ?? base.searchComplaints,
    appComplaints: positiveInteger(env, 'BENCH_APP_COMPLAINTS') ?? base.appComplaints,
    dashboardComplaints: positiveInteger(env, 'BENCH_DASHBOARD_COMPLAINTS') ?? base.dashboardComplaints,
    firstSyncDocs: positiveInteger(env, 'BENCH_FIRST_SYNC_DOCS') ?? base.firstSyncDocs,
    firstSyncRounds: positiveInteger(env, 'BENCH_FIRST_SYNC_ROUNDS') ?? base.firstSyncRounds,
    budgetComplaints: positiveInteger(env, 'BENCH_BUDGET_COMPLAINTS') ?? base.budgetComplaints,
    budgetRounds: positiveInteger(env, 'BENCH_BUDGET_ROUNDS') ?? base.budgetRounds,
    chromium: env.BENCH_CHROMIUM?.trim() !== '0',
    parts: partList(env) ?? base.parts,
  };
}
