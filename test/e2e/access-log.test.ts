/**
 * Pengaturan → Log akses in the built app in Chromium (docs/decisions/016-access-log.md): after a
 * wrong PIN and a sign-in at this desk, the manager sees both, newest first, with who, what, the
 * device and the time; a filter by kind shows only the wrong PIN; an officer is not shown the log.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { chooseOfficer, completeSetup, MANAGER_PIN, shownDeviceCode, UNIT } from './app-steps';
import { addOfficer, OFFICER, switchTo } from './workflow-steps';

afterAll(stopBrowserHost);

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('shows a wrong PIN and the sign-in after it in the manager’s Log akses', async () => {
    const { page } = app;
    await completeSetup(page); // Siti, the manager, signed in with MANAGER_PIN
    const device = await shownDeviceCode(page);
    await addOfficer(page, OFFICER);

    await page.getByRole('button', { name: 'Ganti petugas' }).click();
    await page.getByRole('heading', { name: 'Siapa yang bertugas di meja ini?' }).waitFor();
    await chooseOfficer(page, UNIT.officer);
    await page.keyboard.type('111222');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').first().innerText(), { timeout: 10_000 })
      .toContain('PIN salah');
    await page.keyboard.type(MANAGER_PIN);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('current-officer').innerText(), { timeout: 10_000 })
      .toContain(UNIT.officer);

    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
    const log = page.getByTestId('access-log');
    await log.getByRole('heading', { name: 'Log akses' }).waitFor();
    const rows = log.getByTestId('access-log-rows').locator('tbody tr');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    // Newest first: the sign-in, the wrong PIN, "Ganti petugas", the officer added, setup's sign-in.
    expect(texts).toHaveLength(5);
    const expected = [
      new RegExp(`${UNIT.officer}\\s+Masuk\\s+${device}`),
      new RegExp(`${UNIT.officer}\\s+PIN salah\\s+${device}`),
      new RegExp(`${UNIT.officer}\\s+Keluar \\(ganti petugas\\)\\s+${device}`),
      new RegExp(`${UNIT.officer}\\s+Petugas ditambahkan: ${OFFICER.name} \\(Petugas\\)\\s+${device}`),
      new RegExp(`${UNIT.officer}\\s+Masuk\\s+${device}`),
    ];
    expected.forEach((pattern, index) => expect(texts[index]).toMatch(pattern));
    // The time column names today's date.
    expect(texts[0]).toMatch(/\d{4}/);

    // Only the wrong PIN, by kind, chosen with the keyboard.
    await log.getByLabel('Jenis kejadian').focus();
    await log.getByLabel('Jenis kejadian').selectOption({ label: 'PIN salah' });
    await expect.poll(() => rows.allInnerTexts()).toHaveLength(1);
    expect((await rows.allInnerTexts())[0]).toMatch(/PIN salah/);

    // An officer is not shown the log.
    await switchTo(page, OFFICER);
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
    await page.getByTestId('officers').waitFor();
    expect(await page.getByTestId('access-log').count()).toBe(0);
    expect(app.problems()).toEqual([]);
  });
});
