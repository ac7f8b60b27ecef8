/**
 * Officers sign in, in the built app in Chromium (docs/decisions/015-officer-roster-and-sign-in.md):
 * a new unit's first manager sets a PIN at setup; the manager adds an officer with a first PIN; the
 * officer signs in with it and must choose their own before anything else, then finds no way to
 * change roles or unit settings (nothing raises their own role); five wrong PINs lock the officer
 * on this device with the minutes left shown, and a supervisor unlocks them.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { chooseOfficer, completeSetup, focusedId, MANAGER_PIN, OWN_PIN, signIn, UNIT } from './app-steps';
import { addOfficer, OFFICER, SUPERVISOR, switchTo } from './workflow-steps';

afterAll(stopBrowserHost);

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('first manager with a PIN; an officer added with a first PIN changes it and cannot raise their role', async () => {
    const { page } = app;
    await completeSetup(page); // Siti, the manager, with MANAGER_PIN
    // A reload starts at the sign-in screen: nobody is at the desk without their PIN.
    await page.reload();
    await page.getByRole('heading', { name: 'Siapa yang bertugas di meja ini?' }).waitFor();
    expect(await page.getByTestId('current-officer').count()).toBe(0);
    await signIn(page, UNIT.officer, MANAGER_PIN);

    await addOfficer(page, OFFICER);
    const row = page.getByTestId('officers').getByRole('row', { name: new RegExp(OFFICER.name) });
    await row.getByText('PIN pertama (diganti saat masuk)').waitFor();
    await switchTo(page, OFFICER); // FIRST_PIN, then the must-change step to OWN_PIN
    expect(await page.getByTestId('current-officer').innerText()).toContain('Petugas');

    // Pengaturan offers the officer no role picker, no roster and no unit settings to save.
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
    await page.getByTestId('officers').waitFor();
    expect(await page.getByTestId('officers').locator('select').count()).toBe(0);
    expect(await page.locator('#new-officer').count()).toBe(0);
    expect(
      await page.getByRole('button', { name: /Atur PIN|Simpan profil unit|Simpan daftar kantor/ }).count(),
    ).toBe(0);
    await page.getByText('Hanya manajer yang dapat menambah petugas atau mengubah peran.').waitFor();

    // Signed in again with the PIN they chose; the first PIN no longer works.
    await page.getByRole('button', { name: 'Ganti petugas' }).click();
    await chooseOfficer(page, OFFICER.name);
    await page.keyboard.type('573920');
    await page.keyboard.press('Enter');
    await page.getByText(/PIN salah/).waitFor();
    await page.keyboard.type(OWN_PIN);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('current-officer').innerText(), { timeout: 10_000 })
      .toContain(OFFICER.name);
    expect(app.problems()).toEqual([]);
  });

  it('locks an officer after five wrong PINs, with the minutes left; a supervisor unlocks', async () => {
    const { page } = app;
    await completeSetup(page);
    await addOfficer(page, SUPERVISOR);
    await addOfficer(page, OFFICER);
    await switchTo(page, SUPERVISOR);
    await switchTo(page, OFFICER);
    await page.getByRole('button', { name: 'Ganti petugas' }).click();
    await chooseOfficer(page, OFFICER.name);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await page.keyboard.type('111222');
      await page.keyboard.press('Enter');
      // Each check derives the PIN's key (~250 ms at the calibrated count, more on a busy machine).
      await expect
        .poll(() => page.getByRole('alert').first().innerText(), { timeout: 10_000 })
        .toBe(`PIN salah. Sisa ${String(5 - attempt)} kali percobaan sebelum terkunci.`);
      expect(await focusedId(page)).toBe('field-signInSecret');
    }
    await page.keyboard.type('111222');
    await page.keyboard.press('Enter');
    await page
      .getByText(
        `${OFFICER.name} terkunci di perangkat ini karena 5 kali salah PIN. Coba lagi dalam 15 menit`,
      )
      .waitFor();
    // Locked: the right PIN does not open the desk either.
    await page.keyboard.type(OWN_PIN);
    await page.keyboard.press('Enter');
    await page.getByText(/Coba lagi dalam 1[45] menit/).waitFor();
    expect(await page.getByTestId('current-officer').count()).toBe(0);

    await page
      .getByLabel('Supervisor atau manajer', { exact: true })
      .selectOption({ label: `${SUPERVISOR.name} (Supervisor/verifikator)` });
    await page.getByLabel('PIN atau frasa sandi supervisor/manajer', { exact: true }).fill(OWN_PIN);
    await page.getByRole('button', { name: 'Buka kunci' }).click();
    await page.getByRole('status').getByText(`Kunci ${OFFICER.name} dibuka.`).waitFor();
    // The PIN field has the focus again.
    expect(await focusedId(page)).toBe('field-signInSecret');
    await page.keyboard.type(OWN_PIN);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('current-officer').innerText(), { timeout: 10_000 })
      .toContain(OFFICER.name);
    expect(app.problems()).toEqual([]);
  });
});
