// @vitest-environment happy-dom
/**
 * "Identitas tersegel — masukkan kode pemindahan kunci" with a fake core: on a device without the
 * unit key the code typed is handed to the core; while the core waits for the key to arrive by
 * sync the panel says so with the sync state and can stop waiting; a received key takes the panel
 * away with a notice; a wrong code, a code of another unit and an expired one are told at the field
 * in Indonesian (the field keeps the code); five wrong codes lock the field with the time it opens
 * again; a device holding the key shows nothing.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import type { ClientCore, ReceiveKeyTransferOptions, ReceiveKeyTransferOutcome } from '../core/client-core';
import { KeyTransferReceive } from './key-transfer-receive';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

type Receive = (code: string, options?: ReceiveKeyTransferOptions) => Promise<ReceiveKeyTransferOutcome>;

function desk(receive: Receive, options: { hasKey?: boolean; lockedUntil?: string } = {}): ClientCore {
  const core = fakeCore({
    keyTransfer: {
      hasKey: () => options.hasKey ?? false,
      lockedUntil: () => Promise.resolve(options.lockedUntil ?? null),
      receive,
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
  return core;
}

const field = (): HTMLInputElement => screen.getByLabelText('Kode pemindahan kunci');

describe('KeyTransferReceive', () => {
  it('waits for the key by sync, saying so, then installs it and goes away', async () => {
    const user = userEvent.setup();
    const typed: string[] = [];
    let arrive: (outcome: ReceiveKeyTransferOutcome) => void = () => undefined;
    const core = desk((code, options) => {
      typed.push(code);
      options?.onProgress?.({ phase: 'waiting', sync: 'syncing' });
      return new Promise((resolve) => {
        arrive = resolve;
      });
    });
    render(withCore(core, <KeyTransferReceive />));
    expect(screen.getByRole('heading', { name: 'Identitas tersegel' })).toBeTruthy();
    await user.type(field(), 'kbm abcde fghjk mnpqr{Enter}');
    expect(typed).toEqual(['kbm abcde fghjk mnpqr']);
    expect((await screen.findByTestId('key-transfer-progress')).textContent).toBe(
      'Menunggu kunci dari perangkat manajer lewat sinkronisasi… (Menyinkronkan…)',
    );
    expect(field().disabled).toBe(true);
    const version = core.store.getState().dataVersion;
    arrive({ ok: true, versions: [1] });
    await waitFor(() => expect(screen.queryByTestId('key-transfer-receive')).toBeNull());
    expect(core.store.getState().dataVersion).toBeGreaterThan(version);
    expect(core.store.getState().notices.at(-1)?.text).toMatch(/Kunci unit terpasang/);
  });

  it('stops waiting when asked', async () => {
    const user = userEvent.setup();
    const core = desk(
      (_code, options) =>
        new Promise((resolve) => {
          options?.onProgress?.({ phase: 'waiting', sync: 'offline' });
          options?.signal?.addEventListener('abort', () => resolve({ ok: false, cancelled: true }));
        }),
    );
    render(withCore(core, <KeyTransferReceive />));
    await user.type(field(), 'KBM-ABCDE-FGHJK-MNPQR{Enter}');
    expect((await screen.findByTestId('key-transfer-progress')).textContent).toMatch(/Luring/);
    await user.click(screen.getByRole('button', { name: 'Berhenti menunggu' }));
    expect(screen.queryByTestId('key-transfer-progress')).toBeNull();
    expect(field().disabled).toBe(false);
    expect(field().value).toBe('KBM-ABCDE-FGHJK-MNPQR');
  });

  it.each([
    [{ key: 'keyTransfer.code.wrong' }, /Kode tidak cocok dengan kunci yang dikirim unit ini/],
    [
      { key: 'keyTransfer.code.otherUnit', params: { unitCode: 'BDG', deviceUnit: 'KBM' } },
      /Kode ini untuk unit BDG, bukan untuk unit perangkat ini \(KBM\)/,
    ],
    [
      { key: 'keyTransfer.code.expired', params: { expiresAt: '2026-03-02T03:15:00.000Z' } },
      /Kode ini sudah kedaluwarsa \(/,
    ],
    [{ key: 'keyTransfer.code.checksum' }, /salah ketik/],
  ] as const)('tells %j at the field, keeping the code', async (problem, text) => {
    const user = userEvent.setup();
    const core = desk(() => Promise.resolve({ ok: false, problem }));
    render(withCore(core, <KeyTransferReceive />));
    await user.type(field(), 'KBM-ABCDE-FGHJK-MNPQR{Enter}');
    const error = await screen.findByText(text);
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toContain(error.id);
    expect(field().value).toBe('KBM-ABCDE-FGHJK-MNPQR');
    expect(screen.getByTestId('key-transfer-receive')).toBeTruthy();
  });

  it('locks the field after the fifth wrong code, saying until when', async () => {
    const user = userEvent.setup();
    const core = desk(() =>
      Promise.resolve({
        ok: false,
        problem: { key: 'keyTransfer.code.locked', params: { until: '2026-03-02T03:15:00.000Z' } },
      }),
    );
    render(withCore(core, <KeyTransferReceive />));
    await user.type(field(), 'KBM-ABCDE-FGHJK-MNPQR{Enter}');
    expect(await screen.findByText(/Lima kode salah berturut-turut: kolom kode dikunci sampai/)).toBeTruthy();
    expect(field().disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Terima kunci' }).disabled).toBe(true);
  });

  it('is locked from the start while the lock lasts', async () => {
    const core = desk(() => Promise.reject(new Error('not expected')), {
      lockedUntil: '2099-03-02T03:15:00.000Z',
    });
    render(withCore(core, <KeyTransferReceive />));
    expect(await screen.findByText(/kolom kode dikunci sampai/)).toBeTruthy();
    expect(field().disabled).toBe(true);
  });

  it('shows nothing on a device holding the key', () => {
    const core = desk(() => Promise.reject(new Error('not expected')), { hasKey: true });
    render(withCore(core, <KeyTransferReceive />));
    expect(screen.queryByTestId('key-transfer-receive')).toBeNull();
  });
});
