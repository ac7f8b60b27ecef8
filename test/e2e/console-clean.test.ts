/**
 * The browser console stays clean (Chromium, the browser host): after setup and once sync runs
 * against the test central, round after round, the page logs no warning and no error, other than
 * the failed-resource lines Chromium writes for the 404s PouchDB expects (replication checkpoints
 * that do not exist yet on the unit's first device).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addCentralDevice,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, shownDeviceCode, UNIT } from './app-steps';
import { logComplaint } from './workflow-steps';

afterAll(stopBrowserHost);

describe.each(appHosts().filter((host) => host.name === 'browser'))('$name host', (host) => {
  let app: LaunchedApp;
  let central: CentralServer;
  /** This device's enrolment code (central device add). */
  let code: string;
  beforeEach(async () => {
    central = await startCentralServer();
    await setupCentralUnit(central, UNIT.code);
    app = await host.launch();
    await central.allowOrigins([new URL(app.page.url()).origin]);
    await completeSetup(app.page);
    ({ code } = await addCentralDevice(central, UNIT.code, await shownDeviceCode(app.page)));
  });
  afterEach(async () => {
    await app.close();
    await central.stop();
  });

  it('keeps the console free of warnings and errors once sync runs', async () => {
    const { page } = app;
    await logComplaint(page, { title: 'Air PDAM keruh', chronology: 'Sejak tiga hari.' });
    await page.locator('#main').focus();
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { name: 'Sinkronisasi', level: 1 }).waitFor();
    await page.getByLabel('Kode pendaftaran perangkat').fill(code);
    await page.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    const state = (): Promise<string | null> =>
      page.getByTestId('status-sync').getAttribute('data-sync-state');
    await expect.poll(state, { timeout: 20_000 }).toBe('up-to-date');
    // More rounds of changes: each must not add listeners that are never removed.
    for (let round = 0; round < 3; round += 1) {
      await logComplaint(page, {
        title: `Keluhan ${round + 1}`,
        chronology: 'Untuk menguji sinkronisasi.',
      });
      await page.locator('#main').focus();
      await page.keyboard.press('Alt+6');
      await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
      await expect.poll(state, { timeout: 20_000 }).toBe('up-to-date');
    }
    // The unit's first device: PouchDB looks for replication checkpoints that do not exist yet
    // (404), and the enrolment checks once that the one-time password no longer signs in (401),
    // which Chromium logs as failed resources; nothing else may show up.
    const expected = /^console: Failed to load resource: the server responded with a status of (401|404) /;
    expect(app.problems().filter((problem) => !expected.test(problem))).toEqual([]);
    expect(app.warnings()).toEqual([]);
  });
});
