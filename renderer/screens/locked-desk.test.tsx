// @vitest-environment happy-dom
/**
 * The locked desk (the idle time passed, or Ctrl+Shift+L) with a fake core: "Meja terkunci" names the
 * officer still signed in and takes their PIN at once (the same sign-in, so a wrong one counts
 * towards the five-failure lock); no list of officers is offered until "Ganti petugas", which signs
 * them out and starts the chooser afresh; an officer no longer in the roster leaves the plain chooser.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
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

const entry = (id: string, name: string, role: RosterEntry['role']): RosterEntry => ({
  id,
  name,
  role,
  createdAt: '2026-01-05T01:00:00.000Z',
  active: true,
  hasSecret: true,
  mustChangeSecret: false,
});
const BUDI = entry('o-budi', 'Budi', 'officer');
const WATI = entry('o-wati', 'Wati', 'supervisor');
const DEVICE = { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' };

function lockedDesk(
  signIn: (id: string, secret: string) => SignInOutcome,
  roster: readonly RosterEntry[] = [BUDI, WATI],
) {
  const signInSpy = vi.fn((id: string, secret: string) => Promise.resolve(signIn(id, secret)));
  const chooseAnother = vi.fn(() => {
    core.store.getState().chooseOfficer({ device: DEVICE });
    return Promise.resolve();
  });
  const core: ClientCore = fakeCore({
    officers: {
      listActive: () => Promise.resolve([...roster]),
      needsFirstManagerSecret: () => Promise.resolve(false),
      lockState: () => Promise.resolve({ remainingMs: 0, attemptsLeft: 5 }),
      signIn: signInSpy,
      chooseAnother,
    },
  });
  core.store.getState().chooseOfficer({ device: DEVICE, lockedBy: BUDI.id });
  render(withCore(core, <OfficerChooserScreen />));
  return { signIn: signInSpy, chooseAnother, user: userEvent.setup() };
}

describe('the locked desk', () => {
  it('names the officer still signed in and takes their PIN, with no list of officers', async () => {
    const { signIn, user } = lockedDesk(() => ({ ok: false, problem: 'wrong-secret', attemptsLeft: 2 }));
    screen.getByRole('heading', { name: 'Meja terkunci' });
    expect((await screen.findByTestId('locked-officer')).textContent).toBe(
      'Budi (Petugas) masih bertugas di meja ini. Ketik PIN atau frasa sandi Budi untuk membuka meja.',
    );
    expect(screen.queryByRole('heading', { name: 'Siapa yang bertugas di meja ini?' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Wati/ })).toBeNull();
    const pin = screen.getByLabelText('PIN atau frasa sandi');
    // Focus moves there in an effect after the roster's render (a slow machine: not at once).
    await waitFor(() => {
      expect(document.activeElement).toBe(pin);
    });
    await user.keyboard('111222{Enter}');
    expect(signIn).toHaveBeenCalledWith('o-budi', '111222', expect.any(Date));
    // The same check as at the sign-in screen: a wrong PIN counts towards the lock.
    expect((await screen.findByRole('alert')).textContent).toBe(
      'PIN salah. Sisa 2 kali percobaan sebelum terkunci.',
    );
  });

  it('offers a supervisor’s unlock when the officer locks themselves out there', async () => {
    const { user } = lockedDesk(() => ({ ok: false, problem: 'locked', remainingMs: 15 * 60_000 }));
    await screen.findByTestId('locked-officer');
    await user.keyboard('111222{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Coba lagi dalam 15 menit');
    const unlocker = screen.getByLabelText<HTMLSelectElement>('Supervisor atau manajer');
    expect(Array.from(unlocker.options, (option) => option.textContent)).toEqual([
      'Wati (Supervisor/verifikator)',
    ]);
  });

  it('"Ganti petugas" signs the officer out and offers every officer, nobody chosen', async () => {
    const { chooseAnother, user } = lockedDesk(() => ({ ok: true, mustChangeSecret: false }));
    await screen.findByTestId('locked-officer');
    await user.click(screen.getByRole('button', { name: 'Ganti petugas' }));
    expect(chooseAnother).toHaveBeenCalledTimes(1);
    await screen.findByRole('heading', { name: 'Siapa yang bertugas di meja ini?' });
    const budi = await screen.findByRole('button', { name: /Budi/ });
    expect(budi.getAttribute('aria-pressed')).toBe('false');
    expect(document.activeElement).toBe(budi);
    expect(screen.queryByLabelText('PIN atau frasa sandi')).toBeNull();
    expect(screen.queryByTestId('locked-officer')).toBeNull();
  });

  it('shows the chooser when the locked officer is no longer in the roster', async () => {
    lockedDesk(() => ({ ok: true, mustChangeSecret: false }), [WATI]);
    await screen.findByRole('button', { name: /Wati/ });
    screen.getByRole('heading', { name: 'Siapa yang bertugas di meja ini?' });
    expect(screen.getByRole('status').textContent).toBe(
      'Meja dikunci. Ketik PIN untuk membuka lagi, atau pilih petugas lain.',
    );
  });
});
