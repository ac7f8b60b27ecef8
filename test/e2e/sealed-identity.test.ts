/**
 * A complainant's identity at rest in Chromium (docs/decisions/017-unit-key.md): a named complaint
 * is logged through Pengaduan Baru with a name, NIK and phone; the page's raw IndexedDB (the unit's
 * records, the device database, every database the page has) holds none of them in any record,
 * while the manager's detail screen shows them and the list's search finds the complaint by name
 * and by NIK. After a reload the identity is sealed until the manager signs in again, then shown.
 *
 * Nothing is left out of the scan: the search index's rows and snapshot hold identity only as keyed
 * hashes, and the intake draft kept while the form is typed is sealed
 * (docs/decisions/023-identity-search-at-rest.md).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, dumpIndexedDb, focusedId, signIn } from './app-steps';
import { openComplaint } from './workflow-steps';

const NAME = 'Sulastri Wigunaningrat';
const NIK = '3273014507890003';
const PHONE = '0812-7000-4321';
/** Every form the identity could be stored in: as typed, its parts, digits only. */
const SECRETS = [NAME, 'Sulastri', 'Wigunaningrat', 'wigunaningrat', NIK, PHONE, '081270004321', '7000-4321'];

afterAll(stopBrowserHost);

/** Everything the page stores in IndexedDB. */
const storedText = (page: Page): Promise<string> => dumpIndexedDb(page);

const leaked = async (page: Page): Promise<string[]> => {
  const text = await storedText(page);
  return SECRETS.filter((secret) => text.includes(secret));
};

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
    await completeSetup(app.page); // the unit's first manager: the unit key is made and unlocked
  });
  afterEach(async () => {
    await app.close();
  });

  it('stores no name, NIK or phone in IndexedDB; the manager still sees and finds them', async () => {
    const { page } = app;
    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'Pengaduan Baru' }).waitFor();
    await page.locator('#field-reporter-name').fill(NAME);
    await page.locator('#field-reporter-phone').fill(PHONE);
    await page.locator('#field-reporter-nik').fill(NIK);
    await page.locator('#field-title').fill('Pungutan liar di loket KTP');
    await page.locator('#field-chronology').fill('Petugas meminta uang tambahan untuk mempercepat KTP.');
    const today = await page.evaluate(() => {
      const now = new Date();
      return `${now.getDate()}/${now.getMonth() + 1}/${now.getFullYear()}`;
    });
    await page.locator('#field-incidentDate').fill(today);
    await page.locator('#field-category').selectOption({ index: 1 });
    // The draft kept while typing is there, sealed: nothing typed is in clear.
    await expect.poll(() => storedText(page), { timeout: 15_000 }).toContain('"sealed"');
    expect(await leaked(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');
    const number = (await page.getByTestId('tracking-number').innerText()).trim();

    // Nothing in clear after the save either (the draft deleted, the index holding hashes).
    await expect.poll(() => leaked(page), { timeout: 15_000 }).toEqual([]);
    const stored = await storedText(page);
    expect(stored).toContain('"identity"'); // the reporter document is there, sealed
    expect(stored).toContain(number);

    // The manager sees the identity on the detail screen.
    await openComplaint(page, number);
    const reporter = await page.getByTestId('reporter').innerText();
    expect(reporter).toContain(NAME);
    expect(reporter).toContain(NIK);
    expect(reporter).toContain(PHONE);

    // And finds the complaint by the name and by the NIK.
    for (const query of ['sulastri wiguna', NIK]) {
      await page.keyboard.press('Control+k');
      await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
      await expect.poll(() => focusedId(page)).toBe('complaint-search');
      await page.keyboard.press('Control+a');
      await page.keyboard.type(query);
      await expect
        .poll(
          () =>
            page
              .locator('tbody tr[data-tracking-number]')
              .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.trackingNumber ?? '')),
          { timeout: 15_000 },
        )
        .toEqual([number]);
    }

    // After a reload nothing is unlocked until the manager signs in; then the identity is shown.
    await page.reload();
    await signIn(page);
    await openComplaint(page, number);
    expect(await page.getByTestId('reporter').innerText()).toContain(NAME);
    // The search index, its snapshot saved a few seconds after its last write, holds no clear identity.
    await expect.poll(() => storedText(page), { timeout: 30_000 }).toMatch(/"kind":"suffix"/);
    expect(await leaked(page)).toEqual([]);
    expect(app.problems()).toEqual([]);
  });
});
