/**
 * The whole app at scale (`BENCH_ONLY=app`; ./README.md): the built renderer (`vite build` into a
 * temporary folder, served by the browser host with the app's CSP) in Debian's Chromium through
 * playwright-core, with a persistent profile (user-data-dir) that holds N complaints. Per run:
 *   1. populate: a page on the app's origin (./browser/app-page) sets the device up with the app's
 *      core, writes the sample complaints (./app-records: ~6 events each, reporters, Indonesian
 *      texts) with `bulkDocs` into the app's unit database, then starts the app's core and waits
 *      until the complaint index and the search index hold everything and the search snapshot is
 *      saved: the profile is then what a device holding N complaints has;
 *   2. cold starts: Chromium launched on that profile, the app opened on its list
 *      (`#/pengaduan`), timed from launching the browser process and from the navigation to the
 *      list being interactive (its rows rendered and the search box focused), by a probe
 *      (`addInitScript`) that checks every animation frame. One unmeasured start first, then
 *      `appStarts` measured ones, each in a new browser process;
 *   3. in the last start: the page's JS heap after a forced GC (DevTools protocol) once the search
 *      index is loaded; then the 50 fixed queries (./search-run) typed into the list's search box,
 *      each timed from its last keystroke to the first result row rendered for it (the list's
 *      150 ms typing delay included); the heap again; then Beranda (the dashboard) opened and
 *      timed until its figures show, with a time limit, and the heap again;
 *   4. intake saves with the duplicate panel's look-up against raw puts (./browser/app-page).
 * Everything started is stopped and every folder removed, also on error.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../scripts/browser-host';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium';
import type { BenchScale } from './bench-scale';
import { BENCH_PASSPHRASE } from './app-records';
import type { AppPageApi, IntakePanelResult, PopulateResult } from './browser/app-page';
import { PAGE_LOG_PREFIX } from './browser/page-log';
import { bundlePage, chromiumUnavailable } from './chromium-page';
import { SEARCH_QUERIES } from './search-run';
import { round, summarize, type Summary } from './timing';

/**
 * One start. Where the app asks who is at the desk (the sign-in screen: name, then PIN or
 * passphrase), the bench signs in as fast as it can type, and the person's part is left out: the
 * start's figures are the machine's time to the sign-in screen ready for input plus the time from
 * the sign-in's Enter to the list interactive.
 */
export type AppStart = Readonly<{
  /** From launching the browser process to the list interactive (rows rendered, search box focused), without the sign-in's typing. */
  fromLaunchMs: number;
  /** From the navigation's start (the page's time origin) to the same moment, the same way. */
  fromNavigationMs: number;
  /** Launching the browser until the navigation starts. */
  launchToNavigationMs: number;
  /** From the navigation to the sign-in screen ready (its first name focused), where shown. */
  toSignInMs?: number;
  /** From the sign-in's Enter (the secret typed) to the list interactive, where shown. */
  signInToListMs?: number;
  /** From the navigation (or the sign-in's Enter) to the first list row rendered, and to the search box focused. */
  rowsMs: number;
  focusMs: number;
  rows: number;
}>;

/** `sawBusy`: the list showed its busy state in between (false: the answer was there at the first frame checked). */
export type QueryTiming = Readonly<{
  query: string;
  ms: number;
  rows: number;
  empty: boolean;
  sawBusy: boolean;
}>;

export type AppFigures = Readonly<{
  targets: Readonly<{ coldStartP95AtMostMs: number; heapAtMostMB: number; intakeP95VsRawPutAtMost: number }>;
  complaints: number;
  userAgent: string;
  buildMs: number;
  populate: PopulateResult;
  firstStartAfterPopulating: AppStart;
  starts: readonly AppStart[];
  coldStart: Readonly<{ fromLaunch: Summary; fromNavigation: Summary }>;
  /** After the last start, once the search index is loaded: its loading time from the navigation. */
  searchIndexLoadedMs: number;
  typing: Readonly<{ toFirstResult: Summary; queries: readonly QueryTiming[] }>;
  dashboard: Readonly<{ ms: number } | { timedOutAfterMs: number }>;
  heapMB: Readonly<{ afterStart: number; afterSearches: number; afterDashboard: number }>;
  intakeWithPanel: IntakePanelResult;
}>;

const PAGE_ENTRY = fileURLToPath(new URL('./browser/app-page.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_PAGE = 'bench-app/index.html';
const VIEWPORT = { width: 1366, height: 768 };
const STARTS = 5;

/** The app's tracking numbers in the queries are the search bench's unit's: ours is KBM, device X7Q. */
function appQuery(query: string): string {
  return query.replace(/KTB/g, 'KBM').replace(/A2C/g, 'X7Q').replace(/a2c/g, 'x7q');
}

/**
 * Runs in every page before its scripts: records (performance.now(), from the navigation) when
 * the list first shows rows that are not stale, when the search box first has the focus, and
 * when both hold. Checked every animation frame. Plain JavaScript text: tsx's helpers (`__name`)
 * do not exist in the page.
 */
const START_PROBE = `(() => {
  const probe = {};
  globalThis.__appBenchStart = probe;
  const check = () => {
    const at = performance.now();
    const table = document.querySelector('[data-testid="complaint-table"]');
    const rows = table && table.getAttribute('aria-busy') !== 'true'
      ? table.querySelectorAll('tbody tr[data-tracking-number]').length
      : 0;
    if (rows > 0 && probe.rowsAt === undefined) probe.rowsAt = at;
    if (document.activeElement && document.activeElement.matches('.chooser__officer') && probe.chooserAt === undefined)
      probe.chooserAt = at;
    const focused = document.activeElement && document.activeElement.id === 'complaint-search';
    if (focused && probe.focusAt === undefined) probe.focusAt = at;
    if (rows > 0 && focused) {
      probe.interactiveAt = at;
      probe.rows = rows;
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') probe.lastEnterAt = performance.now();
  }, { capture: true });
})();`;

/**
 * Watches, from the next keystroke on, for the first frame that shows the rows answering `query`
 * (the table no longer busy after having been, or the "no match" note) with `query` in the box.
 */
const typingProbe = (query: string): string => `(() => {
  const expected = ${JSON.stringify(query)};
  const typing = { sawBusy: false, rows: 0, empty: false };
  globalThis.__appBenchTyping = typing;
  if (!globalThis.__appBenchKeys) {
    globalThis.__appBenchKeys = true;
    document.addEventListener('keydown', () => {
      if (globalThis.__appBenchTyping) globalThis.__appBenchTyping.lastKeyAt = performance.now();
    }, { capture: true });
  }
  const check = () => {
    const at = performance.now();
    const input = document.getElementById('complaint-search');
    const table = document.querySelector('[data-testid="complaint-table"]');
    const busy = table !== null && table.getAttribute('aria-busy') === 'true';
    if (busy) typing.sawBusy = true;
    if (input && input.value === expected && typing.lastKeyAt !== undefined && !busy) {
      const rows = table ? table.querySelectorAll('tbody tr[data-tracking-number]').length : 0;
      const empty = document.querySelector('[data-testid="list-empty"]') !== null;
      if (rows > 0 || empty) {
        typing.doneAt = at;
        typing.rows = rows;
        typing.empty = empty && rows === 0;
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`)),
    );
  });
}

/** The app as the browser host serves it, plus the bench page beside it (same origin). */
export async function buildSite(dir: string): Promise<void> {
  await run('npx', [
    'vite',
    'build',
    '--config',
    'renderer/vite.config.ts',
    '--outDir',
    dir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
  const pageDir = join(dir, 'bench-app');
  await mkdir(pageDir, { recursive: true });
  await bundlePage(PAGE_ENTRY, pageDir, '/bench-app/');
}

type Launched = Readonly<{ context: BrowserContext; page: Page; launchedAt: number }>;

async function launch(profile: string, log: (message: string) => void): Promise<Launched> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found');
  const launchedAt = Date.now();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: VIEWPORT,
  });
  await context.addInitScript({ content: START_PROBE });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'info' && text.startsWith(PAGE_LOG_PREFIX))
      log(text.slice(PAGE_LOG_PREFIX.length));
    if (message.type() === 'error') log(`app: page console error: ${text}`);
  });
  page.on('pageerror', (error) => log(`app: page error: ${error.message}`));
  return { context, page, launchedAt };
}

export async function benchPage<T>(
  host: BrowserHost,
  profile: string,
  log: (message: string) => void,
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const { context, page } = await launch(profile, log);
  try {
    await page.goto(`${host.url}${BENCH_PAGE}`);
    await page.waitForFunction(() => 'mejaAduanAppBench' in globalThis, undefined, { timeout: 30_000 });
    return await work(page);
  } finally {
    await context.close();
  }
}

type ProbeState = Readonly<{
  timeOrigin: number;
  rowsAt?: number;
  focusAt?: number;
  interactiveAt?: number;
  rows?: number;
  chooserAt?: number;
  lastEnterAt?: number;
}>;

type ProbeScope = typeof globalThis & { __appBenchStart?: Omit<ProbeState, 'timeOrigin'> };

async function probeState(page: Page): Promise<ProbeState> {
  return page.evaluate((): ProbeState => ({
    timeOrigin: performance.timeOrigin,
    ...(globalThis as ProbeScope).__appBenchStart,
  }));
}

/** A cold start: a new browser process on the profile, the app opened on its list. */
async function coldStart(
  host: BrowserHost,
  profile: string,
  log: (message: string) => void,
  timeoutMs: number,
): Promise<{ start: AppStart; launched: Launched }> {
  const launched = await launch(profile, log);
  const { page } = launched;
  try {
    await page.goto(`${host.url}#/pengaduan`);
    await page.waitForFunction(
      () => {
        const probe = (globalThis as ProbeScope).__appBenchStart;
        return probe?.interactiveAt !== undefined || probe?.chooserAt !== undefined;
      },
      undefined,
      { timeout: timeoutMs, polling: 50 },
    );
    let signedIn = false;
    if ((await probeState(page)).interactiveAt === undefined) {
      // The sign-in screen: the first name (this device has one officer), its secret, Enter.
      await page.keyboard.press('Enter');
      const secret = page.locator('input[type="password"]').first();
      await secret.waitFor({ timeout: timeoutMs });
      await secret.focus();
      await page.keyboard.type(BENCH_PASSPHRASE);
      await page.keyboard.press('Enter');
      signedIn = true;
      await page.waitForFunction(
        () => (globalThis as ProbeScope).__appBenchStart?.interactiveAt !== undefined,
        undefined,
        { timeout: timeoutMs, polling: 50 },
      );
    }
    const probe = await probeState(page);
    const interactiveAt = probe.interactiveAt ?? Number.NaN;
    const launchToNavigationMs = Math.round(probe.timeOrigin - launched.launchedAt);
    const toSignInMs = signedIn ? (probe.chooserAt ?? Number.NaN) : undefined;
    const signInToListMs = signedIn ? interactiveAt - (probe.lastEnterAt ?? Number.NaN) : undefined;
    const fromNavigationMs =
      toSignInMs !== undefined && signInToListMs !== undefined ? toSignInMs + signInToListMs : interactiveAt;
    const since = signedIn ? (probe.lastEnterAt ?? Number.NaN) : 0;
    return {
      launched,
      start: {
        fromLaunchMs: Math.round(launchToNavigationMs + fromNavigationMs),
        fromNavigationMs: Math.round(fromNavigationMs),
        launchToNavigationMs,
        ...(toSignInMs !== undefined ? { toSignInMs: Math.round(toSignInMs) } : {}),
        ...(signInToListMs !== undefined ? { signInToListMs: Math.round(signInToListMs) } : {}),
        rowsMs: Math.round((probe.rowsAt ?? Number.NaN) - since),
        focusMs: Math.round((probe.focusAt ?? Number.NaN) - since),
        rows: probe.rows ?? 0,
      },
    };
  } catch (error) {
    const shown = await page.evaluate(() => document.body.innerText.slice(0, 300)).catch(() => '(page gone)');
    await launched.context.close();
    throw new Error(
      `the list did not become interactive: ${error instanceof Error ? error.message : String(error)}; the page shows: ${shown}`,
      { cause: error },
    );
  }
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return round(usage.usedSize / 2 ** 20, 1);
  } finally {
    await cdp.detach();
  }
}

/** Waits until the list is settled on `text`: not busy, rows or the empty note shown. */
async function listSettled(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const input = document.getElementById('complaint-search') as HTMLInputElement | null;
      const table = document.querySelector('[data-testid="complaint-table"]');
      const empty = document.querySelector('[data-testid="list-empty"]');
      return (
        input?.value === expected &&
        ((table !== null && table.getAttribute('aria-busy') !== 'true') || empty !== null)
      );
    },
    text,
    { timeout: 60_000, polling: 50 },
  );
}

/**
 * Types `query` into the focused search box and times, in the page, its last keystroke to the
 * first frame that shows the rows answering it (or the "no match" note).
 */
async function timeTyping(page: Page, query: string): Promise<QueryTiming> {
  await page.evaluate(typingProbe(query));
  await page.keyboard.type(query);
  try {
    await page.waitForFunction(
      () =>
        (globalThis as typeof globalThis & { __appBenchTyping?: { doneAt?: number } }).__appBenchTyping
          ?.doneAt !== undefined,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
  } catch (error) {
    const state = await page.evaluate(() => ({
      value: (document.getElementById('complaint-search') as HTMLInputElement | null)?.value,
      busy: document.querySelector('[data-testid="complaint-table"]')?.getAttribute('aria-busy'),
      typing: (globalThis as typeof globalThis & { __appBenchTyping?: unknown }).__appBenchTyping,
      shown: document.body.innerText.slice(0, 400),
    }));
    throw new Error(`no result for ${JSON.stringify(query)}: ${String(error)}; ${JSON.stringify(state)}`, {
      cause: error,
    });
  }
  const typing = await page.evaluate(
    () =>
      (
        globalThis as typeof globalThis & {
          __appBenchTyping?: {
            lastKeyAt?: number;
            doneAt?: number;
            rows: number;
            empty: boolean;
            sawBusy: boolean;
          };
        }
      ).__appBenchTyping,
  );
  return {
    query,
    ms: round((typing?.doneAt ?? Number.NaN) - (typing?.lastKeyAt ?? Number.NaN), 1),
    rows: typing?.rows ?? 0,
    empty: typing?.empty ?? false,
    sawBusy: typing?.sawBusy ?? false,
  };
}

/** Empties the search box (Esc) and waits for the plain list. */
async function clearSearch(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await listSettled(page, '');
}

/**
 * Waits until the list no longer shows the search index's progress (it shows it from the moment
 * the index starts loading; a start that shows none within 3 s had it loaded already); returns
 * the page's time then (from the navigation).
 */
async function searchIndexLoaded(page: Page, timeoutMs: number): Promise<number> {
  const progress = page.getByTestId('index-progress');
  await progress.waitFor({ state: 'attached', timeout: 3_000 }).catch(() => undefined);
  await progress.waitFor({ state: 'detached', timeout: timeoutMs });
  return Math.round(await page.evaluate(() => performance.now()));
}

export async function benchApp(
  scale: BenchScale,
  log: (message: string) => void,
): Promise<AppFigures | Readonly<{ skipped: string }>> {
  const unavailable = chromiumUnavailable(scale.chromium);
  if (unavailable) return { skipped: unavailable };
  const complaints = scale.appComplaints;
  const site = await mkdtemp(join(tmpdir(), 'meja-aduan-appbench-dist-'));
  const profile = await mkdtemp(join(tmpdir(), 'meja-aduan-appbench-profile-'));
  let host: BrowserHost | undefined;
  let last: Launched | undefined;
  try {
    const buildStart = Date.now();
    log('app: building the renderer (vite) and the bench page');
    await buildSite(site);
    const buildMs = Date.now() - buildStart;
    host = await startBrowserHost({ rootDir: site });
    const origin = host;

    log(`app: populating the profile with ${complaints} complaints`);
    const populate = await benchPage(origin, profile, log, (page) =>
      page.evaluate(
        (count) =>
          (globalThis as typeof globalThis & { mejaAduanAppBench: AppPageApi }).mejaAduanAppBench.populate({
            complaints: count,
          }),
        complaints,
      ),
    );
    log(`app: populated: ${JSON.stringify(populate)}`);

    const startTimeout = 3 * 60_000;
    const first = await coldStart(origin, profile, log, startTimeout);
    await searchIndexLoaded(first.launched.page, startTimeout);
    await first.launched.context.close();
    log(`app: first start after populating ${first.start.fromLaunchMs} ms`);
    const starts: AppStart[] = [];
    for (let round = 0; round < STARTS; round += 1) {
      const { start, launched } = await coldStart(origin, profile, log, startTimeout);
      starts.push(start);
      log(`app: start ${JSON.stringify(start)}`);
      log(
        `app: start ${round + 1}/${STARTS}: ${start.fromLaunchMs} ms from launch, ${start.fromNavigationMs} ms from navigation (${start.rows} rows)`,
      );
      if (round < STARTS - 1) await launched.context.close();
      else last = launched;
    }
    if (!last) throw new Error('no start');
    const { page } = last;
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const searchIndexLoadedMs = await searchIndexLoaded(page, startTimeout);
    const afterStart = await heapMB(page);
    log(`app: search index loaded ${searchIndexLoadedMs} ms after the navigation; heap ${afterStart} MB`);

    const queries: QueryTiming[] = [];
    for (const query of SEARCH_QUERIES.map(appQuery)) {
      await page.focus('#complaint-search');
      queries.push(await timeTyping(page, query));
      await clearSearch(page);
    }
    const toFirstResult = summarize(queries.map((timing) => timing.ms));
    const afterSearches = await heapMB(page);
    log(
      `app: typing to the first result p50 ${toFirstResult.p50} ms, p95 ${toFirstResult.p95} ms; heap ${afterSearches} MB`,
    );

    const dashboardLimit = 3 * 60_000;
    const dashboardStart = Date.now();
    await page.keyboard.press('Alt+1');
    let dashboard: AppFigures['dashboard'];
    try {
      await page.getByTestId('figures-by-status').waitFor({ timeout: dashboardLimit });
      dashboard = { ms: Date.now() - dashboardStart };
    } catch {
      dashboard = { timedOutAfterMs: dashboardLimit };
    }
    const afterDashboard = await heapMB(page);
    log(`app: dashboard ${JSON.stringify(dashboard)}; heap ${afterDashboard} MB`);
    await last.context.close();
    last = undefined;

    log('app: intake saves with the duplicate panel');
    const intakeWithPanel = await benchPage(origin, profile, log, (benchPageHandle) =>
      benchPageHandle.evaluate(
        (options) =>
          (
            globalThis as typeof globalThis & { mejaAduanAppBench: AppPageApi }
          ).mejaAduanAppBench.intakeWithPanel(options),
        { saves: scale.saves, warmupSaves: scale.warmupSaves, complaints },
      ),
    );
    log(`app: intake with the panel: ${JSON.stringify(intakeWithPanel)}`);

    return {
      targets: { coldStartP95AtMostMs: 1_500, heapAtMostMB: 250, intakeP95VsRawPutAtMost: 1.5 },
      complaints,
      userAgent,
      buildMs,
      populate,
      firstStartAfterPopulating: first.start,
      starts,
      coldStart: {
        fromLaunch: summarize(starts.map((start) => start.fromLaunchMs)),
        fromNavigation: summarize(starts.map((start) => start.fromNavigationMs)),
      },
      searchIndexLoadedMs,
      typing: { toFirstResult, queries },
      dashboard,
      heapMB: { afterStart, afterSearches, afterDashboard },
      intakeWithPanel,
    };
  } finally {
    await last?.context.close();
    await host?.close();
    await rm(profile, { recursive: true, force: true });
    await rm(site, { recursive: true, force: true });
  }
}
