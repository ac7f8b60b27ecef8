// @vitest-environment happy-dom
/**
 * Retensi identitas pelapor in Pengaturan: 24 months shown where the unit has set nothing; a manager
 * types the months and saves with Enter; a value out of 1–120 or not whole is told in words at the
 * field (focused) and nothing is saved; "saved" is said once the core stored it. Officers see the
 * value, cannot change it and get no check. The device's pass: never run, its last run ("N identitas
 * dihapus karena masa retensi") and progress while it runs; "Periksa sekarang" for a supervisor.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultUnitSettings, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import type { Role } from '../../../shared/workflow/roles';
import { fakeCore, withCore, type FakeCoreParts } from '../../app/fake-core.fixtures';
import { Notices } from '../../components/notices';
import type { RetentionStatus, SaveOutcome } from '../../core/client-core';
import { RetentionSection } from './retention-section';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const SETTINGS = defaultUnitSettings('KBM', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
  officerId: 'officer-1',
  name: 'Siti',
});

function renderSection(
  options: Readonly<{
    settings?: UnitSettingsDoc;
    role?: Role;
    saved?: () => Promise<SaveOutcome>;
    retention?: FakeCoreParts['retention'];
  }> = {},
) {
  const saveIdentityRetention = vi.fn(options.saved ?? (() => Promise.resolve<SaveOutcome>('saved')));
  const role = options.role ?? 'manager';
  const core = fakeCore({
    settings: { saveIdentityRetention },
    ...(options.retention ? { retention: options.retention } : {}),
  });
  core.store
    .getState()
    .setOfficer({ id: 'officer-1', name: 'Siti', role, createdAt: '2026-01-05T01:00:00.000Z' });
  render(
    withCore(
      core,
      <>
        <Notices />
        <RetentionSection settings={options.settings ?? SETTINGS} editable={role === 'manager'} />
      </>,
    ),
  );
  return { saveIdentityRetention, user: userEvent.setup() };
}

const field = (): HTMLInputElement =>
  screen.getByLabelText(/^Simpan identitas pelapor selama N bulan setelah pengaduan ditutup/);

describe('RetentionSection', () => {
  it('shows the default 24, refuses 0, 121 and 1,5 with a clear message, saves 12 with Enter', async () => {
    let store: (outcome: SaveOutcome) => void = () => undefined;
    const { saveIdentityRetention, user } = renderSection({
      saved: () =>
        new Promise<SaveOutcome>((resolve) => {
          store = resolve;
        }),
    });
    screen.getByRole('heading', { name: 'Retensi identitas pelapor' });
    expect(field().value).toBe('24');
    expect(screen.getByText(/1–120 bulan, bawaan 24\./)).toBeTruthy();

    for (const wrong of ['0', '121', '1,5']) {
      await user.clear(field());
      await user.type(field(), `${wrong}{Enter}`);
      expect(saveIdentityRetention).not.toHaveBeenCalled();
      expect(screen.getByRole('alert').textContent).toContain(
        'Isi dengan jumlah bulan, bilangan bulat antara 1 dan 120.',
      );
      expect(field().getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(field());
    }

    await user.clear(field());
    await user.type(field(), '12{Enter}');
    expect(saveIdentityRetention).toHaveBeenCalledWith(12, expect.any(Date));
    expect(screen.queryByRole('alert')).toBeNull();
    // Not stored yet: nothing says saved.
    expect(screen.getByTestId('notices').textContent).toBe('');
    await act(async () => {
      store('saved');
      await Promise.resolve();
    });
    await screen.findByText('Pengaturan unit tersimpan.');
  });

  it('shows an officer the unit’s months without a way to change them or run a check', async () => {
    const { saveIdentityRetention } = renderSection({
      settings: { ...SETTINGS, identityRetentionMonths: 36 },
      role: 'officer',
    });
    expect(field().value).toBe('36');
    expect(field().closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Simpan masa retensi' })).toBeNull();
    screen.getByText('Hanya manajer yang dapat mengubah pengaturan ini.');
    await screen.findByText('Perangkat ini belum memeriksa masa retensi.');
    expect(screen.queryByRole('button', { name: 'Periksa sekarang' })).toBeNull();
    expect(saveIdentityRetention).not.toHaveBeenCalled();
  });

  it('tells a supervisor the last pass and runs one now, showing its progress', async () => {
    let status: RetentionStatus = {
      running: false,
      checked: 0,
      deleted: 0,
      total: 5,
      last: { finishedAt: '2026-03-01T02:00:00.000Z', day: '2026-03-01', months: 24, deleted: 2 },
    };
    const listeners = new Set<() => void>();
    let finish: () => void = () => undefined;
    const runNow = vi.fn(
      () =>
        new Promise<'done'>((resolve) => {
          status = { ...status, running: true, checked: 40, deleted: 3 };
          for (const listener of listeners) listener();
          finish = () => {
            status = {
              running: false,
              checked: 0,
              deleted: 0,
              total: 8,
              last: { finishedAt: '2026-03-02T02:00:00.000Z', day: '2026-03-02', months: 24, deleted: 3 },
            };
            for (const listener of listeners) listener();
            resolve('done');
          };
        }),
    );
    const { user } = renderSection({
      role: 'supervisor',
      retention: {
        status: () => Promise.resolve(status),
        onChange: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        runNow,
      },
    });
    const line = await screen.findByText(/2 identitas dihapus karena masa retensi\./);
    expect(line.textContent).toMatch(/^Pemeriksaan terakhir di perangkat ini: .*2026/);
    screen.getByText('Seluruhnya 5 identitas dihapus karena masa retensi di perangkat ini.');
    // A supervisor cannot change the months (managers only) but may run the check.
    expect(field().closest('fieldset')?.disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Periksa sekarang' }));
    expect(runNow).toHaveBeenCalledTimes(1);
    await screen.findByText('Memeriksa pengaduan yang ditutup… 40 diperiksa, 3 identitas dihapus.');
    expect(screen.getByRole('button', { name: 'Periksa sekarang' }).hasAttribute('disabled')).toBe(true);
    await act(async () => {
      finish();
      await Promise.resolve();
    });
    // The status line, and the same words said once through the notices (the one live region).
    await waitFor(() => {
      expect(screen.getByTestId('retention-status').textContent).toMatch(
        /3 identitas dihapus karena masa retensi\./,
      );
    });
    expect(screen.getByTestId('retention-status').hasAttribute('aria-live')).toBe(false);
    await waitFor(() => {
      expect(screen.getByTestId('notices').textContent).toMatch(/3 identitas dihapus karena masa retensi\./);
    });
    screen.getByText('Seluruhnya 8 identitas dihapus karena masa retensi di perangkat ini.');
  });
});
