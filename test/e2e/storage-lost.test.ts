/**
 * A device whose browser deleted its storage (docs/decisions/028-storage-lost.md): Chromium
 * deletes an origin's whole IndexedDB when it finds it corrupted at a start. Here the deletion is
 * made by hand, on a page of the app's origin where the app does not run; the next start asks for
 * setup with the alert "Data perangkat ini hilang" naming the unit the device held (from the mark
 * kept in localStorage), and the device can be set up again below it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, browserHostUrl, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, UNIT } from './app-steps';

afterAll(stopBrowserHost);

// The browser host only: the deletion is made from a page of the app's origin that is not the app.
describe.each(appHosts().filter((host) => host.name === 'browser'))('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('says the device’s data is gone and which unit it held, then sets up again', async () => {
    const { page } = app;
    await completeSetup(page);
    const url = await browserHostUrl();
    await page.goto(`${url}storage-lost-check`);
    const deleted = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).flatMap((database) =>
        database.name ? [database.name] : [],
      );
      for (const name of names) {
        await new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error(`${name} not deleted`));
        });
      }
      return names;
    });
    // The unit's records and the device's own database were there, and are gone.
    expect(deleted).toEqual(expect.arrayContaining(['meja-aduan-device']));
    expect(deleted.some((name) => name.startsWith('_pouch_'))).toBe(true);

    await page.goto(url);
    const alert = page.getByRole('alert', { name: 'Data perangkat ini hilang' });
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain(`unit ${UNIT.code} dengan kode perangkat`);
    expect(text).toContain('Unit yang sudah ada');
    expect(text).toContain('berkas cadangan');
    // Set up again below it, with the keyboard as at a first start.
    await completeSetup(page);
    await page.getByRole('heading', { name: 'Beranda' }).waitFor();
  });
});
