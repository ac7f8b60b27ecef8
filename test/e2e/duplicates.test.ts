/**
 * Duplicates at intake in the built app at 1366×768: complaint A is logged with a phone; intake B
 * types the same phone in another notation and the panel beside the form (never over a field)
 * lists A; "Tandai terkait" marks it (keyboard), "Buka" opens A and coming back keeps the draft
 * and the mark; saving B links both: each trail shows "Terkait dengan <the other>" as a link.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup } from './app-steps';
import { logComplaint, openComplaint } from './workflow-steps';

afterAll(stopBrowserHost);

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('lists the earlier complaint with the same phone, marks it related and links both on save', async () => {
    const { page } = app;
    await completeSetup(page);
    const first = await logComplaint(page, {
      title: 'Antrean panjang di loket KTP',
      chronology: 'Menunggu empat jam tanpa nomor antrean.',
      reporterName: 'Ani Wijaya',
      phone: '0812-5555-6666',
    });

    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'Pengaduan Baru' }).waitFor();
    await page.locator('#field-reporter-name').fill('Ani W.');
    await page.locator('#field-reporter-phone').fill('+62 812 5555 6666');
    const panel = page.getByTestId('duplicate-panel');
    await panel.getByText('1 kemungkinan pengaduan serupa').waitFor();
    const row = panel.getByTestId('duplicate-row');
    expect(await row.innerText()).toContain(first);
    expect(await row.innerText()).toContain('telepon sama');

    // Beside the form at 1366×768, covering none of its fields.
    const panelBox = await panel.boundingBox();
    const formBox = await page.locator('form.form--intake').boundingBox();
    expect(panelBox && formBox && panelBox.x >= formBox.x + formBox.width).toBe(true);

    const mark = row.getByRole('button', { name: `Tandai ${first} terkait` });
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');

    // "Buka" opens A; coming back restores the draft, the mark with it.
    await row.getByRole('link', { name: new RegExp(`Buka ${first}`) }).click();
    await page.getByRole('heading', { name: `Pengaduan ${first}` }).waitFor();
    await page.keyboard.press('Control+n');
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.locator('#field-reporter-phone').inputValue()).toBe('+62 812 5555 6666');
    await expect
      .poll(() => panel.getByRole('button', { name: `Tandai ${first} terkait` }).getAttribute('aria-pressed'))
      .toBe('true');

    await page.locator('#field-title').fill('Antrean KTP lagi');
    await page.locator('#field-chronology').fill('Pelapor datang lagi, antrean masih panjang.');
    const today = await page.evaluate(() => {
      const now = new Date();
      return `${now.getDate()}/${now.getMonth() + 1}/${now.getFullYear()}`;
    });
    await page.locator('#field-incidentDate').fill(today);
    await page.locator('#field-category').selectOption({ index: 1 });
    await page.keyboard.press('Control+Enter');
    const second = (await page.getByTestId('tracking-number').innerText()).trim();
    expect(second).not.toBe(first);

    for (const [own, other] of [
      [second, first],
      [first, second],
    ] as const) {
      await openComplaint(page, own);
      const entry = page.getByTestId('trail').locator('li[data-kind="related"]');
      await entry.waitFor();
      expect((await entry.locator('.timeline__kind').innerText()).trim()).toBe(`Terkait dengan ${other}`);
      expect(await entry.getByRole('link', { name: other }).count()).toBe(1);
    }
    expect(app.problems()).toEqual([]);
  });
});
