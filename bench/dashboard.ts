/**
 * Dashboard benchmark (`BENCH_ONLY=dashboard`; ./README.md): Beranda's figures in Chromium through
 * the app's own code (./browser/dashboard-page: `createDashboard` over the device's indicator
 * records in IndexedDB) for N sample complaints with their events (./sample-records): the first
 * figures (this month up to the last receipt, Beranda's default), another period (the month
 * before), a whole year, one category; each against reading the same rows with IndexedDB alone in
 * the same run, with the longest block of the page's event loop during each and the JS heap
 * (DevTools protocol, after a forced GC) after the rows are written and after the figures. Then
 * the follower's build of the rows from a unit database (PouchDB) for a smaller number of
 * complaints, projected to 100,000. Without Chromium the part is skipped.
 */
import type { BenchScale } from './bench-scale';
import type { DashboardPageApi, FiguresTimes } from './browser/dashboard-page';
import { ChromiumDidNotStart, chromiumUnavailable, withChromiumPage } from './chromium-page';
import { round } from './timing';

const PAGE_ENTRY = new URL('./browser/dashboard-page.ts', import.meta.url).pathname;

type Figures = FiguresTimes &
  Readonly<{
    ratioToRawRead: number;
    /** The page's largest used JS heap seen while it computed (polled every 100 ms, garbage included). */
    peakHeapMB: number;
  }>;

export type DashboardFigures = Readonly<{
  runtime: string;
  complaints: number;
  fillMs: number;
  /** The baseline: every row read with IndexedDB alone, in pages of the same size. */
  rawRead: Readonly<{ ms: number; rows: number }>;
  firstFigures: Figures;
  anotherPeriod: Figures;
  wholeYear: Figures;
  oneCategory: Figures;
  heapMB: Readonly<{ afterFill: number; afterFigures: number }>;
  build: Readonly<{ complaints: number; documents: number; ms: number; projectedMsFor100k: number }>;
}>;

type Window = typeof globalThis & { mejaAduanDashboardBench: DashboardPageApi };

/** `YYYY-MM-DD` of an ISO instant in WIB (the sample unit's zone), and its month's first day. */
function wibDate(instant: string): string {
  return new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10);
}
function monthBefore(date: string): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const from = `${y}-${String(m).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from, to: `${from.slice(0, 8)}${String(last).padStart(2, '0')}` };
}

export async function benchDashboard(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<DashboardFigures | Readonly<{ skipped: string }>> {
  const complaints = scale.dashboardComplaints;
  const buildComplaints = Math.min(complaints, 2_000);
  const unavailable = chromiumUnavailable(scale.chromium);
  if (unavailable) return { skipped: unavailable };
  try {
    return await withChromiumPage(PAGE_ENTRY, 'mejaAduanDashboardBench', 'chromium', log, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      const heapMB = async (): Promise<number> => {
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        return Math.round(usage.usedSize / 1e5) / 10;
      };
      log(`dashboard: writing the indicator records of ${complaints} complaints in Chromium`);
      const filled = await page.evaluate(
        (count) => (globalThis as Window).mejaAduanDashboardBench.fill(count),
        complaints,
      );
      const afterFill = await heapMB();
      const today = wibDate(filled.lastReceivedAt);
      const figuresOf = (query: { period: { from: string; to: string }; category?: string }) =>
        page.evaluate((asked) => (globalThis as Window).mejaAduanDashboardBench.figures(asked), query);
      const rawRead = () => page.evaluate(() => (globalThis as Window).mejaAduanDashboardBench.rawRead());
      // A warm-up of both (not counted), then each measured figure right after its own baseline.
      await rawRead();
      const queries = {
        firstFigures: { period: { from: `${today.slice(0, 8)}01`, to: today } },
        anotherPeriod: { period: monthBefore(today) },
        wholeYear: { period: { from: `${today.slice(0, 4)}-01-01`, to: today } },
        oneCategory: { period: { from: `${today.slice(0, 8)}01`, to: today }, category: 'health' },
      };
      const measured: Record<string, Figures> = {};
      let baseline = { ms: 0, rows: 0 };
      for (const [name, query] of Object.entries(queries)) {
        log(`dashboard: ${name} ${JSON.stringify(query)}`);
        baseline = await rawRead();
        let peak = 0;
        const polling = { on: true };
        const poll = (async () => {
          while (polling.on) {
            const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
            peak = Math.max(peak, usage.usedSize);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        })();
        const times = await figuresOf(query).finally(() => {
          polling.on = false;
        });
        await poll;
        measured[name] = {
          ...times,
          ratioToRawRead: baseline.ms > 0 ? round(times.ms / baseline.ms) : 0,
          peakHeapMB: Math.round(peak / 1e5) / 10,
        };
      }
      const afterFigures = await heapMB();
      await page.evaluate(() => (globalThis as Window).mejaAduanDashboardBench.close());
      log(`dashboard: the follower's build of ${buildComplaints} complaints from PouchDB`);
      const build = await page.evaluate(
        (count) => (globalThis as Window).mejaAduanDashboardBench.build(count),
        buildComplaints,
      );
      const pick = (name: string): Figures => {
        const figures = measured[name];
        if (!figures) throw new Error(`no figures for ${name}`);
        return figures;
      };
      return {
        runtime: `chromium (${filled.userAgent})`,
        complaints,
        fillMs: filled.fillMs,
        rawRead: baseline,
        firstFigures: pick('firstFigures'),
        anotherPeriod: pick('anotherPeriod'),
        wholeYear: pick('wholeYear'),
        oneCategory: pick('oneCategory'),
        heapMB: { afterFill, afterFigures },
        build: {
          complaints: buildComplaints,
          documents: build.documents,
          ms: build.ms,
          projectedMsFor100k: Math.round((build.ms / buildComplaints) * 100_000),
        },
      };
    });
  } catch (error) {
    if (error instanceof ChromiumDidNotStart) return { skipped: error.message };
    throw error;
  }
}

/** The part's lines of the run's summary on stderr. */
export function dashboardSummaryLines(
  outcome: DashboardFigures | Readonly<{ error: string }> | Readonly<{ skipped: string }>,
): string[] {
  if ('error' in outcome) return [`dashboard: FAILED (${outcome.error})`];
  if ('skipped' in outcome) return [`dashboard: skipped (${outcome.skipped})`];
  const line = (name: string, figures: Figures): string =>
    `  ${name} ${figures.ms} ms = ${figures.ratioToRawRead}× the raw read, longest block ${figures.longestBlockMs} ms, ` +
    `${figures.progressReports} progress reports, peak heap ${figures.peakHeapMB} MB`;
  return [
    `dashboard, ${outcome.complaints} complaints, Chromium: raw read of the rows ${outcome.rawRead.ms} ms`,
    line('first figures (this month)', outcome.firstFigures),
    line('another period (last month)', outcome.anotherPeriod),
    line('whole year', outcome.wholeYear),
    line('one category', outcome.oneCategory),
    `  heap ${outcome.heapMB.afterFill} MB after writing the rows, ${outcome.heapMB.afterFigures} MB after the figures (target ≤ 250); ` +
      `rows built from PouchDB: ${outcome.build.complaints} complaints in ${outcome.build.ms} ms ` +
      `(~${Math.round(outcome.build.projectedMsFor100k / 1000)} s per 100k)`,
  ];
}
