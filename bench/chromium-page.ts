/**
 * A page in Debian's Chromium for the measurements that need IndexedDB: `entry` (a module under
 * ./browser) is bundled with esbuild into a temporary folder, served on loopback by the browser
 * host's server (scripts/browser-host: the app's CSP and headers), and opened in headless Chromium
 * (playwright-core) with a fresh profile on disk (an incognito context would keep IndexedDB in
 * memory). Everything started is stopped, and the folders removed, even on error.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../scripts/browser-host';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium';
import { PAGE_LOG_PREFIX } from './browser/page-log';

/** Why Chromium cannot be used here (a note for the JSON), or undefined when it can. */
export function chromiumUnavailable(enabled: boolean): string | undefined {
  if (!enabled) return 'BENCH_CHROMIUM=0';
  if (!findChromium()) {
    return 'Chromium not found (CHROMIUM_PATH, /usr/bin/chromium): run `npx tsx scripts/ensure-chromium.ts`';
  }
  return undefined;
}

/** Thrown when Chromium is there but does not start: the caller reports it as skipped. */
export class ChromiumDidNotStart extends Error {}

/**
 * Bundles a bench page's script into `dir` with an index.html loading it; `urlPath` is where the
 * server serves `dir` (the app bench puts its page beside the app's own files).
 */
export async function bundlePage(entry: string, dir: string, urlPath = '/'): Promise<string> {
  const script = `${basename(entry, '.ts')}.js`;
  await build({
    entryPoints: [entry],
    outfile: join(dir, script),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Names the code of a CPU profile (./page-cpu-profile).
    sourcemap: true,
    logLevel: 'silent',
    // pouchdb-browser's dependencies read `global`.
    define: { global: 'globalThis' },
  });
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Meja Aduan bench</title>' +
      `<script type="module" src="${urlPath}${script}"></script></head><body></body></html>`,
  );
  return script;
}

/**
 * Runs `work` with a page that has loaded `entry` and set `globalThis[apiName]`. The page's
 * progress lines (./browser/page-log) go to `log`, tagged with `tag`.
 */
export async function withChromiumPage<T>(
  entry: string,
  apiName: string,
  tag: string,
  log: (message: string) => void,
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath) throw new ChromiumDidNotStart('Chromium not found');
  const pageDir = await mkdtemp(join(tmpdir(), 'meja-aduan-bench-page-'));
  const profile = await mkdtemp(join(tmpdir(), 'meja-aduan-bench-profile-'));
  let host: BrowserHost | undefined;
  let context: BrowserContext | undefined;
  try {
    await bundlePage(entry, pageDir);
    host = await startBrowserHost({ rootDir: pageDir });
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        // Precise heap figures, and `gc()` for a heap measured after a full collection (first-sync).
        args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      });
    } catch (error) {
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new ChromiumDidNotStart(`Chromium did not start: ${message}`);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'info' && text.startsWith(PAGE_LOG_PREFIX)) {
        log(`${text.slice(PAGE_LOG_PREFIX.length)} (${tag})`);
      }
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(host.url);
    try {
      await page.waitForFunction((name) => name in globalThis, apiName, { timeout: 30_000 });
    } catch {
      throw new Error(`the bench page did not load: ${problems.join('; ') || 'no error shown'}`);
    }
    return await work(page);
  } finally {
    await context?.close();
    await host?.close();
    await rm(profile, { recursive: true, force: true });
    await rm(pageDir, { recursive: true, force: true });
  }
}
