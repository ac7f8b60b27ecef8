/**
 * Backup and restore in the built app in Chromium (docs/backup.md), browser host (its download
 * arrives through Playwright's download event): the manager makes a backup in Pengaturan → Cadangan
 * with a passphrase; a fresh profile restores it from the first screen (a wrong passphrase is told
 * and nothing written; the check shows the counts and every part's SHA-256 matching); the roster's
 * PIN signs in there and the list shows the same complaints.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, focusedId, listedTrackingNumbers, signIn, UNIT } from './app-steps';
import { logComplaint } from './workflow-steps';

afterAll(stopBrowserHost);

const PASS = 'kopi tubruk pagi hari';
const browser = appHosts().filter((host) => host.name === 'browser');

describe.each(browser)('$name host', (host) => {
  const launched: LaunchedApp[] = [];
  afterEach(async () => {
    for (const app of launched.splice(0)) await app.close();
  });

  it('a backup made through the UI restores into a fresh profile; the roster PIN signs in; same complaints', async () => {
    const first = await host.launch();
    launched.push(first);
    const { page } = first;
    await completeSetup(page);
    const made = [
      await logComplaint(page, { title: 'Jalan berlubang di Jl. Melati', chronology: 'Lubang besar.' }),
      await logComplaint(page, {
        title: 'Lampu jalan mati',
        chronology: 'Sudah seminggu.',
        attachmentName: 'bukti.pdf',
      }),
    ];
    // The list follows the records (its index catches up in the background): wait for both.
    await expect
      .poll(async () => [...(await listedTrackingNumbers(page))].sort(), { timeout: 30_000 })
      .toEqual([...made].sort());

    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
    const section = page.getByTestId('backup-section');
    await section.getByRole('heading', { name: 'Cadangan', exact: true }).waitFor();
    await section.getByLabel(/^Frasa sandi cadangan/).fill(PASS);
    await section.getByLabel(/^Ulangi frasa sandi/).focus();
    await page.keyboard.type(PASS);
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.keyboard.press('Enter');
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^cadangan-KTB-\d{8}-\d{4}\.mabackup$/);
    const path = await saved.path();
    await expect
      .poll(() => page.getByTestId('notices').innerText(), { timeout: 30_000 })
      .toMatch(/Cadangan disimpan: cadangan-KTB-.*\.mabackup \(\d+ catatan, 1 lampiran\)\./);
    expect((await readFile(path)).subarray(0, 16).toString('latin1')).toBe('MEJA-ADUAN-BAKUP');
    await expect.poll(() => section.getByTestId('last-backup').innerText()).not.toBe('Belum pernah');

    // A fresh profile: restore from the first screen.
    const second = await host.launch();
    launched.push(second);
    const fresh = second.page;
    await fresh.getByRole('heading', { name: 'Penyiapan Awal' }).waitFor();
    await fresh.getByRole('radio', { name: 'Pulihkan perangkat ini dari berkas cadangan' }).check();
    await fresh.getByLabel('Berkas cadangan', { exact: true }).setInputFiles(path);
    await fresh.getByLabel(/^Frasa sandi$/).fill('bukan frasa sandinya');
    await fresh.keyboard.press('Enter');
    await fresh
      .getByText('Frasa sandi salah. Cadangan tidak dapat dibuka dengan frasa ini.', { exact: false })
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await focusedId(fresh)).toBe('field-restorePassphrase');
    await fresh.getByLabel(/^Frasa sandi$/).fill(PASS);
    await fresh.keyboard.press('Enter');
    const preview = fresh.getByTestId('restore-preview');
    await preview.waitFor({ timeout: 30_000 });
    const kinds = await preview.getByTestId('restore-kinds').innerText();
    expect(kinds).toMatch(/Pengaduan\s+2/);
    expect(kinds).toMatch(/Identitas pelapor\s+2/);
    const checks = preview.getByTestId('restore-checks');
    expect(await checks.locator('tbody tr').count()).toBe(4);
    expect((await checks.innerText()).match(/✔ cocok/g)).toHaveLength(4);
    await preview.getByRole('button', { name: 'Pulihkan sekarang' }).click();

    await signIn(fresh, UNIT.officer);
    await expect
      .poll(async () => [...(await listedTrackingNumbers(fresh))].sort(), { timeout: 60_000 })
      .toEqual([...made].sort());
    expect(first.problems()).toEqual([]);
    expect(second.problems()).toEqual([]);
  });
});
