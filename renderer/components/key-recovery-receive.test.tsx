// @vitest-environment happy-dom
/**
 * "Pulihkan kunci unit dengan frasa pemulihan" beside the transfer code's field, with a fake core:
 * on a device without the unit key the passphrase typed is handed to the core; a wrong one is told
 * at the field (with the time of the next try once it must wait), a wait already running is told
 * when the panel opens, a device that has no recovery copy yet is told to let sync finish; the right
 * one takes the whole panel away with a notice and the screens read again.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import type { ClientCore, RecoverKeyOutcome } from '../core/client-core';
import { KeyTransferReceive } from './key-transfer-receive';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const PASSPHRASE = 'kopi tubruk pagi hari di Semarang';

function desk(
  answers: RecoverKeyOutcome[],
  waitUntil: string | null = null,
): { core: ClientCore; typed: string[] } {
  const typed: string[] = [];
  const core = fakeCore({
    keyTransfer: { hasKey: () => false, lockedUntil: () => Promise.resolve(null) },
    keyRecovery: {
      waitUntil: () => Promise.resolve(waitUntil),
      recover: (passphrase) => {
        typed.push(passphrase);
        return Promise.resolve(answers.shift() ?? { ok: false, reason: 'wrong' });
      },
    },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'B45', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: {
      id: 'officer-ani',
      name: 'Ani',
      role: 'officer',
      createdAt: '2026-01-05T01:00:00.000Z',
      active: true,
    },
  });
  return { core, typed };
}

const field = (): HTMLInputElement => screen.getByLabelText('Frasa pemulihan');

describe('KeyRecoveryReceive', () => {
  it('tells a wrong passphrase, then the wait, then recovers with the right one and goes away', async () => {
    const user = userEvent.setup();
    const { core, typed } = desk([
      { ok: false, reason: 'not-found' },
      { ok: false, reason: 'wrong' },
      { ok: false, reason: 'wrong', waitUntil: '2026-12-06T03:00:15.000Z' },
      { ok: true, versions: [1] },
    ]);
    render(withCore(core, <KeyTransferReceive />));
    expect(screen.getByRole('heading', { name: 'Pulihkan kunci unit dengan frasa pemulihan' })).toBeTruthy();

    await user.type(field(), `${PASSPHRASE}{Enter}`);
    expect((await screen.findByTestId('key-recovery-error')).textContent).toMatch(
      /^✖ Perangkat ini belum menerima salinan kunci untuk pemulihan\./,
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('key-recovery-error').textContent).toBe('✖ Frasa pemulihan salah.'),
    );
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().value).toBe(PASSPHRASE);
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('key-recovery-error').textContent).toMatch(
        /^✖ Frasa pemulihan salah\. Percobaan berikutnya setelah .+\.$/,
      ),
    );

    const version = core.store.getState().dataVersion;
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId('key-transfer-receive')).toBeNull());
    expect(typed).toEqual([PASSPHRASE, PASSPHRASE, PASSPHRASE, PASSPHRASE]);
    expect(core.store.getState().dataVersion).toBeGreaterThan(version);
    expect(core.store.getState().notices.at(-1)?.text).toMatch(/^Kunci unit dipulihkan di perangkat ini\./);
  });

  it('tells a wait that is already running when the panel opens', async () => {
    const { core } = desk([], '2026-12-06T04:00:00.000Z');
    render(withCore(core, <KeyTransferReceive />));
    expect((await screen.findByTestId('key-recovery-error')).textContent).toMatch(
      /^✖ Terlalu banyak frasa yang salah\. Coba lagi setelah .+\.$/,
    );
  });
});
