// @vitest-environment happy-dom
/**
 * Simpanan perangkat in Pengaturan: every complaint where the unit has set nothing; a manager picks
 * "N bulan terakhir", types the months and saves with Enter; 0, 121 or 1,5 are told in words at the
 * field and nothing is saved; going back to every complaint saves null. The hint says what the
 * budget means. Officers see the choice and cannot change it.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultUnitSettings, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import type { Role } from '../../../shared/workflow/roles';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import { Notices } from '../../components/notices';
import type { SaveOutcome } from '../../core/client-core';
import { DeviceBudgetSection } from './device-budget-section';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const SETTINGS = defaultUnitSettings('KBM', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
  officerId: 'officer-1',
  name: 'Siti',
});

function renderSection(options: Readonly<{ settings?: UnitSettingsDoc; role?: Role }> = {}) {
  const saveDeviceBudget = vi.fn((_months: number | null, _now: Date) =>
    Promise.resolve<SaveOutcome>('saved'),
  );
  const role = options.role ?? 'manager';
  const core = fakeCore({ settings: { saveDeviceBudget } });
  core.store
    .getState()
    .setOfficer({ id: 'officer-1', name: 'Siti', role, createdAt: '2026-01-05T01:00:00.000Z' });
  render(
    withCore(
      core,
      <>
        <Notices />
        <DeviceBudgetSection settings={options.settings ?? SETTINGS} editable={role === 'manager'} />
      </>,
    ),
  );
  return { saveDeviceBudget, user: userEvent.setup() };
}

const everything = (): HTMLInputElement => screen.getByRole('radio', { name: 'Semua pengaduan (bawaan)' });
const lastMonths = (): HTMLInputElement =>
  screen.getByRole('radio', { name: /^Pengaduan yang diterima N bulan terakhir/ });
const monthsField = (): HTMLInputElement => screen.getByLabelText(/^Jumlah bulan \(N\)/);

describe('DeviceBudgetSection', () => {
  it('keeps every complaint by default, and says what a budget means', () => {
    renderSection();
    screen.getByRole('heading', { name: 'Simpanan perangkat' });
    expect(everything().checked).toBe(true);
    expect(screen.queryByLabelText(/^Jumlah bulan/)).toBeNull();
    expect(screen.getByTestId('device-budget').textContent).toContain(
      'Pengaduan lama yang sudah ditutup tetap ada di server pusat',
    );
  });

  it('refuses months out of 1–120 in words, saves 6 with Enter, and everything again as null', async () => {
    const { saveDeviceBudget, user } = renderSection();
    await user.click(lastMonths());
    expect(monthsField().value).toBe('12');
    for (const wrong of ['0', '121', '1,5']) {
      await user.clear(monthsField());
      await user.type(monthsField(), `${wrong}{Enter}`);
      expect(saveDeviceBudget).not.toHaveBeenCalled();
      expect(screen.getByRole('alert').textContent).toContain(
        'Isi dengan jumlah bulan, bilangan bulat antara 1 dan 120',
      );
      expect(monthsField().getAttribute('aria-invalid')).toBe('true');
    }
    await user.clear(monthsField());
    await user.type(monthsField(), '6{Enter}');
    expect(saveDeviceBudget).toHaveBeenLastCalledWith(6, expect.any(Date));
    await screen.findByText('Pengaturan unit tersimpan.');

    await user.click(everything());
    await user.click(screen.getByRole('button', { name: 'Simpan pilihan simpanan' }));
    expect(saveDeviceBudget).toHaveBeenLastCalledWith(null, expect.any(Date));
  });

  it('shows an officer the unit’s budget without a way to change it', () => {
    const { saveDeviceBudget } = renderSection({
      settings: { ...SETTINGS, deviceBudgetMonths: 24 },
      role: 'officer',
    });
    expect(lastMonths().checked).toBe(true);
    expect(monthsField().value).toBe('24');
    expect(lastMonths().closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Simpan pilihan simpanan' })).toBeNull();
    screen.getByText('Hanya manajer yang dapat mengubah pengaturan ini.');
    expect(saveDeviceBudget).not.toHaveBeenCalled();
  });
});
