/**
 * The hosts the E2E specs run against: the browser host (built renderer served on loopback,
 * driven in Debian's Chromium) always, and Electron through Playwright's `_electron` where an
 * Electron binary exists. Every launch gets a fresh profile folder, with production security
 * settings (the same CSP and sandbox the app ships with).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, chromium, type Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../scripts/browser-host';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium';

export type LaunchedApp = Readonly<{
  page: Page;
  /** Uncaught page errors and console errors seen so far (CSP violations show up here). */
  problems: () => readonly string[];
  /** Console warnings seen so far (for the specs that hold the console to no warnings too). */
  warnings: () => readonly string[];
  close: () => Promise<void>;
}>;

export type AppHost = Readonly<{ name: 'browser' | 'electron'; launch: () => Promise<LaunchedApp> }>;

/**
 * The built renderer the browser host serves: dist/renderer (`npm run build:renderer`), or another
 * build named by MEJA_ADUAN_RENDERER_DIR (`vite build --outDir …`), so that several people working
 * in one checkout can each test their own build.
 */
const RENDERER_DIR = process.env.MEJA_ADUAN_RENDERER_DIR ?? join('dist', 'renderer');
const VIEWPORT = { width: 1366, height: 768 };

function watchProblems(page: Page): Pick<LaunchedApp, 'problems' | 'warnings'> {
  const problems: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    if (message.type() === 'warning') warnings.push(`console: ${message.text()}`);
  });
  return { problems: () => problems, warnings: () => warnings };
}

function electronBinary(): string | undefined {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

let server: BrowserHost | undefined;

/** The browser host serving the built renderer (started once per file; `stopBrowserHost` stops it). */
export async function browserHostUrl(): Promise<string> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
  }
  server ??= await startBrowserHost({ rootDir: RENDERER_DIR });
  return server.url;
}

export async function stopBrowserHost(): Promise<void> {
  await server?.close();
  server = undefined;
}

const browserHost: AppHost = {
  name: 'browser',
  launch: async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('Chromium not found: run `npx tsx scripts/ensure-chromium.ts`.');
    const url = await browserHostUrl();
    const profile = await mkdtemp(join(tmpdir(), 'meja-aduan-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
      viewport: VIEWPORT,
      acceptDownloads: true,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const watched = watchProblems(page);
    await page.goto(url);
    return {
      page,
      ...watched,
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  },
};

const electronHost = (binary: string): AppHost => ({
  name: 'electron',
  launch: async () => {
    const profile = await mkdtemp(join(tmpdir(), 'meja-aduan-e2e-electron-'));
    const app = await _electron.launch({
      executablePath: binary,
      args: ['.', `--user-data-dir=${profile}`],
      env: { ...process.env, TZ: 'Asia/Jakarta', LANG: 'id_ID.UTF-8' },
    });
    const page = await app.firstWindow();
    await page.setViewportSize(VIEWPORT);
    const watched = watchProblems(page);
    return {
      page,
      ...watched,
      close: async () => {
        await app.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  },
});

/** The hosts to run every spec against on this machine. */
export function appHosts(): readonly AppHost[] {
  const binary = electronBinary();
  if (!binary || !existsSync(join('dist-electron', 'main.cjs'))) {
    console.info('E2E: Electron binary not present on this machine: specs run in the browser host only.');
    return [browserHost];
  }
  return [browserHost, electronHost(binary)];
}
