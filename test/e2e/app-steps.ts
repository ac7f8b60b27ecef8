/** Steps a person takes in the app, done with the keyboard only, shared by the specs. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const UNIT = {
  code: 'KTB',
  name: 'Unit Pengaduan Kota Contoh',
  agency: 'Pemerintah Kota Contoh',
  contact: 'WA 0812-3456-7890',
  address: 'Jl. Merdeka 1, Kota Contoh',
  officer: 'Siti Rahma',
};

/** The manager's PIN (typed at setup); every other officer's first PIN (from the manager) and own PIN. */
export const MANAGER_PIN = '482913';
export const FIRST_PIN = '573920';
export const OWN_PIN = '264810';

export async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

async function typeAndTab(page: Page, text: string): Promise<void> {
  if (text) await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** First-run setup, typed field by field in tab order, saved with Enter. */
export async function completeSetup(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Penyiapan Awal' }).waitFor();
  expect(await focusedId(page)).toBe('field-unitCode');
  await typeAndTab(page, UNIT.code);
  await typeAndTab(page, UNIT.name);
  await typeAndTab(page, UNIT.agency);
  expect(await focusedId(page)).toBe('field-entityType');
  // Closed <select>: the arrow keys step through the options (placeholder, K/L, province, city).
  for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await typeAndTab(page, UNIT.contact);
  await typeAndTab(page, UNIT.address);
  expect(await focusedId(page)).toBe('field-timeZone');
  await page.keyboard.press('Tab'); // WIB: the browser runs in Asia/Jakarta
  expect(await focusedId(page)).toBe('field-deviceCode');
  await page.keyboard.press('Tab'); // keep the generated device code
  expect(await focusedId(page)).toBe('field-officerName');
  await typeAndTab(page, UNIT.officer);
  // The first officer is the unit's manager, with a PIN typed twice.
  expect(await focusedId(page)).toBe('field-officerSecret');
  await typeAndTab(page, MANAGER_PIN);
  expect(await focusedId(page)).toBe('field-officerSecretConfirm');
  await page.keyboard.type(MANAGER_PIN);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Beranda' }).waitFor();
}

/**
 * The sign-in screen (start-up, "Ganti petugas", a locked desk): picks `name` with the keyboard
 * (Enter on their button), types the PIN, Enter; waits until the desk shows them.
 */
export async function signIn(
  page: Page,
  name: string = UNIT.officer,
  pin: string = MANAGER_PIN,
): Promise<void> {
  await page.getByRole('heading', { name: 'Siapa yang bertugas di meja ini?' }).waitFor();
  await chooseOfficer(page, name);
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  // The check derives the PIN's key (~250 ms at the calibrated count, more on a busy machine).
  await expect
    .poll(() => page.getByTestId('current-officer').innerText(), { timeout: 10_000 })
    .toContain(name);
}

/** On the sign-in screen: focuses `name`'s button and presses Enter; the PIN field takes the focus. */
export async function chooseOfficer(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(name) }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedId(page)).toBe('field-signInSecret');
}

/** Opens Pengaduan Baru from anywhere with the keyboard shortcut. */
export async function openIntake(page: Page): Promise<void> {
  await page.keyboard.press('Control+n');
  await page.getByRole('heading', { name: 'Pengaduan Baru' }).waitFor();
}

/** The tracking numbers shown in the list, top to bottom. */
export async function listedTrackingNumbers(page: Page): Promise<string[]> {
  await page.keyboard.press('Alt+3');
  await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
  const table = page.getByTestId('complaint-table');
  const empty = page.getByText('Belum ada pengaduan.');
  await table.or(empty).first().waitFor();
  if (await empty.isVisible()) return [];
  return table.locator('tbody tr[data-tracking-number] td:first-child').allInnerTexts();
}

/**
 * Everything stored in the page's IndexedDB databases, as JSON text (to search for identities),
 * leaving out the object stores named in `except` (e.g. 'intakeDrafts', the unsaved form).
 */
export async function dumpIndexedDb(page: Page, except: readonly string[] = []): Promise<string> {
  return page.evaluate(async (skipped) => {
    const names = (await indexedDB.databases()).map((db) => db.name ?? '');
    const dump: string[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
      });
      for (const store of Array.from(db.objectStoreNames).filter((name) => !skipped.includes(name))) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error(`cannot read ${store}`));
        });
        dump.push(JSON.stringify(rows));
      }
      db.close();
    }
    return dump.join('\n');
  }, except);
}

/** This device's code, as the top bar shows it (`(KTB·K23)`). */
export async function shownDeviceCode(page: Page): Promise<string> {
  const text = await page.locator('.topbar__unit .mono').innerText();
  const code = /·([A-Z2-9]{3})\)/.exec(text)?.[1];
  if (!code) throw new Error(`no device code in the top bar: ${text}`);
  return code;
}

/**
 * Moves the unit key from `manager` (a manager signed in on a device holding it) to `device` (an
 * officer signed in on a device of the unit without it; decision 018): Pengaturan → Pindahkan kunci
 * unit shows a code on the manager's device, the other device types it into "Kode pemindahan kunci"
 * and waits until the key has arrived by sync and the field is gone.
 */
export async function transferUnitKey(manager: Page, device: Page): Promise<void> {
  await manager.keyboard.press('Alt+7');
  await manager.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
  const section = manager.getByTestId('key-transfer');
  await section.getByRole('button', { name: 'Tampilkan kode pemindahan' }).click();
  const shown = section.getByTestId('key-transfer-code');
  await shown.waitFor();
  const code = (await shown.getAttribute('data-code')) ?? '';
  const receive = device.getByTestId('key-transfer-receive');
  await device.getByLabel('Kode pemindahan kunci').fill(code);
  await device.getByLabel('Kode pemindahan kunci').press('Enter');
  await receive.waitFor({ state: 'detached', timeout: 60_000 });
}
