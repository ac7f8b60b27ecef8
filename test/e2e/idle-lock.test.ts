/**
 * The desk locks itself, in the built app in Chromium (docs/decisions/015-officer-roster-and-sign-in.md,
 * 'The desk lock'): Ctrl+Shift+L locks at once and the unit's idle time (Pengaturan → Kunci otomatis)
 * locks after that long without input; the lock screen holds nothing of the complaint that was open
 * (not in the page, not in the address), names the officer and takes their PIN, and the officer
 * returns to where they were; an intake form typed before the lock is still there.
 *
 * The idle time passes on Playwright's clock (installed before the app's code runs, then moved on
 * with `fastForward`), so the app's own timers run and nothing sleeps for minutes. Only this spec
 * installs the clock; the others (at most `setFixedTime`, which stops Date but not the timers) never
 * let ten minutes pass without input.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, focusedId, MANAGER_PIN, openIntake, UNIT } from './app-steps';
import { logComplaint, openComplaint } from './workflow-steps';

afterAll(stopBrowserHost);

const COMPLAINT = {
  title: 'Lampu jalan padam sebulan di Jalan Kenanga',
  chronology: 'Sudah dilaporkan ke kelurahan dua kali, belum ada perbaikan.',
  reporterName: 'Rahmat Hidayat',
  phone: '0812-7777-3131',
};

const LOCK_HEADING = 'Meja terkunci';

/** Waits for the lock screen; then nothing of `secrets` is in the document (text or attributes) or the URL. */
async function expectLockedShowingNothingOf(page: Page, secrets: readonly string[]): Promise<void> {
  await page.getByRole('heading', { name: LOCK_HEADING }).waitFor();
  expect(await page.getByTestId('locked-officer').innerText()).toContain(UNIT.officer);
  const html = await page.content();
  const url = decodeURIComponent(page.url());
  for (const secret of secrets) {
    expect(html, secret).not.toContain(secret);
    expect(url, secret).not.toContain(secret);
  }
  // The PIN field takes the focus: the officer types at once.
  await expect.poll(() => focusedId(page)).toBe('field-signInSecret');
}

/** Types the PIN on the lock screen and waits until the desk is open again. */
async function unlockWith(page: Page, pin: string): Promise<void> {
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  // The check derives the PIN's key (~250 ms at the calibrated count, more on a busy machine).
  await expect.poll(() => page.getByTestId('current-officer').count(), { timeout: 10_000 }).toBe(1);
}

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('Ctrl+Shift+L locks at once, hiding the open receipt; a wrong PIN counts; the PIN returns to it', async () => {
    const { page } = app;
    await completeSetup(page);
    const trackingNumber = await logComplaint(page, COMPLAINT);
    await page.getByRole('link', { name: 'Cetak tanda terima' }).click();
    await page.getByRole('heading', { name: 'TANDA TERIMA PENGADUAN' }).waitFor();
    const receiptUrl = page.url();
    const receiptText = await page.locator('body').innerText();
    expect(receiptText).toContain(trackingNumber);
    expect(receiptText).toContain(COMPLAINT.title);

    // F1 lists the key with the others.
    await page.keyboard.press('F1');
    const rows = page.getByTestId('shortcuts-table').locator('tr');
    await rows.first().waitFor();
    expect(await rows.allInnerTexts()).toContainEqual(
      expect.stringMatching(/^Ctrl\+Shift\+L\s+Kunci meja sekarang/),
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts-table').waitFor({ state: 'hidden' });

    await page.keyboard.press('Control+Shift+L');
    await expectLockedShowingNothingOf(page, [trackingNumber, COMPLAINT.title, COMPLAINT.reporterName]);

    // The same check as any sign-in: a wrong PIN counts towards the five-failure lock.
    await page.keyboard.type('111222');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').first().innerText(), { timeout: 10_000 })
      .toBe('PIN salah. Sisa 4 kali percobaan sebelum terkunci.');
    await unlockWith(page, MANAGER_PIN);
    await page.getByRole('heading', { name: 'TANDA TERIMA PENGADUAN' }).waitFor();
    expect(page.url()).toBe(receiptUrl);
    expect(await page.getByTestId('receipt-tracking-number').innerText()).toBe(trackingNumber);
    expect(app.problems()).toEqual([]);
  });

  it('an intake form typed before the lock is there after the PIN', async () => {
    const { page } = app;
    await completeSetup(page);
    await openIntake(page);
    await page.locator('#field-reporter-name').focus();
    await page.keyboard.type(COMPLAINT.reporterName);
    await page.locator('#field-title').focus();
    await page.keyboard.type(COMPLAINT.title);
    // Locked while typing in a field, the last keystrokes not yet kept.
    await page.keyboard.press('Control+Shift+L');
    await expectLockedShowingNothingOf(page, [COMPLAINT.title, COMPLAINT.reporterName]);

    await unlockWith(page, MANAGER_PIN);
    await page.getByRole('heading', { name: 'Pengaduan Baru' }).waitFor();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.locator('#field-reporter-name').inputValue()).toBe(COMPLAINT.reporterName);
    expect(await page.locator('#field-title').inputValue()).toBe(COMPLAINT.title);
    expect(app.problems()).toEqual([]);
  });

  it('locks after the idle time the unit set, hiding the open complaint; the PIN returns to it', async () => {
    const { page } = app;
    // The fake clock must be in place before the app's code runs: install, then load again.
    await page.clock.install();
    await page.reload();
    await completeSetup(page);

    // Pengaturan → Kunci otomatis: 2 minutes, with the keyboard.
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Kunci otomatis' }).waitFor();
    const minutes = page.locator('#field-idleLockMinutes');
    expect(await minutes.inputValue()).toBe('10');
    await minutes.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.getByText('Pengaturan unit tersimpan.').waitFor();

    const trackingNumber = await logComplaint(page, COMPLAINT);
    await openComplaint(page, trackingNumber);
    const detailUrl = page.url();
    const detailText = await page.locator('body').innerText();
    expect(detailText).toContain(COMPLAINT.title);
    expect(detailText).toContain(COMPLAINT.reporterName);

    // A minute without input: still open (the lock is due at two).
    await page.clock.fastForward('01:00');
    expect(await page.getByRole('heading', { name: `Pengaduan ${trackingNumber}` }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: LOCK_HEADING }).count()).toBe(0);
    // The rest of the two minutes, still without input: the desk locks by itself.
    await page.clock.fastForward('01:05');
    await expectLockedShowingNothingOf(page, [trackingNumber, COMPLAINT.title, COMPLAINT.reporterName]);

    await unlockWith(page, MANAGER_PIN);
    await page.getByRole('heading', { name: `Pengaduan ${trackingNumber}` }).waitFor();
    expect(page.url()).toBe(detailUrl);
    expect(app.problems()).toEqual([]);
  });
});
