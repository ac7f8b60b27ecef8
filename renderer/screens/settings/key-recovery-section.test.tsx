// @vitest-environment happy-dom
/**
 * Pengaturan → Kunci unit → Frasa pemulihan with a fake core: a unit without a recovery passphrase
 * is warned; a manager types it twice and saves with the keyboard (the core gets both as typed);
 * a short passphrase is told at its field and a mismatch at the second, in Indonesian, keeping what
 * was typed; once saved the fields are emptied and the notice says where the copy goes; a set
 * passphrase shows when and from which device, and the button replaces it; a device without the
 * key says it cannot set one. "Ganti kunci unit…" asks first, then rotates; a refusal is told.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type {
  ClientCore,
  KeyRecoveryStatus,
  RotateKeyOutcome,
  SetKeyRecoveryOutcome,
} from '../../core/client-core';
import { KeyRecoverySection } from './key-recovery-section';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

const PASSPHRASE = 'kopi tubruk pagi hari di Semarang';

function desk(
  options: { hasKey?: boolean; status?: KeyRecoveryStatus; set?: SetKeyRecoveryOutcome[] } = {},
): { core: ClientCore; typed: [string, string][] } {
  const typed: [string, string][] = [];
  const answers = [...(options.set ?? [{ ok: true, setAt: '2026-12-06T03:00:00.000Z' }])];
  const core = fakeCore({
    keyTransfer: { hasKey: () => options.hasKey ?? true },
    keyRecovery: {
      status: () => Promise.resolve(options.status ?? { set: false }),
      set: (passphrase, confirmation) => {
        typed.push([passphrase, confirmation]);
        return Promise.resolve(answers.shift() ?? { ok: true, setAt: '2026-12-06T03:00:00.000Z' });
      },
    },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: {
      id: 'officer-siti',
      name: 'Siti Rahma',
      role: 'manager',
      createdAt: '2026-01-05T01:00:00.000Z',
      active: true,
    },
  });
  return { core, typed };
}

const first = (): HTMLInputElement => screen.getByLabelText('Frasa pemulihan baru');
const second = (): HTMLInputElement => screen.getByLabelText('Ketik ulang frasa pemulihan');

describe('KeyRecoverySection', () => {
  it('warns while none is set; a short passphrase and a mismatch are told at their fields; then it is saved', async () => {
    const user = userEvent.setup();
    const { core, typed } = desk({
      set: [
        { ok: false, reason: 'too-short' },
        { ok: false, reason: 'mismatch' },
        { ok: true, setAt: '2026-12-06T03:00:00.000Z' },
      ],
    });
    render(withCore(core, <KeyRecoverySection />));
    expect(screen.getByRole('heading', { name: 'Kunci unit' })).toBeTruthy();
    expect((await screen.findByTestId('key-recovery-status')).textContent).toMatch(
      /^Frasa pemulihan belum dibuat\./,
    );

    await user.type(first(), 'pendek');
    await user.type(second(), 'pendek{Enter}');
    expect(await screen.findByText(/Frasa terlalu pendek: minimal 16 karakter/)).toBeTruthy();
    expect(first().getAttribute('aria-invalid')).toBe('true');
    expect(first().value).toBe('pendek');
    await waitFor(() => expect(document.activeElement).toBe(first()));

    await user.clear(first());
    await user.type(first(), PASSPHRASE);
    await user.clear(second());
    await user.type(second(), `${PASSPHRASE}x{Enter}`);
    expect(await screen.findByText('✖ Kedua frasa tidak sama. Ketik ulang dengan teliti.')).toBeTruthy();
    expect(second().getAttribute('aria-invalid')).toBe('true');
    expect(first().getAttribute('aria-invalid')).toBeNull();

    await user.clear(second());
    await user.type(second(), `${PASSPHRASE}{Enter}`);
    await waitFor(() => expect(first().value).toBe(''));
    expect(second().value).toBe('');
    expect(typed).toEqual([
      ['pendek', 'pendek'],
      [PASSPHRASE, `${PASSPHRASE}x`],
      [PASSPHRASE, PASSPHRASE],
    ]);
    expect(core.store.getState().notices.at(-1)?.text).toMatch(/^Frasa pemulihan disimpan\./);
  });

  it('shows when and where a set passphrase was made, and offers to replace it', async () => {
    const { core } = desk({
      status: {
        set: true,
        setAt: '2026-12-06T03:00:00.000Z',
        by: { device: 'X7Q', officer: 'officer-siti' },
        versions: [1, 2],
      },
    });
    render(withCore(core, <KeyRecoverySection />));
    expect((await screen.findByTestId('key-recovery-status')).textContent).toMatch(
      /^Frasa pemulihan dibuat .+ dari perangkat X7Q \(versi kunci 1, 2\)\.$/,
    );
    expect(screen.getByRole('button', { name: 'Ganti frasa pemulihan' })).toBeTruthy();
  });

  it('replaces the unit key after a second press, and says why when it cannot', async () => {
    const user = userEvent.setup();
    const answers: RotateKeyOutcome[] = [
      { ok: false, reason: 'unreachable' },
      { ok: true, version: 2 },
    ];
    let rotations = 0;
    const { core } = desk({ status: { set: false } });
    const rotating = fakeCore({
      store: core.store,
      keyRecovery: { status: () => Promise.resolve({ set: false }) },
      unitKey: {
        rotate: () => {
          rotations++;
          return Promise.resolve(answers.shift() ?? { ok: true, version: 3 });
        },
      },
    });
    render(withCore(rotating, <KeyRecoverySection />));
    expect(screen.getByTestId('key-version').textContent).toBe('Versi kunci unit di perangkat ini: 1.');
    await user.click(screen.getByRole('button', { name: 'Ganti kunci unit…' }));
    expect(rotations).toBe(0);
    expect(screen.getByText(/^Buat versi kunci unit yang baru sekarang\?/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ya, ganti kunci unit' }));
    await waitFor(() => expect(rotations).toBe(1));
    await waitFor(() =>
      expect(rotating.store.getState().notices.at(-1)?.text).toMatch(/^Server pusat tidak dapat dihubungi\./),
    );
    await user.click(screen.getByRole('button', { name: 'Ganti kunci unit…' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rotations).toBe(2));
    await waitFor(() =>
      expect(rotating.store.getState().notices.at(-1)?.text).toBe(
        'Kunci unit versi 2 dibuat. Identitas pelapor dipindahkan ke kunci baru di latar belakang.',
      ),
    );
  });

  it('says a device without the key cannot set one', async () => {
    const { core } = desk({ hasKey: false });
    render(withCore(core, <KeyRecoverySection />));
    expect(
      await screen.findByText(
        'Perangkat ini belum memegang kunci unit, jadi frasa pemulihan tidak dapat dibuat di sini.',
      ),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Frasa pemulihan baru')).toBeNull();
  });
});
