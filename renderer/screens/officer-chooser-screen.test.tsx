// @vitest-environment happy-dom
/**
 * The sign-in screen with a fake core: the officer is chosen with Enter and the PIN field takes the
 * focus; a wrong PIN says how many tries are left; a lock says the minutes left and offers the
 * supervisor/manager unlock; an officer without a PIN is told to ask a manager; where no manager has
 * a PIN yet, a manager sets theirs.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import type { ClientCore, RosterEntry, SignInOutcome } from '../core/client-core';
import { OfficerChooserScreen } from './officer-chooser-screen';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const entry = (id: string, name: string, role: RosterEntry['role'], hasSecret = true): RosterEntry => ({
  id,
  name,
  role,
  createdAt: '2026-01-05T01:00:00.000Z',
  active: true,
  hasSecret,
  mustChangeSecret: false,
});
const BUDI = entry('o-budi', 'Budi', 'officer');
const WATI = entry('o-wati', 'Wati', 'supervisor');
const RINA = entry('o-rina', 'Rina', 'officer', false);

function desk(signIn: (id: string, secret: string) => SignInOutcome, firstManager = false): ClientCore {
  return fakeCore({
    officers: {
      listActive: () => Promise.resolve([BUDI, RINA, WATI]),
      needsFirstManagerSecret: () => Promise.resolve(firstManager),
      lockState: () => Promise.resolve({ remainingMs: 0, attemptsLeft: 5 }),
      signIn: (id, secret) => Promise.resolve(signIn(id, secret)),
      unlock: () => Promise.resolve({ ok: true }),
    },
  });
}

describe('OfficerChooserScreen', () => {
  it('says after the sign-in when the unit key is not unlocked here (identity sealed), and how to get it', async () => {
    const core = desk(() => ({ ok: true, mustChangeSecret: false, unitKey: 'no-key' }));
    const user = userEvent.setup();
    render(withCore(core, <OfficerChooserScreen />));
    await user.click(await screen.findByRole('button', { name: /Budi/ }));
    await user.keyboard('482913{Enter}');
    await vi.waitFor(() => expect(core.store.getState().notices).toHaveLength(1));
    expect(core.store.getState().notices[0]).toMatchObject({ tone: 'info' });
    expect(core.store.getState().notices[0]?.text).toContain('Kunci unit belum terbuka di perangkat ini');
    expect(core.store.getState().notices[0]?.text).toContain('pernah masuk di perangkat ini');
  });

  it('says nothing more when the unit key opened', async () => {
    const signIn = vi.fn((): SignInOutcome => ({ ok: true, mustChangeSecret: false, unitKey: 'unlocked' }));
    const core = desk(signIn);
    const user = userEvent.setup();
    render(withCore(core, <OfficerChooserScreen />));
    await user.click(await screen.findByRole('button', { name: /Budi/ }));
    await user.keyboard('482913{Enter}');
    await vi.waitFor(() => expect(signIn).toHaveBeenCalled());
    await screen.findByRole('button', { name: 'Masuk' });
    expect(core.store.getState().notices).toEqual([]);
  });

  it('takes the officer with Enter, then the PIN; a wrong PIN says the tries left', async () => {
    const signIn = vi.fn((): SignInOutcome => ({ ok: false, problem: 'wrong-secret', attemptsLeft: 3 }));
    const user = userEvent.setup();
    render(withCore(desk(signIn), <OfficerChooserScreen />));
    const budi = await screen.findByRole('button', { name: /Budi/ });
    expect(document.activeElement).toBe(budi);
    await user.keyboard('{Enter}');
    const pin = screen.getByLabelText('PIN atau frasa sandi');
    expect(document.activeElement).toBe(pin);
    expect(pin.getAttribute('type')).toBe('password');
    await user.keyboard('111222{Enter}');
    expect(signIn).toHaveBeenCalledWith('o-budi', '111222');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'PIN salah. Sisa 3 kali percobaan sebelum terkunci.',
    );
    expect((pin as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(pin);
  });

  it('shows the lock with its minutes and lets a supervisor unlock', async () => {
    const core = desk(() => ({ ok: false, problem: 'locked', remainingMs: 14 * 60_000 + 1 }));
    const user = userEvent.setup();
    render(withCore(core, <OfficerChooserScreen />));
    await user.click(await screen.findByRole('button', { name: /Budi/ }));
    await user.keyboard('111222{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Coba lagi dalam 15 menit');
    // Only supervisors and managers with a PIN unlock; the locked officer is not offered.
    const unlocker = screen.getByLabelText<HTMLSelectElement>('Supervisor atau manajer');
    expect(Array.from(unlocker.options, (option) => option.textContent)).toEqual([
      'Wati (Supervisor/verifikator)',
    ]);
    const unlock = vi.spyOn(core.officers, 'unlock');
    await user.type(screen.getByLabelText('PIN atau frasa sandi supervisor/manajer'), '482913');
    await user.click(screen.getByRole('button', { name: 'Buka kunci' }));
    expect(unlock).toHaveBeenCalledWith('o-budi', 'o-wati', '482913', expect.any(Date));
  });

  it('tells an officer without a PIN to ask a manager, and takes no PIN', async () => {
    const user = userEvent.setup();
    render(
      withCore(
        desk(() => ({ ok: true, mustChangeSecret: false })),
        <OfficerChooserScreen />,
      ),
    );
    await user.click(await screen.findByRole('button', { name: /Rina/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('Rina belum punya PIN');
    expect(screen.getByLabelText<HTMLInputElement>('PIN atau frasa sandi').disabled).toBe(true);
  });

  it('lets a manager without a PIN set one where no manager has a PIN yet', async () => {
    const core = fakeCore({
      officers: {
        listActive: () => Promise.resolve([entry('o-siti', 'Siti', 'manager', false)]),
        needsFirstManagerSecret: () => Promise.resolve(true),
        setFirstManagerSecret: () => Promise.resolve({ ok: false, problem: 'mismatch' }),
      },
    });
    const user = userEvent.setup();
    render(withCore(core, <OfficerChooserScreen />));
    await user.click(await screen.findByRole('button', { name: /Siti/ }));
    await screen.findByRole('heading', { name: 'Atur PIN manajer' });
    await user.type(screen.getByLabelText('PIN baru *'), '482913');
    await user.type(screen.getByLabelText('Ulangi PIN baru *'), '482931');
    await user.click(screen.getByRole('button', { name: 'Simpan PIN dan masuk' }));
    expect(await screen.findByText(/Ulangan PIN tidak sama/)).toBeTruthy();
  });
});
