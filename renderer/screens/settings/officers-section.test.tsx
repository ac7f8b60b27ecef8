// @vitest-environment happy-dom
/**
 * The officers section with a fake core keeping the officers by the domain's roster rules: a manager adds officers with a
 * first PIN (a name already used is refused with the typed name kept; a PIN too short is refused;
 * the role picker starts again at "Petugas"), deactivates one (shown as inactive, no longer offered
 * in the officer chooser, reactivatable) and cannot deactivate themselves; an officer is offered no
 * role picker, no way to add officers or set PINs (nobody raises their own role).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newSecretProblem } from '../../../shared/auth/secret-rules';
import { addOfficerProblem, setActiveProblem } from '../../../shared/unit/officer-roster';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { ClientCore, RosterEntry } from '../../core/client-core';
import { OfficerChooserScreen } from '../officer-chooser-screen';
import { OfficersSection } from './officers-section';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

/**
 * A manager at the desk and this device's officers in memory, kept by the domain's roster rules
 * (the device store applies the same rules in its transactions: device-store.test.ts).
 */
function deskWithManager(atDesk: 'manager' | 'officer' = 'manager'): {
  core: ClientCore;
  manager: RosterEntry;
} {
  const manager: RosterEntry = {
    id: 'officer-siti',
    name: 'Siti Rahma',
    role: 'manager',
    createdAt: '2026-01-05T01:00:00.000Z',
    active: true,
    hasSecret: true,
    mustChangeSecret: false,
  };
  const plain: RosterEntry = { ...manager, id: 'officer-ani', name: 'Ani', role: 'officer' };
  let officers: RosterEntry[] = [manager, plain];
  const byName = (): RosterEntry[] => [...officers].sort((a, b) => a.name.localeCompare(b.name));
  const core = fakeCore({
    officers: {
      list: () => Promise.resolve(byName()),
      listActive: () => Promise.resolve(byName().filter((officer) => officer.active)),
      needsFirstManagerSecret: () => Promise.resolve(false),
      add: (name, role, secret, confirmation, now) => {
        const problem = addOfficerProblem(officers, name) ?? newSecretProblem(secret, confirmation, role);
        if (problem) return Promise.resolve({ ok: false, problem });
        const officer: RosterEntry = {
          id: `officer-${String(officers.length)}`,
          name: name.trim(),
          role,
          createdAt: now.toISOString(),
          active: true,
          hasSecret: true,
          mustChangeSecret: true,
        };
        officers = [...officers, officer];
        return Promise.resolve({ ok: true, officer });
      },
      setActive: (id, active) => {
        const problem = setActiveProblem(officers, manager, id, active);
        if (!problem) officers = officers.map((o) => (o.id === id ? { ...o, active } : o));
        return Promise.resolve(problem);
      },
    },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: atDesk === 'manager' ? manager : plain,
  });
  return { core, manager };
}

async function add(
  user: ReturnType<typeof userEvent.setup>,
  name: string,
  role?: string,
  pin = '573920',
): Promise<void> {
  await user.clear(screen.getByLabelText('Nama petugas baru'));
  await user.type(screen.getByLabelText('Nama petugas baru'), name);
  if (role) await user.selectOptions(screen.getByLabelText('Peran petugas'), role);
  await user.clear(screen.getByLabelText(/^PIN pertama/));
  await user.type(screen.getByLabelText(/^PIN pertama/), pin);
  await user.clear(screen.getByLabelText(/^Ulangi PIN pertama/));
  await user.type(screen.getByLabelText(/^Ulangi PIN pertama/), pin);
  await user.click(screen.getByRole('button', { name: 'Tambah petugas' }));
}

const rowOf = (name: string): HTMLElement => {
  const row = screen.getByRole('cell', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('OfficersSection', () => {
  it('refuses a duplicate name, keeps what was typed, and starts the role picker at Petugas', async () => {
    const { core } = deskWithManager();
    const user = userEvent.setup();
    render(withCore(core, <OfficersSection />));
    await screen.findByRole('cell', { name: 'Siti Rahma' });

    await add(user, 'Wati', 'Supervisor/verifikator');
    await screen.findByRole('cell', { name: 'Wati' });
    expect(screen.getByLabelText<HTMLSelectElement>('Peran petugas').value).toBe('officer');

    await add(user, ' siti rahma');
    expect((await screen.findByRole('alert')).textContent).toContain('Sudah ada petugas bernama siti rahma');
    expect(screen.getByLabelText<HTMLInputElement>('Nama petugas baru').value).toBe(' siti rahma');
    expect(screen.getAllByRole('cell', { name: /siti rahma/i })).toHaveLength(1);
  });

  it('needs a first PIN of at least 6 digits for a new officer', async () => {
    const { core } = deskWithManager();
    const user = userEvent.setup();
    render(withCore(core, <OfficersSection />));
    await screen.findByRole('cell', { name: 'Siti Rahma' });
    await add(user, 'Rudi', undefined, '5739');
    expect((await screen.findByLabelText('PIN pertama *')).getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('field-newOfficerSecret-error')?.textContent).toContain(
      'PIN minimal 6 angka.',
    );
    expect(screen.queryByRole('cell', { name: 'Rudi' })).toBeNull();
    await add(user, 'Rudi');
    await screen.findByRole('cell', { name: 'Rudi' });
    expect(within(rowOf('Rudi')).getByText('PIN pertama (diganti saat masuk)')).toBeTruthy();
  });

  it('offers an officer no role picker, no new officers and no PINs: nobody raises their own role', async () => {
    const { core } = deskWithManager('officer');
    render(withCore(core, <OfficersSection />));
    await screen.findByRole('cell', { name: 'Ani' });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByLabelText('Nama petugas baru')).toBeNull();
    expect(screen.queryByRole('button', { name: /Atur PIN/ })).toBeNull();
    expect(screen.getByText('Hanya manajer yang dapat menambah petugas atau mengubah peran.')).toBeTruthy();
  });

  it('deactivates an officer: shown inactive, not offered at the desk, reactivatable; never oneself', async () => {
    const { core } = deskWithManager();
    const user = userEvent.setup();
    const { unmount } = render(withCore(core, <OfficersSection />));
    await screen.findByRole('cell', { name: 'Siti Rahma' });
    await add(user, 'Budi Prasetyo');
    await screen.findByRole('cell', { name: 'Budi Prasetyo' });

    // No button to deactivate the manager at the desk.
    expect(within(rowOf('Siti Rahma')).queryByRole('button', { name: /Nonaktifkan/ })).toBeNull();
    await user.click(
      within(rowOf('Budi Prasetyo')).getByRole('button', { name: 'Nonaktifkan Budi Prasetyo' }),
    );
    await within(rowOf('Budi Prasetyo')).findByRole('button', { name: 'Aktifkan lagi Budi Prasetyo' });
    expect(within(rowOf('Budi Prasetyo')).getByText('Nonaktif')).toBeTruthy();
    expect(within(rowOf('Budi Prasetyo')).queryByRole('button', { name: /Jadikan/ })).toBeNull();
    unmount();

    render(withCore(core, <OfficerChooserScreen />));
    await screen.findByRole('button', { name: /Siti Rahma/ });
    expect(screen.queryByRole('button', { name: /Budi Prasetyo/ })).toBeNull();
    cleanup();

    render(withCore(core, <OfficersSection />));
    await user.click(await screen.findByRole('button', { name: 'Aktifkan lagi Budi Prasetyo' }));
    await screen.findByRole('button', { name: 'Nonaktifkan Budi Prasetyo' });
    expect(await core.officers.listActive()).toHaveLength(3);
  });
});
