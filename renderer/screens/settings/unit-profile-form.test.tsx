// @vitest-environment happy-dom
/**
 * The unit profile form: a manager's edit goes to `core.settings.saveProfile` and is told as
 * saved; an empty contact is listed and nothing is sent; a stale revision is told as a conflict
 * with the typed values kept; an officer sees the profile but cannot edit it.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UnitProfile } from '../../../shared/unit/unit-profile';
import type { Role } from '../../../shared/workflow/roles';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { SaveOutcome } from '../../core/client-core';
import { Notices } from '../../components/notices';
import { UnitProfileForm } from './unit-profile-form';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const PROFILE: UnitProfile = {
  _id: 'unit-profile',
  _rev: '1-a',
  type: 'unit-profile',
  schemaVersion: 1,
  unitCode: 'KBM',
  unitName: 'Unit Pengaduan Kabupaten Bima',
  agency: 'Pemerintah Kabupaten Bima',
  entityType: 'regency',
  contact: 'WA 0812-0000-0000',
  address: 'Jl. Soekarno-Hatta 1',
  updatedAt: '2026-01-05T01:00:00.000Z',
};

function renderForm(role: Role, outcome: SaveOutcome = 'saved') {
  const saveProfile = vi.fn(() => Promise.resolve(outcome));
  const core = fakeCore({ settings: { saveProfile } });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-1', name: 'Sari', role, createdAt: '2026-01-05T01:00:00.000Z' },
    unitProfile: PROFILE,
  });
  render(
    withCore(
      core,
      <>
        <Notices />
        <UnitProfileForm profile={PROFILE} editable={role === 'manager'} />
      </>,
    ),
  );
  return { saveProfile, user: userEvent.setup() };
}

describe('UnitProfileForm', () => {
  it('sends a manager’s edit of the receipt contact and says it is saved', async () => {
    const { saveProfile, user } = renderForm('manager');
    const contact = screen.getByLabelText(/Kontak/);
    await user.clear(contact);
    await user.type(contact, 'WA 0811-2222-3333');
    await user.click(screen.getByRole('button', { name: 'Simpan profil unit' }));
    expect(saveProfile).toHaveBeenCalledWith(
      {
        unitName: PROFILE.unitName,
        agency: PROFILE.agency,
        entityType: 'regency',
        contact: 'WA 0811-2222-3333',
        address: PROFILE.address,
      },
      expect.any(Date),
    );
    await screen.findByText('Pengaturan unit tersimpan.');
  });

  it('lists an empty contact and sends nothing', async () => {
    const { saveProfile, user } = renderForm('manager');
    await user.clear(screen.getByLabelText(/Kontak/));
    await user.click(screen.getByRole('button', { name: 'Simpan profil unit' }));
    expect(screen.getByLabelText(/Kontak/).getAttribute('aria-invalid')).toBe('true');
    expect(saveProfile).not.toHaveBeenCalled();
  });

  it('tells a conflict and keeps what was typed', async () => {
    const { user } = renderForm('manager', 'conflict');
    const name = screen.getByLabelText(/Nama unit/);
    await user.type(name, ' Baru');
    await user.click(screen.getByRole('button', { name: 'Simpan profil unit' }));
    await screen.findByText(/baru saja diubah di perangkat lain/);
    expect(screen.getByLabelText<HTMLInputElement>(/Nama unit/).value).toBe(`${PROFILE.unitName} Baru`);
  });

  it('shows an officer the profile without a way to change it', () => {
    renderForm('officer');
    expect(screen.getByLabelText<HTMLInputElement>(/Kontak/).value).toBe(PROFILE.contact);
    expect(screen.getByLabelText<HTMLInputElement>(/Kontak/).closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Simpan profil unit' })).toBeNull();
  });
});
