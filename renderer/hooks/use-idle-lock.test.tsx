// @vitest-environment happy-dom
/**
 * The idle lock's timer with a fake core and fake timers: the desk locks once the unit's idle time
 * passes without input, not a moment before; a key or a mouse move starts the time again; a
 * changed setting applies at once; 10 minutes where the unit set none.
 */
import { act, cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultUnitSettings } from '../../shared/unit/unit-settings';
import { fakeCore, withCore } from '../app/fake-core.fixtures';
import type { ClientCore } from '../core/client-core';
import { useIdleLock } from './use-idle-lock';

const MINUTE = 60_000;
const SETTINGS = defaultUnitSettings('KBM', 'Asia/Jakarta', new Date('2026-01-05T01:00:00.000Z'), {
  officerId: 'officer-1',
  name: 'Siti',
});

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-02T03:00:00Z') });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Desk(): ReactNode {
  useIdleLock();
  return <p>meja</p>;
}

function openDesk(idleLockMinutes?: number): Readonly<{ core: ClientCore; lock: () => Promise<void> }> {
  const lock = vi.fn(() => Promise.resolve());
  const core = fakeCore({ officers: { lock } });
  core.store.getState().setUnitDocs({
    unitSettings: idleLockMinutes === undefined ? SETTINGS : { ...SETTINGS, idleLockMinutes },
  });
  render(withCore(core, <Desk />));
  return { core, lock };
}

const wait = (ms: number): Promise<void> =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

describe('useIdleLock', () => {
  it('locks once the unit’s idle time has passed without input, not before', async () => {
    const { lock } = openDesk(2);
    await wait(2 * MINUTE - 1);
    expect(lock).not.toHaveBeenCalled();
    await wait(1);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('starts the time again on a key or a mouse move', async () => {
    const { lock } = openDesk(2);
    await wait(MINUTE);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await wait(MINUTE + 30_000);
    expect(lock).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pointermove'));
    await wait(2 * MINUTE - 1);
    expect(lock).not.toHaveBeenCalled();
    await wait(1);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('locks after 10 minutes where the unit set none, and follows a changed setting', async () => {
    const { core, lock } = openDesk();
    await wait(9 * MINUTE);
    expect(lock).not.toHaveBeenCalled();
    act(() => {
      core.store.getState().setUnitDocs({ unitSettings: { ...SETTINGS, idleLockMinutes: 1 } });
    });
    await wait(MINUTE - 1);
    expect(lock).not.toHaveBeenCalled();
    await wait(1);
    expect(lock).toHaveBeenCalledTimes(1);
  });
});
