/**
 * What a new officer tripped over around exports, the version and sync, end to end in Chromium
 * (the browser host): the version shown is package.json's, an export's message names the file
 * and the downloads folder, and the sync screen says nothing is sent before a server is configured.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup } from './app-steps';
import { downloadsOf, openPacketScreen } from './packet-steps';
import { logComplaint } from './workflow-steps';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

afterAll(stopBrowserHost);

describe.each(appHosts().filter((host) => host.name === 'browser'))('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
    await completeSetup(app.page);
  });
  afterEach(async () => {
    await app.close();
  });

  it('shows the package version, names exported files and their folder, and says nothing is sent without a server', async () => {
    const { page } = app;
    expect(version).not.toBe('0.0.0');

    // Tentang aplikasi: the package's version, not a placeholder.
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Pengaturan' }).waitFor();
    const about = page.locator('dt', { hasText: 'Versi' }).locator('xpath=following-sibling::dd[1]');
    expect((await about.innerText()).trim()).toBe(version);

    await logComplaint(page, { title: 'Lampu jalan mati', chronology: 'Sejak seminggu.' });

    // Sync screen before any server: nothing is sent, and the documents are only here.
    await page.locator('#main').focus();
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { name: 'Sinkronisasi', level: 1 }).waitFor();
    const pending = page.getByTestId('sync-pending');
    await expect.poll(() => pending.innerText()).toMatch(/tidak ada yang dikirim/);
    const localCount = (await page.getByTestId('local-doc-count').innerText()).trim();
    expect(Number(localCount)).toBeGreaterThan(0);
    expect(await pending.innerText()).toContain(`${localCount} dokumen hanya ada di perangkat ini`);
    expect(await pending.innerText()).not.toContain('belum terkirim');

    // Exports: the message names the file and the browser's downloads folder, no host prefix.
    await openPacketScreen(page);
    const records = await downloadsOf(page, page.getByRole('button', { name: 'Ekspor semua data' }), 1);
    const [recordsName] = [...records.keys()];
    const result = page.getByTestId('data-export-result');
    await expect.poll(() => result.innerText()).toContain(`${recordsName ?? ''} di folder Unduhan peramban`);
    expect(await result.innerText()).not.toContain('download:');

    expect(app.problems()).toEqual([]);
  });

  it("prints on the receipt the verification deadline from the unit's calendar, and room to sign and stamp", async () => {
    const { page } = app;
    // Friday 20 November 2026, 10:00 WIB: three working days (the default) skip the weekend.
    await page.clock.setFixedTime(new Date('2026-11-20T03:00:00Z'));
    await logComplaint(page, { title: 'Lampu jalan mati', chronology: 'Sejak seminggu.' });
    await page.getByRole('link', { name: 'Cetak tanda terima' }).click();
    await page.getByRole('heading', { name: 'TANDA TERIMA PENGADUAN' }).waitFor();
    expect(await page.getByTestId('receipt-deadline').innerText()).toBe(
      'Pengaduan diverifikasi paling lambat 25 November 2026 (hari kerja unit).',
    );
    const receipt = await page.locator('.receipt').innerText();
    expect(receipt).toContain('Tanda tangan petugas penerima');
    expect(receipt).toContain('Cap unit');
    expect(receipt).toContain('Untuk menanyakan status pengaduan');
    expect(app.problems()).toEqual([]);
  });
});
