/**
 * A complaint not on a new device yet, in Chromium at 1366×768 against the test central (Apache
 * CouchDB 3.5 on loopback): 40 complaints with their events and sealed reporters, logged on other
 * devices, are on the central; a device set up for the unit enrols, and its first download starts.
 * So that the download is still under way whatever the machine's speed, the page's `_bulk_get`
 * requests for any complaint but the one asked for are held (a slow network) until the end.
 *
 * At the desk, Daftar Pengaduan says under the results that the first download has not finished.
 * With the network off, Enter on a tracking number not here names it as not on this device yet and
 * asks to connect; with it on again, the list offers "Ambil dari pusat" for it and Enter opens its
 * complaint, fetched from the central, with its events; an unknown number is simply not found.
 * Once the download is let through the device catches up and the note is gone.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { intakeDocuments, workflowEvents } from '../../shared/couch/documents.fixtures';
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

const COMPLAINTS = 40;
/** The complaint asked for: closed, so the download would bring it last. */
const ASKED = intakeDocuments(UNIT.code, 31, 'named');
const ASKED_NUMBER = ASKED.complaint.trackingNumber;

/** 401/404 answers (a replication checkpoint not there yet) are expected, not the app's problems. */
const EXPECTED_HTTP = /^console: Failed to load resource: the server responded with a status of (401|404) /;
const appProblems = (app: LaunchedApp): readonly string[] =>
  app
    .problems()
    .filter((problem) => !EXPECTED_HTTP.test(problem) && !problem.includes('net::ERR_INTERNET_DISCONNECTED'));

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('status-sync').getAttribute('data-sync-state');
}

/** Whether a `_bulk_get` body asks for a record of another complaint than the one asked for. */
function othersAsked(body: string): boolean {
  const { docs = [] } = JSON.parse(body || '{}') as { docs?: { id: string }[] };
  return docs.some(
    ({ id }) =>
      (id.startsWith('complaint:') || id.startsWith('event:') || id.startsWith('reporter:')) &&
      !id.includes(`:${ASKED_NUMBER}:`) &&
      id !== `reporter:${ASKED_NUMBER}`,
  );
}

/** Holds the `_bulk_get` requests for other complaints until `release`; the others go through. */
class CentralValve {
  #open = false;
  readonly #waiting: (() => void)[] = [];
  held = 0;
  passedAsked = 0;

  release(): void {
    this.#open = true;
    for (const go of this.#waiting.splice(0)) go();
  }

  async pass(route: Route): Promise<void> {
    const body = route.request().postData() ?? '';
    if (!this.#open && othersAsked(body)) {
      this.held += 1;
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else if (body.includes(ASKED_NUMBER)) this.passedAsked += 1;
    await route.continue();
  }
}

/** The complaints on the central: even ones open, odd ones closed; one in four anonymous. */
async function loadComplaints(central: CentralServer): Promise<void> {
  const docs: { _id: string }[] = [];
  for (let sequence = 1; sequence <= COMPLAINTS; sequence += 1) {
    const intake =
      sequence === 31
        ? ASKED
        : intakeDocuments(UNIT.code, sequence, sequence % 4 === 1 ? 'anonymous' : 'named');
    docs.push(
      intake.complaint,
      ...(intake.reporter ? [intake.reporter] : []),
      intake.received,
      ...workflowEvents(
        intake,
        sequence % 2 === 0 ? ['verify'] : ['verify', 'follow-up', 'respond', 'close'],
      ),
    );
  }
  await writeAllAsDevices(central, UNIT.code, docs);
}

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

  it('fetches a complaint not downloaded yet from the central, or says it is not on this device yet', async () => {
    // The unit's complaints are on the central (logged on other devices) before this device syncs.
    await loadComplaints(central);
    const app = await host.launch();
    apps.push(app);
    const b = app.page;
    await central.allowOrigins([new URL(b.url()).origin]);
    await completeSetup(b);
    // Its first download starts with the enrolment; the complaints' documents wait.
    const valve = new CentralValve();
    await b.route(
      (url) => url.href.startsWith(central.url) && url.pathname.endsWith('/_bulk_get'),
      (route) => valve.pass(route),
    );
    const { code } = await addCentralDevice(central, UNIT.code, await shownDeviceCode(b));
    await b.keyboard.press('Alt+6');
    await b.getByRole('heading', { name: 'Sinkronisasi', level: 1 }).waitFor();
    await b.getByLabel('Kode pendaftaran perangkat').fill(code);
    await b.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    await expect.poll(() => valve.held, { timeout: 60_000 }).toBeGreaterThan(0);

    await b.keyboard.press('Alt+3');
    await b.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    const note = b.getByTestId('first-download');
    await expect
      .poll(() => note.innerText(), { timeout: 30_000 })
      .toMatch(/^Unduhan pertama belum selesai( \(\d+%\))?: pengaduan lama mungkin belum muncul\./);
    const search = b.locator('#complaint-search');

    // Offline: named as not on this device yet, nothing asked.
    await b.context().setOffline(true);
    await expect.poll(() => syncState(b), { timeout: 30_000 }).toBe('offline');
    await search.fill(ASKED_NUMBER.toLowerCase());
    await search.press('Enter');
    await b
      .getByText(
        new RegExp(
          `^Pengaduan ${ASKED_NUMBER} belum ada di perangkat ini: unduhan pertama (masih berjalan \\(\\d+%\\)|belum selesai); sambungkan ke jaringan untuk mengambilnya dari pusat\\.$`,
        ),
      )
      .waitFor();
    expect(valve.passedAsked).toBe(0);

    // Online again: offered from the central, and opened with Enter on the offer.
    await b.context().setOffline(false);
    await expect.poll(() => syncState(b), { timeout: 30_000 }).not.toBe('offline');
    const offer = b.getByRole('button', { name: 'Ambil dari pusat' });
    await offer.waitFor();
    await offer.focus();
    await b.keyboard.press('Enter');
    await b
      .getByRole('heading', { name: `Pengaduan ${ASKED_NUMBER}`, level: 1 })
      .waitFor({ timeout: 60_000 });
    expect(valve.passedAsked).toBeGreaterThan(0);
    await b.getByText('Antrean puskesmas 31').first().waitFor();

    // A number no complaint has: simply not found.
    await b.keyboard.press('Alt+3');
    await b.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    const unknown = ASKED_NUMBER.replace(/-\d+$/, '-0999');
    await search.fill(unknown);
    await search.press('Enter');
    await b.getByText(`Tidak ada pengaduan dengan nomor tiket ${unknown}.`).waitFor({ timeout: 60_000 });

    // The rest comes: the device catches up and the note goes.
    valve.release();
    await expect.poll(() => syncState(b), { timeout: 180_000 }).toBe('up-to-date');
    await note.waitFor({ state: 'detached' });
    expect(appProblems(app)).toEqual([]);
  }, 600_000);
});
