/**
 * The walking skeleton end to end, keyboard only: first-run setup, a walk-in complaint logged,
 * listed, still there after a reload (IndexedDB), its receipt; and an incomplete form that
 * shows its problems and saves nothing.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import {
  completeSetup,
  signIn,
  dumpIndexedDb,
  focusedId,
  listedTrackingNumbers,
  openIntake,
  UNIT,
} from './app-steps';

const TRACKING_NUMBER = /^KTB-\d{6}-[A-HJKMNP-Z2-9]{3}-\d{4,}$/;

afterAll(stopBrowserHost);

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('sets up the unit on first run, with the keyboard only', async () => {
    const { page } = app;
    await completeSetup(page);
    await expect.poll(() => page.getByTestId('current-officer').innerText()).toContain(UNIT.officer);
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Pengaturan' }).waitFor();
    const unitFacts = page.locator('h2:text-is("Unit dan perangkat") + dl.facts');
    expect(await unitFacts.innerText()).toContain(UNIT.name);
    expect(app.problems()).toEqual([]);
  });

  it('switches the interface to English and keeps that choice after a reload', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'First-run setup' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('#field-unitCode').focus();
    await page.keyboard.press('Enter'); // an empty form is refused, in English
    expect(await page.getByRole('alert').innerText()).toContain('fields need attention');
    await page.reload();
    await page.getByRole('heading', { name: 'First-run setup' }).waitFor();
    await page.getByRole('button', { name: 'ID' }).click();
    await page.getByRole('heading', { name: 'Penyiapan Awal' }).waitFor();
    expect(app.problems()).toEqual([]);
  });

  it('logs a walk-in complaint with the keyboard, lists it, keeps it across a reload and prints its receipt', async () => {
    const { page } = app;
    await page.addInitScript(() => {
      const calls: number[] = [];
      Object.assign(window, { printCalls: calls });
      window.print = () => void calls.push(Date.now());
    });
    await page.reload(); // init scripts apply from the next load on
    await completeSetup(page);
    await openIntake(page);

    expect(await focusedId(page)).toBe('field-channel'); // walk-in is the default channel
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('field-reportType');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('field-privacyMode'); // "named" is checked
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('field-reporter-name');
    await page.keyboard.type('Budi Santoso');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0812-1111-2222');
    await page.keyboard.press('Tab'); // email: left empty
    await page.keyboard.press('Tab'); // address
    await page.keyboard.press('Tab'); // NIK
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('field-title');
    await page.keyboard.type('Jalan berlubang di depan puskesmas');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lubang besar sejak dua minggu, membahayakan pengendara motor.');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('field-incidentDate');
    const today = new Date();
    const recent = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 3);
    const ddmmyyyy =
      [recent.getDate(), recent.getMonth() + 1].map((part) => String(part).padStart(2, '0')).join('') +
      String(recent.getFullYear());
    await page.keyboard.type(ddmmyyyy); // day first, no separators needed
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('field-location');
    await page.keyboard.type('Jl. Melati 5');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('field-category');
    await page.keyboard.press('ArrowDown'); // the first category
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('field-targetOffice');
    await page.keyboard.press('Enter'); // Enter in a field saves

    const number = (await page.getByTestId('tracking-number').innerText()).trim();
    expect(number).toMatch(TRACKING_NUMBER);
    expect(
      await page
        .getByRole('link', { name: 'Cetak tanda terima' })
        .evaluate((link) => link === document.activeElement),
    ).toBe(true);

    await page.keyboard.press('Enter'); // open the receipt
    await page.getByRole('heading', { name: 'TANDA TERIMA PENGADUAN' }).waitFor();
    expect((await page.getByTestId('receipt-tracking-number').innerText()).trim()).toBe(number);
    const receipt = await page.locator('.receipt').innerText();
    expect(receipt).toContain(UNIT.contact);
    expect(receipt).toContain('Jalan berlubang di depan puskesmas');
    expect(receipt).not.toContain('Budi Santoso'); // the receipt carries no identity
    await page.keyboard.press('Enter'); // the print button has the focus
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printCalls: number[] }).printCalls.length))
      .toBe(1);

    expect(await listedTrackingNumbers(page)).toEqual([number]);
    await page.reload(); // the records come back from IndexedDB
    await signIn(page);
    await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    expect(await listedTrackingNumbers(page)).toEqual([number]);

    // Enter on the row opens the detail with every field and the trail.
    await page.getByRole('link', { name: number }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Pengaduan ${number}` }).waitFor();
    expect(await page.getByTestId('reporter').innerText()).toContain('Budi Santoso');
    expect(await page.getByTestId('trail').innerText()).toContain('Diterima');
    expect(app.problems()).toEqual([]);
  });

  it('refuses an incomplete form with the messages, focuses the first problem and saves nothing', async () => {
    const { page } = app;
    await completeSetup(page);
    expect(await listedTrackingNumbers(page)).toEqual([]);
    await openIntake(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ani'); // a named reporter without any contact
    await page.keyboard.press('Control+Enter');

    const summary = page.getByRole('alert');
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toContain('Mohon isi paling sedikit satu kontak pelapor');
    expect(text).toContain('Judul pengaduan wajib diisi.');
    expect(text).toContain('Tanggal kejadian atau tanggal pelayanan wajib diisi.');
    expect(text).toContain('Kategori wajib dipilih.');
    expect(await focusedId(page)).toBe('field-reporter-phone');
    expect(await page.locator('#field-title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-reporter-name').inputValue()).toBe('Ani'); // nothing typed is lost

    expect(await listedTrackingNumbers(page)).toEqual([]);
    expect(app.problems()).toEqual([]);
  });
  it('saves an anonymous complaint about an old incident after warning, with no identity anywhere', async () => {
    const { page } = app;
    await completeSetup(page);
    await openIntake(page);
    await page.getByRole('radio', { name: /Anonim/ }).check();
    expect(await page.locator('#field-reporter-name').count()).toBe(0); // identity fields are gone
    await page.locator('#field-title').fill('Pungutan liar di loket KTP');
    await page.locator('#field-chronology').fill('Diminta membayar Rp50.000 tanpa kuitansi.');
    const old = new Date();
    old.setDate(old.getDate() - 45);
    await page
      .locator('#field-incidentDate')
      .fill(`${old.getDate()}/${old.getMonth() + 1}/${old.getFullYear()}`);
    await expect
      .poll(() => page.locator('#field-incidentDate-warning').innerText())
      .toContain('lebih dari 30 hari');
    await page.locator('#field-category').selectOption('illegal-levies');
    await page.locator('#field-attachments').setInputFiles({
      name: 'KTP Budi Santoso.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 bukti'),
    });
    await page.keyboard.press('Control+Enter');

    const number = (await page.getByTestId('tracking-number').innerText()).trim();
    await page.getByRole('link', { name: 'Lihat detail' }).click();
    await page.getByRole('heading', { name: `Pengaduan ${number}` }).waitFor();
    const detail = await page.locator('#main').innerText();
    expect(detail).toContain('Pelapor anonim: identitas tidak dicatat.');
    expect(detail).toContain('Mode pelapor: Anonim');
    expect(detail).toContain('lampiran-1.pdf');
    expect(detail).not.toContain('Budi');

    // Nothing stored in the browser carries the name from the file.
    const stored = await dumpIndexedDb(page);
    expect(stored).toContain(number);
    expect(stored).not.toContain('Budi');
    expect(app.problems()).toEqual([]);
  });
});
