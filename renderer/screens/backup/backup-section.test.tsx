// @vitest-environment happy-dom
/**
 * Pengaturan → Cadangan with a fake core: a manager makes a backup (a short passphrase and a
 * mistyped repeat are told at their field, focused, nothing made; progress shows while the records
 * are read; "saved" once the file is saved); restores a file: the check shows counts, each part's
 * SHA-256 from the manifest beside the computed one and that the backup is older, nothing is
 * written until "Pulihkan sekarang", after which the conflicts are listed; a wrong passphrase is told
 * at its field; an officer sees neither form and is told who may; the reminder is a manager's
 * setting; the status bar reminds when due. Indonesian first.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackupManifest } from '../../../shared/backup/backup-format';
import { defaultUnitSettings } from '../../../shared/unit/unit-settings';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import { BackupReminder } from '../../components/backup-reminder';
import { Notices } from '../../components/notices';
import type {
  BackupOutcome,
  BackupProgress,
  ClientCore,
  RestoreOutcome,
  RestorePreview,
} from '../../core/client-core';
import { BackupSection } from './backup-section';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const PASS = 'kopi tubruk pagi hari';
const HASH = 'a'.repeat(64);
const MANIFEST: BackupManifest = {
  format: 'meja-aduan-backup',
  formatVersion: 1,
  unitCode: 'KTB',
  deviceCode: 'A2C',
  createdAt: '2026-03-01T03:00:00.000Z',
  appVersion: '0.1.0',
  newest: { updateSeq: 40, changedAt: '2026-03-01T02:00:00.000Z' },
  kinds: { complaint: 12, event: 30, reporter: 9 },
  parts: {
    records: { file: 'records.ndjson', count: 51, bytes: 1000, sha256: HASH },
    fileIndex: { file: 'files.json', count: 2, bytes: 100, sha256: 'b'.repeat(64) },
    files: { file: 'files.bin', count: 2, bytes: 5000, sha256: 'c'.repeat(64) },
    device: { file: 'device.json', count: 1, bytes: 200, sha256: 'd'.repeat(64) },
  },
};
const PREVIEW: RestorePreview = {
  ok: true,
  target: 'merge',
  manifest: MANIFEST,
  checks: (['records', 'fileIndex', 'files', 'device'] as const).map((part) => ({
    part,
    count: MANIFEST.parts[part].count,
    bytes: MANIFEST.parts[part].bytes,
    expected: MANIFEST.parts[part].sha256,
    actual: MANIFEST.parts[part].sha256,
  })),
  deviceNewest: '2026-03-05T02:00:00.000Z',
  deviceDocuments: 60,
  older: true,
};

function renderSection(role: 'manager' | 'supervisor' | 'officer', backup: Partial<ClientCore['backup']>) {
  const saveBackupReminder = vi.fn(() => Promise.resolve('saved' as const));
  const core = fakeCore({ backup, settings: { saveBackupReminder } });
  const { store } = core;
  store.getState().openDesk({
    device: { unitCode: 'KTB', deviceCode: 'A2C', createdAt: '2026-01-01T00:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Sari', role, createdAt: '2026-01-01T00:00:00.000Z' },
  });
  store.getState().setUnitDocs({
    unitSettings: defaultUnitSettings('KTB', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
      officerId: 'officer-1',
      name: 'Sari',
    }),
    unitOffices: undefined,
  });
  render(
    withCore(
      core,
      <>
        <Notices />
        <BackupSection />
      </>,
    ),
  );
  return { core, saveBackupReminder, user: userEvent.setup() };
}

const field = (label: RegExp): HTMLInputElement => screen.getByLabelText(label);

describe('BackupSection', () => {
  it('makes a backup: the passphrase rules told at the field, progress while reading, saved once saved', async () => {
    let progress: (step: BackupProgress) => void = () => undefined;
    let finish: (outcome: BackupOutcome) => void = () => undefined;
    const create = vi.fn(
      (passphrase: string, confirmation: string, onProgress?: (step: BackupProgress) => void) => {
        if (passphrase.length < 12)
          return Promise.resolve<BackupOutcome>({ status: 'refused', problem: 'too-short' });
        if (passphrase !== confirmation)
          return Promise.resolve<BackupOutcome>({ status: 'refused', problem: 'mismatch' });
        progress = onProgress ?? (() => undefined);
        return new Promise<BackupOutcome>((resolve) => {
          finish = resolve;
        });
      },
    );
    const { user } = renderSection('manager', { create, lastBackupAt: () => Promise.resolve(undefined) });
    expect(await screen.findByText('Belum pernah')).toBeTruthy();
    screen.getByRole('heading', { name: 'Cadangan' });

    await user.type(field(/^Frasa sandi cadangan/), 'pendek');
    await user.type(field(/^Ulangi frasa sandi/), 'pendek{Enter}');
    expect(
      await screen.findByText(/Frasa sandi minimal 12 karakter\./, { selector: '.field__error' }),
    ).toBeTruthy();
    expect(document.activeElement).toBe(field(/^Frasa sandi cadangan/));

    await user.clear(field(/^Frasa sandi cadangan/));
    await user.type(field(/^Frasa sandi cadangan/), PASS);
    await user.clear(field(/^Ulangi frasa sandi/));
    await user.type(field(/^Ulangi frasa sandi/), `${PASS}x{Enter}`);
    expect(
      await screen.findByText(/Ulangan frasa sandi tidak sama/, { selector: '.field__error' }),
    ).toBeTruthy();
    expect(document.activeElement).toBe(field(/^Ulangi frasa sandi/));

    await user.clear(field(/^Ulangi frasa sandi/));
    await user.type(field(/^Ulangi frasa sandi/), `${PASS}{Enter}`);
    expect(create).toHaveBeenLastCalledWith(PASS, PASS, expect.any(Function));
    act(() => progress({ phase: 'reading', done: 200, total: 1500 }));
    expect(screen.getByTestId('backup-progress').textContent).toBe('Membaca catatan: 200 dari 1500');
    act(() => progress({ phase: 'encrypting' }));
    expect(screen.getByTestId('backup-progress').textContent).toBe('Mengenkripsi…');
    // Not saved yet: nothing says it is.
    expect(screen.getByTestId('notices').textContent).not.toContain('Cadangan disimpan');
    await act(async () => {
      finish({
        status: 'saved',
        fileName: 'cadangan-KTB-20260302-1000.mabackup',
        folder: null,
        size: 6000,
        sha256: HASH,
        manifest: MANIFEST,
      });
      await Promise.resolve();
    });
    expect(screen.getByTestId('notices').textContent).toContain(
      'Cadangan disimpan: cadangan-KTB-20260302-1000.mabackup (51 catatan, 2 lampiran).',
    );
    expect(screen.queryByTestId('backup-progress')).toBeNull();
    expect(field(/^Frasa sandi cadangan/).value).toBe('');
  });

  it('restores: counts, hashes and "older" shown before anything is written; conflicts listed after', async () => {
    const inspect = vi.fn((_bytes: Uint8Array, passphrase: string) =>
      Promise.resolve(passphrase === PASS ? PREVIEW : ({ ok: false, error: 'wrong-passphrase' } as const)),
    );
    const restore = vi.fn(() =>
      Promise.resolve<RestoreOutcome>({ ok: true, added: 7, unchanged: 44, conflicts: ['unit-offices'] }),
    );
    const { user } = renderSection('supervisor', {
      inspect,
      restore,
      discard: vi.fn(),
      lastBackupAt: () => Promise.resolve('2026-03-01T03:00:00.000Z'),
    });
    // Nothing picked: told at the file field.
    await user.click(screen.getByRole('button', { name: 'Periksa berkas' }));
    expect(screen.getByText(/Pilih berkas cadangan\./)).toBeTruthy();
    expect(inspect).not.toHaveBeenCalled();

    const file = new File([new Uint8Array([1, 2, 3])], 'cadangan-KTB.mabackup');
    await user.upload(screen.getByLabelText('Berkas cadangan'), file);
    await user.type(field(/^Frasa sandi$/), 'frasa yang keliru{Enter}');
    expect(
      await screen.findByText(/Frasa sandi salah\. Cadangan tidak dapat dibuka/, {
        selector: '.field__error',
      }),
    ).toBeTruthy();
    expect(document.activeElement).toBe(field(/^Frasa sandi$/));
    expect(screen.queryByTestId('restore-preview')).toBeNull();

    await user.clear(field(/^Frasa sandi$/));
    await user.type(field(/^Frasa sandi$/), `${PASS}{Enter}`);
    const preview = await screen.findByTestId('restore-preview');
    expect(inspect).toHaveBeenLastCalledWith(new Uint8Array([1, 2, 3]), PASS);
    expect(within(preview).getByTestId('restore-older').textContent).toContain(
      'Cadangan ini lebih lama daripada data terbaru di perangkat ini.',
    );
    const kinds = within(preview).getByTestId('restore-kinds').textContent;
    expect(kinds).toContain('Pengaduan12');
    expect(kinds).toContain('Identitas pelapor9');
    const checks = within(preview).getByTestId('restore-checks');
    expect(within(checks).getAllByRole('row')).toHaveLength(5);
    expect(checks.textContent).toContain(`Menurut manifes: ${HASH}`);
    expect(checks.textContent).toContain(`Dihitung dari berkas: ${HASH} ✔ cocok`);
    expect(restore).not.toHaveBeenCalled();

    await user.click(within(preview).getByRole('button', { name: 'Pulihkan sekarang' }));
    const done = await screen.findByTestId('restore-done');
    expect(restore).toHaveBeenCalledTimes(1);
    expect(done.textContent).toContain('Pemulihan selesai: 7 catatan ditambahkan, 44 sudah ada.');
    expect(done.textContent).toContain('unit-offices');
  });

  it('an officer sees neither form and is told who may; the reminder is read-only', async () => {
    renderSection('officer', { lastBackupAt: () => Promise.resolve(undefined) });
    expect(
      await screen.findByText('Hanya supervisor dan manajer yang dapat membuat atau memulihkan cadangan.'),
    ).toBeTruthy();
    expect(screen.queryByLabelText(/^Frasa sandi cadangan/)).toBeNull();
    expect(screen.queryByLabelText('Berkas cadangan')).toBeNull();
    expect(field(/^Ingatkan cadangan setelah \(hari\)/).closest('fieldset')?.disabled).toBe(true);
    expect(screen.getByText('Hanya manajer yang dapat mengubah pengingat cadangan.')).toBeTruthy();
  });

  it('a manager sets the reminder: a bad number told at the field, 7 saved, empty turns it off', async () => {
    const { user, saveBackupReminder } = renderSection('manager', {
      lastBackupAt: () => Promise.resolve(undefined),
    });
    const days = field(/^Ingatkan cadangan setelah \(hari\)/);
    await user.type(days, '400{Enter}');
    expect(screen.getByText(/Isi jumlah hari, bilangan bulat antara 1 dan 365/)).toBeTruthy();
    expect(saveBackupReminder).not.toHaveBeenCalled();
    await user.clear(days);
    await user.type(days, '7{Enter}');
    expect(saveBackupReminder).toHaveBeenLastCalledWith(7, expect.any(Date));
    await user.clear(days);
    await user.type(days, '{Enter}');
    expect(saveBackupReminder).toHaveBeenLastCalledWith(null, expect.any(Date));
  });
});

describe('BackupReminder (status bar)', () => {
  function renderReminder(days: number | undefined, lastBackupAt: string | undefined, pending: number) {
    const core = fakeCore({ backup: { lastBackupAt: () => Promise.resolve(lastBackupAt) } });
    const { store } = core;
    const settings = defaultUnitSettings('KTB', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
      officerId: 'officer-1',
      name: 'Sari',
    });
    store.getState().setUnitDocs({
      unitSettings: days === undefined ? settings : { ...settings, backupReminderDays: days },
      unitOffices: undefined,
    });
    store.getState().setSyncStatus({ ...store.getState().syncStatus, pendingLocalChanges: pending });
    render(withCore(core, <BackupReminder />));
  }
  const longAgo = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000).toISOString();

  it('reminds when the last backup is older than the unit set and the device is not synced', async () => {
    renderReminder(7, longAgo, 0);
    expect((await screen.findByTestId('backup-reminder')).textContent).toBe(
      'Buat cadangan: terakhir 10 hari lalu, ada perubahan yang belum terkirim ke pusat.',
    );
  });

  it('says nothing without the setting, or after a recent backup', async () => {
    renderReminder(undefined, longAgo, 3);
    renderReminder(30, longAgo, 3);
    await act(() => Promise.resolve());
    expect(screen.queryByTestId('backup-reminder')).toBeNull();
  });
});
