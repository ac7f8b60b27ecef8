// @vitest-environment happy-dom
/**
 * Kunci otomatis in Pengaturan: 10 minutes shown where the unit has set nothing; a manager types the
 * minutes and saves with Enter; a value out of 1–60 or not whole is told in words at the field
 * (focused) and nothing is saved; "saved" is said once the core stored it. Officers see the value,
 * cannot change it, and are told who can.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultUnitSettings, type UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import { Notices } from '../../components/notices';
import type { SaveOutcome } from '../../core/client-core';
import { IdleLockForm } from './idle-lock-form';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const SETTINGS = defaultUnitSettings('KBM', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
  officerId: 'officer-1',
  name: 'Siti',
});

function renderForm(settings: UnitSettingsDoc, editable: boolean, saved: () => Promise<SaveOutcome>) {
  const saveIdleLock = vi.fn(saved);
  const core = fakeCore({ settings: { saveIdleLock } });
  render(
    withCore(
      core,
      <>
        <Notices />
        <IdleLockForm settings={settings} editable={editable} />
      </>,
    ),
  );
  return { saveIdleLock, user: userEvent.setup() };
}

const field = (): HTMLInputElement => screen.getByLabelText(/^Kunci meja setelah tidak dipakai \(menit\)/);

describe('IdleLockForm', () => {
  it('shows the default 10, refuses 0 with a clear message at the field, saves 5 with Enter', async () => {
    let store: (outcome: SaveOutcome) => void = () => undefined;
    const { saveIdleLock, user } = renderForm(
      SETTINGS,
      true,
      () =>
        new Promise<SaveOutcome>((resolve) => {
          store = resolve;
        }),
    );
    screen.getByRole('heading', { name: 'Kunci otomatis' });
    expect(field().value).toBe('10');
    expect(screen.getByText(/1–60 menit, bawaan 10\. Kunci sekarang: Ctrl\+Shift\+L\./)).toBeTruthy();

    await user.clear(field());
    await user.type(field(), '0{Enter}');
    expect(saveIdleLock).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain(
      'Isi dengan jumlah menit, bilangan bulat antara 1 dan 60.',
    );
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field());

    await user.clear(field());
    await user.type(field(), '2,5{Enter}');
    expect(saveIdleLock).not.toHaveBeenCalled();

    await user.clear(field());
    await user.type(field(), '5{Enter}');
    expect(saveIdleLock).toHaveBeenCalledWith(5, expect.any(Date));
    expect(screen.queryByRole('alert')).toBeNull();
    // Not stored yet: nothing says saved.
    expect(screen.getByTestId('notices').textContent).toBe('');
    await act(async () => {
      store('saved');
      await Promise.resolve();
    });
    await screen.findByText('Pengaturan unit tersimpan.');
  });

  it('shows an officer the unit’s minutes without a way to change them', () => {
    const { saveIdleLock } = renderForm({ ...SETTINGS, idleLockMinutes: 25 }, false, () =>
      Promise.resolve('saved'),
    );
    expect(field().value).toBe('25');
    // Inside a disabled fieldset (the browser disables its fields; happy-dom does not say so on the input).
    expect(field().closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Simpan kunci otomatis' })).toBeNull();
    screen.getByText('Hanya manajer yang dapat mengubah pengaturan ini.');
    expect(saveIdleLock).not.toHaveBeenCalled();
  });
});
