/**
 * Nothing typed is lost: the intake form is kept on the device as it is typed (Dexie, never
 * synced) and restored, with a visible line, after leaving the screen, switching officers or a
 * reload; discarding it or saving the complaint deletes it from the device.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, openIntake, signIn } from './app-steps';

afterAll(stopBrowserHost);

/** The rows of the device database's intake drafts, read straight from IndexedDB. */
async function keptDrafts(page: Page): Promise<{ officerId: string; fields: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('meja-aduan-device');
        request.onerror = () => reject(request.error ?? new Error('cannot open the device database'));
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction('intakeDrafts').objectStore('intakeDrafts').getAll();
          read.onsuccess = () => {
            db.close();
            resolve(read.result as { officerId: string; fields: Record<string, unknown> }[]);
          };
          read.onerror = () => reject(read.error ?? new Error('cannot read the drafts'));
        };
      }),
  );
}

const value = (page: Page, id: string): Promise<string> => page.locator(`#${id}`).inputValue();

/** Types a named complaint's first fields with the keyboard, starting on the channel. */
async function typeSomeFields(page: Page): Promise<void> {
  await page.keyboard.press('Tab'); // report type
  await page.keyboard.press('Tab'); // privacy mode
  await page.keyboard.press('Tab');
  await page.keyboard.type('Budi Santoso');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0812-1111-2222');
  await page.locator('#field-title').focus();
  await page.keyboard.type('Antrean KTP terlalu lama');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sudah tiga kali datang, selalu disuruh kembali besok.');
}

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
  });
  afterEach(async () => {
    await app.close();
  });

  it('restores the form after another screen, a change of officer and a reload; discarding deletes it', async () => {
    const { page } = app;
    await completeSetup(page);
    await openIntake(page);
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    await typeSomeFields(page);
    await page.keyboard.press('Alt+3'); // away at once: the pending write is made on leaving
    await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
    await expect.poll(async () => (await keptDrafts(page)).length).toBe(1);

    await openIntake(page);
    const line = page.getByTestId('draft-restored');
    await line.waitFor();
    expect(await line.innerText()).toContain('Draf dipulihkan');
    expect(await value(page, 'field-reporter-name')).toBe('Budi Santoso');
    expect(await value(page, 'field-reporter-phone')).toBe('0812-1111-2222');
    expect(await value(page, 'field-title')).toBe('Antrean KTP terlalu lama');
    expect(await value(page, 'field-chronology')).toBe(
      'Sudah tiga kali datang, selalu disuruh kembali besok.',
    );

    // More typed, then "Ganti petugas": the draft belongs to the one who typed it.
    await page.locator('#field-location').focus();
    await page.keyboard.type('Kantor Disdukcapil');
    await page.getByRole('button', { name: 'Ganti petugas' }).click();
    await signIn(page);
    await openIntake(page);
    await line.waitFor();
    expect(await value(page, 'field-location')).toBe('Kantor Disdukcapil');

    await page.reload();
    await signIn(page);
    await openIntake(page);
    await line.waitFor();
    expect(await value(page, 'field-title')).toBe('Antrean KTP terlalu lama');
    expect(await value(page, 'field-location')).toBe('Kantor Disdukcapil');

    await page.getByRole('button', { name: 'Buang draf' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => line.count()).toBe(0);
    expect(await value(page, 'field-reporter-name')).toBe('');
    expect(await value(page, 'field-title')).toBe('');
    expect(await value(page, 'field-chronology')).toBe('');
    await expect.poll(async () => (await keptDrafts(page)).length).toBe(0);
    expect(app.problems()).toEqual([]);
  });

  it('deletes the draft, identity and all, once the complaint is saved', async () => {
    const { page } = app;
    await completeSetup(page);
    await openIntake(page);
    await typeSomeFields(page);
    // Kept sealed (decision 023): the row is there, nothing typed in clear.
    await expect.poll(async () => JSON.stringify(await keptDrafts(page))).toContain('"sealed"');
    expect(JSON.stringify(await keptDrafts(page))).not.toContain('Budi Santoso');
    const today = await page.evaluate(() => {
      const now = new Date();
      return `${now.getDate()}/${now.getMonth() + 1}/${now.getFullYear()}`;
    });
    await page.locator('#field-incidentDate').fill(today);
    await page.locator('#field-category').selectOption({ index: 1 });
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('tracking-number').waitFor();
    await expect.poll(async () => (await keptDrafts(page)).length).toBe(0);

    await openIntake(page);
    await page.waitForTimeout(500); // the kept draft, if any, would have been read by now
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await value(page, 'field-title')).toBe('');
    expect(app.problems()).toEqual([]);
  });
});
