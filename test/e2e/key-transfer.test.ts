/**
 * The unit key moves to a second device in Chromium, through the real central (decision 018): the
 * first device (the unit's manager) syncs and logs a named complaint; a second device joins the
 * unit with its enrolment code, its officer signs in and sees "Identitas tersegel" instead of the
 * complainant's name; the manager shows a code under Pengaturan → Pindahkan kunci unit; a wrong
 * code is told at the second device's field; the right one, typed lower case with spaces, is
 * waited for until it arrives by sync, installs the key, and then shows the complainant's name on the first device's complaint.
 * The central never holds the key or the code.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unitDatabaseName } from '../../shared/couch/couch-names';
import { formatTransferCode } from '../../shared/enrolment/transfer-code';
import {
  addCentralDevice,
  setupCentralUnit,
  startCentralServer,
  TEST_ADMIN,
  type CentralServer,
} from '../support/central-server';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, shownDeviceCode, signIn, UNIT } from './app-steps';
import { logComplaint, openComplaint } from './workflow-steps';

afterAll(stopBrowserHost);

/** 401/404 answers (a replication checkpoint not there yet) are expected, not the app's problems. */
const EXPECTED_HTTP = /^console: Failed to load resource: the server responded with a status of (401|404) /;
const appProblems = (app: LaunchedApp): readonly string[] =>
  app.problems().filter((problem) => !EXPECTED_HTTP.test(problem));

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('status-sync').getAttribute('data-sync-state');
}

async function enrol(page: Page, code: string): Promise<void> {
  await page.keyboard.press('Alt+6');
  await page.getByRole('heading', { name: 'Sinkronisasi', level: 1 }).waitFor();
  await page.getByLabel('Kode pendaftaran perangkat').fill(code);
  await page.getByRole('button', { name: 'Simpan dan sinkronkan' }).click();
  await expect.poll(() => syncState(page), { timeout: 30_000 }).toBe('up-to-date');
}

/** Everything the central's unit database holds, as the server admin reads it (with old revisions' ids). */
async function centralDump(central: CentralServer): Promise<string> {
  const auth = Buffer.from(`${TEST_ADMIN.name}:${TEST_ADMIN.password}`).toString('base64');
  const response = await fetch(`${central.url}${unitDatabaseName(UNIT.code)}/_all_docs?include_docs=true`, {
    headers: { Authorization: `Basic ${auth}` },
  });
  return response.text();
}

/** The live key transfer documents on the central. */
async function centralTransfers(central: CentralServer): Promise<string[]> {
  const auth = Buffer.from(`${TEST_ADMIN.name}:${TEST_ADMIN.password}`).toString('base64');
  const range = `startkey=${encodeURIComponent('"key-transfer:"')}&endkey=${encodeURIComponent('"key-transfer:\ufff0"')}`;
  const response = await fetch(`${central.url}${unitDatabaseName(UNIT.code)}/_all_docs?${range}`, {
    headers: { Authorization: `Basic ${auth}` },
  });
  const body = (await response.json()) as { rows: { id: string }[] };
  return body.rows.map((row) => row.id);
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

  it('a second device joins, enters the code the manager shows, and reads the complainant', async () => {
    // Device A: the unit's first device and its manager; syncing; a named complaint.
    const first = await host.launch();
    apps.push(first);
    const a = first.page;
    await central.allowOrigins([new URL(a.url()).origin]);
    await completeSetup(a);
    const { code: codeA } = await addCentralDevice(central, UNIT.code, await shownDeviceCode(a));
    await enrol(a, codeA);
    const trackingNumber = await logComplaint(a, {
      title: 'Air PDAM keruh',
      chronology: 'Sejak tiga hari air berwarna coklat.',
      reporterName: 'Ani Wijaya',
      phone: '0812-3333-4444',
    });
    await expect.poll(() => syncState(a), { timeout: 30_000 }).toBe('up-to-date');

    // Device B joins the unit; the manager signs in there (the roster came with the unit).
    const second = await host.launch();
    apps.push(second);
    const b = second.page;
    await b.getByRole('heading', { name: 'Penyiapan Awal' }).waitFor();
    await b.getByRole('radio', { name: /^Unit yang sudah ada/ }).check();
    const { code: codeB } = await addCentralDevice(central, UNIT.code, 'B45');
    await b.getByLabel('Kode pendaftaran perangkat').fill(codeB);
    await b.locator('#field-officerName').fill(UNIT.officer);
    await b.getByRole('button', { name: 'Bergabung dan unduh data unit' }).click();
    await signIn(b);

    // Without the unit key: the field at the top of the desk, and no name on the complaint.
    const receive = b.getByTestId('key-transfer-receive');
    await receive.getByRole('heading', { name: 'Identitas tersegel' }).waitFor();
    await openComplaint(b, trackingNumber);
    expect(await b.locator('#main').innerText()).not.toContain('Ani Wijaya');

    const field = b.getByLabel('Kode pemindahan kunci');

    // The manager shows a code on device A.
    await a.keyboard.press('Alt+7');
    await a.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
    const section = a.getByTestId('key-transfer');
    await section.getByRole('button', { name: 'Tampilkan kode pemindahan' }).click();
    const shown = section.getByTestId('key-transfer-code');
    await shown.waitFor();
    const code = (await shown.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^KTB-[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(await section.getByTestId('key-transfer-remaining').innerText()).toMatch(
      /^Sisa waktu: 1[45] menit/,
    );

    // Device B: a code that passes its check but is not the one shown is told at the field, once the
    // manager's document has arrived and sync has caught up; nothing is installed.
    await field.focus();
    await b.keyboard.type(formatTransferCode({ unitCode: UNIT.code, secret: 'ABCDEFGHJKMNPQ' }));
    await b.keyboard.press('Enter');
    await receive
      .getByText('Kode tidak cocok dengan kunci yang dikirim unit ini', { exact: false })
      .waitFor({ timeout: 60_000 });
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    // The code as read aloud (lower case, spaces), Enter.
    await field.fill('');
    await b.keyboard.type(code.toLowerCase().replace(/-/g, ' '));
    await b.keyboard.press('Enter');
    await receive.waitFor({ state: 'detached', timeout: 60_000 });
    await b.getByText('Kunci unit terpasang di perangkat ini.', { exact: false }).waitFor();

    // The first device's complaint now shows its complainant on the second device.
    await openComplaint(b, trackingNumber);
    await expect
      .poll(() => b.getByTestId('reporter').innerText(), { timeout: 20_000 })
      .toContain('Ani Wijaya');

    // The transfer document is gone (deleted after use), and the central never held the code.
    await expect.poll(() => centralTransfers(central), { timeout: 30_000 }).toEqual([]);
    const secret = code.replace(/-/g, '').slice(UNIT.code.length);
    expect(await centralDump(central)).not.toContain(secret);

    // After a reload the officer's sign-in unlocks the key on B (it was kept for them).
    await b.reload();
    await signIn(b);
    await openComplaint(b, trackingNumber);
    await expect
      .poll(() => b.getByTestId('reporter').innerText(), { timeout: 20_000 })
      .toContain('Ani Wijaya');
    expect(await b.getByTestId('key-transfer-receive').count()).toBe(0);
    expect(appProblems(first)).toEqual([]);
    expect(appProblems(second)).toEqual([]);
  });
});
