/**
 * Corrections at the desk after setup, in the built app: a manager changes the unit's receipt
 * contact in Pengaturan and the next receipt prints it; an officer who left is deactivated, kept
 * in the list and no longer offered in the officer chooser.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, FIRST_PIN, signIn, UNIT } from './app-steps';
import { logComplaint } from './workflow-steps';

afterAll(stopBrowserHost);

const NEW_CONTACT = 'WA 0811-9999-0000 / aduan@kotatebing.go.id';

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  async function openSettings(): Promise<void> {
    await app.page.getByRole('link', { name: /^Pengaturan/ }).click();
    await app.page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
  }

  it('a manager changes the receipt contact; the next receipt prints the new one', async () => {
    const { page } = app;
    await completeSetup(page);
    await openSettings();
    const contact = page.locator('#field-profile-contact');
    expect(await contact.inputValue()).toBe(UNIT.contact);
    await contact.fill(NEW_CONTACT);
    await page.getByRole('button', { name: 'Simpan profil unit' }).click();
    await page.getByText('Pengaturan unit tersimpan.').waitFor();

    await logComplaint(page, { title: 'Lampu jalan mati', chronology: 'Sudah dua minggu mati.' });
    await page.getByRole('link', { name: 'Cetak tanda terima' }).click();
    await page.getByRole('heading', { name: 'TANDA TERIMA PENGADUAN' }).waitFor();
    const receipt = await page.locator('.receipt').innerText();
    expect(receipt).toContain(NEW_CONTACT);
    expect(receipt).not.toContain(UNIT.contact);

    await page.reload(); // stored, not only shown
    await signIn(page);
    await openSettings();
    expect(await page.locator('#field-profile-contact').inputValue()).toBe(NEW_CONTACT);
    expect(app.problems()).toEqual([]);
  });

  it('a deactivated officer stays listed but is no longer offered in the chooser', async () => {
    const { page } = app;
    await completeSetup(page);
    await openSettings();
    for (const name of ['Budi Prasetyo', 'Wati Lestari']) {
      await page.locator('#new-officer').fill(name);
      await page.locator('#field-newOfficerSecret').fill(FIRST_PIN);
      await page.locator('#field-newOfficerSecretConfirm').fill(FIRST_PIN);
      await page.getByRole('button', { name: 'Tambah petugas' }).click();
      await page.getByTestId('officers').getByRole('cell', { name, exact: true }).waitFor();
    }
    // A second officer of the same name is refused.
    await page.locator('#new-officer').fill('budi prasetyo');
    await page.getByRole('button', { name: 'Tambah petugas' }).click();
    await page.getByText('Sudah ada petugas bernama budi prasetyo').waitFor();

    await page.getByRole('button', { name: 'Nonaktifkan Budi Prasetyo' }).click();
    await page.getByRole('button', { name: 'Aktifkan lagi Budi Prasetyo' }).waitFor();
    await page.getByRole('button', { name: 'Ganti petugas' }).click();
    await page.getByRole('heading', { name: 'Siapa yang bertugas di meja ini?' }).waitFor();
    await page.getByRole('button', { name: /Wati Lestari/ }).waitFor();
    expect(await page.getByRole('button', { name: /Budi Prasetyo/ }).count()).toBe(0);
    expect(app.problems()).toEqual([]);
  });
});
