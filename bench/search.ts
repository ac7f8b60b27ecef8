/**
 * Search benchmark (`BENCH_ONLY=search`; ./README.md): in Chromium through the app's own code
 * (./browser/search-page, ./search-run): index build time from empty, p50/p95 of 50 fixed queries
 * through `SearchQueries.query` against a naive in-memory scan of the same texts in the same run,
 * and the renderer's JS heap (read over the DevTools protocol after a forced GC) after the build
 * and after the 50 searches. Without Chromium the part is skipped (IndexedDB is what it measures).
 */
import type { BenchScale } from './bench-scale';
import { ChromiumDidNotStart, chromiumUnavailable, withChromiumPage } from './chromium-page';
import type { SearchPageApi } from './browser/search-page';
import { searchTimeSummary, type SearchLoadTimes, type SearchTimes } from './search-run';

const PAGE_ENTRY = new URL('./browser/search-page.ts', import.meta.url).pathname;

type Times = Readonly<{ p50: number; p95: number; max: number }>;

export type SearchFigures = Readonly<{
  runtime: string;
  complaints: number;
  buildMs: number;
  projectedBuildMsFor100k: number;
  /** A start's loading of the index: from the rows, saving the snapshot, from the snapshot, first query. */
  load: SearchLoadTimes;
  search: Times;
  /** The search index's in-memory part of the same queries alone (SearchIndex.candidates); the rest of `search` is the page's IndexedDB reads and its hits. */
  inMemory: Times;
  naiveScan: Times;
  ratioP95ToNaive: number;
  heapMB: Readonly<{ afterBuild: number; afterLoad: number; afterSearches: number }>;
  hitsPerQuery: Readonly<Record<string, number>>;
  /** The slowest time of each query over the rounds (ms). */
  slowestMsPerQuery: Readonly<Record<string, number>>;
}>;

type Window = typeof globalThis & { mejaAduanSearchBench: SearchPageApi };

export async function benchSearch(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<SearchFigures | Readonly<{ skipped: string }>> {
  const complaints = scale.searchComplaints;
  const rounds = 3;
  const unavailable = chromiumUnavailable(scale.chromium);
  if (unavailable) return { skipped: unavailable };
  try {
    return await withChromiumPage(PAGE_ENTRY, 'mejaAduanSearchBench', 'chromium', log, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      const heapMB = async (): Promise<number> => {
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        return Math.round(usage.usedSize / 1e5) / 10;
      };
      log(`search: building the index of ${complaints} complaints in Chromium`);
      const built = await page.evaluate(
        (count) => (globalThis as Window).mejaAduanSearchBench.build(count),
        complaints,
      );
      const afterBuild = await heapMB();
      log('search: loading the index from its rows, as at a start');
      const loaded = await page.evaluate(() => (globalThis as Window).mejaAduanSearchBench.load());
      const afterLoad = await heapMB();
      const searched = await page.evaluate(
        (count) => (globalThis as Window).mejaAduanSearchBench.search(count),
        rounds,
      );
      const afterSearches = await heapMB();
      log('search: naive scan');
      const naive = await page.evaluate(
        ([count, times]) => (globalThis as Window).mejaAduanSearchBench.naive(count, times),
        [complaints, 1] as const,
      );
      await page.evaluate(() => (globalThis as Window).mejaAduanSearchBench.close());
      return figures(`chromium (${built.userAgent})`, complaints, built.buildMs, loaded, searched, naive, {
        afterBuild,
        afterLoad,
        afterSearches,
      });
    });
  } catch (error) {
    if (error instanceof ChromiumDidNotStart) return { skipped: error.message };
    throw error;
  }
}

function figures(
  runtime: string,
  complaints: number,
  buildMs: number,
  load: SearchLoadTimes,
  searched: SearchTimes,
  naive: readonly number[],
  heapMB: SearchFigures['heapMB'],
): SearchFigures {
  const search = searchTimeSummary(searched.times);
  const naiveScan = searchTimeSummary(naive);
  return {
    runtime,
    complaints,
    buildMs,
    projectedBuildMsFor100k: Math.round((buildMs / complaints) * 100_000),
    load,
    search,
    inMemory: searchTimeSummary(searched.inMemory),
    naiveScan,
    ratioP95ToNaive: naiveScan.p95 > 0 ? Math.round((search.p95 / naiveScan.p95) * 1000) / 1000 : 0,
    heapMB,
    hitsPerQuery: searched.hits,
    slowestMsPerQuery: searched.slowest,
  };
}
