/**
 * Koreksi data pelapor in the built app, keyboard first: the manager opens the form with Alt+I on
 * a named complaint (prefilled, the name focused), a bad e-mail is refused with the intake's
 * message and nothing is written, the fixed form is saved with Enter; the detail shows the new
 * phone and address (also after a reload: stored, not only shown), and the trail names the
 * corrected fields, never their values. An officer is not offered the form.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, focusedId, signIn } from './app-steps';
import { OFFICER, addOfficer, logComplaint, openComplaint, switchTo } from './workflow-steps';

afterAll(stopBrowserHost);

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('a manager corrects the phone, e-mail and address; the trail names the fields; an officer cannot', async () => {
    const { page } = app;
    await completeSetup(page);
    const trackingNumber = await logComplaint(page, {
      title: 'Jalan berlubang',
      chronology: 'Lubang besar di depan sekolah.',
      reporterName: 'Ani Wijaya',
      phone: '0812-3333-4444',
    });
    await openComplaint(page, trackingNumber);
    const trail = page.getByTestId('trail');
    await trail.locator('li').first().waitFor();

    await page.locator('#main').focus();
    await page.keyboard.press('Alt+i');
    const form = page.getByRole('form', { name: 'Koreksi data pelapor' });
    await form.waitFor();
    await expect.poll(() => focusedId(page)).toBe('field-reporterCorrection-name');
    expect(await page.locator('#field-reporterCorrection-name').inputValue()).toBe('Ani Wijaya');
    expect(await page.locator('#field-reporterCorrection-phone').inputValue()).toBe('0812-3333-4444');

    await page.locator('#field-reporterCorrection-phone').fill('0813-5555-6666');
    await page.locator('#field-reporterCorrection-email').fill('ani@');
    await page.locator('#field-reporterCorrection-address').fill('Jl. Kenanga 12');
    await page.keyboard.press('Enter');
    await form.getByText('Alamat email tidak valid').first().waitFor();
    await expect.poll(() => focusedId(page)).toBe('field-reporterCorrection-email');
    expect(await trail.locator('li').count()).toBe(1);

    await page.locator('#field-reporterCorrection-email').fill('ani@contoh.go.id');
    await page.keyboard.press('Enter');
    await page.getByText('Data pelapor dikoreksi: nomor telepon, email, alamat.').waitFor();
    await expect.poll(() => trail.locator('li').count()).toBe(2);
    const entry = trail.locator('li[data-kind="reporter-corrected"]');
    expect((await entry.locator('.timeline__kind').innerText()).trim()).toBe(
      'Data pelapor dikoreksi: nomor telepon, email, alamat',
    );
    expect(await entry.innerText()).not.toMatch(/0813|Kenanga|contoh\.go\.id/);
    expect(await form.count()).toBe(0);

    await page.reload();
    await signIn(page);
    await openComplaint(page, trackingNumber);
    const reporter = page.getByTestId('reporter');
    await expect.poll(() => reporter.innerText()).toContain('0813-5555-6666');
    expect(await reporter.innerText()).toContain('Jl. Kenanga 12');
    expect(await reporter.innerText()).toContain('ani@contoh.go.id');

    await addOfficer(page, OFFICER);
    await switchTo(page, OFFICER);
    await openComplaint(page, trackingNumber);
    await trail.locator('li').first().waitFor();
    expect(await page.getByRole('button', { name: /Koreksi data pelapor/ }).count()).toBe(0);
    expect(app.problems()).toEqual([]);
  });
});
