/**
 * What a device budget costs the central (`BENCH_ONLY=budget`; docs/decisions/027-device-budget.md),
 * on Apache CouchDB 3.5 over loopback, from Node (the device's side is HTTP and parsing; its
 * IndexedDB writes are one small row per complaint):
 *
 *   - the central holds whole sample complaints (./central-load; `BENCH_BUDGET_COMPLAINTS`, 10,000,
 *     design 100,000: ~760,000 documents) and the rule's cutoff leaves the oldest four in five only
 *     on the central, as a 12-month budget does in a unit with five years of history;
 *   - the raw baseline, in the same run: every complaint document before the cutoff read once with
 *     `_all_docs?include_docs=true`, a thousand a page (what any reading of that side must at
 *     least move);
 *   - "Cari juga di pusat" (renderer/core/sync/central-search `searchCentral`, the real function,
 *     as an officer): a word every complaint has (25 newest, then stop), two such words, the
 *     tracking number of the oldest complaint (one hit: the whole range is read) and a word no
 *     complaint has (the whole range); each `BENCH_BUDGET_ROUNDS` times (3), the median;
 *   - Beranda's background reading of the same side (renderer/core/sync/central-only-complaints
 *     `centralOnlyPages`, the real page source: complaints and their events, no reporters, files or
 *     histories), once to the end: its time, pages and documents.
 *
 * Each figure with its ratio to the baseline.
 */
import type { ComplaintDoc } from '../shared/complaint/complaint-schema';
import { COMPLAINT_ID_PREFIX } from '../shared/ids/document-ids';
import { databaseUrl, unitSyncConfig, type SyncConfig } from '../shared/sync/sync-config';
import { isReceivedInBudget, type BudgetRule } from '../shared/sync/device-budget';
import { centralOnlyPages, centralOnlyStart } from '../renderer/core/sync/central-only-complaints';
import { searchCentral } from '../renderer/core/sync/central-search';
import type { RemoteRequest } from '../renderer/core/sync/download-protocol';
import {
  centralDeviceCredentials,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../test/support/central-server';
import type { BenchScale } from './bench-scale';
import { loadCentral } from './central-load';
import { sealedDocuments } from './first-sync';
import { BENCH_UNIT } from './sample-records';
import { median, now, ratio, round } from './timing';

/** Share of the complaints, the oldest, that the rule leaves only on the central. */
const OUTSIDE_SHARE = 0.8;
const BASELINE_PAGE = 1_000;

export type BudgetSearchFigure = Readonly<{
  query: string;
  what: string;
  hits: number;
  medianMs: number;
  runsMs: readonly number[];
  ratioToBaseline: number | null;
}>;

export type CentralBudgetFigures = Readonly<{
  central: Readonly<{ kind: CentralServer['kind']; description: string }>;
  documents: number;
  complaints: number;
  /** Complaints outside the rule's budget: only on the central for a device with it. */
  outside: number;
  rule: BudgetRule;
  loadMs: number;
  baseline: Readonly<{ ms: number; docs: number; docsPerSecond: number }>;
  searches: readonly BudgetSearchFigure[];
  backgroundReading: Readonly<{
    ms: number;
    pages: number;
    complaints: number;
    events: number;
    docsPerSecond: number;
    ratioToBaseline: number | null;
    /** This process's CPU time meanwhile (parsing, checking each document's schema). */
    clientCpuMs: number;
    /** Per endpoint: time until each answer was read whole, and requests. */
    requests: Readonly<Record<string, { ms: number; requests: number }>>;
  }>;
}>;

/** Milliseconds and requests per endpoint (`_all_docs`, `_all_docs/queries`, `_find`, …), answers read whole. */
type Spent = Map<string, { ms: number; requests: number }>;

function requestOf(config: SyncConfig, spent: Spent): RemoteRequest {
  const authorization = `Basic ${btoa(`${config.username}:${config.password}`)}`;
  return async (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', authorization);
    const start = now();
    const response = await fetch(`${databaseUrl(config)}/${path}`, { ...init, headers });
    const body = await response.text();
    const endpoint = path.split('?')[0] ?? path;
    const entry = spent.get(endpoint) ?? { ms: 0, requests: 0 };
    spent.set(endpoint, { ms: entry.ms + now() - start, requests: entry.requests + 1 });
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** `spent` as figures, and emptied. */
function takeSpent(spent: Spent): Record<string, { ms: number; requests: number }> {
  const figures = Object.fromEntries(
    [...spent].map(([endpoint, entry]) => [endpoint, { ms: round(entry.ms, 1), requests: entry.requests }]),
  );
  spent.clear();
  return figures;
}

/** Every complaint document before the rule's start, read once a page at a time: the baseline. */
async function readRange(request: RemoteRequest, rule: BudgetRule): Promise<number> {
  let startkey = COMPLAINT_ID_PREFIX;
  let skip = 0;
  let docs = 0;
  for (;;) {
    const params = new URLSearchParams({
      startkey: JSON.stringify(startkey),
      endkey: JSON.stringify(centralOnlyStart(rule)),
      inclusive_end: 'false',
      include_docs: 'true',
      limit: String(BASELINE_PAGE),
      skip: String(skip),
    });
    const response = await request(`_all_docs?${params.toString()}`);
    if (!response.ok) throw new Error(`_all_docs: HTTP ${response.status}`);
    const rows = ((await response.json()) as { rows: { id: string }[] }).rows;
    docs += rows.length;
    if (rows.length < BASELINE_PAGE) return docs;
    startkey = rows.at(-1)?.id ?? startkey;
    skip = 1;
  }
}

export async function benchCentralBudget(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<CentralBudgetFigures> {
  const wanted = scale.budgetComplaints;
  const rounds = scale.budgetRounds;
  // ~7.6 documents a complaint: ask for a few more and keep whole complaints.
  const { docs, complaints } = await sealedDocuments(Math.ceil(wanted * 7.6), 0);
  const complaintDocs = docs.filter(
    (doc): doc is ComplaintDoc => (doc as { type?: unknown }).type === 'complaint',
  );
  complaintDocs.sort((a, b) => (a._id < b._id ? -1 : 1));
  const first = complaintDocs[Math.floor(complaintDocs.length * OUTSIDE_SHARE)];
  const oldest = complaintDocs[0];
  if (!first || !oldest) throw new Error('budget: no complaints built');
  // The rule's cutoff: the unit-local day of the first complaint inside it (ids carry UTC; the
  // listing starts a day after the cutoff, so the day before is safely outside).
  const rule: BudgetRule = { months: 12, cutoff: first.receivedAt.slice(0, 10) };
  // Outside the budget (only on the central for a device with it), and in the range the reading
  // and the search go through (it starts a day after the cutoff in UTC: a day and a half more).
  const outside = complaintDocs.filter((doc) => !isReceivedInBudget(rule, doc.trackingNumber)).length;
  const inRange = complaintDocs.filter((doc) => doc._id < centralOnlyStart(rule)).length;
  log(
    `budget: ${complaints} complaints (${docs.length} documents), ${outside} outside the budget (cutoff ${rule.cutoff}), ${inRange} in the range read`,
  );

  const central = await startCentralServer();
  log(`budget: central server ${central.description}`);
  try {
    await setupCentralUnit(central, BENCH_UNIT);
    const device = await centralDeviceCredentials(central, BENCH_UNIT, 'B3N');
    const config = unitSyncConfig(central.url, BENCH_UNIT, 'B3N', device.password);
    const loadStart = now();
    // Without the validator (it reads; the first-sync part loads the same generator's documents through it).
    const documents = await loadCentral(central, config, docs, log, 'budget', false);
    const loadMs = now() - loadStart;
    const spent: Spent = new Map();
    const request = requestOf(config, spent);

    // Unmeasured: one read of the range (CouchDB's caches as a central in use has them).
    await readRange(request, rule);
    const baselineRuns: number[] = [];
    let baselineDocs = 0;
    for (let run = 0; run < rounds; run += 1) {
      const start = now();
      baselineDocs = await readRange(request, rule);
      baselineRuns.push(now() - start);
    }
    const baselineMs = median(baselineRuns);
    log(`budget: baseline, ${baselineDocs} complaint documents read in ${Math.round(baselineMs)} ms`);

    const queries: { query: string; what: string }[] = [
      { query: 'puskesmas', what: 'a word every complaint has: the 25 newest' },
      { query: 'antrean empat', what: 'two words every complaint has' },
      { query: oldest.trackingNumber, what: 'the oldest complaint’s tracking number: one hit' },
      { query: 'zzqxj', what: 'a word no complaint has' },
    ];
    const searches: BudgetSearchFigure[] = [];
    for (const { query, what } of queries) {
      const runsMs: number[] = [];
      let hits = 0;
      for (let run = 0; run < rounds; run += 1) {
        const start = now();
        const found = await searchCentral(query, {
          request,
          unitCode: BENCH_UNIT,
          rule,
          held: () => false,
          role: 'officer',
        });
        runsMs.push(now() - start);
        hits = found.length;
      }
      const medianMs = median(runsMs);
      searches.push({
        query,
        what,
        hits,
        medianMs: round(medianMs, 1),
        runsMs: runsMs.map((ms) => round(ms, 1)),
        ratioToBaseline: ratio(medianMs, baselineMs),
      });
      log(`budget: search "${query}" (${what}): ${hits} hits in ${Math.round(medianMs)} ms`);
    }

    takeSpent(spent);
    const cpuStart = process.cpuUsage();
    const readingStart = now();
    const next = centralOnlyPages({ request, unitCode: BENCH_UNIT, rule, held: () => false, after: null });
    let pages = 0;
    let read = 0;
    let events = 0;
    for (let page = await next(); page !== null; page = await next()) {
      pages += 1;
      read += page.complaints.length;
      events += page.events.length;
    }
    const readingMs = now() - readingStart;
    const cpu = process.cpuUsage(cpuStart);
    const requests = takeSpent(spent);
    log(`budget: background reading, ${read} complaints and ${events} events in ${Math.round(readingMs)} ms`);
    return {
      central: { kind: central.kind, description: central.description },
      documents,
      complaints,
      outside,
      rule,
      loadMs: round(loadMs, 1),
      baseline: {
        ms: round(baselineMs, 1),
        docs: baselineDocs,
        docsPerSecond: Math.round((baselineDocs * 1000) / baselineMs),
      },
      searches,
      backgroundReading: {
        ms: round(readingMs, 1),
        pages,
        complaints: read,
        events,
        docsPerSecond: Math.round(((read + events) * 1000) / readingMs),
        ratioToBaseline: ratio(readingMs, baselineMs),
        clientCpuMs: round((cpu.user + cpu.system) / 1000, 1),
        requests,
      },
    };
  } finally {
    await central.stop();
  }
}

/** The summary lines on stderr. */
export function centralBudgetSummaryLines(figures: CentralBudgetFigures): string[] {
  const reading = figures.backgroundReading;
  return [
    `budget on the central (${figures.central.kind}), ${figures.documents} documents, ${figures.complaints} ` +
      `complaints, ${figures.outside} only on the central (cutoff ${figures.rule.cutoff}), ${figures.baseline.docs} in the range read:`,
    `  baseline: their ${figures.baseline.docs} complaint documents read once in ${figures.baseline.ms} ms ` +
      `(${figures.baseline.docsPerSecond}/s)`,
    ...figures.searches.map(
      (search) =>
        `  search "${search.query}" (${search.what}): ${search.hits} hits, ${search.medianMs} ms, ` +
        `${search.ratioToBaseline ?? '–'}× baseline`,
    ),
    `  Beranda's background reading: ${reading.complaints} complaints and ${reading.events} events in ` +
      `${reading.pages} pages, ${reading.ms} ms (${reading.docsPerSecond} docs/s), ${reading.ratioToBaseline ?? '–'}× baseline; ` +
      `this process's CPU ${reading.clientCpuMs} ms; ` +
      Object.entries(reading.requests)
        .map(([endpoint, entry]) => `${endpoint} ${entry.requests}× ${entry.ms} ms`)
        .join(', '),
  ];
}
