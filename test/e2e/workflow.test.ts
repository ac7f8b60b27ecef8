/**
 * The complaint workflow end to end in Chromium, with a controlled clock: a complaint carried
 * from intake to closure by people of the right roles, an archive with its reason, a hold that
 * moves the deadline, overdue complaints in "Perlu Perhatian", and a confidential complaint
 * that an officer sees masked.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appHosts, stopBrowserHost, type LaunchedApp } from './app-hosts';
import { completeSetup, dumpIndexedDb, signIn } from './app-steps';
import {
  act,
  addOfficer,
  addOffices,
  detailStatus,
  logComplaint,
  OFFICER,
  offeredActions,
  openAction,
  openComplaint,
  SUPERVISOR,
  switchTo,
} from './workflow-steps';

/** Monday 23 November 2026, 10:00 WIB. Thursday 26 November is three working days later. */
const MONDAY = new Date('2026-11-23T03:00:00Z');
const at = (isoLocal: string): Date => new Date(`${isoLocal}+07:00`);

afterAll(stopBrowserHost);

describe.each(appHosts())('$name host', (host) => {
  let app: LaunchedApp;
  beforeEach(async () => {
    app = await host.launch();
    await app.page.clock.setFixedTime(MONDAY);
    await app.page.reload();
    await completeSetup(app.page); // the manager, Siti
  });
  afterEach(async () => {
    await app.close();
  });

  it('carries a complaint from intake to closure, each step by a person whose role allows it', async () => {
    const { page } = app;
    await addOffices(page, ['Dinas Pekerjaan Umum', 'Dinas Kesehatan']);
    await addOfficer(page, OFFICER);
    await addOfficer(page, SUPERVISOR);

    await switchTo(page, OFFICER);
    const number = await logComplaint(page, {
      title: 'Lampu jalan mati di Jl. Kenanga',
      chronology: 'Sudah seminggu lampu jalan mati, rawan kecelakaan.',
    });
    await openComplaint(page, number);
    expect(await detailStatus(page)).toBe('Baru');
    // An officer may not verify: the action is not offered.
    expect(await offeredActions(page)).toEqual(['Catatan']);
    expect(await page.getByTestId('deadline').innerText()).toContain('Verifikasi');
    expect(await page.getByTestId('deadline').locator('[data-due-date]').getAttribute('data-due-date')).toBe(
      '2026-11-26',
    );

    await switchTo(page, SUPERVISOR);
    expect(await offeredActions(page)).toEqual([
      'Verifikasi',
      'Tunda',
      'Bukan wewenang',
      'Arsipkan',
      'Koreksi data',
      'Catatan',
      'Ubah mode pelapor',
      'Catat kirim ke LAPOR!',
    ]);
    await act(page, 'v', 'Verifikasi', async (form) => {
      await form.getByLabel('Catatan').fill('Berkas lengkap.');
    });
    expect(await detailStatus(page)).toBe('Diverifikasi, belum didisposisi');
    await act(page, 'd', 'Disposisi', async (form) => {
      await form.getByLabel('Kantor/OPD').selectOption('Dinas Pekerjaan Umum');
    });
    expect(await page.getByTestId('current-office').innerText()).toBe('Dinas Pekerjaan Umum');
    expect(await detailStatus(page)).toBe('Diverifikasi/didisposisi');
    // Disposed Monday: the office follows up within 5 working days, by Monday 30 November.
    expect(await page.locator('[data-due-date]').first().getAttribute('data-due-date')).toBe('2026-11-30');

    await switchTo(page, OFFICER);
    expect(await offeredActions(page)).toEqual(['Catat tindak lanjut', 'Catatan']);
    await act(page, 'f', 'Catat tindak lanjut', async (form) => {
      await form.getByLabel('Uraian').fill('Petugas PU mengganti lampu pada 24/11.');
    });
    expect(await detailStatus(page)).toBe('Ditindaklanjuti');
    await act(page, 'r', 'Kirim tanggapan', async (form) => {
      await form.getByLabel('Disampaikan melalui').selectOption({ label: 'Telepon' });
      await form.getByLabel('Uraian').fill('Pelapor ditelepon: lampu sudah menyala.');
    });
    expect(await detailStatus(page)).toBe('Ditanggapi');
    await act(page, 'k', 'Catat kepuasan', async (form) => {
      await form.getByLabel('Nilai kepuasan').selectOption('4');
      await form.getByLabel('Dikumpulkan melalui').selectOption({ label: 'Telepon' });
    });
    expect(await page.getByTestId('satisfaction').innerText()).toContain('4');
    expect(await offeredActions(page)).not.toContain('Selesaikan'); // closing is for supervisors

    await switchTo(page, SUPERVISOR);
    await act(page, 's', 'Selesaikan', async (form) => {
      await form.getByLabel('Hasil penyelesaian').fill('Lampu diganti, pelapor puas.');
    });
    expect(await detailStatus(page)).toBe('Selesai');
    expect(await page.getByTestId('deadline').innerText()).toContain('Tidak ada tenggat berjalan');

    const trail = page.getByTestId('trail').locator('li');
    expect(await trail.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual([
      'received',
      'verify',
      'dispose',
      'follow-up',
      'response',
      'satisfaction',
      'close',
    ]);
    const trailText = await page.getByTestId('trail').innerText();
    expect(trailText).toContain(`oleh ${OFFICER.name}`);
    expect(trailText).toContain(`oleh ${SUPERVISOR.name}`);
    expect(trailText).toContain('Lampu diganti, pelapor puas.');

    // A second close is not offered, and the list shows the closed status.
    expect(await offeredActions(page)).not.toContain('Selesaikan');
    await page.keyboard.press('Alt+3');
    await page.locator('#status-filter').selectOption('closed');
    await expect.poll(() => page.getByTestId('complaint-table').locator('tbody tr').count()).toBe(1);
    expect(app.problems()).toEqual([]);
  });

  it('archives a complaint with its reason, shown on the complaint, in the trail and under its status', async () => {
    const { page } = app;
    const number = await logComplaint(page, { title: 'Pelayanan lambat', chronology: 'Lama.' });
    await openComplaint(page, number);
    const form = await openAction(page, 'a', 'Arsipkan');
    await form.getByLabel('Alasan').selectOption({ label: 'Lainnya' });
    // "Other" needs its text: saving without it is refused, focuses the field and writes nothing.
    await page.keyboard.press('Control+Enter');
    expect(await form.getByRole('alert').innerText()).toContain('Mohon jelaskan alasan pengarsipan.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-action-otherText');
    expect(await page.getByTestId('trail').locator('li').count()).toBe(1);
    await page.keyboard.type('Pelapor membatalkan.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => detailStatus(page)).toBe('Diarsipkan');
    expect(await page.getByTestId('archive-reason').innerText()).toContain('Pelapor membatalkan.');
    expect(await page.getByTestId('trail').innerText()).toContain('Alasan lain');
    await page.keyboard.press('Alt+3');
    await page.locator('#status-filter').selectOption('archived');
    await expect.poll(() => page.getByTestId('complaint-table').innerText()).toContain(number);
    // The list keeps the tracking number searched for above: no complaint matches it with status new.
    await page.locator('#status-filter').selectOption('new');
    await page.getByTestId('list-empty').waitFor();
    await page.locator('#status-filter').selectOption('all');
    expect(app.problems()).toEqual([]);
  });

  it('moves the verification deadline by the days a complaint was on hold', async () => {
    const { page } = app;
    const number = await logComplaint(page, {
      title: 'Izin usaha belum terbit',
      chronology: 'Sudah 3 bulan.',
    });
    await openComplaint(page, number);
    const due = (): Promise<string | null> =>
      page.getByTestId('deadline').locator('[data-due-date]').getAttribute('data-due-date');
    expect(await due()).toBe('2026-11-26'); // Monday + 3 working days

    // Tuesday: put on hold until Friday, waiting for documents from the complainant.
    await page.clock.setFixedTime(at('2026-11-24T09:00:00'));
    await page.reload();
    await signIn(page);
    await page.getByRole('heading', { name: `Pengaduan ${number}` }).waitFor();
    await act(page, 't', 'Tunda', async (form) => {
      await form.getByLabel('Alasan').fill('Menunggu salinan dokumen dari pelapor.');
      await form.getByLabel('Ditunda sampai tanggal').fill('27/11/2026');
    });
    expect(await detailStatus(page)).toBe('Ditunda');
    expect(await page.getByTestId('hold-line').innerText()).toContain('27 November 2026');

    // Friday: the hold ends, documents arrived; the clock stood still Wednesday to Friday.
    await page.clock.setFixedTime(at('2026-11-27T09:00:00'));
    await page.reload();
    await signIn(page);
    await page.getByRole('heading', { name: `Pengaduan ${number}` }).waitFor();
    // On hold Tuesday to Friday (the until-date, today): 4 working days paused, so the 3 working
    // days after Monday end on Wednesday 2 December instead of Thursday 26 November.
    expect(await due()).toBe('2026-12-02');
    expect(
      await page.getByTestId('deadline').locator('[data-deadline-state]').getAttribute('data-deadline-state'),
    ).not.toBe('overdue');
    await act(page, 'v', 'Verifikasi', () => Promise.resolve());
    expect(await detailStatus(page)).toBe('Diverifikasi, belum didisposisi');
    expect(app.problems()).toEqual([]);
  });

  it('lists overdue and due-soon complaints in Perlu Perhatian, most urgent first', async () => {
    const { page } = app;
    await addOffices(page, ['Dinas Kesehatan']);
    const late = await logComplaint(page, { title: 'Antrian puskesmas', chronology: 'Panjang.' });
    const disposed = await logComplaint(page, { title: 'Obat kosong', chronology: 'Tidak tersedia.' });
    await openComplaint(page, disposed);
    await act(page, 'v', 'Verifikasi', async (form) => {
      await form.getByLabel('Disposisi langsung ke kantor').selectOption('Dinas Kesehatan');
    });
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: 'Perlu Perhatian' }).waitFor();
    await page.getByTestId('attention-empty').waitFor(); // Monday: nothing is due yet

    // Friday 27 November: `late` was due Thursday (overdue); `disposed` must be followed up by
    // Monday 30 November (one working day left: due soon). A complaint received today is not listed.
    await page.clock.setFixedTime(at('2026-11-27T09:00:00'));
    await page.reload(); // back on Perlu Perhatian, a new day
    await signIn(page);
    await page.getByRole('heading', { name: 'Perlu Perhatian' }).waitFor();
    const fresh = await logComplaint(page, { title: 'Baru masuk', chronology: 'Hari ini.' });
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: 'Perlu Perhatian' }).waitFor();
    const rows = page.getByTestId('attention-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(
      await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-tracking-number'))),
    ).toEqual([late, disposed]);
    expect(await rows.nth(0).innerText()).toContain('Terlambat 1 hari kerja');
    expect(await rows.nth(1).innerText()).toContain('Segera');
    expect(await page.getByTestId('attention-summary').innerText()).toContain('1 terlambat');
    expect(await page.getByTestId('attention-table').innerText()).not.toContain(fresh);
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.getByTestId('count-attention').innerText()).toBe('2');
    expect(app.problems()).toEqual([]);
  });

  it('shows a confidential complaint masked to an officer and whole to a supervisor', async () => {
    const { page } = app;
    await addOfficer(page, OFFICER);
    await addOfficer(page, SUPERVISOR);
    const number = await logComplaint(page, {
      privacy: 'Rahasia',
      reporterName: 'Rahmat Kerahasiaan',
      phone: '0813-9999-0000',
      title: 'Dugaan pungli oleh oknum loket',
      chronology: 'Oknum di loket 3 meminta uang tambahan.',
    });

    await switchTo(page, OFFICER);
    await page.keyboard.press('Alt+3');
    await expect.poll(() => page.getByTestId('complaint-table').innerText()).toContain(number);
    const listText = await page.getByTestId('complaint-table').innerText();
    expect(listText).toContain('Pengaduan rahasia');
    expect(listText).not.toContain('pungli');
    await openComplaint(page, number);
    const masked = await page.locator('#main').innerText();
    expect(masked).toContain('Mode pelapor: Rahasia');
    expect(masked).toContain('Identitas pelapor dirahasiakan.');
    for (const secret of ['Rahmat', '0813-9999-0000', 'pungli', 'loket 3'])
      expect(masked).not.toContain(secret);

    await switchTo(page, SUPERVISOR);
    await page.getByTestId('reporter').waitFor(); // the detail loads again for the new officer
    const whole = await page.locator('#main').innerText();
    expect(whole).toContain('Rahmat Kerahasiaan');
    expect(whole).toContain('Dugaan pungli oleh oknum loket');

    // The complainant asks to be anonymous: the identity is deleted, the trail says so.
    await act(page, 'p', 'Ubah mode pelapor', async (form) => {
      await form.getByLabel('Mode pelapor baru').selectOption('anonymous');
      await form.getByLabel('Alasan').fill('Pelapor meminta identitasnya dihapus.');
    });
    expect(await page.locator('#main').innerText()).toContain('Pelapor anonim: identitas tidak dicatat.');
    expect(await page.getByTestId('trail').innerText()).toContain('Identitas pelapor dihapus');
    const stored = await dumpIndexedDb(page);
    expect(stored).not.toContain('Rahmat');
    expect(stored).not.toContain('0813-9999-0000');
    expect(app.problems()).toEqual([]);
  });
});
