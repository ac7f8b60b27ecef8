/**
 * Paket P4 end to end in Chromium (docs/packet.md): a manager logs complaints (one named with a
 * distinctive name, one confidential, one anonymous), carries one to closure, fills a packet in
 * the UI (profile, every narrative, an evidence PDF, an example case), saves it, exports it, and
 * the downloaded ZIP verifies (the shared verifier and the `npm run packet -- verify` command)
 * and holds none of the complainants' identities, in any byte of any file.
 *
 * The browser host only: Electron saves through a native dialog that a test cannot drive.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findInPacket } from '../../shared/packet/packet-bytes-search.fixtures';
import { verifyPacket } from '../../shared/packet/verify-packet';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, UNIT } from './app-steps';
import {
  attachEvidence,
  createDraft,
  downloadsOf,
  exportLapor,
  exportPacketZip,
  openPacketScreen,
  saveDraft,
  writeNarratives,
} from './packet-steps';
import {
  act,
  addOfficer,
  addOffices,
  logComplaint,
  openAction,
  openComplaint,
  OFFICER,
  switchTo,
} from './workflow-steps';

const run = promisify(execFile);

/** Monday 23 November 2026, 10:00 WIB. */
const MONDAY = new Date('2026-11-23T03:00:00Z');
const NAMED_REPORTER = 'Kusumawardhani Pratiwiningsih';
const CONFIDENTIAL_REPORTER = 'Sasmitaningrum Wirjodiprodjo';
const NAMED_PHONE = '0813-9090-7171';

afterAll(stopBrowserHost);

describe.each(appHosts().filter((host) => host.name === 'browser'))('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
    await app.page.clock.setFixedTime(MONDAY);
    await app.page.reload();
    await completeSetup(app.page); // Siti, the manager
  });
  afterEach(async () => {
    await app.close();
  });

  it('fills, saves and exports a packet whose ZIP verifies and holds no identity', async () => {
    const { page } = app;
    await addOffices(page, ['Dinas Pekerjaan Umum']);
    const named = await logComplaint(page, {
      title: 'Lampu jalan mati di Jl. Kenanga',
      chronology: 'Sudah seminggu lampu jalan mati di depan sekolah, rawan kecelakaan.',
      reporterName: NAMED_REPORTER,
      phone: NAMED_PHONE,
    });
    await logComplaint(page, {
      title: 'Pungutan di loket perizinan',
      chronology: 'Petugas loket meminta uang tambahan di luar tarif resmi.',
      privacy: 'Rahasia',
      reporterName: CONFIDENTIAL_REPORTER,
    });
    await logComplaint(page, {
      title: 'Antrean puskesmas terlalu lama',
      chronology: 'Antrean pendaftaran lebih dari tiga jam.',
      privacy: 'Anonim',
    });

    // The named complaint is carried to closure.
    await openComplaint(page, named);
    await act(page, 'v', 'Verifikasi', async (form) => {
      await form.getByLabel('Catatan').fill('Berkas lengkap.');
    });
    await act(page, 'd', 'Disposisi', async (form) => {
      await form.getByLabel('Kantor/OPD').selectOption('Dinas Pekerjaan Umum');
    });
    await act(page, 'f', 'Catat tindak lanjut', async (form) => {
      await form.getByLabel('Uraian').fill('Lampu diganti oleh petugas.');
    });
    await act(page, 'r', 'Kirim tanggapan', async (form) => {
      await form.getByLabel('Disampaikan melalui').selectOption({ label: 'Telepon' });
      await form.getByLabel('Uraian').fill('Pelapor diberi tahu lampu sudah menyala.');
    });
    await act(page, 's', 'Selesaikan', async (form) => {
      await form.getByLabel('Hasil penyelesaian').fill('Lampu menyala kembali.');
    });

    await openPacketScreen(page);
    await createDraft(page);
    expect(await page.getByTestId('packet-draft-title').innerText()).toBe(
      'Kompetisi P4 2026 — Instansi Pemerintah Umum (IP Umum)',
    );
    expect(await page.getByTestId('indicator-received').innerText()).toBe('3');

    // The unit profile part: prefilled from the unit, completed by the manager.
    await expect.poll(() => page.locator('#field-profile-agency').inputValue()).toBe(UNIT.agency);
    await page.getByLabel('Nama kepala unit').fill('Kepala Unit Contoh');
    await page.getByLabel('Jabatan kepala unit').fill('Kepala Bagian Pengaduan');
    await page.getByLabel('Nomor SK tim').fill('100/SK/2026');
    await page.getByLabel('Tanggal SK tim').fill('5/1/2026');
    await page.getByRole('button', { name: 'Tambah anggota tim' }).click();
    await page.getByLabel('Nama anggota 1').fill('Anggota Tim Satu');
    await page.getByLabel('Peran anggota 1').fill('Verifikator');
    await page.getByRole('checkbox', { name: 'Datang langsung' }).check();
    await page.getByRole('checkbox', { name: 'Telepon/call center' }).check();
    await page.getByLabel('Jumlah pengelola pengaduan').fill('5');
    await page.getByLabel('Yang sudah dilatih').fill('3');

    await writeNarratives(page);
    await attachEvidence(page, 'leadership-commitment', 'sk-tim-pengaduan.pdf');
    // A file type evidence may not have is refused with a message naming it.
    await page.locator('#field-evidence-innovation').setInputFiles({
      name: 'alat.exe',
      mimeType: 'application/x-msdownload',
      buffer: Buffer.from('MZ'),
    });
    await page.getByText('alat.exe: jenis berkas tidak diterima').waitFor();

    // An example case from the closed complaint: written without identity, places marked.
    await page
      .locator('#case-candidates')
      .selectOption({ label: `${named} · Lampu jalan mati di Jl. Kenanga` });
    expect(await page.locator('#case-candidates option').allInnerTexts()).not.toContainEqual(
      expect.stringContaining('Pungutan'), // the confidential complaint is not offered
    );
    await page.getByRole('button', { name: 'Jadikan contoh kasus' }).click();
    const caseText = page.locator('#field-exampleCases-0-text');
    await expect.poll(() => caseText.inputValue()).toContain('Sudah seminggu lampu jalan mati');
    expect(await caseText.inputValue()).not.toContain(NAMED_REPORTER);
    expect(await page.getByTestId('case-0').locator('mark').allInnerTexts()).toContainEqual(
      expect.stringContaining('Jl. Kenanga'),
    );

    await caseText.focus();
    await saveDraft(page);
    expect(await page.getByTestId('evidence-leadership-commitment').innerText()).toContain('✓ tersimpan');

    const checklist = page.getByTestId('eligibility');
    const check = (id: string) => checklist.locator(`[data-check="${id}"]`).getAttribute('data-ok');
    expect(await check('sections-filled')).toBe('true');
    expect(await check('evidence-present')).toBe('true');
    expect(await check('upp-recommendation')).toBe('true');
    // Records only since today: the six-month rule is not met, and the list says so in words.
    expect(await check('records-six-months')).toBe('false');
    expect(await checklist.locator('[data-check="records-six-months"]').innerText()).toContain(
      '✗ Belum terpenuhi',
    );

    // The marked parts must be reviewed before the export.
    const exportButton = page.getByRole('button', { name: 'Ekspor paket', exact: true });
    expect(await exportButton.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /Saya sudah meninjau/ }).check();
    const zip = await exportPacketZip(page);
    expect(zip.name).toBe('paket-p4-KTB-2026-ip-umum.zip');

    const verified = await verifyPacket(zip.bytes);
    expect(verified).toMatchObject({
      ok: true,
      summary: {
        unit: { code: 'KTB', name: UNIT.name },
        competition: { year: 2026, category: 'ip-umum' },
        complaintRows: 3,
      },
    });
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/packet.ts', 'verify', zip.path],
      {
        timeout: 60_000,
      },
    );
    expect(stdout).toContain('OK, every file matches manifest.json');
    expect(findInPacket(zip.bytes, [NAMED_REPORTER, CONFIDENTIAL_REPORTER, NAMED_PHONE])).toEqual([]);
    expect(findInPacket(zip.bytes, ['sk-tim-pengaduan.pdf', 'Lampu jalan mati'])).not.toEqual([]);

    // Anyone else reads the packet but cannot change or export it.
    await addOfficer(page, OFFICER);
    await switchTo(page, OFFICER);
    await openPacketScreen(page);
    await page.getByText('Hanya baca: hanya manajer yang dapat mengubah draf paket.').waitFor();
    expect(await page.locator('#field-sections-innovation-narrative').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Ekspor paket', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Buat draf' }).count()).toBe(0);

    expect(app.problems()).toEqual([]);
  });

  it('exports all records for the command line and the SP4N-LAPOR! files, identity only when ticked', async () => {
    const { page } = app;
    await logComplaint(page, {
      title: 'Jalan berlubang depan pasar',
      chronology: 'Lubang besar membahayakan pengendara motor.',
      reporterName: NAMED_REPORTER,
      phone: NAMED_PHONE,
      attachmentName: `KTP ${NAMED_REPORTER}.pdf`, // a file name that carries the identity
    });
    await logComplaint(page, {
      title: 'Pungutan di loket perizinan',
      chronology: 'Petugas loket meminta uang tambahan di luar tarif resmi.',
      privacy: 'Rahasia',
      reporterName: CONFIDENTIAL_REPORTER,
    });
    await openPacketScreen(page);

    const records = await downloadsOf(page, page.getByRole('button', { name: 'Ekspor semua data' }), 1);
    const ndjson = records.get('data-KTB-2026-11-23.ndjson');
    expect(ndjson).toBeDefined();
    const docs = (ndjson?.text ?? '')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { _id: string; type?: string });
    expect(docs.filter((doc) => doc.type === 'complaint')).toHaveLength(2);
    expect(docs.some((doc) => doc._id.startsWith('reporter:') || doc.type === 'reporter')).toBe(false);
    expect(ndjson?.text).not.toContain(NAMED_REPORTER);
    expect(ndjson?.text).not.toContain(CONFIDENTIAL_REPORTER);
    expect(ndjson?.text).toContain('"name":"lampiran-1.pdf"'); // the file is listed, neutrally named
    // Without the manager's tick, the confidential complaint is there (counted) without its content.
    expect(ndjson?.text).toContain('Jalan berlubang depan pasar');
    expect(ndjson?.text).not.toContain('Pungutan di loket');
    expect(ndjson?.text).not.toContain('Petugas loket meminta uang tambahan');
    expect(ndjson?.text).toContain('"title":"[rahasia]"');
    await page
      .getByTestId('data-export-result')
      .getByText(/1 pengaduan rahasia diekspor tanpa isi/)
      .waitFor();
    // The command line builds a packet from it, and the packet verifies.
    const out = `${ndjson?.path ?? ''}.zip`;
    const build = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/packet.ts',
        'build',
        '--data',
        ndjson?.path ?? '',
        '--unit',
        'KTB',
        '--from',
        '2026-01-01',
        '--to',
        '2026-11-30',
        '--out',
        out,
      ],
      { timeout: 60_000 },
    );
    expect(build.stdout).toContain('2 received in the period');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/packet.ts', 'verify', out], {
      timeout: 60_000,
    });
    expect(stdout).toContain('OK, every file matches manifest.json');

    // Ticked (a manager, for the unit's internal archive): the content is there; identity never.
    await page.getByRole('checkbox', { name: /Sertakan isi pengaduan rahasia/ }).check();
    await page.getByTestId('confidential-warning').waitFor();
    const archive = await downloadsOf(page, page.getByRole('button', { name: 'Ekspor semua data' }), 1);
    const archived = archive.get('data-KTB-2026-11-23.ndjson')?.text ?? '';
    expect(archived).toContain('Pungutan di loket perizinan');
    expect(archived).not.toContain(CONFIDENTIAL_REPORTER);
    expect(archived).not.toContain(NAMED_REPORTER);
    await page.getByRole('checkbox', { name: /Sertakan isi pengaduan rahasia/ }).uncheck();

    const { files: plain } = await exportLapor(page);
    const csv = plain.get('lapor-KTB-2026-01-01_2026-11-23.csv')?.text ?? '';
    expect(csv).toContain('Jalan berlubang depan pasar');
    expect(csv).not.toContain(NAMED_REPORTER);
    expect(csv).not.toContain('Pungutan di loket'); // a confidential complaint keeps no content
    expect(plain.get('lapor-KTB-2026-01-01_2026-11-23.json')?.text).toContain('"includesIdentity": false');
    await page
      .getByTestId('data-export-result')
      .getByText(/2 pengaduan dicatat "Diteruskan ke SP4N-LAPOR!"/)
      .waitFor();

    await page.getByRole('checkbox', { name: /Sertakan identitas pelapor biasa/ }).check();
    const { files: withIdentity } = await exportLapor(page);
    const identityCsv = withIdentity.get('lapor-KTB-2026-01-01_2026-11-23.csv')?.text ?? '';
    expect(identityCsv).toContain(NAMED_REPORTER);
    expect(identityCsv).not.toContain(CONFIDENTIAL_REPORTER);
    const json = withIdentity.get('lapor-KTB-2026-01-01_2026-11-23.json')?.text ?? '';
    expect(json).toContain(NAMED_REPORTER);
    expect(json).not.toContain(CONFIDENTIAL_REPORTER);
    await page
      .getByTestId('data-export-result')
      .getByText(/dengan identitas pelapor biasa/)
      .waitFor();

    expect(app.problems()).toEqual([]);
  });

  it('records each LAPOR! export on the complaints, takes the LAPOR! number later, and can skip forwarded ones', async () => {
    const { page } = app;
    const named = await logComplaint(page, {
      title: 'Jalan berlubang depan pasar',
      chronology: 'Lubang besar membahayakan pengendara motor.',
      reporterName: NAMED_REPORTER,
      phone: NAMED_PHONE,
    });
    const confidential = await logComplaint(page, {
      title: 'Pungutan di loket perizinan',
      chronology: 'Petugas loket meminta uang tambahan di luar tarif resmi.',
      privacy: 'Rahasia',
      reporterName: CONFIDENTIAL_REPORTER,
    });
    await openPacketScreen(page);
    const laporButton = page.getByRole('button', { name: 'Ekspor SP4N-LAPOR!' });
    const result = page.getByTestId('data-export-result');
    await page.getByRole('checkbox', { name: /Sertakan identitas pelapor biasa/ }).check();
    // Nothing is recorded before the manager confirms; cancelling records nothing and saves nothing.
    let downloads = 0;
    const countDownload = (): void => {
      downloads += 1;
    };
    page.on('download', countDownload);
    await laporButton.click();
    const preview = page.getByTestId('lapor-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('2 pengaduan akan diekspor dan dicatat');
    expect(await preview.locator('li .tracking-number').allInnerTexts()).toEqual([named, confidential]);
    expect(await preview.innerText()).not.toContain('Pungutan di loket'); // confidential: no title
    await preview.getByRole('button', { name: 'Batal' }).click();
    await result
      .getByText(/dibatalkan: tidak ada berkas dibuat dan tidak ada pengaduan yang dicatat/)
      .waitFor();
    page.off('download', countDownload);
    expect(downloads).toBe(0);
    await openComplaint(page, named);
    expect(await page.getByTestId('trail').locator('li[data-kind="lapor-forwarded"]').count()).toBe(0);
    await openPacketScreen(page);
    await page.getByRole('checkbox', { name: /Sertakan identitas pelapor biasa/ }).check();

    const { listed } = await exportLapor(page);
    expect(listed).toEqual([named, confidential]);
    await result.getByText(/2 pengaduan dicatat "Diteruskan ke SP4N-LAPOR!"/).waitFor();

    // The named complaint's trail says it went, with its identity; no LAPOR! number yet.
    await openComplaint(page, named);
    const forwarded = page.getByTestId('trail').locator('li[data-kind="lapor-forwarded"]');
    expect(await forwarded.count()).toBe(1);
    expect(await forwarded.innerText()).toContain('lapor-KTB-2026-01-01_2026-11-23.csv');
    const status = page.getByTestId('lapor-status');
    expect(await status.innerText()).toContain('nomor LAPOR! belum dicatat');
    expect(await status.innerText()).toContain('identitas ikut dikirim');
    // LAPOR! gave the report a number: recorded with Alt+L; the status stays as it was.
    await act(page, 'l', 'Catat kirim ke LAPOR!', async (form) => {
      await form.getByLabel(/Nomor laporan di LAPOR!/).fill('4512877');
      expect(await form.getByLabel('Identitas pelapor ikut dikirim').count()).toBe(1); // a named complaint
    });
    await expect.poll(() => status.innerText()).toContain('nomor LAPOR! 4512877');
    expect(await page.getByTestId('status-text').innerText()).toBe('Baru');
    // Identity cannot be claimed for a confidential complaint, which did not send it: the form
    // does not ask (and the domain refuses it: shared/workflow/lapor-forwarding.test.ts).
    await openComplaint(page, confidential);
    expect(await page.getByTestId('lapor-status').innerText()).not.toContain('identitas ikut dikirim');
    const form = await openAction(page, 'l', 'Catat kirim ke LAPOR!');
    await form.getByLabel(/Nomor laporan di LAPOR!/).waitFor();
    expect(await form.getByLabel('Identitas pelapor ikut dikirim').count()).toBe(0);
    await page.keyboard.press('Escape');

    // "Only never forwarded": nothing to export, no file; a new complaint alone is exported.
    await openPacketScreen(page);
    await page.getByRole('checkbox', { name: /Hanya pengaduan yang belum pernah diteruskan/ }).check();
    downloads = 0;
    page.on('download', countDownload);
    await laporButton.click();
    await result
      .getByText('Tidak ada pengaduan untuk diekspor dalam periode ini.', { exact: false })
      .waitFor();
    expect(downloads).toBe(0);
    await logComplaint(page, {
      title: 'Lampu taman mati',
      chronology: 'Lampu taman kota mati sejak Jumat.',
      privacy: 'Anonim',
    });
    await openPacketScreen(page);
    await page.getByRole('checkbox', { name: /Hanya pengaduan yang belum pernah diteruskan/ }).check();
    page.off('download', countDownload);
    const { files: onlyNew } = await exportLapor(page);
    const newCsv = onlyNew.get('lapor-KTB-2026-01-01_2026-11-23.csv')?.text ?? '';
    expect(newCsv).toContain('Lampu taman mati');
    expect(newCsv).not.toContain('Jalan berlubang');
    await result.getByText(/1 pengaduan dicatat/).waitFor();
    // Every complaint again: the named one carries its LAPOR! number.
    await page.getByRole('checkbox', { name: /Hanya pengaduan yang belum pernah diteruskan/ }).uncheck();
    const { files: all } = await exportLapor(page);
    const allCsv = all.get('lapor-KTB-2026-01-01_2026-11-23.csv')?.text ?? '';
    expect(allCsv.split('\r\n')[0]).toContain('Nomor LAPOR!');
    expect(allCsv).toContain('4512877');
    await result.getByText(/3 pengaduan dicatat/).waitFor();

    expect(app.problems()).toEqual([]);
  });
});
