/**
 * The device budget in the built app (Chromium, the browser host, Apache CouchDB 3.5): the central
 * holds the unit's complaints of the last weeks (closed) and of two years ago (some open, some
 * closed). On a new device the manager keeps "the complaints received in the last N months, plus
 * every open one" under Pengaturan → Simpanan perangkat (a value out of bounds is refused in words,
 * 6 is saved with Enter), then enrols: the first download brings the recent complaints and the old
 * open ones and no old closed one; Daftar Pengaduan says what the device keeps. An old closed
 * complaint's tracking number is fetched from the central and opens, whole. Beranda's figures over
 * three years count every complaint of the unit: the old closed ones only on the central are read
 * from it, and the note above the figures says how many. Words searched in the list find the
 * device's complaints; "Cari juga di pusat" names the old closed ones only on the central, and one
 * opens from there.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { intakeDocuments, workflowEvents } from '../../shared/couch/documents.fixtures';
import { formatDateInput } from '../../shared/time/date-input';
import { localDateOf } from '../../shared/time/local-date';
import {
  addCentralDevice,
  setupCentralUnit,
  startCentralServer,
  writeAllAsDevices,
  type CentralServer,
} from '../support/central-server';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, shownDeviceCode, UNIT } from './app-steps';

afterAll(stopBrowserHost);

const DAY_MS = 86_400_000;
/** Ten days ago and two years ago (relative to the real clock, as the app's cutoff is). */
const RECENT = new Date(Date.now() - 10 * DAY_MS);
const OLD = new Date(Date.now() - 730 * DAY_MS);
const THREE_YEARS_AGO = new Date(Date.now() - 3 * 365 * DAY_MS);

/** Sequences 1–6 recent and closed; 7–10 old and open; 11–16 old and closed (13 is asked for). */
function intakeOf(sequence: number) {
  const at = sequence <= 6 ? RECENT : OLD;
  return intakeDocuments(UNIT.code, sequence, sequence % 4 === 1 ? 'anonymous' : 'named', {
    receivedAt: new Date(at.getTime() + sequence * 60_000),
    localDate: localDateOf(at, 'Asia/Jakarta'),
  });
}
const ASKED_NUMBER = intakeOf(13).complaint.trackingNumber;

async function loadComplaints(central: CentralServer): Promise<void> {
  const docs: { _id: string }[] = [];
  for (let sequence = 1; sequence <= 16; sequence += 1) {
    const intake = intakeOf(sequence);
    const open = sequence >= 7 && sequence <= 10;
    docs.push(
      intake.complaint,
      ...(intake.reporter ? [intake.reporter] : []),
      intake.received,
      ...workflowEvents(intake, open ? ['verify'] : ['verify', 'follow-up', 'respond', 'close']),
    );
  }
  await writeAllAsDevices(central, UNIT.code, docs);
}

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('status-sync').getAttribute('data-sync-state');
}

/** 401/404 answers (a replication checkpoint not there yet) are expected, not the app's problems. */
const EXPECTED_HTTP = /^console: Failed to load resource: the server responded with a status of (401|404) /;

describe.each(appHosts().filter((host) => host.name === 'browser'))('$name host', (host) => {
  let central: CentralServer;
  const apps: LaunchedApp[] = [];
  beforeEach(async () => {
    central = await startCentralServer();
    await setupCentralUnit(central, UNIT.code);
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await central.stop();
  });

  it('keeps the last 6 months and every open complaint; an old closed one opens from the central', async () => {
    await loadComplaints(central);
    const app = await host.launch();
    apps.push(app);
    const page = app.page;
    await central.allowOrigins([new URL(page.url()).origin]);
    await completeSetup(page);

    // Pengaturan → Simpanan perangkat: months, refused out of bounds, then 6.
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
    const section = page.getByTestId('device-budget');
    await section.getByRole('radio', { name: /^Pengaduan yang diterima N bulan terakhir/ }).check();
    const months = section.locator('#field-deviceBudgetMonths');
    await months.fill('0');
    await months.press('Enter');
    await expect.poll(() => months.getAttribute('aria-invalid')).toBe('true');
    await months.fill('6');
    await months.press('Enter');
    await page.getByText('Pengaturan unit tersimpan.').first().waitFor();

    // Enrol: the first download follows the budget.
    const { code } = await addCentralDevice(central, UNIT.code, await shownDeviceCode(page));
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { name: 'Sinkronisasi', level: 1 }).waitFor();
    await page.getByLabel('Kode pendaftaran perangkat').fill(code);
    await page.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    await expect.poll(() => syncState(page), { timeout: 120_000 }).toBe('up-to-date');

    // Daftar Pengaduan: 6 recent and 4 old open complaints, and what the device keeps.
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    await page
      .getByTestId('budget-note')
      .getByText(
        'Perangkat ini menyimpan pengaduan yang diterima 6 bulan terakhir dan semua yang masih terbuka.',
        { exact: false },
      )
      .waitFor();
    await expect
      .poll(() => page.getByTestId('list-summary').innerText(), { timeout: 30_000 })
      .toMatch(/^10 pengaduan$/);

    // An old closed complaint by its tracking number: fetched from the central, whole.
    const search = page.locator('#complaint-search');
    await search.fill(ASKED_NUMBER.toLowerCase());
    await search.press('Enter');
    await page
      .getByRole('heading', { name: `Pengaduan ${ASKED_NUMBER}`, level: 1 })
      .waitFor({ timeout: 60_000 });
    await page.getByText('Antrean puskesmas 13').first().waitFor();
    await page.getByTestId('status-text').getByText('Selesai').waitFor();

    // Beranda over three years counts the whole unit: the 5 old closed complaints still only on
    // the central are read from it (13 came above) and counted, and the note says so.
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { name: 'Beranda', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Pilih tanggal' }).check();
    await page.getByLabel('Dari tanggal').fill(formatDateInput(localDateOf(THREE_YEARS_AGO, 'Asia/Jakarta')));
    await page.getByLabel('Sampai tanggal').fill(formatDateInput(localDateOf(new Date(), 'Asia/Jakarta')));
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('figure-received')
            .innerText()
            .catch(() => ''),
        { timeout: 60_000 },
      )
      .toBe('16');
    expect(await page.getByTestId('figure-open').innerText()).toBe('4');
    expect(await page.getByTestId('budget-counts-note').innerText()).toContain(
      'Angka di sini menghitung semua pengaduan unit, termasuk 5 pengaduan lama yang hanya ada di pusat',
    );

    // Words in the list find the device's 11 complaints (13 came above); "Cari juga di pusat" names the old closed ones
    // only on the central, marked so, and one of them is fetched and opened from there.
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    await search.fill('antrean puskesmas');
    await expect
      .poll(() => page.getByTestId('list-summary').innerText(), { timeout: 30_000 })
      .toMatch(/^11 pengaduan/);
    await page.getByRole('button', { name: 'Cari juga di pusat' }).click();
    const found = page.getByTestId('central-results');
    await found
      .getByRole('heading', { name: '5 pengaduan lama hanya ada di pusat' })
      .waitFor({ timeout: 60_000 });
    const hits = found.locator('li');
    expect(await hits.count()).toBe(5);
    expect(await hits.first().innerText()).toContain('Antrean puskesmas 16');
    expect(await hits.first().innerText()).toContain('Hanya di pusat');
    const fetchedNumber = intakeOf(16).complaint.trackingNumber;
    await found.getByRole('button', { name: `Ambil ${fetchedNumber} dari pusat` }).click();
    await page
      .getByRole('heading', { name: `Pengaduan ${fetchedNumber}`, level: 1 })
      .waitFor({ timeout: 60_000 });
    expect(app.problems().filter((problem) => !EXPECTED_HTTP.test(problem))).toEqual([]);
  }, 600_000);
});
