/**
 * The app's start loads only what the desk shows at once (docs/benchmarks.md, 'The whole app'):
 * after a start on the list, none of the screens only some officers open (Beranda, Paket P4 with
 * the packet's writers, Sinkronisasi, Pengaturan) has been loaded; each still opens with its
 * keyboard shortcut, loading its own part then, under the production CSP, with a clean console.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, signIn } from './app-steps';

afterAll(stopBrowserHost);

/** The names of the scripts the page has loaded so far (file names, without their hashes' meaning). */
function scriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name.replace(/^.*\//, ''))
      .filter((name) => name.endsWith('.js')),
  );
}

const LATER_SCREENS =
  /^(dashboard-screen|packet-screen|settings-screen|sync-screen|conflicts-screen|build-packet)-/;

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('starts on the list without the other screens; each opens with its shortcut, loading its part then', async () => {
    const { page } = app;
    await completeSetup(page);
    // A start on the list: the sign-in, then the list with its search box.
    await page.evaluate(() => {
      location.hash = '#/pengaduan';
    });
    await page.reload();
    await signIn(page);
    await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    expect((await scriptsLoaded(page)).filter((name) => LATER_SCREENS.test(name))).toEqual([]);

    const opened = async (key: string, heading: string, part: string): Promise<void> => {
      await page.keyboard.press(key);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect((await scriptsLoaded(page)).some((name) => name.startsWith(`${part}-`))).toBe(true);
    };
    await opened('Alt+5', 'Paket P4', 'packet-screen');
    await opened('Alt+6', 'Sinkronisasi', 'sync-screen');
    await opened('Alt+7', 'Pengaturan', 'settings-screen');
    await opened('Alt+1', 'Beranda', 'dashboard-screen');
    // Back on the list with its shortcut, as it was.
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    expect(app.problems()).toEqual([]);
  });
});
