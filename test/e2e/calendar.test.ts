/**
 * The national calendar end to end in Chromium, against the test central (Apache CouchDB on
 * loopback) with the clock at Monday 23 November 2026: a complaint logged at the desk is due for
 * verification on Thursday 26 November; the central declares Tuesday 24 November a holiday with
 * one command (`npm run central -- calendar import`, as a child process); the synced device moves
 * the due date by a working day, to Friday 27 November, in the detail and the list, and a banner
 * says why ("Hari libur 2026 diperbarui: tenggat dihitung ulang"). Pengaturan names where each
 * date comes from; the closed banner stays closed after a reload.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_HOLIDAYS } from '../../shared/calendar/indonesian-holidays';
import { weekdayOf } from '../../shared/calendar/national-calendar';
import {
  addCentralDevice,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, shownDeviceCode, signIn, UNIT } from './app-steps';
import { logComplaint, openComplaint } from './workflow-steps';

/** Monday 23 November 2026, 10:00 WIB. */
const MONDAY = new Date('2026-11-23T03:00:00Z');
/**
 * Chromium logs every non-2xx answer as a console error: the central's 404 for a replication
 * checkpoint that does not exist yet and 401 while the device signs in (as in ./sync.test.ts) are
 * not problems of the app.
 */
const EXPECTED_HTTP = /^console: Failed to load resource: the server responded with a status of (401|404) /;

afterAll(stopBrowserHost);

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('status-sync').getAttribute('data-sync-state');
}

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  let central: CentralServer;
  let folder: string;
  beforeEach(async () => {
    central = await startCentralServer();
    await setupCentralUnit(central, UNIT.code);
    folder = await mkdtemp(join(tmpdir(), 'meja-aduan-calendar-e2e-'));
    app = await host.launch();
    await app.page.clock.setFixedTime(MONDAY);
    await app.page.reload();
    const origin = new URL(app.page.url()).origin;
    if (origin.startsWith('http')) await central.allowOrigins([origin]);
    await completeSetup(app.page);
  });
  afterEach(async () => {
    await app.close();
    await central.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('moves an open complaint’s due date when the central adds a holiday, and says why', async () => {
    const { page } = app;
    const { code } = await addCentralDevice(central, UNIT.code, await shownDeviceCode(page));
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { name: 'Sinkronisasi', level: 1 }).waitFor();
    await page.getByLabel('Kode pendaftaran perangkat').fill(code);
    await page.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    await expect.poll(() => syncState(page), { timeout: 30_000 }).toBe('up-to-date');

    const number = await logComplaint(page, { title: 'Jalan berlubang', chronology: 'Di depan pasar.' });
    await openComplaint(page, number);
    const due = (): Promise<string | null> =>
      page.getByTestId('deadline').locator('[data-due-date]').getAttribute('data-due-date');
    expect(await due()).toBe('2026-11-26'); // Monday + 3 working days
    expect(await page.getByTestId('calendar-banner').count()).toBe(0);

    // The central: the 2026 decree with Tuesday 24 November added, one command.
    const file = join(folder, 'libur-2026.json');
    const entries = [
      ...(DEFAULT_HOLIDAYS[2026] ?? []).map((holiday) => ({
        date: holiday.date,
        weekday: weekdayOf(holiday.date),
        name: holiday.name,
        kind: holiday.kind === 'national-holiday' ? 'holiday' : 'cuti-bersama',
      })),
      {
        date: '2026-11-24',
        weekday: 'Selasa',
        name: { id: 'Libur nasional tambahan', en: 'Additional national holiday' },
        kind: 'holiday',
      },
    ];
    await writeFile(
      file,
      JSON.stringify({ year: 2026, source: 'SKB 3 Menteri 1497/2025, as amended', entries }),
    );
    const imported = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'central/cli.ts', 'calendar', 'import', file, '--url', central.adminUrl],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(imported.status, imported.stderr).toBe(0);

    // The device receives it by sync: the due date moves by a working day and the banner says why.
    await expect.poll(due, { timeout: 30_000 }).toBe('2026-11-27');
    const banner = page.getByTestId('calendar-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Hari libur 2026 diperbarui: tenggat dihitung ulang.');
    // The list reads the complaint index, summarised again with the new calendar.
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    await expect
      .poll(() =>
        page.getByTestId('complaint-table').locator('[data-due-date]').first().getAttribute('data-due-date'),
      )
      .toBe('2026-11-27');

    // Pengaturan: where each date of 2026 comes from.
    await page.keyboard.press('Alt+7');
    const effective = page.getByTestId('holidays-effective');
    await effective.waitFor();
    await page.locator('#holiday-year').selectOption('2026');
    const added = effective.locator('tr', { hasText: '24/11/2026' });
    expect(await added.innerText()).toContain('Keputusan via pusat');
    expect(await page.getByTestId('holidays-base').innerText()).toContain('versi 1');

    // Closed, the banner stays closed on this device.
    await banner.getByRole('button', { name: 'Tutup pemberitahuan hari libur' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await page.reload();
    await signIn(page);
    await expect.poll(() => syncState(page), { timeout: 30_000 }).toBe('up-to-date');
    expect(await page.getByTestId('calendar-banner').count()).toBe(0);
    expect(app.problems().filter((problem) => !EXPECTED_HTTP.test(problem))).toEqual([]);
  });
});
