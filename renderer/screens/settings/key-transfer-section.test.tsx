// @vitest-environment happy-dom
/**
 * Pengaturan → Pindahkan kunci unit with a fake core: a manager on a device holding the unit key
 * asks for a code and sees it big, in groups, with its expiry and the time left, and cancels it
 * with the keyboard (the core deletes it); a device without the key says it cannot give it; the
 * code is taken off the screen when its time is up.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeCore, withCore } from '../../app/fake-core.fixtures';
import type { ClientCore, CreateKeyTransferOutcome } from '../../core/client-core';
import { KeyTransferSection } from './key-transfer-section';

beforeAll(async () => {
  const { initI18n } = await import('../../i18n/i18n');
  await initI18n('id');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const CODE = 'KBM-ABCDE-FGHJK-MNPQR';

function desk(options: { hasKey?: boolean; minutes?: number } = {}): {
  core: ClientCore;
  cancelled: string[];
  created: number[];
} {
  const cancelled: string[] = [];
  const created: number[] = [];
  const core = fakeCore({
    keyTransfer: {
      hasKey: () => options.hasKey ?? true,
      create: (): Promise<CreateKeyTransferOutcome> => {
        created.push(1);
        const createdAt = new Date();
        const expiresAt = new Date(createdAt.getTime() + (options.minutes ?? 15) * 60_000);
        return Promise.resolve({
          ok: true,
          transfer: {
            id: 'key-transfer:0123456789abcdef0123456789abcdef',
            code: CODE,
            createdAt: createdAt.toISOString(),
            expiresAt: expiresAt.toISOString(),
          },
        });
      },
      cancel: (id) => {
        cancelled.push(id);
        return Promise.resolve();
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
  return { core, cancelled, created };
}

describe('KeyTransferSection', () => {
  it('shows a code big and in groups, with its expiry and time left, and cancels it', async () => {
    const user = userEvent.setup();
    const { core, cancelled } = desk();
    render(withCore(core, <KeyTransferSection />));
    expect(screen.getByRole('heading', { name: 'Pindahkan kunci unit' })).toBeTruthy();
    await user.tab();
    await user.keyboard('{Enter}');
    const code = await screen.findByTestId('key-transfer-code');
    expect([...code.querySelectorAll('span')].map((group) => group.textContent)).toEqual([
      'KBM',
      'ABCDE',
      'FGHJK',
      'MNPQR',
    ]);
    expect(screen.getByText(/^Berlaku sampai /)).toBeTruthy();
    expect(screen.getByTestId('key-transfer-remaining').textContent).toMatch(
      /^Sisa waktu: 1[45] menit \d+ detik$/,
    );
    await user.click(screen.getByRole('button', { name: 'Batalkan kode' }));
    expect(cancelled).toEqual(['key-transfer:0123456789abcdef0123456789abcdef']);
    expect(screen.queryByTestId('key-transfer-code')).toBeNull();
    expect(screen.getByRole('button', { name: 'Tampilkan kode pemindahan' })).toBeTruthy();
  });

  it('takes the code off the screen and deletes it when its time is up', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { core, cancelled } = desk({ minutes: 1 });
    render(withCore(core, <KeyTransferSection />));
    await act(async () => {
      screen.getByRole('button', { name: 'Tampilkan kode pemindahan' }).click();
      await Promise.resolve();
    });
    expect(screen.getByTestId('key-transfer-code')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(61_000);
    });
    expect(screen.queryByTestId('key-transfer-code')).toBeNull();
    expect(screen.getByText(/Kode sudah kedaluwarsa dan dihapus/)).toBeTruthy();
    expect(cancelled).toEqual(['key-transfer:0123456789abcdef0123456789abcdef']);
  });

  it('on a device without the unit key, says it cannot give it and offers no code', () => {
    const { core, created } = desk({ hasKey: false });
    render(withCore(core, <KeyTransferSection />));
    expect(screen.getByText(/Perangkat ini belum memegang kunci unit/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tampilkan kode pemindahan' })).toBeNull();
    expect(created).toEqual([]);
  });
});
