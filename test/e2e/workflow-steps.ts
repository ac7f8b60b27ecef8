/** Steps of the complaint workflow in the app, shared by the workflow specs. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOfficer, FIRST_PIN, focusedId, MANAGER_PIN, OWN_PIN, signIn, UNIT } from './app-steps';

export type Person = Readonly<{
  name: string;
  role: 'Petugas' | 'Supervisor/verifikator' | 'Manajer/kepala unit';
}>;

export const OFFICER: Person = { name: 'Budi Prasetyo', role: 'Petugas' };
export const SUPERVISOR: Person = { name: 'Wati Lestari', role: 'Supervisor/verifikator' };

/** Pengaturan → officers: a manager adds a person with a role and their first PIN (FIRST_PIN). */
export async function addOfficer(page: Page, person: Person): Promise<void> {
  await page.keyboard.press('Alt+7');
  await page.getByRole('heading', { name: 'Pengaturan' }).waitFor();
  await page.locator('#new-officer').fill(person.name);
  await page.locator('#new-officer-role').selectOption({ label: person.role });
  await page.locator('#field-newOfficerSecret').fill(FIRST_PIN);
  await page.locator('#field-newOfficerSecretConfirm').fill(FIRST_PIN);
  await page.getByRole('button', { name: 'Tambah petugas' }).click();
  await page.getByTestId('officers').getByRole('cell', { name: person.name, exact: true }).waitFor();
}

/** Pengaturan → offices: a manager adds offices and saves the list. */
export async function addOffices(page: Page, names: readonly string[]): Promise<void> {
  await page.keyboard.press('Alt+7');
  await page.getByRole('heading', { name: 'Pengaturan' }).waitFor();
  for (const name of names) {
    await page.getByRole('button', { name: 'Tambah kantor' }).click();
    // The new row's name field takes the focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toMatch(/^field-offices-\d+-name$/);
    await page.keyboard.type(name);
  }
  await page.getByRole('button', { name: 'Simpan daftar kantor' }).click();
  await page.getByText('Pengaturan unit tersimpan.').waitFor();
}

/** Who changed their first PIN already (then they sign in with OWN_PIN), per page. */
const changedPin = new WeakMap<Page, Set<string>>();

/**
 * "Ganti petugas" → the sign-in screen → this person with their PIN; at their first sign-in
 * (FIRST_PIN from the manager) they choose their own (OWN_PIN). The manager signs in with MANAGER_PIN.
 */
export async function switchTo(page: Page, person: Person | 'manager'): Promise<void> {
  await page.getByRole('button', { name: 'Ganti petugas' }).click();
  if (person === 'manager') {
    await signIn(page, UNIT.officer, MANAGER_PIN);
    return;
  }
  const changed = changedPin.get(page) ?? new Set<string>();
  changedPin.set(page, changed);
  if (changed.has(person.name)) {
    await signIn(page, person.name, OWN_PIN);
    return;
  }
  await page.getByRole('heading', { name: 'Siapa yang bertugas di meja ini?' }).waitFor();
  await chooseOfficer(page, person.name);
  await page.keyboard.type(FIRST_PIN);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Ganti PIN Anda' }).waitFor();
  expect(await focusedId(page)).toBe('field-newSecret');
  await page.keyboard.type(OWN_PIN);
  await page.keyboard.press('Tab');
  await page.keyboard.type(OWN_PIN);
  await page.keyboard.press('Enter');
  changed.add(person.name);
  await expect
    .poll(() => page.getByTestId('current-officer').innerText(), { timeout: 10_000 })
    .toContain(person.name);
}

export type NewComplaint = Readonly<{
  title: string;
  chronology: string;
  privacy?: 'Biasa' | 'Anonim' | 'Rahasia';
  reporterName?: string;
  phone?: string;
  /** A small PDF attached under this file name. */
  attachmentName?: string;
}>;

/** Logs a complaint through Pengaduan Baru and returns its tracking number (on the saved screen). */
export async function logComplaint(page: Page, complaint: NewComplaint): Promise<string> {
  await page.keyboard.press('Control+n');
  await page.getByRole('heading', { name: 'Pengaduan Baru' }).waitFor();
  if (complaint.privacy && complaint.privacy !== 'Biasa') {
    await page.getByRole('radio', { name: new RegExp(`^${complaint.privacy}`) }).check();
  }
  if (complaint.privacy !== 'Anonim') {
    await page.locator('#field-reporter-name').fill(complaint.reporterName ?? 'Ani Wijaya');
    await page.locator('#field-reporter-phone').fill(complaint.phone ?? '0812-3333-4444');
  }
  await page.locator('#field-title').fill(complaint.title);
  await page.locator('#field-chronology').fill(complaint.chronology);
  const today = await page.evaluate(() => {
    const now = new Date();
    return `${now.getDate()}/${now.getMonth() + 1}/${now.getFullYear()}`;
  });
  await page.locator('#field-incidentDate').fill(today);
  await page.locator('#field-category').selectOption({ index: 1 });
  if (complaint.attachmentName) {
    await page.locator('#field-attachments').setInputFiles({
      name: complaint.attachmentName,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 bukti'),
    });
  }
  await page.keyboard.press('Control+Enter');
  return (await page.getByTestId('tracking-number').innerText()).trim();
}

/** Opens a complaint's detail by its whole tracking number in the list's search box (Enter opens it). */
export async function openComplaint(page: Page, trackingNumber: string): Promise<void> {
  await page.keyboard.press('Alt+3');
  await page.getByRole('heading', { name: 'Daftar Pengaduan' }).waitFor();
  await page.locator('#complaint-search').fill(trackingNumber);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: `Pengaduan ${trackingNumber}` }).waitFor();
}

/** The labels of the action buttons offered on the detail screen. */
export async function offeredActions(page: Page): Promise<string[]> {
  const toolbar = page.getByRole('toolbar', { name: 'Tindakan' });
  const none = page.getByText('Tidak ada tindakan yang dapat Anda lakukan');
  await toolbar.or(none).first().waitFor();
  if (await none.isVisible()) return [];
  const labels = await toolbar.getByRole('button').allInnerTexts();
  return labels.map((label) => label.replace(/\s*Alt\+\S+$/, '').trim());
}

/**
 * Takes an action with its keyboard shortcut (Alt+letter), fills the form through `fill` with the
 * focus on its first field, and saves with Ctrl+Enter; waits for the trail to grow by one entry.
 */
export async function act(
  page: Page,
  shortcut: string,
  formName: string,
  fill: (form: ActionForm) => Promise<void>,
): Promise<void> {
  // Every complaint has its "received" entry: wait for the trail (it loads after a re-render,
  // e.g. after switching officers), so that the count below is the trail's, not an empty one.
  await page.getByTestId('trail').locator('li').first().waitFor();
  const entries = await page.getByTestId('trail').locator('li').count();
  await fill(await openAction(page, shortcut, formName));
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.getByTestId('trail').locator('li').count()).toBe(entries + 1);
}

export type ActionForm = ReturnType<Page['getByRole']>;

/** Opens an action's form with its keyboard shortcut (Alt+letter). */
export async function openAction(page: Page, shortcut: string, formName: string): Promise<ActionForm> {
  await page.locator('#main').focus();
  await page.keyboard.press(`Alt+${shortcut}`);
  const form = page.getByRole('form', { name: formName });
  await form.waitFor();
  return form;
}

/** The status word on the detail screen. */
export async function detailStatus(page: Page): Promise<string> {
  return (await page.getByTestId('status-text').innerText()).trim();
}
