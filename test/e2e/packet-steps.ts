/** Steps of the Paket P4 screen, shared by the packet specs. */
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { ASSESSMENT_ASPECTS } from '../../shared/packet/packet-types';

/** Opens Paket P4 with its keyboard shortcut. */
export async function openPacketScreen(page: Page): Promise<void> {
  await page.locator('#main').focus();
  await page.keyboard.press('Alt+5');
  await page.getByRole('heading', { name: 'Paket P4', level: 1 }).waitFor();
}

/** Creates a draft with the form's defaults (this year, the unit's usual category, 1 January to today). */
export async function createDraft(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Buat draf' }).click();
  await page.getByTestId('packet-draft-title').waitFor();
}

/** A narrative of `words` words that names no person. */
export function narrative(aspect: string, words: number): string {
  const sentence = `Unit menjalankan ${aspect} secara teratur dengan dukungan pimpinan dan evaluasi berkala setiap triwulan`;
  const pieces = sentence.split(' ');
  return Array.from({ length: words }, (_, index) => pieces[index % pieces.length]).join(' ') + '.';
}

/** Fills every aspect's narrative. */
export async function writeNarratives(page: Page, words = 160): Promise<void> {
  for (const aspect of ASSESSMENT_ASPECTS) {
    await page.locator(`#field-sections-${aspect}-narrative`).fill(narrative(aspect, words));
    await expect
      .poll(() => page.getByTestId(`words-${aspect}`).innerText())
      .toContain(`${words} kata: sesuai panduan`);
  }
}

/** Attaches a small PDF as evidence of `aspect` through the file input. */
export async function attachEvidence(page: Page, aspect: string, name: string): Promise<void> {
  await page.locator(`#field-evidence-${aspect}`).setInputFiles({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% bukti Meja Aduan\n%%EOF\n'),
  });
  await page
    .getByTestId(`evidence-${aspect}`)
    .getByRole('button', { name: `Hapus ${name}` })
    .waitFor();
}

/** Saves the draft with Ctrl+Enter from the focused field and waits until nothing is unsaved. */
export async function saveDraft(page: Page): Promise<void> {
  await page.keyboard.press('Control+Enter');
  await page.getByText('Draf paket tersimpan.').waitFor();
  await expect.poll(() => page.getByTestId('packet-dirty').innerText()).toBe('Semua perubahan tersimpan');
}

/** Exports the packet and returns the bytes of the downloaded ZIP (browser host). */
export async function exportPacketZip(
  page: Page,
): Promise<{ bytes: Uint8Array; path: string; name: string }> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Ekspor paket', exact: true }).click();
  const saved = await download;
  const path = await saved.path();
  await page.getByTestId('packet-export-result').waitFor();
  return { bytes: new Uint8Array(await readFile(path)), path, name: saved.suggestedFilename() };
}

/** Clicks `button` and returns every file it downloads (`count` of them), by suggested name. */
export async function downloadsOf(
  page: Page,
  button: ReturnType<Page['getByRole']>,
  count: number,
): Promise<Map<string, { path: string; text: string }>> {
  const files = new Map<string, { path: string; text: string }>();
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`expected ${count} downloads, got ${files.size}`)),
      60_000,
    );
    page.on('download', (download) => {
      void download.path().then(async (path) => {
        files.set(download.suggestedFilename(), { path, text: await readFile(path, 'utf8') });
        if (files.size === count) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  });
  await button.click();
  await done;
  page.removeAllListeners('download');
  return files;
}

/**
 * "Ekspor SP4N-LAPOR!": the first press lists the complaints to be exported and recorded as
 * forwarded (nothing saved yet); "Ekspor dan catat …" then saves both files. Returns them by name
 * and the tracking numbers the list showed.
 */
export async function exportLapor(
  page: Page,
): Promise<{ files: Map<string, { path: string; text: string }>; listed: string[] }> {
  await page.getByRole('button', { name: 'Ekspor SP4N-LAPOR!' }).click();
  const preview = page.getByTestId('lapor-preview');
  await preview.waitFor();
  const listed = await preview.locator('li .tracking-number').allInnerTexts();
  const files = await downloadsOf(page, preview.getByRole('button', { name: /^Ekspor dan catat/ }), 2);
  return { files, listed };
}
