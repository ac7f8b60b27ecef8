/**
 * The unit key recovered with the recovery passphrase in Chromium, through the real central
 * (decision 022): the unit's first device (its manager) syncs, logs a named complaint, is reminded
 * on the status bar that the unit has no recovery passphrase, and sets one under Pengaturan →
 * Kunci unit (typed twice; a mismatch is told at the second field). The copy reaches the central,
 * which holds neither the passphrase nor the key. Then that device is gone: a fresh profile joins the
 * unit with its enrolment code, its officer signs in without the key ("Identitas tersegel"), a
 * wrong passphrase is told at the field, the right one installs the key and the complainant's
 * name shows; after a reload the officer's own sign-in unlocks it again.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unitDatabaseName } from '../../shared/couch/couch-names';
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

const PASSPHRASE = 'kopi tubruk pagi hari di Semarang';

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

/** The central's unit database as the server admin reads it. */
async function centralGet(central: CentralServer, path: string): Promise<string> {
  const auth = Buffer.from(`${TEST_ADMIN.name}:${TEST_ADMIN.password}`).toString('base64');
  const response = await fetch(`${central.url}${unitDatabaseName(UNIT.code)}/${path}`, {
    headers: { Authorization: `Basic ${auth}` },
  });
  return response.text();
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

  it('the manager sets the recovery passphrase; a new device, with no device holding the key left, recovers with it', async () => {
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

    // The status bar reminds the manager; Pengaturan → Kunci unit sets the passphrase, typed twice.
    const reminder = a.getByTestId('key-recovery-reminder');
    await expect.poll(() => reminder.innerText(), { timeout: 20_000 }).toBe('Frasa pemulihan belum dibuat');
    await reminder.click();
    await a.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
    const section = a.getByTestId('key-recovery');
    expect(await section.getByTestId('key-recovery-status').innerText()).toContain(
      'Frasa pemulihan belum dibuat.',
    );
    await section.getByLabel('Frasa pemulihan baru').fill(PASSPHRASE);
    await section.getByLabel('Ketik ulang frasa pemulihan').fill(`${PASSPHRASE}.`);
    await section.getByLabel('Ketik ulang frasa pemulihan').press('Enter');
    await section.getByText('Kedua frasa tidak sama. Ketik ulang dengan teliti.').waitFor();
    await section.getByLabel('Ketik ulang frasa pemulihan').fill(PASSPHRASE);
    await section.getByLabel('Ketik ulang frasa pemulihan').press('Enter');
    await a.getByText('Frasa pemulihan disimpan.', { exact: false }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => section.getByTestId('key-recovery-status').innerText(), { timeout: 20_000 })
      .toMatch(/^Frasa pemulihan dibuat .+ dari perangkat /);
    await reminder.waitFor({ state: 'detached' });

    // The copy reaches the central: ciphertext only, never the passphrase.
    await expect
      .poll(() => centralGet(central, 'unit-key-recovery'), { timeout: 60_000 })
      .toContain('"purpose":"recovery"');
    const onCentral = await centralGet(central, '_all_docs?include_docs=true');
    expect(onCentral).not.toContain('Semarang');
    expect(onCentral).not.toContain('Ani Wijaya');
    expect(appProblems(first)).toEqual([]);

    // Device A is gone: no device holding the key is left.
    apps.splice(apps.indexOf(first), 1);
    await first.close();

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
    await expect.poll(() => syncState(b), { timeout: 60_000 }).toBe('up-to-date');

    // Without the key: sealed identity, and the recovery field beside the transfer code's.
    const receive = b.getByTestId('key-transfer-receive');
    await receive.getByRole('heading', { name: 'Identitas tersegel' }).waitFor();
    await openComplaint(b, trackingNumber);
    expect(await b.locator('#main').innerText()).not.toContain('Ani Wijaya');
    const recovery = receive.getByTestId('key-recovery-receive');
    await recovery.getByRole('heading', { name: 'Pulihkan kunci unit dengan frasa pemulihan' }).waitFor();
    const field = recovery.getByLabel('Frasa pemulihan', { exact: true });

    // A wrong passphrase is told at the field; nothing is installed.
    await field.fill('teh manis hangat sore hari');
    await field.press('Enter');
    await expect
      .poll(() => recovery.getByTestId('key-recovery-error').innerText(), { timeout: 60_000 })
      .toBe('✖ Frasa pemulihan salah.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    // The right one, typed with extra spaces: the key is installed and the panel goes away.
    await field.fill(`  ${PASSPHRASE.replace(/ /g, '  ')}`);
    await field.press('Enter');
    await receive.waitFor({ state: 'detached', timeout: 60_000 });
    await b.getByText('Kunci unit dipulihkan di perangkat ini.', { exact: false }).waitFor();
    await openComplaint(b, trackingNumber);
    await expect
      .poll(() => b.getByTestId('reporter').innerText(), { timeout: 20_000 })
      .toContain('Ani Wijaya');

    // After a reload the officer's sign-in unlocks the key on B (it was kept for them).
    await b.reload();
    await signIn(b);
    await openComplaint(b, trackingNumber);
    await expect
      .poll(() => b.getByTestId('reporter').innerText(), { timeout: 20_000 })
      .toContain('Ani Wijaya');
    expect(await b.getByTestId('key-transfer-receive').count()).toBe(0);
    expect(appProblems(second)).toEqual([]);
  });
});
