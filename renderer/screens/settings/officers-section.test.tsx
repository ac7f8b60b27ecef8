// @vitest-environment happy-dom
/**
 * The officers section with a fake core keeping the officers by the domain's roster rules: a manager adds officers (a name
 * already used is refused with the typed name kept; the role picker starts again at "Petugas"),
 * deactivates one (shown as inactive, no longer offered in the officer chooser, reactivatable) and
 * cannot deactivate themselves.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addOfficerProblem, isActiveOfficer, setActiveProblem } from '../../../shared/unit/officer-roster';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { ClientCore, Officer } from '../../core/client-core';
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
function deskWithManager(): { core: ClientCore; manager: Officer } {
  const manager: Officer = {
    id: 'officer-siti',
    name: 'Siti Rahma',
    role: 'manager',
    createdAt: '2026-01-05T01:00:00.000Z',
    active: true,
  };
  let officers: Officer[] = [manager];
  const byName = (): Officer[] => [...officers].sort((a, b) => a.name.localeCompare(b.name));
  const core = fakeCore({
    officers: {
      list: () => Promise.resolve(byName()),
      listActive: () => Promise.resolve(byName().filter(isActiveOfficer)),
      add: (name, role, now) => {
        const problem = addOfficerProblem(officers, name);
        if (problem) return Promise.resolve({ ok: false, problem });
        const officer: Officer = {
          id: `officer-${String(officers.length)}`,
          name: name.trim(),
          role,
          createdAt: now.toISOString(),
          active: true,
        };
        officers = [...officers, officer];
        return Promise.resolve({ ok: true, officer });
      },
      setActive: (id, active) => {
        const problem = setActiveProblem(officers, manager, id, active);
        if (!problem) officers = officers.map((o) => (o.id === id ? { ...o, active } : o));
        return Promise.resolve(problem);
      },
      signIn: () => Promise.resolve(),
    },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: manager,
  });
  return { core, manager };
}

async function add(user: ReturnType<typeof userEvent.setup>, name: string, role?: string): Promise<void> {
  await user.clear(screen.getByLabelText('Nama petugas baru'));
  await user.type(screen.getByLabelText('Nama petugas baru'), name);
  if (role) await user.selectOptions(screen.getByLabelText('Peran petugas'), role);
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
    expect(await core.officers.listActive()).toHaveLength(2);
  });
});
