/**
 * Intake checks each file's bytes against its type before anything is saved: a program renamed
 * `foto-jalan.jpg` is refused with a message naming the file, and nothing is stored. A file whose
 * name holds a direction override (U+202E) is saved under a cleaned name, without a refusal.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, dumpIndexedDb, listedTrackingNumbers, openIntake } from './app-steps';

afterAll(stopBrowserHost);

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('refuses a file whose content is not of its type and saves nothing', async () => {
    const { page } = app;
    await completeSetup(page);
    await openIntake(page);
    await page.getByRole('radio', { name: /Anonim/ }).check();
    await page.locator('#field-title').fill('Jalan berlubang di depan pasar');
    await page.locator('#field-chronology').fill('Lubang besar sejak sebulan, dua motor jatuh.');
    const today = new Date();
    await page
      .locator('#field-incidentDate')
      .fill(`${today.getDate()}/${today.getMonth() + 1}/${today.getFullYear()}`);
    await page.locator('#field-category').selectOption('infrastructure');
    await page.locator('#field-attachments').setInputFiles([
      { name: 'foto-jalan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ\x90\x00 program') },
      { name: 'surat\u202egpj.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 surat') },
    ]);
    await page.keyboard.press('Control+Enter');

    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Isi berkas "foto-jalan.jpg" bukan berkas JPG/JPEG');
    expect(await listedTrackingNumbers(page)).toEqual([]);
    // Nothing saved: what was typed is only this device's unsaved draft (nothing typed is lost),
    // sealed (decision 023).
    expect(await dumpIndexedDb(page)).not.toContain('Jalan berlubang di depan pasar');
    await expect.poll(() => dumpIndexedDb(page, [])).toContain('"sealed"');
    expect(app.problems()).toEqual([]);
  });

  it('saves a file named with a direction override under a cleaned name', async () => {
    const { page } = app;
    await completeSetup(page);
    await openIntake(page);
    await page.locator('#field-reporter-name').fill('Ani');
    await page.locator('#field-reporter-phone').fill('081234567890');
    await page.locator('#field-title').fill('Pungutan di loket');
    await page.locator('#field-chronology').fill('Diminta membayar tanpa kuitansi.');
    const today = new Date();
    await page
      .locator('#field-incidentDate')
      .fill(`${today.getDate()}/${today.getMonth() + 1}/${today.getFullYear()}`);
    await page.locator('#field-category').selectOption('illegal-levies');
    await page.locator('#field-attachments').setInputFiles({
      name: 'kuitansi\u202efdp.exe.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 kuitansi'),
    });
    await page.keyboard.press('Control+Enter');
    const number = (await page.getByTestId('tracking-number').innerText()).trim();
    await page.getByRole('link', { name: 'Lihat detail' }).click();
    await page.getByRole('heading', { name: `Pengaduan ${number}` }).waitFor();
    const detail = await page.locator('#main').innerText();
    expect(detail).toContain('kuitansifdp.exe.pdf');
    expect(detail).not.toContain('\u202e');
    expect(app.problems()).toEqual([]);
  });
});
