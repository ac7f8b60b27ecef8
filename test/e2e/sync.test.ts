/**
 * Sync end to end in Chromium against the test central (Apache CouchDB on loopback, or
 * pouchdb-server as a fallback: test/support/central-server), provisioned with the unit's
 * database, user and validator by the same code as `npm run central -- setup`: a manager
 * configures sync in the UI; a complaint logged in the app reaches the server; one written on the
 * server appears in the app; a wrong password is told apart; a conflict on the unit's office list
 * is shown and resolved through the UI.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deviceUserName, unitDatabaseName } from '../../shared/couch/couch-names';
import { formatEnrolmentCode, type Enrolment } from '../../shared/enrolment/enrolment-code';
import { buildIntakeDocuments } from '../../shared/complaint/intake-documents';
import {
  addCentralDevice,
  centralDeviceCredentials,
  setupCentralUnit,
  startCentralServer,
  type CentralServer,
} from '../support/central-server';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, shownDeviceCode, signIn, transferUnitKey, UNIT } from './app-steps';
import { addOffices, logComplaint } from './workflow-steps';
import { forReplicationWrite } from '../../shared/couch/revision-writes';
import { baseOfId } from '../../shared/ids/content-id';

/** The app's device: its enrolment code (central device add). */
let CODE: string;
let ENROLMENT: Enrolment;
/** Another device of the unit, writing on the server directly. */
const OTHER_DEVICE = 'Z9Q';
let central: CentralServer;

afterAll(stopBrowserHost);

/**
 * Chromium logs every non-2xx answer as a console error. The central answers 401 to a wrong
 * password and 404 when PouchDB looks for a replication checkpoint that does not exist yet: both
 * expected here, so they are not counted as problems of the app.
 */
const EXPECTED_HTTP = /^console: Failed to load resource: the server responded with a status of (401|404) /;
const appProblems = (app: LaunchedApp): readonly string[] =>
  app.problems().filter((problem) => !EXPECTED_HTTP.test(problem));

/** A request to the unit's database as another device of the unit (its own account). */
async function unitRequest(path: string, init: RequestInit = {}): Promise<Response> {
  const other = await centralDeviceCredentials(central, UNIT.code, OTHER_DEVICE);
  const auth = Buffer.from(`${other.user}:${other.password}`).toString('base64');
  const headers = new Headers({ Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' });
  new Headers(init.headers).forEach((value, name) => {
    headers.set(name, value);
  });
  return fetch(`${central.url}${unitDatabaseName(UNIT.code)}/${path}`, { ...init, headers });
}

async function serverDoc(id: string, query = ''): Promise<Record<string, unknown> | undefined> {
  const response = await unitRequest(`${encodeURIComponent(id)}${query}`);
  return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
}

async function configureSync(page: Page, code: string): Promise<void> {
  await page.keyboard.press('Alt+6');
  await page.getByRole('heading', { name: 'Sinkronisasi', level: 1 }).waitFor();
  await page.getByLabel('Kode pendaftaran perangkat').fill(code);
}

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('status-sync').getAttribute('data-sync-state');
}

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  // A fresh central per test: each test's device is the unit's first.
  beforeEach(async () => {
    central = await startCentralServer();
    await setupCentralUnit(central, UNIT.code);
    app = await host.launch();
    // CouchDB answers only the web origins it allows (docs/central.md, CORS); the browser host's
    // port is chosen per run. (The Electron app's origin is allowed from the start.)
    const origin = new URL(app.page.url()).origin;
    if (origin.startsWith('http')) await central.allowOrigins([origin]);
    await completeSetup(app.page);
    ({ code: CODE, enrolment: ENROLMENT } = await addCentralDevice(
      central,
      UNIT.code,
      await shownDeviceCode(app.page),
    ));
  });
  afterEach(async () => {
    await app.close();
    await central.stop();
  });

  it('tells a typo and a wrong code apart, enrols with its code, then syncs both ways', async () => {
    const { page } = app;
    expect(await page.getByTestId('status-sync').innerText()).toContain('belum tersambung');
    // A typo is caught by the code's check, before any request.
    await configureSync(page, CODE.replace(/-(\w)(\w)(\w\w)-/, '-$2$1$3-'));
    await page.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    await expect.poll(() => page.getByText('salah ketik').count()).toBeGreaterThan(0);
    // A well-formed code whose one-time password is not the account's: refused by the server.
    await configureSync(page, formatEnrolmentCode({ ...ENROLMENT, password: 'ABCDEFGHJKMNPQRS' }));
    await page.getByRole('button', { name: 'Uji koneksi' }).click();
    const refused = page.getByTestId('sync-test-result');
    await expect.poll(() => refused.getAttribute('data-reason')).toBe('unauthorized');
    await page.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    await expect
      .poll(() => page.getByText('Server pusat menolak kode pendaftaran ini').count())
      .toBeGreaterThan(0);
    expect(await syncState(page)).toBe('disabled');

    await page.getByLabel('Kode pendaftaran perangkat').fill(CODE);
    await page.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    await expect.poll(() => syncState(page), { timeout: 20_000 }).toBe('up-to-date');
    // Enrolled: the one-time password no longer signs in (the device has its own).
    const oneTime = Buffer.from(`${deviceUserName(UNIT.code, ENROLMENT.deviceCode)}:${ENROLMENT.password}`);
    const tried = await fetch(`${central.url}${unitDatabaseName(UNIT.code)}`, {
      headers: { Authorization: `Basic ${oneTime.toString('base64')}` },
    });
    expect(tried.status).toBe(401);
    // The browser host keeps the password in IndexedDB and says so.
    await page.getByTestId('secret-warning').waitFor();

    // App → server: a complaint logged here arrives on the central with its received event.
    const number = await logComplaint(page, { title: 'Air PDAM keruh', chronology: 'Sejak tiga hari.' });
    await expect
      .poll(
        async () => {
          const response = await unitRequest('_all_docs?startkey="complaint:"&endkey="complaint:\ufff0"');
          const body = (await response.json()) as { rows: { id: string }[] };
          return body.rows.map((row) => row.id).some((id) => baseOfId(id).endsWith(number));
        },
        { timeout: 20_000 },
      )
      .toBe(true);

    // Server → app: a complaint another device logged appears in the list.
    const other = buildIntakeDocuments(
      {
        channel: 'phone',
        reportType: 'complaint',
        privacyMode: 'anonymous',
        reporter: { name: '', nik: '', phone: '', email: '', address: '' },
        title: 'Sampah menumpuk di pasar',
        chronology: 'Belum diangkut seminggu.',
        incidentDate: '2026-11-20',
        location: 'Pasar Baru',
        category: 'environment',
        targetOffice: '',
        attachments: [],
      },
      {
        unitCode: UNIT.code,
        deviceCode: OTHER_DEVICE,
        sequence: 1,
        eventSequence: 1,
        officer: { officerId: 'officer-other', name: 'Petugas Lain' },
        receivedAt: new Date(),
        localDate: new Date().toISOString().slice(0, 10),
      },
    );
    const written = await unitRequest('_bulk_docs', {
      method: 'POST',
      body: JSON.stringify({
        docs: [other.complaint, other.received].map(forReplicationWrite),
        new_edits: false,
      }),
    });
    expect(written.status).toBe(201);
    await page.keyboard.press('Alt+3');
    await expect
      .poll(() => page.getByTestId('complaint-table').innerText(), { timeout: 20_000 })
      .toContain(other.complaint.trackingNumber);
    expect(await page.getByTestId('complaint-table').innerText()).toContain('Sampah menumpuk di pasar');
    await expect.poll(() => syncState(page), { timeout: 20_000 }).toBe('up-to-date');
    // The unsent count is recounted shortly after the replication catches up.
    await expect
      .poll(() => page.getByTestId('status-sync').innerText(), { timeout: 20_000 })
      .not.toContain('belum terkirim');
    expect(appProblems(app)).toEqual([]);
  });

  it('shows a conflict on the office list side by side and keeps the version a manager chooses', async () => {
    const { page } = app;
    await addOffices(page, ['Dinas Kesehatan']);
    await configureSync(page, CODE);
    await page.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    await expect.poll(() => syncState(page), { timeout: 20_000 }).toBe('up-to-date');
    await expect
      .poll(async () => (await serverDoc('unit-offices'))?.offices, { timeout: 20_000 })
      .toBeTruthy();

    // Another device changed the same revision of the list offline; its version reaches the server,
    // naming that device as its writer (the server refuses a revision naming another device).
    const current = await serverDoc('unit-offices', '?revs=true');
    if (!current) throw new Error('unit-offices did not reach the server');
    expect(current.lastChangedBy).toMatchObject({ device: ENROLMENT.deviceCode });
    const revisions = current._revisions as { start: number; ids: string[] };
    const otherId = 'f'.repeat(32);
    const { _revisions: _dropped, ...content } = current;
    const sibling = {
      ...content,
      _rev: `${revisions.start}-${otherId}`,
      _revisions: { start: revisions.start, ids: [otherId, ...revisions.ids.slice(1)] },
      offices: [{ code: 'dinas-sosial', name: 'Dinas Sosial', active: true }],
      lastChangedBy: { device: OTHER_DEVICE, officer: 'officer-z9q' },
    };
    const pushed = await unitRequest('_bulk_docs', {
      method: 'POST',
      body: JSON.stringify({ docs: [sibling], new_edits: false }),
    });
    expect(pushed.status).toBe(201);

    await page.keyboard.press('Alt+6');
    await expect
      .poll(() => page.getByTestId('conflicts-link').innerText(), { timeout: 20_000 })
      .toBe('Konflik data: 1');
    await page.getByTestId('conflicts-link').click();
    const card = page.getByTestId('conflict-unit-offices');
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Dinas Kesehatan');
    expect(text).toContain('Dinas Sosial');
    // Each version's heading names the device that wrote it.
    expect(text).toContain(`di perangkat ${OTHER_DEVICE}`);
    expect(text).toContain(`di perangkat ${ENROLMENT.deviceCode}`);
    // Keep the version with Dinas Sosial, whichever side it is shown on.
    const versions = await card.locator('thead th').allInnerTexts();
    const cells = await card.locator('tbody tr', { hasText: 'offices' }).locator('td').allInnerTexts();
    const index = cells.findIndex((cell) => cell.includes('Dinas Sosial'));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(versions.length).toBe(3); // field name + two versions
    await card.getByRole('button', { name: `Pakai versi ${index + 1}` }).click();
    await page.getByTestId('no-conflicts').waitFor();

    // The choice is the office list everywhere: here and, after sync, on the server, with no conflict
    // left; the resolving revision is this device's (the server accepted it as written by it).
    await expect
      .poll(
        async () => {
          const doc = await serverDoc('unit-offices', '?conflicts=true');
          const by = doc?.lastChangedBy as { device?: unknown } | undefined;
          return { offices: doc?.offices, conflicts: doc?._conflicts ?? [], device: by?.device };
        },
        { timeout: 20_000 },
      )
      .toEqual({
        offices: [{ code: 'dinas-sosial', name: 'Dinas Sosial', active: true }],
        conflicts: [],
        device: ENROLMENT.deviceCode,
      });
    expect(appProblems(app)).toEqual([]);
  });

  it('sets a second device up by joining the unit with its enrolment code: records downloaded, syncs, no conflicts', async () => {
    const { page } = app;
    await addOffices(page, ['Dinas Kesehatan']);
    await configureSync(page, CODE);
    await page.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
    await expect.poll(() => syncState(page), { timeout: 20_000 }).toBe('up-to-date');
    const number = await logComplaint(page, { title: 'Jalan berlubang', chronology: 'Dekat sekolah.' });
    await page.keyboard.press('Alt+6');
    await expect
      .poll(() => page.getByTestId('sync-pending').innerText(), { timeout: 20_000 })
      .toContain('0 perubahan');

    // `central device add` for the second device: its code is all it needs.
    const q7m = await addCentralDevice(central, UNIT.code, 'Q7M');
    const second = await host.launch();
    try {
      const other = second.page;
      await other.getByRole('radio', { name: /Unit yang sudah ada/ }).check();
      // A typo is told at once; the device code fills in from the code.
      await other
        .getByLabel('Kode pendaftaran perangkat')
        .fill(q7m.code.replace('MA1-KTB-Q7M-', 'MA1-KTB-Q7N-'));
      await other.getByLabel('Nama petugas').fill('Rina Officer');
      await other.getByRole('button', { name: 'Bergabung dan unduh data unit' }).click();
      await expect
        .poll(() => other.getByRole('alert').first().innerText(), { timeout: 20_000 })
        .toContain('salah ketik');
      await other.getByLabel('Kode pendaftaran perangkat').fill(q7m.code);
      expect(await other.getByLabel('Kode perangkat').inputValue()).toBe('Q7M');
      await other.getByRole('button', { name: 'Bergabung dan unduh data unit' }).click();
      // The joining device's officer has no PIN yet (a manager sets it): the manager signs in.
      await other
        .getByRole('heading', { name: 'Siapa yang bertugas di meja ini?' })
        .waitFor({ timeout: 20_000 });
      await signIn(other);
      await other.getByRole('heading', { name: 'Beranda' }).waitFor({ timeout: 20_000 });
      // The unit key comes from the manager's device (decision 018): without it no named complaint.
      await transferUnitKey(page, other);
      // The unit's profile came from the server, not from a second setup form.
      expect(await other.locator('.topbar__unit').innerText()).toContain(UNIT.name);
      await other.keyboard.press('Alt+3');
      await expect
        .poll(() => other.getByTestId('complaint-table').innerText(), { timeout: 20_000 })
        .toContain(number);
      await other.keyboard.press('Alt+6');
      await expect.poll(() => syncState(other), { timeout: 20_000 }).toBe('up-to-date');
      expect(await other.getByTestId('conflicts-link').innerText()).toBe('Konflik data: 0');
      // It syncs as itself: a complaint logged on it reaches the central, numbered with its code.
      const fromSecond = await logComplaint(other, {
        title: 'Lampu jalan mati',
        chronology: 'Sejak kemarin.',
      });
      expect(fromSecond.split('-')[2]).toBe('Q7M');
      await expect
        .poll(
          async () => {
            const response = await unitRequest('_all_docs?startkey="complaint:"&endkey="complaint:\ufff0"');
            const body = (await response.json()) as { rows: { id: string }[] };
            return body.rows.some((row) => baseOfId(row.id).endsWith(fromSecond));
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      expect(appProblems(second)).toEqual([]);
    } finally {
      await second.close();
    }
    expect(appProblems(app)).toEqual([]);
  });
});
