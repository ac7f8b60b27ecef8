/**
 * Identity retention in the built app (Chromium, the browser host, a controlled clock): a named
 * complaint logged and archived on 5 January 2026; on 10 March the manager sets the unit's
 * retention to 1 month under Pengaturan (a value out of bounds is refused in words) and runs the
 * check with "Periksa sekarang": the section says one identity was deleted, the complaint no longer
 * shows the complainant's name or phone, its trail says why ("masa retensi berakhir") and never
 * what, and the list's search no longer finds it by the name.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, signIn } from './app-steps';
import { logComplaint, openAction, openComplaint } from './workflow-steps';

/** Monday 5 January 2026, 10:00 WIB. */
const JANUARY = new Date('2026-01-05T03:00:00Z');
/** Tuesday 10 March 2026, 10:00 WIB: more than a month after closure. */
const MARCH = new Date('2026-03-10T03:00:00Z');
const NAME = 'Rahmat Hidayatullah';
const PHONE = '0812-7777-1357';

afterAll(stopBrowserHost);

describe.each(appHosts().filter((host) => host.name === 'browser'))('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
    await app.page.clock.setFixedTime(JANUARY);
    await app.page.reload();
    await completeSetup(app.page);
  });
  afterEach(async () => {
    await app.close();
  });

  it('deletes the identity of a complaint closed longer than the retention, and the trail says why', async () => {
    const { page } = app;
    const number = await logComplaint(page, {
      title: 'Pelayanan lambat',
      chronology: 'Antrean lama.',
      reporterName: NAME,
      phone: PHONE,
    });
    await openComplaint(page, number);
    const form = await openAction(page, 'a', 'Arsipkan');
    await form.getByLabel('Alasan').selectOption({ label: 'Lainnya' });
    await page.locator('#field-action-otherText').fill('Pelapor membatalkan.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('status-text').innerText()).toBe('Diarsipkan');
    expect(await page.getByTestId('reporter').innerText()).toContain(NAME);

    await page.clock.setFixedTime(MARCH);
    await page.reload();
    await signIn(page);
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Pengaturan' }).waitFor();
    const section = page.getByTestId('retention-section');
    const months = section.locator('#field-identityRetentionMonths');
    expect(await months.inputValue()).toBe('24');
    await months.fill('0');
    await months.press('Enter');
    await section.getByText('Isi dengan jumlah bulan, bilangan bulat antara 1 dan 120.').first().waitFor();
    await months.fill('1');
    await months.press('Enter');
    await page.getByText('Pengaturan unit tersimpan.').waitFor();

    await page.getByTestId('retention-section').getByRole('button', { name: 'Periksa sekarang' }).click();
    await expect
      .poll(() => page.getByTestId('retention-status').innerText(), { timeout: 30_000 })
      .toMatch(/1 identitas dihapus karena masa retensi\./);

    await openComplaint(page, number);
    const entry = page.getByTestId('trail').locator('li[data-kind="identity-deleted"]');
    await entry.waitFor();
    expect((await entry.locator('.timeline__kind').innerText()).trim()).toBe(
      'Identitas pelapor dihapus: masa retensi berakhir (1 bulan setelah pengaduan ditutup)',
    );
    const shown = await page.locator('#main').innerText();
    expect(shown).not.toContain(NAME);
    expect(shown).not.toContain(PHONE);

    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    await page.locator('#complaint-search').fill(NAME);
    await expect.poll(() => page.getByText(number).count()).toBe(0);
    expect(app.problems()).toEqual([]);
  });
});
