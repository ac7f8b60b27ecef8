// @vitest-environment happy-dom
/**
 * The status bar's "Frasa pemulihan belum dibuat": shown to a manager on a device holding the unit
 * key while the unit has no recovery passphrase, as a link to Pengaturan; not once one is set, not to
 * an officer, not on a device without the key.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import type { KeyRecoveryStatus } from '../core/client-core';
import type { Role } from '../../shared/workflow/roles';
import { StatusBar } from './status-bar';

beforeAll(async () => {
  const { initI18n } = await import('../i18n/i18n');
  await initI18n('id');
});
afterEach(cleanup);

function setUp(role: Role, status: KeyRecoveryStatus, hasKey = true): void {
  const core = fakeCore({
    keyTransfer: { hasKey: () => hasKey },
    keyRecovery: { status: () => Promise.resolve(status) },
  });
  core.store.getState().openDesk({
    device: { unitCode: 'KBM', deviceCode: 'X7Q', createdAt: '2026-01-05T01:00:00.000Z' },
    officer: { id: 'officer-siti', name: 'Siti', role, createdAt: '2026-01-05T01:00:00.000Z', active: true },
  });
  render(withCore(core, <StatusBar />));
}

const SET: KeyRecoveryStatus = {
  set: true,
  setAt: '2026-12-06T03:00:00.000Z',
  by: { device: 'X7Q', officer: 'officer-siti' },
  versions: [1],
};

describe('StatusBar: the recovery passphrase reminder', () => {
  it('reminds a manager holding the key while the unit has none, linking to Pengaturan', async () => {
    setUp('manager', { set: false });
    const reminder = await screen.findByTestId('key-recovery-reminder');
    expect(reminder.textContent).toBe('Frasa pemulihan belum dibuat');
    expect(reminder.getAttribute('href')).toBe('/pengaturan');
    expect(reminder.closest('[aria-live], [role="alert"]')).toBeNull();
  });

  it('says nothing once it is set, to an officer, or on a device without the key', async () => {
    for (const [role, status, hasKey] of [
      ['manager', SET, true],
      ['officer', { set: false }, true],
      ['manager', { set: false }, false],
    ] as const) {
      setUp(role, status, hasKey);
      await screen.findByTestId('status-sync');
      // The status is read (an answered promise) and rendered before the check.
      await act(async () => {
        await Promise.resolve();
      });
      expect(screen.queryByTestId('key-recovery-reminder')).toBeNull();
      cleanup();
    }
  });
});

describe('StatusBar: the re-wrap after a rotation', () => {
  it('shows how far the background re-wrap is while it runs, and nothing after', async () => {
    let listener: (progress: { done: number; total: number } | null) => void = () => undefined;
    const core = fakeCore({
      unitKey: {
        currentVersion: () => 2,
        onRewrapProgress: (next) => {
          listener = next;
          return () => undefined;
        },
      },
    });
    render(withCore(core, <StatusBar />));
    await screen.findByTestId('status-sync');
    expect(screen.queryByTestId('key-rotation-progress')).toBeNull();
    act(() => listener({ done: 50, total: 120 }));
    expect(screen.getByTestId('key-rotation-progress').textContent).toBe(
      'Memindahkan identitas ke kunci versi 2: 50 dari 120',
    );
    act(() => listener(null));
    expect(screen.queryByTestId('key-rotation-progress')).toBeNull();
  });
});
