/**
 * Where a cold start's time goes: `npx tsx bench/profile-start.ts` (docs/benchmarks.md, 'Where the
 * start's time goes'). The built renderer and a profile filled as `BENCH_ONLY=app` fills it
 * (./app: populate), then, in a copy of that profile, one unmeasured start (Chromium's caches
 * warm, as the bench's first start) and `PROFILE_RUNS` profiled cold starts: each a new browser
 * process with a Chromium trace (DevTools protocol `Tracing`: the page's main thread, the app's
 * own `performance.mark`s `meja-aduan:*`, the probe's `bench:*`) and a V8 CPU profile
 * (`Profiler`) from before the navigation to the search index ready. The sign-in is typed by the
 * probe at once (the person's part left out, as in ./app). Prints, per phase, the time, the main
 * thread's busy time, the trace's work by kind and the CPU profile by origin (./start-profile-analysis);
 * writes the trace, the profile and the figures to `PROFILE_OUT`.
 *
 * Environment: PROFILE_COMPLAINTS (3,000), PROFILE_RUNS (2), PROFILE_OUT (a new folder in /tmp),
 * PROFILE_KEEP (a folder keeping the filled profile between runs: filled once per number of
 * complaints), PROFILE_PORT (4391: the origin the kept profile's databases belong to),
 * PROFILE_NEW_DAY=1 (each profiled start is the day's first: the complaint index's daily
 * re-summarise runs).
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../scripts/browser-host';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium';
import { benchPage, buildSite } from './app';
import { BENCH_PASSPHRASE } from './app-records';
import type { AppPageApi } from './browser/app-page';
import { BENCH_UNIT } from './sample-records';
import {
  analyseStart,
  marksOf,
  type CpuProfile,
  type Phase,
  type SourceMap,
  type TraceEvent,
} from './start-profile-analysis';

const complaints = Number(process.env.PROFILE_COMPLAINTS ?? 3_000);
const runs = Number(process.env.PROFILE_RUNS ?? 2);
const port = Number(process.env.PROFILE_PORT ?? 4391);
const newDay = process.env.PROFILE_NEW_DAY === '1';
const log = (message: string): void => void process.stderr.write(`${message}\n`);

/** Marks, in the page, the sign-in screen ready, the sign-in's Enter, the first rows and the list interactive. */
const PROBE = `(() => {
  const seen = {};
  globalThis.__startProfile = seen;
  const mark = (name) => {
    if (seen[name]) return;
    seen[name] = true;
    performance.mark('bench:' + name);
  };
  const check = () => {
    const table = document.querySelector('[data-testid="complaint-table"]');
    const rows = table && table.getAttribute('aria-busy') !== 'true'
      ? table.querySelectorAll('tbody tr[data-tracking-number]').length
      : 0;
    if (rows > 0) mark('rows');
    const active = document.activeElement;
    if (active && active.matches('.chooser__officer')) mark('sign-in-ready');
    if (active && active.id === 'complaint-search') mark('focused');
    if (rows > 0 && active && active.id === 'complaint-search') {
      mark('interactive');
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && document.activeElement && document.activeElement.type === 'password') mark('enter');
  }, { capture: true });
})();`;

const PHASES: readonly Phase[] = [
  { name: 'navigation → app script evaluated', from: 'navigationStart', to: 'meja-aduan:script' },
  { name: 'app script → sign-in screen ready', from: 'meja-aduan:script', to: 'bench:sign-in-ready' },
  { name: 'navigation → sign-in screen ready', from: 'navigationStart', to: 'bench:sign-in-ready' },
  { name: "sign-in's Enter → list interactive", from: 'bench:enter', to: 'bench:interactive' },
  { name: 'list interactive → search index ready', from: 'bench:interactive', to: 'meja-aduan:search-ready' },
];

const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'loading',
];

type Probe = typeof globalThis & { __startProfile?: Record<string, boolean> };

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: npx tsx scripts/ensure-chromium.ts');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1366, height: 768 },
  });
  await context.addInitScript({ content: PROBE });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  return { context, page };
}

const seen = (page: Page, name: string, timeout: number): Promise<unknown> =>
  page.waitForFunction((mark) => (globalThis as Probe).__startProfile?.[mark] === true, name, {
    timeout,
    polling: 20,
  });

/** Opens the app on its list, signs in at once, waits for the list interactive (and, when asked, the search index). */
async function start(host: BrowserHost, page: Page, waitForSearch: boolean): Promise<void> {
  await page.goto(`${host.url}#/pengaduan`);
  await seen(page, 'sign-in-ready', 120_000);
  await page.keyboard.press('Enter');
  const secret = page.locator('input[type="password"]').first();
  await secret.waitFor({ timeout: 60_000 });
  await secret.focus();
  await page.keyboard.type(BENCH_PASSPHRASE);
  await page.keyboard.press('Enter');
  await seen(page, 'interactive', 120_000);
  if (waitForSearch) {
    await page
      .waitForFunction(() => performance.getEntriesByName('meja-aduan:search-ready').length > 0, undefined, {
        timeout: 120_000,
        polling: 100,
      })
      .catch(() => log('the search index was not ready within 2 minutes'));
  }
}

/** The day's re-summarise stamp removed from the device database, so that the next start is the day's first. */
async function forgetResummarised(host: BrowserHost, page: Page): Promise<void> {
  await page.goto(`${host.url}blank.html`);
  await page.evaluate(
    (key) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('meja-aduan-device');
        open.onerror = () => reject(new Error('device database not opened'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').delete(key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('stamp not removed'));
        };
      }),
    `index-resummarised:${BENCH_UNIT}`,
  );
}

async function traced(
  host: BrowserHost,
  profileDir: string,
): Promise<{ events: TraceEvent[]; cpu: CpuProfile }> {
  const { context, page } = await launch(profileDir);
  try {
    if (newDay) await forgetResummarised(host, page);
    // A page of the same origin first, so that the app's navigation stays in the profiled renderer.
    await page.goto(`${host.url}blank.html`);
    const cdp: CDPSession = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: TRACE_CATEGORIES },
    });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await start(host, page, true);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return { events, cpu: profile };
  } finally {
    await context.close();
  }
}

async function sourceMaps(site: string, origin: string): Promise<Map<string, SourceMap>> {
  const maps = new Map<string, SourceMap>();
  const assets = join(site, 'assets');
  for (const file of await readdir(assets)) {
    if (!file.endsWith('.js.map')) continue;
    const map = JSON.parse(await readFile(join(assets, file), 'utf8')) as SourceMap;
    maps.set(`${origin}assets/${file.slice(0, -'.map'.length)}`, map);
  }
  return maps;
}

async function filledProfile(host: BrowserHost): Promise<string> {
  const keep = process.env.PROFILE_KEEP ?? join(tmpdir(), 'meja-aduan-start-profile');
  const filled = join(keep, `filled-${complaints}-port-${port}`);
  if (existsSync(join(filled, 'populated.json'))) return filled;
  await rm(filled, { recursive: true, force: true });
  await mkdir(filled, { recursive: true });
  log(`filling a profile with ${complaints} complaints (once, kept in ${filled})`);
  const populated = await benchPage(host, filled, log, (page) =>
    page.evaluate(
      (count) =>
        (globalThis as typeof globalThis & { mejaAduanAppBench: AppPageApi }).mejaAduanAppBench.populate({
          complaints: count,
        }),
      complaints,
    ),
  );
  await writeFile(join(filled, 'populated.json'), JSON.stringify(populated));
  return filled;
}

const fmt = (items: readonly { ms: number }[], key: (item: never) => string): string =>
  items
    .filter((item) => item.ms >= 1)
    .map((item) => `${key(item as never)} ${item.ms}`)
    .join(', ');

async function main(): Promise<void> {
  const out = process.env.PROFILE_OUT ?? (await mkdtemp(join(tmpdir(), 'meja-aduan-start-profile-out-')));
  await mkdir(out, { recursive: true });
  // The built app stays beside the figures (its source maps name the profile's code).
  const site = join(out, 'site');
  const copy = await mkdtemp(join(tmpdir(), 'meja-aduan-start-profile-run-'));
  let host: BrowserHost | undefined;
  try {
    log('building the renderer (vite) and the bench page');
    await buildSite(site);
    await writeFile(join(site, 'blank.html'), '<!doctype html><title>blank</title>');
    host = await startBrowserHost({ rootDir: site, port });
    const filled = await filledProfile(host);
    await cp(filled, copy, { recursive: true });
    const maps = await sourceMaps(site, host.url);
    log('an unmeasured start (caches warm)');
    {
      const { context, page } = await launch(copy);
      try {
        await start(host, page, true);
      } finally {
        await context.close();
      }
    }
    const results = [];
    for (let run = 1; run <= runs; run += 1) {
      const load = loadavg().map((value) => Math.round(value * 10) / 10);
      const { events, cpu } = await traced(host, copy);
      await writeFile(join(out, `trace-${run}.json`), JSON.stringify({ traceEvents: events }));
      await writeFile(join(out, `cpu-${run}.cpuprofile`), JSON.stringify(cpu));
      const marks = marksOf(events, ['meja-aduan:', 'bench:']);
      const script = marks.get('meja-aduan:script');
      const navigation = events
        .filter((event) => event.name === 'navigationStart' && (script === undefined || event.ts <= script))
        .at(-1);
      if (navigation) marks.set('navigationStart', navigation.ts);
      const origin = navigation?.ts ?? 0;
      const phases = analyseStart(events, cpu, maps, marks, PHASES, 'meja-aduan:script');
      const markTimes = Object.fromEntries(
        [...marks].sort((a, b) => a[1] - b[1]).map(([name, ts]) => [name, Math.round((ts - origin) / 1000)]),
      );
      results.push({ run, loadAverage: load, marks: markTimes, phases });
      log(
        `\nrun ${run} (load average ${load.join(' / ')}): marks (ms from navigation) ${JSON.stringify(markTimes)}`,
      );
      log(
        `  CPU profile ${Math.round((cpu.startTime - origin) / 1000)}…${Math.round((cpu.endTime - origin) / 1000)} ms`,
      );
      for (const phase of phases) {
        log(`  ${phase.name}: ${phase.ms} ms, main thread busy ${phase.mainThreadBusyMs} ms`);
        log(`    trace: ${fmt(phase.byKind, (item: { kind: string }) => item.kind)}`);
        log(`    origin: ${fmt(phase.byOrigin, (item: { origin: string }) => item.origin)}`);
        log(`    source: ${fmt(phase.bySource, (item: { source: string }) => item.source)}`);
        log(`    functions: ${fmt(phase.topFunctions.slice(0, 8), (item: { fn: string }) => item.fn)}`);
      }
    }
    await writeFile(join(out, 'figures.json'), JSON.stringify({ complaints, newDay, results }, null, 2));
    log(`\nwritten to ${out}`);
  } finally {
    await host?.close();
    await rm(copy, { recursive: true, force: true });
  }
}

await main();
